package io.wirespeed.nic.pcap;

import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapNicContext;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A NIC made of capture files: one RX queue replaying one or several pcap or pcapng files merged by recorded time,
 * one TX queue capturing sent frames to a nanosecond pcap file (or discarding them when no file is given).
 * <p>
 * Opened from {@code [nic.pcap]} it is the feed port of a {@code run} on captures: hand {@link #timerClock()} to the
 * feed handler with this port, so its gap and silence timers run on the captures' recorded time
 * ({@code clock = "capture"}, see {@link CaptureClock}) or on the host's ({@code clock = "wall"}); wait for
 * {@link #isEndOfCapture()} from any thread, then print {@link #summary()}.
 */
public final class PcapNicPort implements NicPort
{
    private final String name;
    private final NicCounters counters;
    private final PcapRxQueue rxQueue;
    private final PcapTxQueue txQueue;
    private final CaptureClock captureClock;
    private final EpochNanoClock timerClock;

    private PcapNicPort(
        final String name,
        final NicCounters counters,
        final PcapRxQueue rxQueue,
        final PcapTxQueue txQueue,
        final CaptureClock captureClock,
        final EpochNanoClock timerClock)
    {
        this.name = name;
        this.counters = counters;
        this.rxQueue = rxQueue;
        this.txQueue = txQueue;
        this.captureClock = captureClock;
        this.timerClock = timerClock;
    }

    /**
     * Open a port from its configuration with default options: every capture of {@code read_path} or
     * {@code read_paths}, {@code write_path}, {@code pacing} and {@code clock}.
     *
     * @param name      of the port, in counter labels.
     * @param context   the {@code [nic.pcap]} section.
     * @param allocator where the port's counters live.
     * @param hostClock paces RX under recorded pacing, stamps TX commits, and is the timer clock under
     *                  {@code clock = "wall"}.
     * @return the port.
     * @throws CaptureFileException when a file cannot be opened or is not a capture of a supported link type.
     */
    public static PcapNicPort open(
        final String name,
        final PcapNicContext context,
        final CounterAllocator allocator,
        final EpochNanoClock hostClock)
    {
        return open(name, context, allocator, hostClock, new PcapPortOptions());
    }

    /**
     * Open a port from its configuration: every capture of {@code read_path} or {@code read_paths},
     * {@code write_path}, {@code pacing} and {@code clock}.
     *
     * @param name      of the port, in counter labels.
     * @param context   the {@code [nic.pcap]} section.
     * @param allocator where the port's counters live.
     * @param hostClock paces RX under recorded pacing, stamps TX commits, and is the timer clock under
     *                  {@code clock = "wall"}.
     * @param options   buffer sizes, snaplen, rx timestamps, error handler.
     * @return the port.
     * @throws CaptureFileException when a file cannot be opened or is not a capture of a supported link type.
     */
    public static PcapNicPort open(
        final String name,
        final PcapNicContext context,
        final CounterAllocator allocator,
        final EpochNanoClock hostClock,
        final PcapPortOptions options)
    {
        return open(name, context.captures(), context.writePath(), context.pacing(), context.clock(), allocator,
            hostClock, options);
    }

    /**
     * Open a port over at most one capture, on the host clock.
     *
     * @param name      of the port, in counter labels.
     * @param readPath  capture to receive from, or null for a port without RX queues.
     * @param writePath capture to write sent frames to, or null to discard them.
     * @param pacing    as fast as polled, or at the recorded intervals.
     * @param allocator where the port's counters live.
     * @param clock     paces RX under recorded pacing and stamps TX commits.
     * @param options   buffer sizes, snaplen, rx timestamps, error handler.
     * @return the port.
     * @throws CaptureFileException when a file cannot be opened or is not a capture of a supported link type.
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
        return open(name, null == readPath ? List.of() : List.of(readPath), writePath, pacing, PcapClock.WALL,
            allocator, clock, options);
    }

    /**
     * Open a port.
     *
     * @param name       of the port, in counter labels.
     * @param readPaths  captures to receive from, merged by recorded time; empty for a port without RX queues.
     * @param writePath  capture to write sent frames to, or null to discard them.
     * @param pacing     as fast as polled, or at the recorded intervals.
     * @param timerClock {@link PcapClock#CAPTURE}: RX follows a {@link CaptureClock} its reader advances, and that is
     *                   the {@link #timerClock()}; {@link PcapClock#WALL}: RX is not held back, the host clock is.
     * @param allocator  where the port's counters live.
     * @param hostClock  paces RX under recorded pacing and stamps TX commits.
     * @param options    buffer sizes, snaplen, rx timestamps, error handler.
     * @return the port.
     * @throws CaptureFileException when a file cannot be opened or is not a capture of a supported link type.
     */
    public static PcapNicPort open(
        final String name,
        final List<Path> readPaths,
        final Path writePath,
        final PcapPacing pacing,
        final PcapClock timerClock,
        final CounterAllocator allocator,
        final EpochNanoClock hostClock,
        final PcapPortOptions options)
    {
        options.validate();
        if (null == pacing || null == timerClock || null == hostClock)
        {
            throw new IllegalArgumentException(
                "pcap port " + name + ": pacing, timer clock and host clock are required");
        }
        final Set<Path> distinct = new HashSet<>();
        for (final Path readPath : readPaths)
        {
            final Path normalized = readPath.toAbsolutePath().normalize();
            if (!distinct.add(normalized))
            {
                throw new IllegalArgumentException("pcap port " + name + ": capture " + readPath + " given twice");
            }
            if (null != writePath && normalized.equals(writePath.toAbsolutePath().normalize()))
            {
                throw new IllegalArgumentException("pcap port " + name + ": write path is the read path " + readPath);
            }
        }

        final NicCounters counters = new NicCounters(allocator, name);
        PcapRxQueue rxQueue = null;
        try
        {
            rxQueue = readPaths.isEmpty() ? null : new PcapRxQueue(readPaths, pacing, hostClock, counters, options);
            CaptureClock captureClock = null;
            if (null != rxQueue && PcapClock.CAPTURE == timerClock)
            {
                captureClock = new CaptureClock(rxQueue, hostClock, PcapPacing.RECORDED == pacing);
                rxQueue.captureClock(captureClock);
            }
            final PcapTxQueue txQueue = new PcapTxQueue(writePath, hostClock, counters, options);
            return new PcapNicPort(
                name, counters, rxQueue, txQueue, captureClock, null == captureClock ? hostClock : captureClock);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(rxQueue, counters);
            throw ex;
        }
    }

    /**
     * The clock to hand to the feed handler with this port: the {@link CaptureClock} when RX runs on it, otherwise
     * the host clock the port was opened with.
     *
     * @return the clock for the feed handler's timers.
     */
    public EpochNanoClock timerClock()
    {
        return timerClock;
    }

    /**
     * The captures' recorded time, which RX follows.
     *
     * @return the clock, or null when the port runs on the host clock or has no RX queue.
     */
    public CaptureClock captureClock()
    {
        return captureClock;
    }

    /**
     * Whether every frame of every capture has been delivered, or reading stopped at a problem; any thread may ask.
     * Once true, the frame and byte counters hold their final values and {@link #summary()} may be read.
     *
     * @return true at the end of the replay, and for a port without RX queues.
     */
    public boolean isEndOfCapture()
    {
        return null == rxQueue || 1 == counters.value(NicCounter.CAPTURE_END);
    }

    /**
     * What has been replayed: frames, bytes, first and last recorded time and problems, in total and per file.
     * Call it on the polling thread, or on any thread once {@link #isEndOfCapture()}; allocates.
     *
     * @return the lines, without a trailing line break.
     */
    public String summary()
    {
        return null == rxQueue ? "capture replayed: no capture to read" : rxQueue.summary();
    }

    /**
     * What in the captures was not replayed as recorded, in words, one line per kind and file, for a replay's
     * summary: frames cut short by the snap length and not decoded, frames recorded out of order, problems in a file.
     * Call it as {@link #summary()}; allocates.
     *
     * @return the lines, each naming its file; empty when every frame was whole, in order and readable, and for a
     * port without RX queues.
     */
    public List<String> problemLines()
    {
        return null == rxQueue ? List.of() : rxQueue.problemLines();
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
