package io.wirespeed.nic;

import org.agrona.concurrent.EpochNanoClock;

/**
 * A clock that moves only when a test moves it.
 */
public final class ManualEpochNanoClock implements EpochNanoClock
{
    private long nowNs;

    /**
     * A clock at a time.
     *
     * @param nowNs epoch nanoseconds.
     */
    public ManualEpochNanoClock(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    /**
     * {@inheritDoc}
     */
    public long nanoTime()
    {
        return nowNs;
    }

    /**
     * Set the time.
     *
     * @param nowNs epoch nanoseconds.
     */
    public void set(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    /**
     * Move the time on.
     *
     * @param deltaNs nanoseconds.
     */
    public void advance(final long deltaNs)
    {
        nowNs += deltaNs;
    }
}
