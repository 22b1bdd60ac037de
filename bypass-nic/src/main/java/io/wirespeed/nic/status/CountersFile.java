package io.wirespeed.nic.status;

import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counters in a memory-mapped file that another process can map and read while this one runs, behind a header that
 * says which layout it is and which process writes it.
 * <pre>
 *   0               4               8                  16                      24            28        128
 *   +---------------+---------------+------------------+-----------------------+-------------+---------+
 *   | layout version| max counters  | pid of the writer| start time (epoch ms) | magic "WSCF"| reserved|
 *   +---------------+---------------+------------------+-----------------------+-------------+---------+
 *   128                            128 + metadataLength                   128 + metadataLength + valuesLength
 *   +------------------------------+------------------------------+
 *   | counter metadata (Agrona)    | counter values (Agrona)      |
 *   +------------------------------+------------------------------+
 * </pre>
 * The layout version is written last (ordered), so a reader that sees it sees the whole header.
 */
public final class CountersFile implements CounterAllocator, AutoCloseable
{
    /** Version of the layout drawn above; readers refuse any other. */
    public static final int LAYOUT_VERSION = 1;
    /** Bytes of header before the counters. */
    public static final int HEADER_LENGTH = 128;
    /** Bytes of metadata per counter, as Agrona lays it out. */
    public static final int METADATA_LENGTH_PER_COUNTER = CountersReader.METADATA_LENGTH;
    /** Bytes of value per counter, as Agrona lays it out. */
    public static final int VALUE_LENGTH_PER_COUNTER = CountersReader.COUNTER_LENGTH;

    static final int VERSION_OFFSET = 0;
    static final int MAX_COUNTERS_OFFSET = 4;
    static final int PID_OFFSET = 8;
    static final int START_TIMESTAMP_OFFSET = 16;
    static final int MAGIC_OFFSET = 24;
    static final int MAGIC = 0x46435357;

    private final MappedByteBuffer mapped;
    private final CountersManager manager;
    private final CountersReader reader;
    private final long pid;
    private final long startTimestampMs;

    private CountersFile(final MappedByteBuffer mapped, final int maxCounters, final boolean writable)
    {
        this.mapped = mapped;
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        final int metadataLength = maxCounters * METADATA_LENGTH_PER_COUNTER;
        final UnsafeBuffer metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength);
        final UnsafeBuffer values = new UnsafeBuffer(
            mapped, HEADER_LENGTH + metadataLength, maxCounters * VALUE_LENGTH_PER_COUNTER);
        if (writable)
        {
            header.putInt(MAX_COUNTERS_OFFSET, maxCounters);
            header.putLong(PID_OFFSET, ProcessHandle.current().pid());
            header.putLong(START_TIMESTAMP_OFFSET, System.currentTimeMillis());
            header.putInt(MAGIC_OFFSET, MAGIC);
            header.putIntOrdered(VERSION_OFFSET, LAYOUT_VERSION);
        }
        this.pid = header.getLong(PID_OFFSET);
        this.startTimestampMs = header.getLong(START_TIMESTAMP_OFFSET);
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
     * Map an existing counters file to read it, checking its header first.
     *
     * @param path of the file.
     * @return the file, mapped read-only in spirit: only the reader is exposed.
     * @throws IllegalStateException naming the path when the file is not (yet) a counters file of this layout.
     */
    public static CountersFile openForReading(final Path path)
    {
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), "counters");
        try
        {
            final String problem = problem(mapped);
            if (null != problem)
            {
                throw new IllegalStateException(path + ": " + problem);
            }
            return new CountersFile(mapped, new UnsafeBuffer(mapped).getInt(MAX_COUNTERS_OFFSET), false);
        }
        catch (final RuntimeException ex)
        {
            IoUtil.unmap(mapped);
            throw ex;
        }
    }

    /**
     * Whether a counters file exists and its writer has finished its header, so {@link #openForReading} may map it.
     *
     * @param path of the file.
     * @return true once the header's layout version is written.
     */
    public static boolean isReady(final Path path)
    {
        try
        {
            if (!Files.isRegularFile(path) || Files.size(path) < HEADER_LENGTH)
            {
                return false;
            }
            final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), "counters");
            try
            {
                return 0 != new UnsafeBuffer(mapped).getIntVolatile(VERSION_OFFSET);
            }
            finally
            {
                IoUtil.unmap(mapped);
            }
        }
        catch (final Exception ex)
        {
            return false;
        }
    }

    /**
     * The file length for a number of counters.
     *
     * @param maxCounters how many counters.
     * @return bytes.
     */
    public static long fileLength(final int maxCounters)
    {
        return HEADER_LENGTH + (long)maxCounters * (METADATA_LENGTH_PER_COUNTER + VALUE_LENGTH_PER_COUNTER);
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
     * The process that writes the counters, from the header.
     *
     * @return its pid.
     */
    public long pid()
    {
        return pid;
    }

    /**
     * When the writer created the file, from the header.
     *
     * @return epoch milliseconds.
     */
    public long startTimestampMs()
    {
        return startTimestampMs;
    }

    /**
     * Unmap the file.
     */
    public void close()
    {
        CloseHelper.quietClose(() -> IoUtil.unmap(mapped));
    }

    private static String problem(final MappedByteBuffer mapped)
    {
        if (mapped.capacity() < HEADER_LENGTH)
        {
            return "not a counters file (" + mapped.capacity() + " bytes, shorter than the " + HEADER_LENGTH +
                "-byte header)";
        }
        final UnsafeBuffer header = new UnsafeBuffer(mapped);
        final int version = header.getIntVolatile(VERSION_OFFSET);
        if (0 == version)
        {
            return "counters file not ready (its writer has not finished the header, or it is not a counters file)";
        }
        if (MAGIC != header.getInt(MAGIC_OFFSET))
        {
            return "not a counters file with a header (written by an older build of wirespeed?)";
        }
        if (LAYOUT_VERSION != version)
        {
            return "counters file layout version " + version + ", but this wirespeed reads version " +
                LAYOUT_VERSION + " (written by another build of wirespeed?)";
        }
        final int maxCounters = header.getInt(MAX_COUNTERS_OFFSET);
        if (maxCounters <= 0 || mapped.capacity() < fileLength(maxCounters))
        {
            return "counters file header says " + maxCounters + " counters, but the file is " + mapped.capacity() +
                " bytes";
        }
        return null;
    }
}
