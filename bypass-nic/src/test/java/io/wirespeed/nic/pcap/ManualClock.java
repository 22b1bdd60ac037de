package io.wirespeed.nic.pcap;

import org.agrona.concurrent.EpochNanoClock;

/**
 * An epoch nanosecond clock a test sets and advances by hand.
 */
final class ManualClock implements EpochNanoClock
{
    private long nowNs;

    ManualClock(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    public long nanoTime()
    {
        return nowNs;
    }

    void set(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    void advance(final long deltaNs)
    {
        nowNs += deltaNs;
    }
}
