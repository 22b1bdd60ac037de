package io.wirespeed.nic.tap;

import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import org.agrona.concurrent.EpochNanoClock;

/**
 * A port of any backend whose received frames ({@code RAW_FRAME_IN}, at their rx timestamp) and committed frames
 * ({@code RAW_FRAME_OUT}, at the clock at commit) are journaled through {@link JournalTap}s, one copy per frame, with
 * the source id {@code (port index << 8) | queue}.
 * <p>
 * A tap has one writer: {@code rxTap} belongs to the thread that polls every RX queue of this port, {@code txTap} to
 * the thread that claims and commits on its TX queues. Pass the same tap for both only when one thread does both; pass
 * null for a direction not to journal (its queues are then the wrapped port's, at no cost). Ports polled by the same
 * thread share that thread's tap.
 * <pre>
 *   sourceId: 31           8 7        0
 *             +-------------+----------+
 *             | port index  | queue    |
 *             +-------------+----------+
 * </pre>
 */
public final class TappedNicPort implements NicPort
{
    /** Largest port index a source id can carry. */
    public static final int MAX_PORT_INDEX = 0x7F_FFFF;

    /** Largest queue index a source id can carry. */
    public static final int MAX_QUEUE = 0xFF;

    private final NicPort inner;
    private final int portIndex;
    private final RxQueue[] rxQueues;
    private final TxQueue[] txQueues;

    /**
     * Tap a port.
     *
     * @param inner     the port; closed with this one.
     * @param portIndex the port's index in the records' source id, 0 to {@link #MAX_PORT_INDEX}.
     * @param rxTap     the tap of the thread that polls this port's RX queues, or null not to journal them.
     * @param txTap     the tap of the thread that commits on this port's TX queues, or null not to journal them.
     * @param clock     for the tx timestamps, epoch nanoseconds.
     * @throws IllegalArgumentException when the port index or a queue index does not fit a source id.
     */
    public TappedNicPort(
        final NicPort inner,
        final int portIndex,
        final JournalTap rxTap,
        final JournalTap txTap,
        final EpochNanoClock clock)
    {
        this.inner = inner;
        this.portIndex = portIndex;
        this.rxQueues = new RxQueue[inner.rxQueueCount()];
        this.txQueues = new TxQueue[inner.txQueueCount()];
        for (int q = 0; q < rxQueues.length; q++)
        {
            final RxQueue queue = inner.rxQueue(q);
            rxQueues[q] = null == rxTap ? queue : new TappedRxQueue(queue, rxTap, sourceId(portIndex, q));
        }
        for (int q = 0; q < txQueues.length; q++)
        {
            final TxQueue queue = inner.txQueue(q);
            txQueues[q] = null == txTap ? queue :
                new TappedTxQueue(queue, txTap, clock, sourceId(portIndex, q), TappedTxQueue.BURST_HINT_DEFAULT);
        }
    }

    /**
     * Tap every port one thread polls, each with its index in the array as its port index.
     *
     * @param ports the ports, e.g. the feed handler's.
     * @param rxTap the tap of the thread that polls them all, or null not to journal what they receive.
     * @param txTap the tap of the thread that commits on them all, or null not to journal what they send.
     * @param clock for the tx timestamps, epoch nanoseconds.
     * @return the tapped ports, in the same order.
     */
    public static NicPort[] tapAll(
        final NicPort[] ports, final JournalTap rxTap, final JournalTap txTap, final EpochNanoClock clock)
    {
        final NicPort[] tapped = new NicPort[ports.length];
        for (int i = 0; i < ports.length; i++)
        {
            tapped[i] = new TappedNicPort(ports[i], i, rxTap, txTap, clock);
        }
        return tapped;
    }

    /**
     * The source id of a port's queue in the journal.
     *
     * @param portIndex 0 to {@link #MAX_PORT_INDEX}.
     * @param queue     0 to {@link #MAX_QUEUE}.
     * @return {@code (portIndex << 8) | queue}.
     * @throws IllegalArgumentException when either does not fit.
     */
    public static int sourceId(final int portIndex, final int queue)
    {
        if (portIndex < 0 || portIndex > MAX_PORT_INDEX || queue < 0 || queue > MAX_QUEUE)
        {
            throw new IllegalArgumentException("port index " + portIndex + " (0 to " + MAX_PORT_INDEX + ") or queue " +
                queue + " (0 to " + MAX_QUEUE + ") does not fit a journal source id");
        }
        return (portIndex << 8) | queue;
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
        return txQueues.length;
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
        return txQueues[queueId];
    }

    /**
     * {@inheritDoc}
     */
    public NicCounters counters()
    {
        return inner.counters();
    }

    /**
     * The port's index in the records' source id.
     *
     * @return the port index.
     */
    public int portIndex()
    {
        return portIndex;
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
