package io.wirespeed.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A file system without room for the shm wires or the counters file: {@code venue} and {@code demo} refuse in one line
 * naming the path and the bytes needed, exit 1, and leave no partial file. The paths are on a tiny tmpfs mounted in a
 * private mount namespace of the process ({@code unshare -m}), gone with it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Tag("privileged")
final class NoSpaceProcessTest
{
    private Path dir;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        dir = Files.createTempDirectory("ws-nospace-");
        work = Files.createTempDirectory("ws-nospace-work-");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        if (null != dir)
        {
            VenueAndRunProcessTest.deleteTree(dir);
            VenueAndRunProcessTest.deleteTree(work);
        }
    }

    @ParameterizedTest
    @CsvSource({ "venue, 1m", "venue, 9m", "demo, 9m" })
    void onAFullTmpfsTheCommandRefusesNamingThePathAndTheBytesNeededAndLeavesNoPartialFile(
        final String command, final String size)
    {
        final String script = "mount -t tmpfs -o size=" + size + " tmpfs " + dir + " || exit 99; \"$@\"; rc=$?; " +
            "echo \"left on the tmpfs: [$(ls -A " + dir + " | tr '\\n' ' ')]\"; exit $rc";
        final WirespeedProcess process = WirespeedProcess.start(work, command, RackRun.SECRET, List.of(
            "-Dwirespeed.nic.shm.path=" + dir.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + dir.resolve("aeron"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.sim.order_entry.port=0"),
            List.of("unshare", "-m", "sh", "-c", script, "in-a-tiny-tmpfs"), command, "--seconds", "1");
        try (process)
        {
            final int exit = process.awaitExit();
            final String output = process.output();
            assertEquals(Refusal.EXIT_REFUSED, exit, output);
            final String refusal = output.lines().filter((line) -> line.startsWith("nic.shm.path"))
                .findFirst().orElseThrow(() -> new AssertionError(output));
            assertTrue(refusal.matches(".*cannot create " + dir.resolve("nic") + "-\\S+ needs [\\d,]+ bytes but " +
                "its file system has [\\d,]+ free.*"), refusal);
            assertTrue(output.contains("left on the tmpfs: []"), output);
            assertFalse(output.contains("InternalError"), output);
            assertFalse(output.contains("\tat "), output);
        }
    }
}
