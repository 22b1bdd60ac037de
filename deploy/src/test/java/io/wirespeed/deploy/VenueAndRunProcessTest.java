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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wirespeed venue} and {@code wirespeed run} as two processes from the packaged launcher, the way an operator
 * brings them up by hand: the appliance attaches to the venue's shm wires, or receives its kernel multicast on "lo",
 * and trades with the sample strategies over TCP to the venue's order entry. Orders fill; SIGTERM to the venue closes
 * its market, SIGTERM to the appliance stops it; both exit 0, the book digests each prints on exit are equal, and
 * nothing is left behind in the run's own /dev/shm directory.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class VenueAndRunProcessTest
{
    private static final Pattern ORDER_ENTRY = Pattern.compile("order entry: iLink 3 on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern FILLS = Pattern.compile("orders [\\d,]+ sent, [\\d,]+ refused, ([\\d,]+) fills");
    private static final Map<String, String> SECRET = Map.of("WIRESPEED_VENUE_SECRET", "c2VjcmV0LWZvci10ZXN0cw");

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
    void overShmInDedicatedThreadingTheAppliancesBooksEqualTheVenuesOrdersFillKillCancelsAndBothStopCleanly()
        throws Exception
    {
        final List<String> options = new ArrayList<>(commonOptions());
        options.add("-Dwirespeed.appliance.threading_mode=dedicated");
        final String nicPath = shm.resolve("nic").toString();
        final Result result = tradeAndStop(options, true);

        for (final String role : List.of("strategy", "feed", "gateway"))
        {
            assertTrue(result.run.output().contains(" (" + role + "): cores "), role + ":\n" + result.run.output());
        }
        assertTrue(result.run.output().contains("dedicated threading"), result.run.output());
        final long venuePid = result.venuePid;
        for (final FeedName feed : FeedName.values())
        {
            assertTrue(result.run.output().contains("nic shm: feed 310 " + feed.text() + " attached to " +
                nicPath + "-310-" + feed.text() + " (venue pid " + venuePid + ","), result.run.output());
            assertTrue(result.venue.output().contains("shm: feed 310 " + feed.text() + " created " + nicPath +
                "-310-" + feed.text()), result.venue.output());
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
        final Result result = tradeAndStop(options, false);
        assertTrue(result.run.output().contains("(feed): core " + core + " (pinned), backoff idle"),
            result.run.output());
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

    private Result tradeAndStop(final List<String> options, final boolean kill) throws IOException
    {
        final List<String> venueOptions = new ArrayList<>(options);
        venueOptions.add("-Dwirespeed.sim.order_entry.port=0");
        try (WirespeedProcess venue = WirespeedProcess.start(work, "venue", SECRET, venueOptions, List.of(), "venue"))
        {
            venue.awaitLine(VenueCommand.STARTED);
            final String port = venue.find(ORDER_ENTRY);
            final long venuePid = venue.process.pid();
            assertTrue(venue.output().contains("pid " + venuePid), venue.output());

            final List<String> runOptions = new ArrayList<>(options);
            runOptions.add("-Dwirespeed.gateway.venue_port=" + port);
            runOptions.add("-Dwirespeed.aeron.dir=" + shm.resolve("aeron"));
            try (WirespeedProcess run = WirespeedProcess.start(work, "run", SECRET, runOptions, List.of(), "run"))
            {
                run.awaitLine(RunCommand.STARTED);
                assertTrue(run.output().contains("venue session: connected /127.0.0.1:"), run.output());
                assertTrue(run.output().contains(" -> /127.0.0.1:" + port + ", ESTABLISHED"), run.output());
                assertTrue(run.output().contains("media driver: embedded at " + shm.resolve("aeron")),
                    run.output());
                assertTrue(run.output().contains("strategies: in process demo-mm (id 1, market-maker), " +
                    "demo-t2t (id 2, tick-responder)"), run.output());
                run.awaitLine("fills reported", (line) -> fills(line) >= 2);
                if (kill)
                {
                    killCancelsEveryOpenOrderAtTheVenue(runOptions, venue);
                }

                venue.terminate();
                assertEquals(0, venue.awaitExit(), venue.output());
                assertTrue(venue.output().contains("market closed (SIGTERM)"), venue.output());
                run.terminate();
                assertEquals(0, run.awaitExit(), run.output());
                assertTrue(run.output().contains("wirespeed run: stopping (SIGTERM)"), run.output());
                assertTrue(run.output().contains("wirespeed run: stopped"), run.output());

                final List<String> venueBooks = venue.lines(BookDigests.PREFIX);
                final List<String> runBooks = run.lines(BookDigests.PREFIX);
                assertEquals(2, venueBooks.size(), venue.output());
                assertEquals(venueBooks, runBooks, "the appliance's books equal the venue's:\n" + run.output());
                assertTrue(Long.parseLong(venue.find(Pattern.compile("summary: .*fills=(\\d+)"))) >= 2,
                    venue.output());
                assertFalse(run.output().contains("Exception"), run.output());
                assertFalse(venue.output().contains("Exception"), venue.output());
                try (Stream<Path> left = Files.list(shm))
                {
                    assertEquals(List.of(), left.toList(), "both ends remove their files");
                }
                return new Result(venue, run, venuePid);
            }
        }
    }

    /**
     * {@code wirespeed kill} against the appliance's media driver trips the kill switch: the gateway cancels every
     * open order at the venue and refuses new ones, so the venue's count of open orders goes to zero and stays.
     */
    private void killCancelsEveryOpenOrderAtTheVenue(final List<String> runOptions, final WirespeedProcess venue)
    {
        final WirespeedProcess kill = WirespeedProcess.runToEnd(work, "kill", SECRET, runOptions, "kill");
        assertEquals(0, kill.process.exitValue(), kill.output());
        assertTrue(kill.output().contains("kill (every strategy): applied; new orders refused"), kill.output());
        // the progress line being written as the kill landed may predate the cancels: look from the one after it
        venue.awaitLine(venue.lineCount() + 1, "a progress line after the kill with no open order",
            (line) -> line.contains(", 0 open, "));
    }

    private List<String> commonOptions()
    {
        return List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000");
    }

    private static long fills(final String line)
    {
        final Matcher matcher = FILLS.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1).replace(",", "")) : -1;
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

    private record Result(WirespeedProcess venue, WirespeedProcess run, long venuePid)
    {
    }
}
