package io.wirespeed.gateway.session;

import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;

/**
 * A venue session's counters, one per {@link SessionCounter}, written by the session and readable from outside.
 */
public final class SessionCounters implements AutoCloseable
{
    private static final SessionCounter[] VALUES = SessionCounter.values();
    private final AtomicCounter[] counters = new AtomicCounter[VALUES.length];

    /**
     * Allocate every counter of a session.
     *
     * @param allocator where counters live.
     * @param name      prefixes each label.
     */
    public SessionCounters(final CounterAllocator allocator, final String name)
    {
        for (final SessionCounter counter : VALUES)
        {
            counters[counter.ordinal()] =
                allocator.newCounter(counter.typeId(), "venue session " + name + ": " + counter.label());
        }
    }

    /**
     * Counters in process memory, for a session nobody watches from outside.
     *
     * @param name prefixes each label.
     * @return the counters.
     */
    public static SessionCounters inMemory(final String name)
    {
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(VALUES.length * CountersReader.COUNTER_LENGTH)));
        return new SessionCounters((typeId, label) -> manager.newCounter(label, typeId), name);
    }

    /**
     * The current value of a counter.
     *
     * @param counter which one.
     * @return its value.
     */
    public long value(final SessionCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    void increment(final SessionCounter counter)
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
