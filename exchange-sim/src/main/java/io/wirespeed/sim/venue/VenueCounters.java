package io.wirespeed.sim.venue;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;

/**
 * The order-entry application's counters, one per {@link VenueCounter}, written by the application and readable from
 * any thread or process.
 */
public final class VenueCounters implements AutoCloseable
{
    private static final VenueCounter[] VALUES = VenueCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every counter.
     *
     * @param allocator where counters live, e.g. a {@link io.wirespeed.nic.status.CountersFile}.
     * @param prefix    prefixes each label, e.g. {@code "venue"}.
     */
    public VenueCounters(final CounterAllocator allocator, final String prefix)
    {
        for (final VenueCounter counter : VALUES)
        {
            counters[counter.ordinal()] = allocator.newCounter(counter.typeId(), prefix + ": " + counter.label());
        }
    }

    /**
     * Counters in process memory, for an application nobody watches from outside.
     *
     * @return the counters.
     */
    public static VenueCounters inMemory()
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.COUNTER_LENGTH)));
        return new VenueCounters((typeId, label) -> manager.newCounter(label, typeId), "venue");
    }

    /**
     * The current value of a counter, from any thread.
     *
     * @param counter which one.
     * @return its value.
     */
    public long value(final VenueCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    void increment(final VenueCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    void add(final VenueCounter counter, final long delta)
    {
        counters[counter.ordinal()].getAndAddRelease(delta);
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(counters);
    }
}
