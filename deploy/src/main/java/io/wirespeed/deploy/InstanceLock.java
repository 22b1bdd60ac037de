package io.wirespeed.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One instance per set of paths: an exclusive lock ({@link FileChannel#tryLock()}) on a lock file beside the paths a
 * command creates, holding the owner's pid and start time, taken before any of those paths is touched, removed and
 * released on close. A second instance is refused naming the key of the path and the running pid; a lock file left
 * by a process that died (the kernel released its lock) is taken over, and {@link #takeover()} says so.
 */
final class InstanceLock implements AutoCloseable
{
    private static final int MAX_ATTEMPTS = 10;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String takeover;

    private InstanceLock(final Path file, final FileChannel channel, final FileLock lock, final String takeover)
    {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.takeover = takeover;
    }

    /**
     * The lock file of a path: beside it, its name with {@code .lock} added.
     *
     * @param path the path the lock guards.
     * @return the lock file.
     */
    static Path fileFor(final Path path)
    {
        return Path.of(path + ".lock");
    }

    /**
     * Take the lock of a path for this process.
     *
     * @param path    the path the lock guards (the lock file is {@link #fileFor(Path)}).
     * @param key     the configuration key that names the path, for a refusal.
     * @param command what this process is, e.g. "run", recorded in the lock file.
     * @return the lock, held.
     * @throws Refusal naming the key and the running pid when another process holds it, or when the lock file
     *                 cannot be created.
     */
    static InstanceLock acquire(final Path path, final String key, final String command)
    {
        final Path file = fileFor(path);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
        {
            final InstanceLock lock = tryAcquire(path, file, key, command);
            if (null != lock)
            {
                return lock;
            }
        }
        throw Refusal.of(key, path.toString(), "cannot take the instance lock " + file + ": it keeps being replaced");
    }

    /**
     * What this process took over, for the banner.
     *
     * @return e.g. "took over the stale lock ... of pid 123 (...), no longer running", or null when the lock was free.
     */
    String takeover()
    {
        return takeover;
    }

    /**
     * The lock file.
     *
     * @return its path.
     */
    Path file()
    {
        return file;
    }

    public void close()
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ignore)
        {
            // the lock is released below either way; a leftover file is taken over by the next instance
        }
        try
        {
            lock.release();
        }
        catch (final IOException ignore)
        {
            // closing the channel releases it too
        }
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // nothing more to release
        }
    }

    private static InstanceLock tryAcquire(final Path path, final Path file, final String key, final String command)
    {
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException ex)
            {
                lock = null;
            }
            final String previous = read(channel);
            if (null == lock)
            {
                channel.close();
                throw Refusal.of(key, path.toString(), "another wirespeed instance is running on this path (" +
                    (previous.isEmpty() ? "pid unknown" : previous) + "; lock " + file + "): stop it first, or " +
                    "configure other paths");
            }
            if (!Files.exists(file))
            {
                // the holder removed the file as it released it: lock the file that is there now
                channel.close();
                return null;
            }
            channel.truncate(0);
            final ProcessHandle self = ProcessHandle.current();
            channel.write(ByteBuffer.wrap(("pid " + self.pid() + ", " + command + ", started " +
                self.info().startInstant().map(Instant::toString).orElse("at an unknown time") + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new InstanceLock(file, channel, lock,
                previous.isEmpty() ? null : "took over the stale lock " + file + " of " + previous +
                ", no longer running");
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw Refusal.of(key, path.toString(), "cannot take the instance lock " + file + ": " + ex.getMessage());
        }
    }

    private static String read(final FileChannel channel) throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (null != channel)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // already failing
            }
        }
    }
}
