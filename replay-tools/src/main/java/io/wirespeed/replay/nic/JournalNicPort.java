package io.wirespeed.replay.nic;

import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;

import java.nio.file.Path;

/**
 * A NIC made of a journal: one RX queue replaying the RAW_FRAME_IN records of one run (every port and queue they were
 * received on, in journal order) on the run's recorded time ({@link #clock()}); no TX queue.
 */
public final class JournalNicPort implements NicPort
{
    private final String name;
    private final NicCounters counters;
    private final JournalRxQueue rxQueue;
    private final JournalClock clock;

    private JournalNicPort(final String name, final NicCounters counters, final JournalRxQueue rxQueue)
    {
        this.name = name;
        this.counters = counters;
        this.rxQueue = rxQueue;
        this.clock = new JournalClock(rxQueue);
        rxQueue.clock(clock);
    }

    /**
     * Open a port over one run of a journal.
     *
     * @param name      of the port, in counter labels.
     * @param dir       of the journal.
     * @param run       which run, as {@link JournalRuns#scan} found it.
     * @param allocator where the port's counters live.
     * @return the port.
     */
    public static JournalNicPort open(
        final String name, final Path dir, final JournalRun run, final CounterAllocator allocator)
    {
        final NicCounters counters = new NicCounters(allocator, name);
        try
        {
            return new JournalNicPort(name, counters, new JournalRxQueue(dir, run.segment(), counters));
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(counters);
            throw ex;
        }
    }

    /**
     * The run's recorded time, which RX follows: hand it to the feed handler with this port.
     *
     * @return the clock.
     */
    public JournalClock clock()
    {
        return clock;
    }

    /**
     * The RX queue with its journal extras.
     *
     * @return the queue.
     */
    public JournalRxQueue journalRxQueue()
    {
        return rxQueue;
    }

    /**
     * Whether every frame of the run has been delivered.
     *
     * @return true at the end of the run.
     */
    public boolean isEndOfRun()
    {
        return rxQueue.isEndOfRun();
    }

    /**
     * Frames delivered so far.
     *
     * @return the count.
     */
    public long framesDelivered()
    {
        return counters.value(NicCounter.RX_FRAMES);
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
        return 1;
    }

    /**
     * {@inheritDoc}
     */
    public int txQueueCount()
    {
        return 0;
    }

    /**
     * {@inheritDoc}
     */
    public RxQueue rxQueue(final int queueId)
    {
        if (0 != queueId)
        {
            throw new IllegalArgumentException("journal port " + name + " has no RX queue " + queueId);
        }
        return rxQueue;
    }

    /**
     * {@inheritDoc}
     */
    public TxQueue txQueue(final int queueId)
    {
        throw new IllegalArgumentException("journal port " + name + " has no TX queue " + queueId);
    }

    /**
     * {@inheritDoc}
     */
    public NicCounters counters()
    {
        return counters;
    }

    /**
     * Close the journal reader and free the counters.
     */
    public void close()
    {
        CloseHelper.closeAll(rxQueue, counters);
    }
}
