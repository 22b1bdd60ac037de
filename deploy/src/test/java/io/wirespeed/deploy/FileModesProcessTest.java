package io.wirespeed.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything a {@code venue} and {@code run} pair creates (shm wires, counters files, the Aeron directory and the
 * media driver's files in it) is readable and writable by the service's group and by no other user: 0660 files,
 * 0770 directories, whatever umask the operator's shell has (this test's JVM runs with the usual 0022).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class FileModesProcessTest
{
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-rw----");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxrwx---");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String CONTROL_KEY = ControlKeys.GENERATED_FILE_NAME;

    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-modes-");
        work = Files.createTempDirectory("ws-modes-");
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
    void everyFileAVenueAndRunPairCreatesIsForTheGroupOnly() throws IOException
    {
        final List<String> options = List.of("-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.journal.enabled=false", "-Dwirespeed.sim.message_rate_per_second=2000");
        final List<String> wrong = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        RackRun.tradeKillAndStop(work, shm, RackRun.Host.LOCAL, RackRun.Host.LOCAL, options, options, false,
            (rack) ->
            {
                try (Stream<Path> paths = Files.walk(shm))
                {
                    for (final Path path : paths.filter((p) -> !p.equals(shm)).toList())
                    {
                        final boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                        final Set<PosixFilePermission> mode =
                            Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                        final String name = shm.relativize(path).toString();
                        seen.add(name);
                        // the generated operator key is for the appliance's user alone (strategies share the group)
                        final Set<PosixFilePermission> expected = name.endsWith(CONTROL_KEY) ? OWNER_ONLY :
                            directory ? DIRECTORY : FILE;
                        if (!mode.equals(expected))
                        {
                            wrong.add(shm.relativize(path) + " " + PosixFilePermissions.toString(mode));
                        }
                    }
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        for (final String expected : List.of("nic-310-a", "nic-310-b", "nic-counters", "nic-venue-counters",
            "aeron", "aeron/cnc.dat", "aeron/" + CONTROL_KEY))
        {
            assertTrue(seen.contains(expected), expected + " not among " + seen);
        }
        assertEquals(List.of(), wrong, "not 0660 files and 0770 directories (0600 for the operator key), of " + seen);
    }
}
