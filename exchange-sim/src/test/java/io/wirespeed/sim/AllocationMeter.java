package io.wirespeed.sim;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from the JVM's per-thread allocation counter (HotSpot's ThreadMXBean).
 */
final class AllocationMeter
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

    static long allocatedBytes()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
