package io.wirespeed.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One instance per set of paths: a second {@code demo} on the same paths is refused naming the first one's pid and
 * the key of the path, without touching the first one's files (it keeps trading and {@code wirespeed kill} still
 * reaches it); a lock file left by a venue killed with SIGKILL is taken over, and the banner says so.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class InstanceLockProcessTest
{
    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-lock-test-");
        work = Files.createTempDirectory("ws-lock-work-");
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
    void aSecondDemoOnTheSamePathsIsRefusedNamingTheFirstsPidAndTheFirstKeepsTradingAndIsReachedByKill()
        throws IOException
    {
        try (WirespeedProcess first = WirespeedProcess.start(work, "first", Map.of(), options(), List.of(),
            "demo", "--seconds", "0"))
        {
            first.awaitLine("a progress line", (line) -> line.contains("session ESTABLISHED"));

            final WirespeedProcess second = WirespeedProcess.runToEnd(work, "second", Map.of(), options(),
                "demo", "--seconds", "2");

            assertEquals(Refusal.EXIT_REFUSED, second.process.exitValue(), second.output());
            final String refusal = second.output().lines().filter((line) -> line.startsWith("nic.shm.path"))
                .findFirst().orElseThrow(() -> new AssertionError(second.output()));
            assertTrue(refusal.contains("another wirespeed instance is running on this path (pid " +
                first.process.pid() + ", demo"), refusal);
            assertFalse(second.output().contains("Exception"), second.output());
            assertFalse(second.output().contains("\tat "), second.output());

            first.awaitLine(first.lineCount() + 1, "a progress line after the refusal",
                (line) -> line.contains("session ESTABLISHED"));
            try (WirespeedProcess kill = WirespeedProcess.start(work, "kill", Map.of(), options(), List.of(),
                "kill"))
            {
                assertEquals(0, kill.awaitExit(), kill.output());
                assertTrue(kill.output().contains("applied"), kill.output());
            }
            first.terminate();
            assertEquals(0, first.awaitExit(), first.output());
            assertTrue(first.output().contains("book 1001: equal to the simulator's"), first.output());
        }
        try (Stream<Path> left = Files.list(shm))
        {
            assertEquals(List.of(), left.toList(), "the first demo removes its files and its locks");
        }
    }

    @Test
    void aLockLeftByAVenueKilledWithSigkillIsTakenOverAndTheBannerSaysSo() throws IOException
    {
        final long deadPid;
        try (WirespeedProcess dead = WirespeedProcess.start(work, "dead", RackRun.SECRET, options(), List.of(),
            "venue"))
        {
            dead.awaitLine(VenueCommand.STARTED);
            deadPid = dead.process.pid();
            dead.process.destroyForcibly();
            dead.awaitExit();
        }
        assertTrue(Files.exists(shm.resolve("nic-venue.lock")), "the killed venue could not remove its lock");

        try (WirespeedProcess venue = WirespeedProcess.start(work, "venue", RackRun.SECRET, options(), List.of(),
            "venue"))
        {
            venue.awaitLine(VenueCommand.STARTED);
            assertTrue(venue.output().contains("took over the stale lock " + shm.resolve("nic-venue.lock") +
                " of pid " + deadPid + ", venue"), venue.output());
            venue.terminate();
            assertEquals(0, venue.awaitExit(), venue.output());
        }
        try (Stream<Path> left = Files.list(shm))
        {
            assertEquals(List.of(), left.toList(), "the venue removes its files and its lock");
        }
    }

    private List<String> options()
    {
        return List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.message_rate_per_second=2000",
            "-Dwirespeed.sim.order_entry.port=0");
    }
}
