package io.wirespeed.nic.status;

import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.CountedErrorHandler;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.errors.ErrorConsumer;
import org.agrona.concurrent.errors.ErrorLogReader;
import org.agrona.concurrent.errors.LoggingErrorHandler;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.PrintStream;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * A process's agent errors in a memory-mapped Agrona {@link DistinctErrorLog} (each distinct error once, with its
 * count and first and last time), as Aeron keeps the driver's in its CnC file, and an error counter beside the
 * process's other counters; a tool reads the log while the process runs or after it died.
 */
public final class ErrorLogFile implements AutoCloseable
{
    /** Counter type id of the error counter. */
    public static final int ERRORS_TYPE_ID = 900;
    /** Default length of the log, enough for hundreds of distinct stack traces. */
    public static final int DEFAULT_LENGTH_BYTES = 1024 * 1024;

    private final Path path;
    private final MappedByteBuffer mapped;
    private final AtomicBuffer buffer;
    private final AtomicCounter errors;
    private final LoggingErrorHandler logging;
    private final ErrorHandler errorHandler;

    private ErrorLogFile(
        final Path path, final MappedByteBuffer mapped, final AtomicCounter errors, final EpochClock clock,
        final PrintStream overflow)
    {
        this.path = path;
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.errors = errors;
        this.logging = new LoggingErrorHandler(new DistinctErrorLog(buffer, clock), overflow);
        this.errorHandler = new CountedErrorHandler(logging, errors);
    }

    /**
     * Create (or replace) an error log and allocate its error counter.
     *
     * @param path        of the file, next to the process's counters file.
     * @param lengthBytes of the log.
     * @param counters    where the error counter lives.
     * @param label       the counter's label, e.g. {@code appliance: errors}.
     * @param clock       stamps each observation.
     * @param overflow    where an error goes when the log is full.
     * @return the log, mapped.
     * @throws NoSpaceException when its file system has no room for it (no partial file is left).
     */
    public static ErrorLogFile create(
        final Path path,
        final int lengthBytes,
        final CounterAllocator counters,
        final String label,
        final EpochClock clock,
        final PrintStream overflow)
    {
        final MappedByteBuffer mapped = MappedFiles.mapNew(path, lengthBytes);
        try
        {
            return new ErrorLogFile(path, mapped, counters.newCounter(ERRORS_TYPE_ID, label), clock, overflow);
        }
        catch (final RuntimeException ex)
        {
            IoUtil.unmap(mapped);
            IoUtil.deleteIfExists(path.toFile());
            throw ex;
        }
    }

    /**
     * Where a process keeps its error log: beside its counters file, {@code ...counters} named {@code ...errors}.
     *
     * @param countersPath the process's counters file.
     * @return the error log's path.
     */
    public static Path beside(final Path countersPath)
    {
        final String name = countersPath.getFileName().toString();
        final String errors = name.endsWith("counters") ?
            name.substring(0, name.length() - "counters".length()) + "errors" : name + "-errors";
        return countersPath.resolveSibling(errors);
    }

    /**
     * Read every distinct error in a log file, oldest first.
     *
     * @param path     of the file.
     * @param consumer gets count, first and last time (epoch ms) and the encoded error of each.
     * @return how many distinct errors.
     */
    public static int read(final Path path, final ErrorConsumer consumer)
    {
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), "error log");
        try
        {
            return ErrorLogReader.read(new UnsafeBuffer(mapped), consumer);
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
    }

    /**
     * The handler every agent runner of the process reports to: it records the error and counts it.
     *
     * @return the handler.
     */
    public ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    /**
     * How many errors were reported, distinct or not.
     *
     * @return the error counter's value.
     */
    public long errorCount()
    {
        return errors.get();
    }

    /**
     * The file.
     *
     * @return its path.
     */
    public Path path()
    {
        return path;
    }

    /**
     * The log's buffer, for a reader in the same process (the journal agent journals each distinct error it sees).
     *
     * @return the buffer.
     */
    public AtomicBuffer buffer()
    {
        return buffer;
    }

    /**
     * Unmap the log and free its counter; the file is removed when it holds no error, and kept for
     * {@code wirespeed errors} when it does.
     */
    public void close()
    {
        final boolean hasErrors = ErrorLogReader.hasErrors(buffer);
        logging.close();
        errors.close();
        IoUtil.unmap(mapped);
        if (!hasErrors)
        {
            IoUtil.deleteIfExists(path.toFile());
        }
    }
}
