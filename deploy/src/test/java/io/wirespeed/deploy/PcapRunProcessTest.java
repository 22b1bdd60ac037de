package io.wirespeed.deploy;

import io.wirespeed.replay.decode.LoopbackCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
 * {@code wirespeed run} with {@code nic.backend = "pcap"}: tcpdump records a {@code wirespeed venue} process's kernel
 * multicast on "lo" from its start to its exit, then the appliance replays the capture as fast as it can on the
 * capture's own clock, with no venue session, stops by itself at the end of the capture, and ends with the venue's
 * books: the digest lines both print are equal, no instrument went stale.
 */
@Tag("privileged")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class PcapRunProcessTest
{
    private static final Map<String, String> SECRET = Map.of("WIRESPEED_VENUE_SECRET", "c2VjcmV0LWZvci10ZXN0cw");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-pcap-run-test-");
        work = Files.createTempDirectory("ws-pcap-run-work-");
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
    void runReplaysATcpdumpCaptureOfTheVenueOnTheCapturesClockToTheVenuesBooksAndStopsAtItsEnd() throws Exception
    {
        LoopbackCapture.assumeCanCapture();
        final List<String> options = new ArrayList<>(List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000"));
        final String[] keys = { "incremental_a", "incremental_b", "snapshot", "instrument_definition" };
        final int prefix = ThreadLocalRandom.current().nextInt(1, 255);
        final StringBuilder filter = new StringBuilder();
        for (int i = 0; i < keys.length; i++)
        {
            final int port = freeUdpPort();
            options.add("-Dwirespeed.channel.0." + keys[i] + "=239." + prefix + ".99." + (i + 1) + ":" + port);
            filter.append("udp port ").append(port).append(" or ");
        }
        final int sentinel = freeUdpPort();
        filter.append("udp port ").append(sentinel);
        final Path capture = work.resolve("feeds.pcap");

        final List<String> venueOptions = new ArrayList<>(options);
        venueOptions.addAll(List.of("-Dwirespeed.nic.backend=kernel", "-Dwirespeed.nic.kernel.interface=lo",
            "-Dwirespeed.sim.order_entry.port=0"));
        final LoopbackCapture tcpdump = LoopbackCapture.start(work, capture, "-i lo --time-stamp-precision=nano",
            filter.toString());
        final WirespeedProcess venue = WirespeedProcess.start(work, "venue", SECRET, venueOptions, List.of(), "venue",
            "--seconds", "3");
        try (venue)
        {
            assertEquals(0, venue.awaitExit(), venue.output());
        }
        tcpdump.stop(sentinel);

        final List<String> runOptions = new ArrayList<>(options);
        runOptions.addAll(List.of("-Dwirespeed.nic.backend=pcap", "-Dwirespeed.nic.pcap.read_path=" + capture,
            "-Dwirespeed.nic.pcap.pacing=max", "-Dwirespeed.gateway.venue_session=false"));
        final WirespeedProcess run = WirespeedProcess.runToEnd(work, "run", Map.of(), runOptions, "run");

        final String output = run.output();
        assertEquals(0, run.process.exitValue(), output);
        assertTrue(output.contains("  nic pcap: 1 capture(s) [" + capture + "] merged by recorded time, max pacing, " +
            "gap and silence timers on the captures' recorded time; sent frames discarded"), output);
        assertTrue(output.contains("  venue session: none (gateway.venue_session = false)"), output);
        assertTrue(output.contains("wirespeed run: stopping (end of capture)"), output);
        assertTrue(output.contains(" stale=0 "), output);
        assertEquals(venue.lines(BookDigests.PREFIX), run.lines(BookDigests.PREFIX),
            "the replay ends with the venue's books:\n" + output + venue.output());
        assertEquals(2, run.lines(BookDigests.PREFIX).size(), output);
        assertFalse(output.contains("Exception"), output);
        try (Stream<Path> left = Files.list(shm))
        {
            assertEquals(List.of(), left.toList(), "both ends remove their files");
        }
    }

    private static int freeUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
