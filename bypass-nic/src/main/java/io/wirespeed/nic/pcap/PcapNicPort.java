package io.wirespeed.nic.pcap;

import io.wirespeed.config.PcapNicContext;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;

/**
 * A NIC made of capture files: one RX queue replaying a pcap or pcapng file, one TX queue capturing sent frames to
 * a nanosecond pcap file (or discarding them when no file is given).
 */
public final class PcapNicPort implements NicPort
{
    private final String name;
    private final NicCounters counters;
    private final PcapRxQueue rxQueue;
    private final PcapTxQueue txQueue;

    private PcapNicPort(
        final String name, final NicCounters counters, final PcapRxQueue rxQueue, final PcapTxQueue txQueue)
    {
        this.name = name;
        this.counters = counters;
        this.rxQueue = rxQueue;
        this.txQueue = txQueue;
    }

    /**
     * Open a port from its configuration with default options.
     *
     * @param name      of the port, in counter labels.
     * @param context   read path, write path and pacing.
     * @param allocator where the port's counters live.
     * @param clock     paces RX under recorded pacing and stamps TX commits.
     * @return the port.
     * @throws CaptureFileException when a file cannot be opened or is not an Ethernet capture.
     */
    public static PcapNicPort open(
        final String name, final PcapNicContext context, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        return open(name, context, allocator, clock, new PcapPortOptions());
    }

    /**
     * Open a port from its configuration.
     *
     * @param name      of the port, in counter labels.
     * @param context   read path, write path and pacing.
     * @param allocator where the port's counters live.
     * @param clock     paces RX under recorded pacing and stamps TX commits.
     * @param options   buffer sizes, snaplen, rx timestamps, error handler.
     * @return the port.
     * @throws CaptureFileException when a file cannot be opened or is not an Ethernet capture.
     */
    public static PcapNicPort open(
        final String name,
        final PcapNicContext context,
        final CounterAllocator allocator,
        final EpochNanoClock clock,
        final PcapPortOptions options)
    {
        return open(name, context.readPath(), context.writePath(), context.pacing(), allocator, clock, options);
    }

    /**
     * Open a port.
     *
     * @param name      of the port, in counter labels.
     * @param readPath  capture to receive from, or null for a port without RX queues.
     * @param writePath capture to write sent frames to, or null to discard them.
     * @param pacing    as fast as polled, or at the recorded intervals.
     * @param allocator where the port's counters live.
     * @param clock     paces RX under recorded pacing and stamps TX commits.
     * @param options   buffer sizes, snaplen, rx timestamps, error handler.
     * @return the port.
     * @throws CaptureFileException when a file cannot be opened or is not an Ethernet capture.
     */
    public static PcapNicPort open(
        final String name,
        final Path readPath,
        final Path writePath,
        final PcapPacing pacing,
        final CounterAllocator allocator,
        final EpochNanoClock clock,
        final PcapPortOptions options)
    {
        options.validate();
        if (null == pacing || null == clock)
        {
            throw new IllegalArgumentException("pcap port " + name + ": pacing and clock are required");
        }
        if (null != readPath && null != writePath &&
            readPath.toAbsolutePath().normalize().equals(writePath.toAbsolutePath().normalize()))
        {
            throw new IllegalArgumentException("pcap port " + name + ": write path is the read path " + readPath);
        }

        final NicCounters counters = new NicCounters(allocator, name);
        PcapRxQueue rxQueue = null;
        try
        {
            rxQueue = null == readPath ? null : new PcapRxQueue(readPath, pacing, clock, counters, options);
            final PcapTxQueue txQueue = new PcapTxQueue(writePath, clock, counters, options);
            return new PcapNicPort(name, counters, rxQueue, txQueue);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(rxQueue, counters);
            throw ex;
        }
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * {@inheritDoc}
     */
    public int rxQueueCount()
    {
        return null == rxQueue ? 0 : 1;
    }

    /**
     * {@inheritDoc}
     */
    public int txQueueCount()
    {
        return 1;
    }

    /**
     * {@inheritDoc}
     */
    public RxQueue rxQueue(final int queueId)
    {
        if (queueId < 0 || queueId >= rxQueueCount())
        {
            throw new IllegalArgumentException("pcap port " + name + " has no RX queue " + queueId);
        }
        return rxQueue;
    }

    /**
     * {@inheritDoc}
     */
    public TxQueue txQueue(final int queueId)
    {
        if (0 != queueId)
        {
            throw new IllegalArgumentException("pcap port " + name + " has no TX queue " + queueId);
        }
        return txQueue;
    }

    /**
     * The RX queue with its pcap extras: end of capture, last error.
     *
     * @return the queue, or null when the port has no read path.
     */
    public PcapRxQueue pcapRxQueue()
    {
        return rxQueue;
    }

    /**
     * The TX queue with its pcap extras: flush, last error.
     *
     * @return the queue.
     */
    public PcapTxQueue pcapTxQueue()
    {
        return txQueue;
    }

    /**
     * {@inheritDoc}
     */
    public NicCounters counters()
    {
        return counters;
    }

    /**
     * Write what was committed, close both files, free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(txQueue, rxQueue, counters);
    }
}
