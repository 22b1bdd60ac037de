package io.wirespeed.sim;

import org.agrona.concurrent.EpochNanoClock;

/**
 * A clock that moves only when a test moves it.
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

    void advance(final long deltaNs)
    {
        nowNs += deltaNs;
    }
}
