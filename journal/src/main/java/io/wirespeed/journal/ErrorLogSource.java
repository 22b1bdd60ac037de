package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import org.agrona.BitUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;

/**
 * The distinct errors of an error log ({@code ErrorLogFile}'s Agrona {@link DistinctErrorLog}) not journaled yet:
 * each new one becomes an {@code ERROR} record, its text as the error log holds it (UTF-8), captured at its first
 * observation. Entries are only ever appended, so the reader keeps the offset of the next one.
 */
final class ErrorLogSource
{
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final AtomicBuffer buffer;
    private final Journal journal;
    private int nextOffset;

    ErrorLogSource(final AtomicBuffer buffer, final Journal journal)
    {
        this.buffer = buffer;
        this.journal = journal;
    }

    /**
     * Journal every entry committed since the last read.
     *
     * @return entries journaled.
     */
    int poll()
    {
        int count = 0;
        final int capacity = buffer.capacity();
        while (nextOffset + DistinctErrorLog.ENCODED_ERROR_OFFSET <= capacity)
        {
            final int length = buffer.getIntVolatile(nextOffset + DistinctErrorLog.LENGTH_OFFSET);
            if (length <= DistinctErrorLog.ENCODED_ERROR_OFFSET || nextOffset + length > capacity)
            {
                break;
            }
            final long firstMs = buffer.getLong(nextOffset + DistinctErrorLog.FIRST_OBSERVATION_TIMESTAMP_OFFSET);
            journal.append(JournalStream.ERROR.value(), 0, 0, firstMs * NANOS_PER_MILLI, buffer,
                nextOffset + DistinctErrorLog.ENCODED_ERROR_OFFSET, length - DistinctErrorLog.ENCODED_ERROR_OFFSET);
            nextOffset += BitUtil.align(length, DistinctErrorLog.RECORD_ALIGNMENT);
            count++;
        }
        return count;
    }
}
