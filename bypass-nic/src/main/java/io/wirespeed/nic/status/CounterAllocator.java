package io.wirespeed.nic.status;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * Allocates counters in shared memory, where tools outside the process can read them.
 */
@FunctionalInterface
public interface CounterAllocator
{
    /**
     * Allocate a counter.
     *
     * @param typeId of the counter.
     * @param label  read by tools.
     * @return the counter, zeroed.
     */
    AtomicCounter newCounter(int typeId, String label);
}
