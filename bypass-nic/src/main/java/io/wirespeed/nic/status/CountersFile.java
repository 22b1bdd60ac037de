package io.wirespeed.nic.status;

import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * Counters in a memory-mapped file that another process can map and read while this one runs.
 * <pre>
 *   0                              metadataLength                 metadataLength + valuesLength
 *   +------------------------------+------------------------------+
 *   | counter metadata (Agrona)    | counter values (Agrona)      |
 *   +------------------------------+------------------------------+
 * </pre>
 */
public final class CountersFile implements CounterAllocator, AutoCloseable
{
    /** Bytes of metadata per counter, as Agrona lays it out. */
    public static final int METADATA_LENGTH_PER_COUNTER = CountersReader.METADATA_LENGTH;
    /** Bytes of value per counter, as Agrona lays it out. */
    public static final int VALUE_LENGTH_PER_COUNTER = CountersReader.COUNTER_LENGTH;

    private final MappedByteBuffer mapped;
    private final CountersManager manager;
    private final CountersReader reader;

    private CountersFile(final MappedByteBuffer mapped, final int maxCounters, final boolean writable)
    {
        this.mapped = mapped;
        final int metadataLength = maxCounters * METADATA_LENGTH_PER_COUNTER;
        final UnsafeBuffer metadata = new UnsafeBuffer(mapped, 0, metadataLength);
        final UnsafeBuffer values = new UnsafeBuffer(mapped, metadataLength, maxCounters * VALUE_LENGTH_PER_COUNTER);
        this.manager = writable ? new CountersManager(metadata, values) : null;
        this.reader = writable ? manager : new CountersReader(metadata, values);
    }

    /**
     * Create (or replace) a counters file for writing.
     *
     * @param path        of the file, e.g. under /dev/shm.
     * @param maxCounters how many counters it can hold.
     * @return the file, mapped.
     */
    public static CountersFile create(final Path path, final int maxCounters)
    {
        return new CountersFile(MappedFiles.mapNew(path, fileLength(maxCounters)), maxCounters, true);
    }

    /**
     * Map an existing counters file to read it.
     *
     * @param path        of the file.
     * @param maxCounters how many counters it was created for.
     * @return the file, mapped read-only in spirit: only the reader is exposed.
     */
    public static CountersFile openForReading(final Path path, final int maxCounters)
    {
        return new CountersFile(IoUtil.mapExistingFile(path.toFile(), "counters"), maxCounters, false);
    }

    /**
     * The file length for a number of counters.
     *
     * @param maxCounters how many counters.
     * @return bytes.
     */
    public static long fileLength(final int maxCounters)
    {
        return (long)maxCounters * (METADATA_LENGTH_PER_COUNTER + VALUE_LENGTH_PER_COUNTER);
    }

    /**
     * {@inheritDoc}
     */
    public AtomicCounter newCounter(final int typeId, final String label)
    {
        if (null == manager)
        {
            throw new IllegalStateException("counters file opened for reading");
        }
        return manager.newCounter(label, typeId);
    }

    /**
     * A reader over every counter in the file.
     *
     * @return a reader over every counter in the file.
     */
    public CountersReader reader()
    {
        return reader;
    }

    /**
     * Unmap the file.
     */
    public void close()
    {
        CloseHelper.quietClose(() -> IoUtil.unmap(mapped));
    }
}
