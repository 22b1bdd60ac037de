package io.wirespeed.sim.venue;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The time the venue stamps on its business messages: a clock reading (or an event's time from the market-data
 * side), but never earlier than a time already stamped, so TransactTime and SendingTimeEpoch never go backwards and
 * a fill is never stamped before its order's acknowledgement.
 */
final class VenueClock
{
    private final EpochNanoClock clock;
    private long lastNs = Long.MIN_VALUE;

    VenueClock(final EpochNanoClock clock)
    {
        this.clock = clock;
    }

    /**
     * Now, as the venue stamps it.
     *
     * @return the stamp.
     */
    long now()
    {
        return stamp(clock.nanoTime());
    }

    /**
     * A time to stamp, moved forward to the last stamp if it is earlier.
     *
     * @param timeNs epoch nanoseconds.
     * @return the stamp.
     */
    long stamp(final long timeNs)
    {
        if (timeNs > lastNs)
        {
            lastNs = timeNs;
        }
        return lastNs;
    }
}
