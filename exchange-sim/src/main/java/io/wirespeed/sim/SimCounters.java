package io.wirespeed.sim;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;

/**
 * One simulated channel's counters, one per {@link SimCounter}, written by the simulator and readable from outside.
 */
public final class SimCounters implements AutoCloseable
{
    private static final SimCounter[] VALUES = SimCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every counter of a channel.
     *
     * @param allocator where counters live, e.g. a {@link io.wirespeed.nic.status.CountersFile}.
     * @param channelId prefixes each label.
     */
    public SimCounters(final CounterAllocator allocator, final int channelId)
    {
        for (final SimCounter counter : VALUES)
        {
            counters[counter.ordinal()] =
                allocator.newCounter(counter.typeId(), "sim channel " + channelId + ": " + counter.label());
        }
    }

    /**
     * Counters in process memory, for a simulator nobody watches from outside.
     *
     * @param channelId prefixes each label.
     * @return the counters.
     */
    public static SimCounters inMemory(final int channelId)
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.COUNTER_LENGTH)));
        return new SimCounters((typeId, label) -> manager.newCounter(label, typeId), channelId);
    }

    /**
     * The current value of a counter.
     *
     * @param counter which one.
     * @return its value.
     */
    public long value(final SimCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    void increment(final SimCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    void set(final SimCounter counter, final long value)
    {
        counters[counter.ordinal()].setRelease(value);
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(counters);
    }
}
