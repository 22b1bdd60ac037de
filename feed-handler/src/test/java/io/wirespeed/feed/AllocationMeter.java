package io.wirespeed.feed;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from the JVM's per-thread allocation counter (HotSpot's ThreadMXBean).
 */
public final class AllocationMeter
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    static
    {
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    private AllocationMeter()
    {
    }

    /**
     * Bytes the current thread has allocated since it started.
     *
     * @return bytes the current thread has allocated since it started.
     */
    public static long allocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Run a loop once to warm it up (JIT, lazily built state), then again measuring what it allocates.
     *
     * @param warmUp   run first, not measured.
     * @param measured run second, measured.
     * @return bytes allocated by the current thread during {@code measured}.
     */
    public static long measure(final Runnable warmUp, final Runnable measured)
    {
        warmUp.run();
        final long before = allocatedBytes();
        measured.run();
        final long after = allocatedBytes();
        return after - before;
    }
}
