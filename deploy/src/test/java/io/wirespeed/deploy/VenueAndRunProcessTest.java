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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wirespeed venue} and {@code wirespeed run} as two processes from the packaged launcher on one host, the
 * appliance receiving the venue's kernel multicast on "lo" with seeded loss on feed A, and trading with the sample
 * strategies over TCP to the venue's order entry. Orders fill; SIGTERM to the venue closes its market, SIGTERM to the
 * appliance stops it; both exit 0, the book digests each prints on exit are equal, and nothing is left behind in the
 * run's own /dev/shm directory. The shm and the two-host cases are in {@link RackProcessTest}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class VenueAndRunProcessTest
{
    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-run-test-");
        work = Files.createTempDirectory("ws-run-work-");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        if (null != shm)
        {
            deleteTree(shm);
            deleteTree(work);
        }
    }

    @Test
    void overKernelMulticastOnLoopbackWithLossOnFeedATheAppliancesBooksEqualTheVenuesAndBothStopCleanly()
        throws Exception
    {
        final List<String> options = new ArrayList<>(commonOptions());
        options.add("-Dwirespeed.nic.backend=kernel");
        options.add("-Dwirespeed.nic.kernel.interface=lo");
        final String[] keys = { "incremental_a", "incremental_b", "snapshot", "instrument_definition" };
        final int prefix = ThreadLocalRandom.current().nextInt(1, 255);
        final int subnet = ThreadLocalRandom.current().nextInt(1, 255);
        final List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < keys.length; i++)
        {
            final String endpoint = "239." + prefix + "." + subnet + "." + (i + 1) + ":" + freeUdpPort();
            endpoints.add(endpoint);
            options.add("-Dwirespeed.channel.0." + keys[i] + "=" + endpoint);
        }

        final int core = Runtime.getRuntime().availableProcessors() - 1;
        options.add("-Dwirespeed.agents.feed.core=" + core);
        // seeded loss on feed A at the appliance: arbitration fills from B, so the books still end equal
        options.addAll(List.of("-Dwirespeed.fault.310.a.enabled=true", "-Dwirespeed.fault.310.a.seed=7",
            "-Dwirespeed.fault.310.a.loss_rate=0.01"));
        final RackRun result = RackRun.tradeKillAndStop(work, shm, RackRun.Host.LOCAL, RackRun.Host.LOCAL, options,
            options, false, (rack) ->
            {
            });
        assertTrue(result.run.output().contains("(feed): core " + core + " (pinned), backoff idle"),
            result.run.output());
        final boolean isolated = HostView.cpuList(HostView.host().read("/sys/devices/system/cpu/isolated")).get(core);
        assertTrue(isolated || result.run.output().contains("wirespeed run: --allow-untuned overrides: FAIL " +
            "isolcpus: configured core(s) " + core + " not isolated (agents.feed.core = " + core), result.run.output());
        assertTrue(result.run.output().contains("nic fault injection on feed 310 a: seed 7, loss rate 0.01,"),
            result.run.output());

        final FeedName[] feeds = FeedName.values();
        for (int i = 0; i < feeds.length; i++)
        {
            assertTrue(result.run.output().contains("nic kernel: feed 310 " + feeds[i].text() + " joined " +
                endpoints.get(i) + " (multicast"), result.run.output());
            assertTrue(result.venue.output().contains("kernel: feed 310 " + feeds[i].text() + " sends to " +
                endpoints.get(i) + " on lo"), result.venue.output());
        }
    }

    private List<String> commonOptions()
    {
        return List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000");
    }

    private static int freeUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(final Path root) throws IOException
    {
        if (Files.exists(root))
        {
            try (Stream<Path> paths = Files.walk(root))
            {
                for (final Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList())
                {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
