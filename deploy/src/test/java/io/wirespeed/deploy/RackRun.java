package io.wirespeed.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code wirespeed venue} process and a {@code wirespeed run} process trading, each on its own host (a network
 * namespace, or this one): the appliance's sample strategies trade over TCP to the venue's order entry until fills
 * are reported, {@code wirespeed kill} on the appliance's host cancels every open order at the venue, SIGTERM stops
 * the venue then the appliance, both exit 0, the book digests both print are equal and the run's /dev/shm directory
 * is left empty.
 */
final class RackRun
{
    static final Map<String, String> SECRET = Map.of("WIRESPEED_VENUE_SECRET", "c2VjcmV0LWZvci10ZXN0cw");
    private static final Pattern ORDER_ENTRY = Pattern.compile("order entry: iLink 3 on [0-9.]+:(\\d+)");
    private static final Pattern FILLS = Pattern.compile("orders [\\d,]+ sent, [\\d,]+ refused, ([\\d,]+) fills");
    private static final Pattern OPEN = Pattern.compile("orders [\\d,]+ received, ([\\d,]+) open, ");
    private static final Pattern SUMMARY = Pattern.compile("summary: rx_frames=(\\d+) md_msgs=\\d+ stale=\\d+ " +
        "orders=(\\d+) fills=(\\d+) refused=\\d+ t2t_samples=\\d+ t2t_p50_us=(\\S+) t2t_p99_us=(\\S+)");

    final WirespeedProcess venue;
    final WirespeedProcess run;
    final String port;

    private RackRun(final WirespeedProcess venue, final WirespeedProcess run, final String port)
    {
        this.venue = venue;
        this.run = run;
        this.port = port;
    }

    /**
     * One end of the rack: the command words that put a process on it and its address on the link.
     *
     * @param prefix  e.g. {@code ip netns exec NS}, or none for this host.
     * @param address the address the venue listens on or the appliance connects from.
     */
    record Host(List<String> prefix, String address)
    {
        static final Host LOCAL = new Host(List.of(), "127.0.0.1");
    }

    /**
     * The figures {@code run} printed on its summary line.
     *
     * @param packets frames received by its NIC backend.
     * @param orders  orders sent.
     * @param fills   fills received.
     * @param p50us   tick-to-trade median, microseconds, or "-" without samples.
     * @param p99us   tick-to-trade 99th percentile, microseconds, or "-".
     */
    record Figures(long packets, long orders, long fills, String p50us, String p99us)
    {
        static Figures of(final WirespeedProcess run)
        {
            final Matcher matcher = SUMMARY.matcher(run.output());
            assertTrue(matcher.find(), () -> "no summary line:\n" + run.output());
            return new Figures(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), matcher.group(4), matcher.group(5));
        }

        String line(final String backend)
        {
            return "rack " + backend + ": packets=" + packets + " orders=" + orders + " fills=" + fills +
                " t2t_p50_us=" + p50us + " t2t_p99_us=" + p99us;
        }
    }

    /**
     * Bring both ends up, trade until fills are reported, kill, stop both and check what they leave.
     *
     * @param work          working directory for the logs.
     * @param shm           the run's own /dev/shm directory (the Aeron directory goes in it); must end up empty.
     * @param venueHost     where the venue runs and listens.
     * @param applianceHost where the appliance runs.
     * @param venueOptions  the venue's system properties.
     * @param runOptions    the appliance's system properties.
     * @param kill          whether to run {@code wirespeed kill} before stopping.
     * @param whileTrading  checks of the running processes (banners), before the kill.
     * @return both ends, exited.
     */
    static RackRun tradeKillAndStop(
        final Path work,
        final Path shm,
        final Host venueHost,
        final Host applianceHost,
        final List<String> venueOptions,
        final List<String> runOptions,
        final boolean kill,
        final Checks whileTrading) throws IOException
    {
        final List<String> venueLine = new ArrayList<>(venueOptions);
        venueLine.add("-Dwirespeed.sim.order_entry.host=" + venueHost.address());
        venueLine.add("-Dwirespeed.sim.order_entry.port=0");
        try (WirespeedProcess venue = WirespeedProcess.start(work, "venue", SECRET, venueLine, venueHost.prefix(),
            "venue"))
        {
            venue.awaitLine(VenueCommand.STARTED);
            final String port = venue.find(ORDER_ENTRY);
            assertTrue(venue.output().contains("pid " + venue.process.pid()), venue.output());

            final List<String> runLine = new ArrayList<>(runOptions);
            runLine.add("-Dwirespeed.gateway.venue_host=" + venueHost.address());
            runLine.add("-Dwirespeed.gateway.venue_port=" + port);
            runLine.add("-Dwirespeed.aeron.dir=" + shm.resolve("aeron"));
            // a pinned core demands an isolated one, which no test box has: say so and run anyway
            final boolean pinned = runLine.stream().anyMatch((o) -> o.matches("-Dwirespeed\\.agents\\..*\\.core=\\d+"));
            try (WirespeedProcess run = WirespeedProcess.start(work, "run", SECRET, runLine, applianceHost.prefix(),
                pinned ? new String[]{ "run", "--allow-untuned" } : new String[]{ "run" }))
            {
                final RackRun rack = new RackRun(venue, run, port);
                run.awaitLine(RunCommand.STARTED);
                final String banner = run.output();
                assertTrue(banner.contains("venue session: connected /" + applianceHost.address() + ":"), banner);
                assertTrue(banner.contains(" -> /" + venueHost.address() + ":" + port + ", ESTABLISHED"), banner);
                assertTrue(banner.contains("media driver: embedded at " + shm.resolve("aeron")), banner);
                assertTrue(banner.contains("strategies: in process demo-mm (id 1, market-maker), " +
                    "demo-t2t (id 2, tick-responder)"), banner);
                whileTrading.check(rack);
                run.awaitLine("fills reported", (line) -> count(FILLS, line) >= 2);
                if (kill)
                {
                    killCancelsEveryOpenOrderAtTheVenue(work, runLine, applianceHost, venue);
                }

                venue.terminate();
                assertEquals(0, venue.awaitExit(), venue.output());
                assertTrue(venue.output().contains("market closed (SIGTERM)"), venue.output());
                run.terminate();
                assertEquals(0, run.awaitExit(), run.output());
                assertTrue(run.output().contains("wirespeed run: stopping (SIGTERM)"), run.output());
                assertTrue(run.output().contains("wirespeed run: stopped"), run.output());

                final List<String> venueBooks = venue.lines(BookDigests.PREFIX);
                assertEquals(2, venueBooks.size(), venue.output());
                assertEquals(venueBooks, run.lines(BookDigests.PREFIX),
                    "the appliance's books equal the venue's:\n" + run.output());
                assertTrue(Long.parseLong(venue.find(Pattern.compile("summary: .*fills=(\\d+)"))) >= 2,
                    venue.output());
                if (kill)
                {
                    assertEquals("0", venue.find(Pattern.compile("summary: .*open_orders=(\\d+)")), venue.output());
                }
                assertTrue(Figures.of(run).fills() >= 2, run.output());
                assertFalse(run.output().contains("Exception"), run.output());
                assertFalse(venue.output().contains("Exception"), venue.output());
                try (Stream<Path> left = Files.list(shm))
                {
                    assertEquals(List.of(), left.toList(), "both ends remove their files");
                }
                return rack;
            }
        }
    }

    /**
     * {@code wirespeed kill} against the appliance's media driver, from the appliance's host, trips the kill switch:
     * the gateway cancels every open order at the venue and refuses new ones, so the venue's count of open orders
     * goes from some to zero and stays.
     */
    private static void killCancelsEveryOpenOrderAtTheVenue(
        final Path work, final List<String> runLine, final Host applianceHost, final WirespeedProcess venue)
    {
        venue.awaitLine("a progress line with open orders", (line) -> count(OPEN, line) > 0);
        try (WirespeedProcess kill = WirespeedProcess.start(work, "kill", SECRET, runLine, applianceHost.prefix(),
            "kill"))
        {
            assertEquals(0, kill.awaitExit(), kill.output());
            assertTrue(kill.output().contains("kill (every strategy): applied; new orders refused"), kill.output());
        }
        // the progress line being written as the kill landed may predate the cancels: look from the one after it
        venue.awaitLine(venue.lineCount() + 1, "a progress line after the kill with no open order",
            (line) -> 0 == count(OPEN, line));
    }

    private static long count(final Pattern pattern, final String line)
    {
        final Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1).replace(",", "")) : -1;
    }

    /**
     * Checks of both ends while they trade.
     */
    @FunctionalInterface
    interface Checks
    {
        /**
         * Check.
         *
         * @param rack both ends, running.
         */
        void check(RackRun rack);
    }
}
