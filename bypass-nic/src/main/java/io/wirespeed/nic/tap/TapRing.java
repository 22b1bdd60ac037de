package io.wirespeed.nic.tap;

import io.wirespeed.nic.status.MappedFiles;
import org.agrona.BitUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A single-producer, single-consumer ring of journal records (Agrona's {@link OneToOneRingBuffer}) in a
 * memory-mapped file: the producing hot thread copies a record in and goes on; the journal agent reads it out and
 * appends it to the queue. Because the ring is a shared file mapping, a record committed before the process dies
 * (even by kill -9) stays in the file; the next start opens the file with {@link #openLeftover(Path)}, journals what
 * the dead process left, and only then creates a new ring in its place.
 * <p>
 * Each ring message has type {@link #RECORD_TYPE_ID} and holds one journal record exactly as the journal stores it:
 * the internal schema's message header, a {@code JournalRecordHeader} block, then the payload (see
 * {@link JournalTap}).
 */
public final class TapRing implements AutoCloseable
{
    /** Ring message type of a journal record. */
    public static final int RECORD_TYPE_ID = 1;

    /** Ring capacity when the configuration does not say: 8 MiB of records. */
    public static final int CAPACITY_DEFAULT = 8 * 1024 * 1024;

    /** Smallest ring capacity accepted. */
    public static final int CAPACITY_MIN = 64 * 1024;

    private final Path path;
    private final MappedByteBuffer mapped;
    private final OneToOneRingBuffer ring;

    private TapRing(final Path path, final MappedByteBuffer mapped)
    {
        this.path = path;
        this.mapped = mapped;
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(mapped));
    }

    /**
     * Create (or replace) a ring file and map it. A file already at the path is replaced: journal what it holds
     * first ({@link #openLeftover(Path)}).
     *
     * @param path     of the file, e.g. beside the counters under /dev/shm.
     * @param capacity bytes of records, a power of two of at least {@link #CAPACITY_MIN}.
     * @return the ring.
     * @throws IllegalArgumentException when the capacity is not a power of two or too small.
     * @throws io.wirespeed.nic.status.NoSpaceException when the file system has no room for it.
     */
    public static TapRing create(final Path path, final int capacity)
    {
        if (capacity < CAPACITY_MIN || !BitUtil.isPowerOfTwo(capacity))
        {
            throw new IllegalArgumentException(
                "tap ring capacity must be a power of two of at least " + CAPACITY_MIN + " bytes: " + capacity);
        }
        return new TapRing(path, MappedFiles.mapNew(path, capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }

    /**
     * Open the ring a previous process left at a path, to journal what it holds.
     *
     * @param path of the file.
     * @return the ring, or null when there is no file or it is not a ring (its length is not a power of two plus the
     *     trailer).
     */
    public static TapRing openLeftover(final Path path)
    {
        if (!Files.isRegularFile(path))
        {
            return null;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final long length = channel.size();
            final long capacity = length - RingBufferDescriptor.TRAILER_LENGTH;
            if (capacity < CAPACITY_MIN || capacity > Integer.MAX_VALUE || !BitUtil.isPowerOfTwo(capacity))
            {
                return null;
            }
            return new TapRing(path, channel.map(FileChannel.MapMode.READ_WRITE, 0, length));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the journal tap ring " + path, ex);
        }
    }

    /**
     * The file.
     *
     * @return the path.
     */
    public Path path()
    {
        return path;
    }

    /**
     * The ring, for the producer ({@link JournalTap}) and the journal agent.
     *
     * @return the ring.
     */
    public OneToOneRingBuffer ring()
    {
        return ring;
    }

    /**
     * Bytes of records the ring can hold.
     *
     * @return the capacity.
     */
    public int capacity()
    {
        return ring.capacity();
    }

    /**
     * Unmap and delete the file: for a ring whose records were all journaled.
     */
    public void delete()
    {
        close();
        IoUtil.deleteIfExists(path.toFile());
    }

    /**
     * Unmap; the file stays (a ring still holding records is journaled by the next start).
     */
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
