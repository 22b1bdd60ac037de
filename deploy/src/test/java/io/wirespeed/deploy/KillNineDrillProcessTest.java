package io.wirespeed.deploy;

import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.venue.AcceptorCounter;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash drill: a {@code wirespeed venue} process keeps running while {@code wirespeed run} (its own process,
 * journaling, the sample strategies trading in process) is killed with SIGKILL twenty times mid-stream, each time
 * with orders just sent, and restarted. Everything is checked from the venue's side, which shares no code with the
 * gateway: after every restart the venue never saw a sequence number below the one it expected (its duplicates
 * counter), never had to negotiate a new session (the gateway re-established its journaled UUID) and never rejected
 * an establishment; at the end, after an orderly stop of the last run, no ClOrdID reached the venue twice, the gateway
 * processed every report the venue sent it (its next expected sequence number is the venue's next outbound one under
 * the same UUID) and the gateway's net position in every instrument equals the venue's record of the client's fills.
 * No Chronicle analytics file appears in the processes' HOME.
 */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
final class KillNineDrillProcessTest
{
    private static final int KILLS = 20;
    private static final Pattern ORDER_ENTRY = Pattern.compile("order entry: iLink 3 on [0-9.]+:(\\d+)");
    private static final Pattern SENT = Pattern.compile("orders ([\\d,]+) sent, ");
    private static final Pattern GATEWAY = Pattern.compile(
        "gateway: uuid (-?\\d+) next_seq_in (\\d+) next_seq_out \\d+ positions(.*)");
    private static final Pattern VENUE_SUMMARY = Pattern.compile(
        "summary: .* clordids=(\\d+) clordids_distinct=(\\d+) low_seq=(\\d+)");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-drill-test-");
        work = Files.createTempDirectory("ws-drill-work-");
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
    void applianceKilledTwentyTimesMidStreamRestartsWithoutDuplicateClOrdIdLostReportLowSeqOrPositionDrift()
        throws IOException
    {
        final List<String> options = List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.sim.message_rate_per_second=2000");
        final List<String> venueOptions = new ArrayList<>(options);
        venueOptions.add("-Dwirespeed.journal.enabled=false");
        venueOptions.add("-Dwirespeed.sim.order_entry.host=127.0.0.1");
        venueOptions.add("-Dwirespeed.sim.order_entry.port=0");
        try (WirespeedProcess venue = WirespeedProcess.start(work, "venue", RackRun.SECRET, venueOptions, List.of(),
            "venue"))
        {
            venue.awaitLine(VenueCommand.STARTED);
            final List<String> runOptions = new ArrayList<>(options);
            runOptions.add("-Dwirespeed.journal.enabled=true");
            runOptions.add("-Dwirespeed.journal.dir=" + work.resolve("journal"));
            runOptions.add("-Dwirespeed.gateway.venue_host=127.0.0.1");
            runOptions.add("-Dwirespeed.gateway.venue_port=" + venue.find(ORDER_ENTRY));
            runOptions.add("-Dwirespeed.aeron.dir=" + shm.resolve("aeron"));

            try (CountersFile venueCounters = CountersFile.openForReading(Path.of(shm.resolve("nic") +
                "-venue-counters")))
            {
                final CountersReader counters = venueCounters.reader();
                for (int kill = 1; kill <= KILLS; kill++)
                {
                    try (WirespeedProcess run = WirespeedProcess.start(work, "run-" + kill, RackRun.SECRET,
                        runOptions, List.of(), "run"))
                    {
                        awaitOrdersInFlight(run);
                        sleepMs(ThreadLocalRandom.current().nextInt(0, 300));
                        run.killHard();
                    }
                    final int k = kill;
                    assertEquals(0, acceptor(counters, AcceptorCounter.DUPLICATES),
                        () -> "restart " + k + ": the venue saw a sequence number below the expected:\n" +
                        venue.output());
                    assertEquals(1, acceptor(counters, AcceptorCounter.NEGOTIATIONS),
                        () -> "restart " + k + ": the gateway negotiated a new session instead of re-establishing " +
                        "its journaled UUID:\n" + venue.output());
                    assertEquals(0, acceptor(counters, AcceptorCounter.ESTABLISHMENT_REJECTS),
                        () -> "restart " + k + ": the venue rejected an establishment:\n" + venue.output());
                }
            }

            final String gateway;
            try (WirespeedProcess last = WirespeedProcess.start(work, "run-last", RackRun.SECRET, runOptions,
                List.of(), "run"))
            {
                awaitOrdersInFlight(last);
                last.terminate();
                assertEquals(0, last.awaitExit(), last.output());
                gateway = last.awaitLine("the gateway's state at the stop", (line) -> line.startsWith("gateway: "));
            }
            venue.terminate();
            assertEquals(0, venue.awaitExit(), venue.output());

            final Matcher summary = VENUE_SUMMARY.matcher(venue.output());
            assertTrue(summary.find(), venue.output());
            assertTrue(Long.parseLong(summary.group(1)) > KILLS, "orders reached the venue:\n" + venue.output());
            assertEquals(summary.group(1), summary.group(2), "no ClOrdID reached the venue twice:\n" + venue.output());
            assertEquals("0", summary.group(3), venue.output());

            final Matcher ours = GATEWAY.matcher(gateway);
            assertTrue(ours.matches(), gateway);
            final String client = venue.awaitLine("the venue's record of the gateway's session",
                (line) -> line.matches("client \\d+: uuid " + ours.group(1) + " .*"));
            System.out.println("kill -9 drill, " + KILLS + " kills: " + gateway + " | venue " + client + " | " +
                summary.group());
            assertEquals("uuid " + ours.group(1) + " next_seq_out " + ours.group(2) + " positions" + ours.group(3),
                client.substring(client.indexOf("uuid ")),
                "the gateway processed every report the venue sent it and its positions equal the venue's");
            assertNoAnalyticsFile();
        }
    }

    /**
     * Wait until this run has sent orders (a progress line counting some), so the kill lands mid-stream.
     */
    private static void awaitOrdersInFlight(final WirespeedProcess run)
    {
        run.awaitLine(RunCommand.STARTED);
        run.awaitLine("orders sent", (line) ->
        {
            final Matcher matcher = SENT.matcher(line);
            return matcher.find() && Long.parseLong(matcher.group(1).replace(",", "")) > 0;
        });
    }

    private static long acceptor(final CountersReader counters, final AcceptorCounter counter)
    {
        final String label = "venue acceptor: " + counter.label();
        final long[] value = { -1 };
        counters.forEach((id, typeId, key, text) ->
        {
            if (text.equals(label))
            {
                value[0] = counters.getCounterValue(id);
            }
        });
        assertTrue(value[0] >= 0, "no venue counter " + label);
        return value[0];
    }

    private void assertNoAnalyticsFile() throws IOException
    {
        try (Stream<Path> files = Files.walk(work))
        {
            final List<Path> analytics = files.filter((p) -> p.getFileName().toString().contains("analytics") ||
                p.getFileName().toString().startsWith(".chronicle")).toList();
            assertEquals(List.of(), analytics, "no Chronicle analytics file in HOME (" + work + ")");
        }
    }

    private static void sleepMs(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
