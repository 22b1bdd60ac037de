package io.wirespeed.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
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
 * {@code wirespeed driver} as its own process: {@code run} with {@code embedded_driver = false} uses it (its banner
 * says so, and that multi-process threading runs no strategy in process: {@code wirespeed strategy NAME} runs one
 * beside it and exits 0 on SIGTERM), a second driver or an embedded one on the
 * same directory is refused naming the key, and SIGTERM stops the driver with exit 0 and deletes its directory.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class DriverProcessTest
{
    private static final Map<String, String> SECRET = Map.of("WIRESPEED_VENUE_SECRET", "c2VjcmV0LWZvci10ZXN0cw");

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-driver-test-");
        work = Files.createTempDirectory("ws-driver-work-");
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
    void runUsesTheStandaloneDriverWhichRefusesARivalAndDeletesItsDirectoryOnSigterm() throws IOException
    {
        final Path aeronDir = shm.resolve("aeron");
        try (WirespeedProcess driver = WirespeedProcess.start(work, "driver", Map.of(),
            options("-Dwirespeed.aeron.embedded_driver=false"), List.of(), "driver"))
        {
            driver.awaitLine(DriverCommand.STARTED);
            assertTrue(driver.output().contains("directory " + aeronDir + ", SHARED threading, IPC term 8,388,608 B"),
                driver.output());
            assertTrue(Files.exists(aeronDir.resolve("cnc.dat")));

            final WirespeedProcess rival = WirespeedProcess.runToEnd(work, "rival", Map.of(),
                options("-Dwirespeed.aeron.embedded_driver=false"), "driver");
            assertRefused(rival, "aeron.dir = \"" + aeronDir + "\": a media driver is already running there");

            final WirespeedProcess embedded = WirespeedProcess.runToEnd(work, "embedded", SECRET,
                options("-Dwirespeed.nic.backend=kernel"), "run", "--seconds", "1");
            assertRefused(embedded, "aeron.embedded_driver = true: a media driver is already running at " + aeronDir);

            try (WirespeedProcess run = WirespeedProcess.start(work, "run", SECRET, options(
                "-Dwirespeed.aeron.embedded_driver=false", "-Dwirespeed.nic.backend=kernel",
                "-Dwirespeed.gateway.venue_port=" + closedPort(), "-Dwirespeed.gateway.connect_timeout_ms=100",
                "-Dwirespeed.appliance.threading_mode=multi-process"),
                List.of(), "run"))
            {
                run.awaitLine(RunCommand.STARTED);
                assertTrue(run.output().contains("  media driver: external at " + aeronDir), run.output());
                assertTrue(run.output().contains("venue session: not connected to 127.0.0.1:"), run.output());
                assertTrue(run.output().contains("strategies: none in process; to run as their own processes " +
                    "(wirespeed strategy NAME): demo-mm, demo-t2t"), run.output());
                try (WirespeedProcess strategy = WirespeedProcess.start(work, "strategy", Map.of(), options(
                    "-Dwirespeed.aeron.embedded_driver=false"), List.of(), "strategy", "demo-mm"))
                {
                    strategy.awaitLine("started demo-mm");
                    strategy.terminate();
                    assertEquals(0, strategy.awaitExit(), strategy.output());
                    assertTrue(strategy.output().contains("stopped demo-mm"), strategy.output());
                }
                run.terminate();
                assertEquals(0, run.awaitExit(), run.output());
            }
            assertTrue(driver.process.isAlive(), "the driver outlives its clients");
            assertTrue(Files.exists(aeronDir.resolve("cnc.dat")));

            driver.terminate();
            assertEquals(0, driver.awaitExit(), driver.output());
            assertTrue(driver.output().contains("wirespeed driver: stopping (SIGTERM), deleting " + aeronDir),
                driver.output());
            assertFalse(Files.exists(aeronDir), "the driver deletes its directory on a clean stop");
            assertFalse(driver.output().contains("Exception"), driver.output());
        }
    }

    private List<String> options(final String... extra)
    {
        final List<String> options = new ArrayList<>(List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.aeron.driver_threading_mode=shared",
            "-Dwirespeed.journal.enabled=false"));
        options.addAll(Arrays.asList(extra));
        return options;
    }

    private static int closedPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static void assertRefused(final WirespeedProcess process, final String line)
    {
        assertEquals(Refusal.EXIT_REFUSED, process.process.exitValue(), process.output());
        assertTrue(process.output().lines().anyMatch((l) -> l.startsWith(line)), process.output());
        assertFalse(process.output().contains("Exception"), process.output());
    }
}
