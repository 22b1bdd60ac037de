package io.wirespeed.deploy;

import io.wirespeed.config.FeedName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo honours {@code nic.backend = "kernel"}: its venue sends each feed to its multicast group on "lo" and the
 * appliance receives them through kernel sockets that joined the groups, instead of shm wires.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class DemoProcessTest
{
    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-demo-test-");
        work = Files.createTempDirectory("ws-demo-work-");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        if (null != shm)
        {
            VenueAndRunProcessTest.deleteTree(shm);
            VenueAndRunProcessTest.deleteTree(work);
        }
    }

    @Test
    void demoOverKernelMulticastOnLoopbackJoinsEveryFeedsGroupAndEndsWithEqualBooks() throws IOException
    {
        final List<String> options = new ArrayList<>(List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.nic.backend=kernel"));
        final String[] keys = { "incremental_a", "incremental_b", "snapshot", "instrument_definition" };
        final int prefix = ThreadLocalRandom.current().nextInt(1, 255);
        final List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < keys.length; i++)
        {
            try (DatagramSocket socket = new DatagramSocket(0))
            {
                endpoints.add("239." + prefix + ".77." + (i + 1) + ":" + socket.getLocalPort());
            }
            options.add("-Dwirespeed.channel.0." + keys[i] + "=" + endpoints.get(i));
        }

        final WirespeedProcess demo = WirespeedProcess.runToEnd(work, "demo", Map.of(), options, "demo",
            "--seconds", "2");

        final String output = demo.output();
        assertEquals(0, demo.process.exitValue(), output);
        assertTrue(output.contains("1 channel(s), 2 instrument(s), compact threading, kernel NIC"), output);
        final FeedName[] feeds = FeedName.values();
        for (int i = 0; i < feeds.length; i++)
        {
            assertTrue(output.contains("  appliance nic kernel: feed 310 " + feeds[i].text() + " joined " +
                endpoints.get(i) + " (multicast"), output);
            assertTrue(output.contains("  venue kernel: feed 310 " + feeds[i].text() + " sends to " +
                endpoints.get(i) + " on lo"), output);
        }
        assertFalse(output.contains("shm: feed"), output);
        assertTrue(output.contains("book 1001: equal to the simulator's"), output);
        assertTrue(output.contains("book 1002: equal to the simulator's"), output);
        assertTrue(output.contains("session ESTABLISHED"), output);
        try (Stream<Path> left = Files.list(shm))
        {
            assertEquals(List.of(), left.toList(), "the demo removes its files");
        }
    }
}
