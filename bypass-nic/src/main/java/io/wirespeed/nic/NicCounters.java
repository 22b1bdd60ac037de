package io.wirespeed.nic;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * One port's counters, one per {@link NicCounter}, written by the port's single writer and readable from outside.
 */
public final class NicCounters implements AutoCloseable
{
    private static final NicCounter[] VALUES = NicCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every counter for a port.
     *
     * @param allocator where counters live.
     * @param portName  prefixes each label.
     */
    public NicCounters(final CounterAllocator allocator, final String portName)
    {
        for (final NicCounter counter : VALUES)
        {
            counters[counter.ordinal()] = allocator.newCounter(counter.typeId(), portName + ": " + counter.label());
        }
    }

    /**
     * The counter of a kind.
     *
     * @param counter which one.
     * @return the counter.
     */
    public AtomicCounter get(final NicCounter counter)
    {
        return counters[counter.ordinal()];
    }

    /**
     * Add one to a counter; single writer.
     *
     * @param counter which one.
     */
    public void increment(final NicCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    /**
     * Add to a counter; single writer.
     *
     * @param counter which one.
     * @param delta   to add.
     */
    public void add(final NicCounter counter, final long delta)
    {
        counters[counter.ordinal()].getAndAddRelease(delta);
    }

    /**
     * The current value of a counter.
     *
     * @param counter which one.
     * @return its value.
     */
    public long value(final NicCounter counter)
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
