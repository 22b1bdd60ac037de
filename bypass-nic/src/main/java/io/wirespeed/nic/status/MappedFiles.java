package io.wirespeed.nic.status;

import org.agrona.IoUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates memory-mapped files only where they fit: the file system's usable space is checked before the file is
 * created, and a fault while it is filled (a tmpfs that filled up meanwhile raises SIGBUS, which the JVM reports as an
 * {@link InternalError}) removes the partial file and is reported as a {@link NoSpaceException}.
 */
public final class MappedFiles
{
    private MappedFiles()
    {
    }

    /**
     * Create a file of a length, filled with zeros, and map it.
     *
     * @param path   of the file; an existing file is replaced.
     * @param length in bytes.
     * @return the mapping.
     * @throws NoSpaceException when the file system has no room for it, naming the path and the bytes needed.
     */
    public static MappedByteBuffer mapNew(final Path path, final long length)
    {
        IoUtil.deleteIfExists(path.toFile());
        final long free = usableSpace(path);
        if (free >= 0 && free < length)
        {
            throw new NoSpaceException(path, length, free, null);
        }
        try
        {
            return IoUtil.mapNewFile(path.toFile(), length, true);
        }
        catch (final InternalError | UncheckedIOException ex)
        {
            IoUtil.deleteIfExists(path.toFile());
            throw new NoSpaceException(path, length, usableSpace(path), ex);
        }
    }

    /**
     * The bytes a new file beside a path may still take.
     *
     * @param path of the file to be.
     * @return usable bytes of the directory's file system, or -1 when it cannot be read.
     */
    public static long usableSpace(final Path path)
    {
        final Path parent = path.toAbsolutePath().getParent();
        try
        {
            return Files.getFileStore(null == parent ? path.toAbsolutePath() : parent).getUsableSpace();
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return -1;
        }
    }
}
