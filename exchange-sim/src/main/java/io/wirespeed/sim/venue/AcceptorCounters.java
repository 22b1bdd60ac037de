package io.wirespeed.sim.venue;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;

/**
 * The acceptor's counters, one per {@link AcceptorCounter}, readable from outside.
 */
public final class AcceptorCounters implements AutoCloseable
{
    private static final AcceptorCounter[] VALUES = AcceptorCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every counter.
     *
     * @param allocator where counters live.
     */
    public AcceptorCounters(final CounterAllocator allocator)
    {
        for (final AcceptorCounter counter : VALUES)
        {
            counters[counter.ordinal()] = allocator.newCounter(counter.typeId(), "venue acceptor: " + counter.label());
        }
    }

    /**
     * Counters in process memory.
     *
     * @return the counters.
     */
    public static AcceptorCounters inMemory()
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.COUNTER_LENGTH)));
        return new AcceptorCounters((typeId, label) -> manager.newCounter(label, typeId));
    }

    /**
     * The current value of a counter.
     *
     * @param counter which one.
     * @return its value.
     */
    public long value(final AcceptorCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    void increment(final AcceptorCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(counters);
    }
}
