package io.wirespeed.strategy;

import io.aeron.Aeron;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The {@link StrategyCounter}s of one strategy, allocated through Aeron (visible to AeronStat) or a counters manager.
 */
public final class StrategyCounters implements AutoCloseable
{
    private static final StrategyCounter[] VALUES = StrategyCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every counter through an Aeron client.
     *
     * @param aeron client whose driver's counters file holds them.
     * @param name  of the strategy, named in each label.
     */
    public StrategyCounters(final Aeron aeron, final String name)
    {
        for (final StrategyCounter counter : VALUES)
        {
            counters[counter.ordinal()] = aeron.addCounter(counter.typeId(), label(name, counter));
        }
    }

    /**
     * Allocate every counter in a counters manager.
     *
     * @param manager where the counters live.
     * @param name    of the strategy, named in each label.
     */
    public StrategyCounters(final CountersManager manager, final String name)
    {
        for (final StrategyCounter counter : VALUES)
        {
            counters[counter.ordinal()] = manager.newCounter(label(name, counter), counter.typeId());
        }
    }

    /**
     * Add one to a counter.
     *
     * @param counter to increment.
     */
    public void increment(final StrategyCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    /**
     * Add to a counter.
     *
     * @param counter to add to.
     * @param delta   to add.
     */
    public void add(final StrategyCounter counter, final long delta)
    {
        counters[counter.ordinal()].getAndAddRelease(delta);
    }

    /**
     * The value of a counter.
     *
     * @param counter to read.
     * @return its value.
     */
    public long get(final StrategyCounter counter)
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

    private static String label(final String name, final StrategyCounter counter)
    {
        return "strategy " + name + ": " + counter.label();
    }
}
