package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the journal thread has done: records and bytes by stream, append latency and the most it fell behind; written
 * by the journal thread without allocating, readable from any other thread.
 */
public final class JournalStatistics
{
    /** Longest append latency the histogram tells apart; longer ones count as this. */
    public static final long HIGHEST_LATENCY_NS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLongArray records = new AtomicLongArray(JournalRecords.STREAMS);
    private final AtomicLongArray bytes = new AtomicLongArray(JournalRecords.STREAMS);
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_LATENCY_NS, 3);
    private final Histogram latency = new Histogram(1, HIGHEST_LATENCY_NS, 3);
    private Histogram interval;
    private volatile long maxLagBytes;

    void onAppend(final int stream, final long recordBytes, final long latencyNs)
    {
        records.lazySet(stream, records.get(stream) + 1);
        bytes.lazySet(stream, bytes.get(stream) + recordBytes);
        recorder.recordValue(Math.max(1, Math.min(latencyNs, HIGHEST_LATENCY_NS)));
    }

    void onLag(final long lagBytes)
    {
        if (lagBytes > maxLagBytes)
        {
            maxLagBytes = lagBytes;
        }
    }

    /**
     * Records journaled on a stream.
     *
     * @param stream to ask about.
     * @return the count.
     */
    public long records(final JournalStream stream)
    {
        return records.get(stream.value());
    }

    /**
     * Bytes journaled on a stream, record headers included.
     *
     * @param stream to ask about.
     * @return the bytes.
     */
    public long bytes(final JournalStream stream)
    {
        return bytes.get(stream.value());
    }

    /**
     * Records journaled on every stream.
     *
     * @return the count.
     */
    public long totalRecords()
    {
        long total = 0;
        for (int i = 0; i < JournalRecords.STREAMS; i++)
        {
            total += records.get(i);
        }
        return total;
    }

    /**
     * Bytes journaled on every stream.
     *
     * @return the bytes.
     */
    public long totalBytes()
    {
        long total = 0;
        for (int i = 0; i < JournalRecords.STREAMS; i++)
        {
            total += bytes.get(i);
        }
        return total;
    }

    /**
     * The most bytes the journal has been behind one ring or subscription.
     *
     * @return bytes.
     */
    public long maxLagBytes()
    {
        return maxLagBytes;
    }

    /**
     * Append latency on the journal thread so far, nanoseconds: a copy the caller owns.
     *
     * @return the histogram.
     */
    public synchronized Histogram appendLatency()
    {
        interval = recorder.getIntervalHistogram(interval);
        latency.add(interval);
        return latency.copy();
    }
}
