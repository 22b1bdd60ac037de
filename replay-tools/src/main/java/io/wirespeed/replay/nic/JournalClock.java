package io.wirespeed.replay.nic;

import io.wirespeed.nic.ReplayClock;

/**
 * The recorded time of a journal replay, with the semantics of the capture clock: it starts at the run's first frame,
 * stands at an instant while the frames received up to it are polled, and on {@link #advance(long)} moves to the next
 * frame's rx time or an earlier deadline, never past a frame not yet delivered; after the last frame it stands still.
 * <p>
 * Read and advanced by the thread that polls the queue.
 */
public final class JournalClock implements ReplayClock
{
    private final JournalRxQueue queue;
    private long nowNs;

    JournalClock(final JournalRxQueue queue)
    {
        this.queue = queue;
        final long firstNs = queue.nextFrameNs();
        nowNs = NO_DEADLINE == firstNs ? 0L : firstNs;
    }

    /**
     * The replay's instant.
     *
     * @return epoch nanoseconds of recorded time; 0 for a run without frames.
     */
    public long nanoTime()
    {
        return nowNs;
    }

    /**
     * {@inheritDoc}
     */
    public boolean advance(final long deadlineNs)
    {
        final long nextFrameNs = queue.nextFrameNs();
        if (NO_DEADLINE == nextFrameNs)
        {
            return false;
        }
        final long targetNs = Math.min(nextFrameNs, deadlineNs);
        if (targetNs > nowNs)
        {
            nowNs = targetNs;
        }
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isEndOfRecording()
    {
        return queue.isEndOfRun();
    }

    /**
     * {@inheritDoc}
     */
    public long nextFrameNs()
    {
        return queue.nextFrameNs();
    }
}
