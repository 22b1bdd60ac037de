package io.wirespeed.nic.fault;

import io.wirespeed.config.FaultContext;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import org.agrona.concurrent.EpochNanoClock;

/**
 * A port whose RX queues inject the seeded faults of one feed's {@link FaultContext} into any backend's frames,
 * counted in the wrapped port's counters; its TX queues are the wrapped port's.
 * <p>
 * Wrap each feed's port on its own, so one feed can suffer while another does not. Faults on what a port sends are
 * injected by wrapping the RX side of its peer. Queue 0 uses the configured seed; queue {@code q} a seed derived from
 * it, so queues do not mirror one another.
 */
public final class FaultInjectingPort implements NicPort
{
    /** Default frames a queue's waiting line holds. */
    public static final int HOLDING_FRAMES_DEFAULT = 1024;
    /** Default largest frame that can wait: a standard Ethernet frame and headroom. */
    public static final int SLOT_BYTES_DEFAULT = 2048;

    private static final long QUEUE_SEED_STRIDE = 0x9E3779B97F4A7C15L;

    private final NicPort inner;
    private final FaultInjectingRxQueue[] rxQueues;

    /**
     * Wrap a port.
     *
     * @param inner         the port whose received frames are faulted; closed with this one.
     * @param context       what to inject; concluded here if the caller has not.
     * @param clock         for delays.
     * @param holdingFrames frames each queue's waiting line holds.
     * @param slotBytes     largest frame that can wait.
     */
    public FaultInjectingPort(
        final NicPort inner,
        final FaultContext context,
        final EpochNanoClock clock,
        final int holdingFrames,
        final int slotBytes)
    {
        if (!context.isConcluded())
        {
            context.conclude();
        }
        if (holdingFrames < 1 || slotBytes < 1)
        {
            throw new IllegalArgumentException(
                "holdingFrames " + holdingFrames + " and slotBytes " + slotBytes + " must be positive");
        }

        this.inner = inner;
        this.rxQueues = new FaultInjectingRxQueue[inner.rxQueueCount()];
        for (int q = 0; q < rxQueues.length; q++)
        {
            final long seed = context.seed() + q * QUEUE_SEED_STRIDE;
            rxQueues[q] = new FaultInjectingRxQueue(
                inner.rxQueue(q), context, seed, clock, inner.counters(), holdingFrames, slotBytes);
        }
    }

    /**
     * Wrap a port when its feed's faults are enabled.
     *
     * @param port    the feed's port.
     * @param context the feed's faults; concluded here if the caller has not.
     * @param clock   for delays.
     * @return a wrapper with the default holding area, or the port itself when faults are off.
     */
    public static NicPort wrap(final NicPort port, final FaultContext context, final EpochNanoClock clock)
    {
        if (!context.isConcluded())
        {
            context.conclude();
        }
        return context.enabled() ?
            new FaultInjectingPort(port, context, clock, HOLDING_FRAMES_DEFAULT, SLOT_BYTES_DEFAULT) : port;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return inner.name();
    }

    /**
     * {@inheritDoc}
     */
    public int rxQueueCount()
    {
        return rxQueues.length;
    }

    /**
     * {@inheritDoc}
     */
    public int txQueueCount()
    {
        return inner.txQueueCount();
    }

    /**
     * {@inheritDoc}
     */
    public RxQueue rxQueue(final int queueId)
    {
        return rxQueues[queueId];
    }

    /**
     * {@inheritDoc}
     */
    public TxQueue txQueue(final int queueId)
    {
        return inner.txQueue(queueId);
    }

    /**
     * {@inheritDoc}
     */
    public NicCounters counters()
    {
        return inner.counters();
    }

    /**
     * The wrapped port.
     *
     * @return the wrapped port.
     */
    public NicPort inner()
    {
        return inner;
    }

    /**
     * Close the wrapped port.
     */
    public void close()
    {
        inner.close();
    }
}
