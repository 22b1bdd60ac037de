package io.wirespeed.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGINT and SIGTERM, as an operator's Ctrl-C or systemd sends them, stop {@code demo}, {@code run} and
 * {@code venue} in order: the strategies stop, the gateway cancels every open order at the venue (the venue's own
 * count of open orders ends at 0; it does not cancel on disconnect by default) and terminates the FIXP session (the
 * venue counts the appliance's Terminate), the summary is printed, exit 0, and nothing is left in the test's own
 * /dev/shm directory.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class ShutdownProcessTest
{
    /**
     * A child started from a shell script in the background inherits SIGINT ignored, and a JVM keeps an ignored
     * SIGINT ignored: reset it, as a terminal's foreground job has it.
     */
    static final List<String> DEFAULT_SIGINT = List.of("env", "--default-signal=INT");

    private static final Pattern FILLS = Pattern.compile("orders [\\d,]+ sent, [\\d,]+ refused, ([\\d,]+) fills");
    private static final Pattern OPEN = Pattern.compile("orders [\\d,]+ received, ([\\d,]+) open, ");
    private static final Pattern ORDER_ENTRY = Pattern.compile("order entry: iLink 3 on [0-9.]+:(\\d+)");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-stop-test-");
        work = Files.createTempDirectory("ws-stop-work-");
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

    @ParameterizedTest
    @ValueSource(strings = { "INT", "TERM" })
    void demoStopsInOrderOnASignalCancelingItsOrdersAndTerminatingTheSessionThenRemovesItsFiles(final String signal)
        throws IOException
    {
        try (WirespeedProcess demo = WirespeedProcess.start(work, "demo", Map.of(), options(), DEFAULT_SIGINT,
            "demo", "--seconds", "0"))
        {
            demo.awaitLine("fills reported", (line) -> line.contains("session ESTABLISHED") && count(FILLS, line) >= 2);

            signal(demo, signal);

            final String output = demo.output();
            assertEquals(0, demo.awaitExit(), output);
            assertTrue(demo.output().contains("stopping (SIG" + signal + ")"), demo.output());
            assertTrue(demo.output().contains("orderly stop: strategies stopped, new orders refused; "),
                demo.output());
            assertTrue(demo.output().contains("session terminated (Terminate sent, the venue's received)"),
                demo.output());
            assertEquals("0", demo.find(Pattern.compile("venue summary: .*open_orders=(\\d+)")), demo.output());
            assertEquals("1", demo.find(Pattern.compile("venue summary: .*terminates_received=(\\d+)")),
                demo.output());
            assertTrue(demo.output().contains("tick-to-trade summary"), demo.output());
            assertTrue(demo.output().contains("book 1001: equal to the simulator's"), demo.output());
            assertFalse(demo.output().contains("Exception"), demo.output());
            assertNothingLeft();
        }
    }

    @Test
    void aSecondSignalDuringTheStopForcesTheExitWithOneLine() throws IOException
    {
        try (WirespeedProcess demo = WirespeedProcess.start(work, "demo-forced", Map.of(), options(), DEFAULT_SIGINT,
            "demo", "--seconds", "0"))
        {
            demo.awaitLine("fills reported", (line) -> line.contains("session ESTABLISHED") && count(FILLS, line) >= 2);

            signal(demo, "INT");
            demo.awaitLine("the stop under way", (line) -> line.contains("stopping (SIGINT)"));
            signal(demo, "TERM");

            assertEquals(StopSignals.EXIT_FORCED, demo.awaitExit(), demo.output());
            final List<String> forced = demo.lines("wirespeed: SIGTERM again during the stop: exiting now");
            assertEquals(1, forced.size(), demo.output());
            assertFalse(demo.output().contains("Exception"), demo.output());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "INT", "TERM" })
    void runAgainstAVenueProcessStopsInOrderOnASignalThenTheVenueStopsOnTheOther(final String signal)
        throws IOException
    {
        final List<String> venueOptions = new ArrayList<>(options());
        venueOptions.add("-Dwirespeed.sim.order_entry.host=127.0.0.1");
        venueOptions.add("-Dwirespeed.sim.order_entry.port=0");
        try (WirespeedProcess venue = WirespeedProcess.start(work, "venue", RackRun.SECRET, venueOptions,
            DEFAULT_SIGINT, "venue"))
        {
            venue.awaitLine(VenueCommand.STARTED);
            final List<String> runOptions = new ArrayList<>(options());
            runOptions.add("-Dwirespeed.gateway.venue_host=127.0.0.1");
            runOptions.add("-Dwirespeed.gateway.venue_port=" + venue.find(ORDER_ENTRY));
            try (WirespeedProcess run = WirespeedProcess.start(work, "run", RackRun.SECRET, runOptions,
                DEFAULT_SIGINT, "run"))
            {
                run.awaitLine(RunCommand.STARTED);
                run.awaitLine("fills reported", (line) -> count(FILLS, line) >= 2);
                venue.awaitLine("a progress line with open orders", (line) -> count(OPEN, line) > 0);

                signal(run, signal);

                assertEquals(0, run.awaitExit(), run.output());
                assertTrue(run.output().contains("wirespeed run: stopping (SIG" + signal + ")"), run.output());
                assertTrue(run.output().contains("orderly stop: strategies stopped, new orders refused; "),
                    run.output());
                assertTrue(run.output().contains("session terminated (Terminate sent, the venue's received)"),
                    run.output());
                assertTrue(run.output().contains("summary: rx_frames="), run.output());
                assertTrue(run.output().contains("wirespeed run: stopped"), run.output());
                venue.awaitLine(venue.lineCount() + 1, "a progress line after the stop with no open order",
                    (line) -> 0 == count(OPEN, line));

                final String other = "INT".equals(signal) ? "TERM" : "INT";
                signal(venue, other);
                assertEquals(0, venue.awaitExit(), venue.output());
                assertTrue(venue.output().contains("market closed (SIG" + other + ")"), venue.output());
                assertEquals("0", venue.find(Pattern.compile("summary: .*open_orders=(\\d+)")), venue.output());
                assertEquals("1", venue.find(Pattern.compile("summary: .*terminates_received=(\\d+)")),
                    venue.output());
                assertFalse(run.output().contains("Exception"), run.output());
                assertFalse(venue.output().contains("Exception"), venue.output());
                assertNothingLeft();
            }
        }
    }

    private List<String> options()
    {
        return List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000");
    }

    private void assertNothingLeft() throws IOException
    {
        try (Stream<Path> left = Files.list(shm))
        {
            assertEquals(List.of(), left.toList(), "the stopped processes remove their files");
        }
    }

    /**
     * Send a signal by name, as {@code kill -NAME pid} does.
     *
     * @param process the process.
     * @param name    e.g. "INT".
     */
    static void signal(final WirespeedProcess process, final String name)
    {
        try
        {
            final Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.process.pid()))
                .inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -" + name);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    static long count(final Pattern pattern, final String line)
    {
        final Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1).replace(",", "")) : -1;
    }
}
