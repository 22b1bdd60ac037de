package io.wirespeed.journal;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The {@link JournalCounter}s of the journal, allocated in a counters file.
 */
public final class JournalCounters implements AutoCloseable
{
    private static final JournalCounter[] VALUES = JournalCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every journal counter.
     *
     * @param allocator where the counters live.
     */
    public JournalCounters(final CounterAllocator allocator)
    {
        for (final JournalCounter counter : VALUES)
        {
            counters[counter.ordinal()] = allocator.newCounter(counter.typeId(), "journal: " + counter.label());
        }
    }

    /**
     * Set a counter.
     *
     * @param counter to set.
     * @param value   to set it to.
     */
    public void set(final JournalCounter counter, final long value)
    {
        counters[counter.ordinal()].setRelease(value);
    }

    /**
     * Add to a counter.
     *
     * @param counter to add to.
     * @param delta   to add.
     */
    public void add(final JournalCounter counter, final long delta)
    {
        counters[counter.ordinal()].getAndAddRelease(delta);
    }

    /**
     * The value of a counter.
     *
     * @param counter to read.
     * @return its value.
     */
    public long get(final JournalCounter counter)
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
