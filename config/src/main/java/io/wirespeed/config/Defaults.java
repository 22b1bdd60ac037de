package io.wirespeed.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-user default locations, computed when a context concludes so tests on one host do not collide.
 */
final class Defaults
{
    private static final Path DEV_SHM = Path.of("/dev/shm");

    private Defaults()
    {
    }

    static String user()
    {
        final String user = System.getProperty("user.name", "default");
        final String safe = user.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.isEmpty() ? "default" : safe;
    }

    /**
     * Under /dev/shm where it exists (Linux), else the temporary directory.
     */
    static Path sharedMemoryPath(final String prefix)
    {
        final Path parent = Files.isDirectory(DEV_SHM) ? DEV_SHM : tempDir();
        return parent.resolve(prefix + user());
    }

    static Path tempPath(final String prefix)
    {
        return tempDir().resolve(prefix + user());
    }

    private static Path tempDir()
    {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
