package io.wirespeed.feed;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The {@link FeedCounter}s of one feed channel, allocated in a counters file.
 */
public final class ChannelCounters implements AutoCloseable
{
    private static final FeedCounter[] VALUES = FeedCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every counter of a channel.
     *
     * @param allocator where the counters live.
     * @param channelId named in each label.
     */
    public ChannelCounters(final CounterAllocator allocator, final int channelId)
    {
        for (final FeedCounter counter : VALUES)
        {
            counters[counter.ordinal()] = allocator.newCounter(
                counter.typeId(), "channel " + channelId + ": " + counter.label());
        }
    }

    /**
     * Add one to a counter.
     *
     * @param counter to increment.
     */
    public void increment(final FeedCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    /**
     * Add to a counter.
     *
     * @param counter to add to.
     * @param delta   to add.
     */
    public void add(final FeedCounter counter, final long delta)
    {
        counters[counter.ordinal()].getAndAddRelease(delta);
    }

    /**
     * The value of a counter.
     *
     * @param counter to read.
     * @return its value.
     */
    public long get(final FeedCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(counters);
    }
}
