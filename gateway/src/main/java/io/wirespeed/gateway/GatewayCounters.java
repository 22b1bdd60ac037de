package io.wirespeed.gateway;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The {@link GatewayCounter}s of the order gateway, allocated in a counters file.
 */
public final class GatewayCounters implements AutoCloseable
{
    private static final GatewayCounter[] VALUES = GatewayCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every gateway counter.
     *
     * @param allocator where the counters live.
     */
    public GatewayCounters(final CounterAllocator allocator)
    {
        for (final GatewayCounter counter : VALUES)
        {
            counters[counter.ordinal()] = allocator.newCounter(counter.typeId(), "gateway: " + counter.label());
        }
    }

    /**
     * Add one to a counter.
     *
     * @param counter to increment.
     */
    public void increment(final GatewayCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    /**
     * Add to a counter.
     *
     * @param counter to add to.
     * @param delta   to add.
     */
    public void add(final GatewayCounter counter, final long delta)
    {
        counters[counter.ordinal()].getAndAddRelease(delta);
    }

    /**
     * The value of a counter.
     *
     * @param counter to read.
     * @return its value.
     */
    public long get(final GatewayCounter counter)
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
