package io.wirespeed.deploy;

import io.wirespeed.config.ConfigCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator's tools say about the appliance, each a packaged {@code bin/wirespeed} process: {@code kill},
 * {@code strategy} and {@code stat} against what a dead appliance left behind answer at once with exit 3 and one line;
 * {@code stat} reads a live venue's counters with its pid; {@code errors} reads the error log; the runtime refuses
 * what {@code config check} refuses.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class OpsProcessTest
{
    private static final Map<String, String> SECRET = Map.of("WIRESPEED_VENUE_SECRET", "c2VjcmV0LWZvci10ZXN0cw");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-ops-test-");
        work = Files.createTempDirectory("ws-ops-work-");
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
    void killStrategyAndStatAgainstADeadAppliancesLeftoversHaveNothingToTalkTo()
    {
        final long pid;
        try (WirespeedProcess driver = WirespeedProcess.start(work, "driver", Map.of(),
            options("-Dwirespeed.aeron.driver_threading_mode=shared"), List.of(),
            "driver"))
        {
            driver.awaitLine(DriverCommand.STARTED);
            pid = driver.pid();
            driver.killHard();
        }
        assertTrue(Files.exists(shm.resolve("aeron").resolve("cnc.dat")), "the dead driver left its CnC file");

        final String dead = "aeron.dir = \"" + shm.resolve("aeron") + "\": no running appliance: the media driver " +
            "at " + shm.resolve("aeron") + " (pid " + pid + ") is not running; its files are left over; start it " +
            "with `wirespeed run`";
        assertOneLine(WirespeedProcess.runToEnd(work, "kill", Map.of(), options(), "kill"),
            Refusal.EXIT_NOTHING_TO_TALK_TO, dead);
        assertOneLine(WirespeedProcess.runToEnd(work, "strategy", Map.of(), options(), "strategy", "demo-mm"),
            Refusal.EXIT_NOTHING_TO_TALK_TO, dead);
        assertOneLine(WirespeedProcess.runToEnd(work, "stat", Map.of(), options(), "stat", "--once"),
            Refusal.EXIT_NOTHING_TO_TALK_TO, "no running appliance: no counters file at " + shm.resolve("nic") +
            "-counters (nic.shm.path); start it with `wirespeed run`");
    }

    @Test
    void statReadsALiveVenuesCountersAndRefusesTheLeftoversOfADeadOne()
    {
        final long pid;
        try (WirespeedProcess venue = WirespeedProcess.start(work, "venue", SECRET, options(), List.of(), "venue"))
        {
            venue.awaitLine(VenueCommand.STARTED);
            pid = venue.pid();

            final WirespeedProcess stat = WirespeedProcess.runToEnd(work, "stat-live", Map.of(), options(),
                "stat", "--venue", "--once");
            final String output = stat.output();
            assertEquals(0, stat.awaitExit(), output);
            assertTrue(output.startsWith("wirespeed stat: venue pid " + pid + ", started "), output);
            assertTrue(output.contains("== " + shm.resolve("nic") + "-venue-counters (counters file layout 1)"),
                output);
            assertTrue(output.contains(" - venue: agent errors (wirespeed errors --venue)"), output);
            assertFalse(output.contains("\u001b["), "--once does not clear the screen: " + output);

            final WirespeedProcess errors = WirespeedProcess.runToEnd(work, "errors-live", Map.of(), options(),
                "errors", "--venue");
            assertEquals(0, errors.awaitExit(), errors.output());
            assertTrue(errors.output().contains(shm.resolve("nic") + "-venue-errors: 0 distinct error(s)"),
                errors.output());

            venue.killHard();
        }

        assertOneLine(WirespeedProcess.runToEnd(work, "stat-dead", Map.of(), options(), "stat", "--venue", "--once"),
            Refusal.EXIT_NOTHING_TO_TALK_TO, "no running venue: " + shm.resolve("nic") + "-venue-counters was " +
            "left by pid " + pid + " (started ");
    }

    @Test
    void commandsRefuseAConfigWithNoChannelAndUnknownPropertiesAsConfigCheckDoes() throws IOException
    {
        final Path noChannel = work.resolve("no-channel.toml");
        Files.writeString(noChannel, """
            [gateway]
            session_id = "ABC"
            firm_id = "F1"
            access_key_id = "key1"
            secret_ref = "env:WIRESPEED_VENUE_SECRET"
            """);
        final String missing = "channel: missing: at least one [[channel]] is needed";
        final WirespeedProcess check = WirespeedProcess.runToEnd(work, "check", Map.of(), List.of(), "config",
            "check", noChannel.toString());
        assertEquals(ConfigCheck.EXIT_INVALID, check.awaitExit(), check.output());
        assertTrue(check.output().contains(missing), check.output());

        final WirespeedProcess demo = WirespeedProcess.runToEnd(work, "demo", SECRET, options(), "demo", "--config",
            noChannel.toString(), "--seconds", "1");
        assertEquals(ConfigCheck.EXIT_INVALID, demo.awaitExit(), demo.output());
        assertTrue(demo.output().contains(missing), demo.output());
        assertFalse(demo.output().contains("Exception"), demo.output());

        final WirespeedProcess typo = WirespeedProcess.runToEnd(work, "typo", SECRET,
            options("-Dwirespeed.venue_host=10.0.0.1"), "demo", "--seconds", "1");
        assertEquals(ConfigCheck.EXIT_INVALID, typo.awaitExit(), typo.output());
        assertTrue(typo.output().contains("-Dwirespeed.venue_host: venue_host: unknown table (the configuration's " +
            "tables are appliance, "), typo.output());
    }

    private List<String> options(final String... extra)
    {
        final List<String> options = new ArrayList<>(List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.order_entry.port=0"));
        options.addAll(Arrays.asList(extra));
        return options;
    }

    private static void assertOneLine(final WirespeedProcess process, final int exitCode, final String line)
    {
        final String output = process.output();
        assertEquals(exitCode, process.awaitExit(), output);
        final List<String> lines = Arrays.stream(output.split("\n")).filter((l) -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "one line in:\n" + output);
        assertTrue(lines.get(0).startsWith(line), () -> "starts \"" + line + "\":\n" + output);
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.contains("\tat "), output);
    }
}
