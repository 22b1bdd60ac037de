package io.wirespeed.nic;

/**
 * One port of a NIC backend, shaped like ef_vi / DPDK / AF_XDP: RX and TX queues of raw Ethernet frames.
 * Upper layers see only this; which backend sits behind it is a configuration choice.
 */
public interface NicPort extends AutoCloseable
{
    /**
     * The port's name, used in counter labels and messages.
     *
     * @return the port's name.
     */
    String name();

    /**
     * How many RX queues the port has.
     *
     * @return how many RX queues the port has.
     */
    int rxQueueCount();

    /**
     * How many TX queues the port has.
     *
     * @return how many TX queues the port has.
     */
    int txQueueCount();

    /**
     * An RX queue by index.
     *
     * @param queueId from 0 to {@link #rxQueueCount()} - 1.
     * @return the queue.
     */
    RxQueue rxQueue(int queueId);

    /**
     * A TX queue by index.
     *
     * @param queueId from 0 to {@link #txQueueCount()} - 1.
     * @return the queue.
     */
    TxQueue txQueue(int queueId);

    /**
     * The port's counters, in shared memory.
     *
     * @return the port's counters.
     */
    NicCounters counters();

    /**
     * Release the port's resources.
     */
    void close();
}
