package io.wirespeed.gateway;

import java.util.Arrays;

/**
 * Counts events in a sliding one-second window of one-millisecond buckets, without allocating; the limit is
 * passed per check so it can change at run time.
 */
public final class RateThrottle
{
    static final int BUCKETS = 1000;
    private static final long BUCKET_NS = 1_000_000L;

    private final int[] counts = new int[BUCKETS];
    private long headBucket = Long.MIN_VALUE;
    private long total;

    /**
     * Whether one more event now would exceed a limit on events in the last second.
     *
     * @param nowNs epoch nanoseconds, never going back.
     * @param limit most events allowed in any one-second window.
     * @return true when the event must be refused.
     */
    public boolean wouldExceed(final long nowNs, final long limit)
    {
        advance(nowNs);
        return total >= limit;
    }

    /**
     * Record one event now.
     *
     * @param nowNs epoch nanoseconds, never going back.
     */
    public void record(final long nowNs)
    {
        advance(nowNs);
        counts[(int)(headBucket % BUCKETS)]++;
        total++;
    }

    /**
     * Events in the window ending now.
     *
     * @param nowNs epoch nanoseconds.
     * @return the count.
     */
    public long count(final long nowNs)
    {
        advance(nowNs);
        return total;
    }

    private void advance(final long nowNs)
    {
        final long bucket = nowNs / BUCKET_NS;
        if (bucket <= headBucket)
        {
            return;
        }
        if (Long.MIN_VALUE == headBucket || bucket - headBucket >= BUCKETS)
        {
            Arrays.fill(counts, 0);
            total = 0;
        }
        else
        {
            for (long b = headBucket + 1; b <= bucket; b++)
            {
                final int index = (int)(b % BUCKETS);
                total -= counts[index];
                counts[index] = 0;
            }
        }
        headBucket = bucket;
    }
}
