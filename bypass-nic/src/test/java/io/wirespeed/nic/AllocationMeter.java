package io.wirespeed.nic;

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

    /**
     * Warm a loop up, then run it {@code windows} more times, measuring each, and return the least any window
     * allocated. A path that allocates per message allocates in every window; a one-off allocation by the JVM itself
     * (a late JIT deoptimisation re-materialising objects escape analysis had removed) shows in one window only. So
     * zero from this says the steady state allocates nothing, without a flaky single measurement.
     *
     * @param warmUp  run first, not measured.
     * @param window  run {@code windows} times, each measured.
     * @param windows how many measured windows, at least 1.
     * @return the fewest bytes the current thread allocated in one window.
     */
    public static long leastOverWindows(final Runnable warmUp, final Runnable window, final int windows)
    {
        warmUp.run();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < windows; i++)
        {
            final long before = allocatedBytes();
            window.run();
            least = Math.min(least, allocatedBytes() - before);
        }
        return least;
    }
}
