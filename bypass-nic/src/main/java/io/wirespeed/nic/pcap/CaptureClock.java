package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ReplayClock;
import org.agrona.concurrent.EpochNanoClock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The recorded time of a capture replay, as a {@link ReplayClock} over a {@link PcapRxQueue}: it starts at the first
 * frame's recorded time, stands at an instant while the frames recorded up to it are polled, and on
 * {@link #advance(long)} moves to the next frame's recorded time, or to an earlier timer deadline, never past a frame
 * not yet delivered. Under recorded pacing it also never runs ahead of the host clock mapped onto recorded time
 * ({@code ts_0 + (host - start)}), so it follows the host between frames as a live clock would. Once every frame has
 * been delivered it stands still.
 * <p>
 * Read and advanced by the thread that polls the queue; other threads may read it.
 */
public final class CaptureClock implements ReplayClock
{
    private static final VarHandle NOW_NS;

    static
    {
        try
        {
            NOW_NS = MethodHandles.lookup().findVarHandle(CaptureClock.class, "nowNs", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final PcapRxQueue queue;
    private final EpochNanoClock hostClock;
    private final boolean paced;
    @SuppressWarnings("unused")
    private long nowNs;

    CaptureClock(final PcapRxQueue queue, final EpochNanoClock hostClock, final boolean paced)
    {
        this.queue = queue;
        this.hostClock = hostClock;
        this.paced = paced;
        final long firstNs = queue.nextFrameNs();
        NOW_NS.setRelease(this, PcapRxQueue.NO_FRAME == firstNs ? 0L : firstNs);
    }

    /**
     * The replay's instant: the recorded time of the frames being delivered, or a timer deadline between frames.
     *
     * @return epoch nanoseconds of recorded time; 0 for a capture without frames.
     */
    public long nanoTime()
    {
        return (long)NOW_NS.getAcquire(this);
    }

    /**
     * {@inheritDoc}
     */
    public boolean advance(final long deadlineNs)
    {
        final long nextFrameNs = queue.nextFrameNs();
        if (PcapRxQueue.NO_FRAME == nextFrameNs)
        {
            return false;
        }

        long targetNs = Math.min(nextFrameNs, deadlineNs);
        boolean event = true;
        if (paced)
        {
            final long hostRecordedNs = queue.pacedRecordedNs(hostClock.nanoTime());
            if (PcapRxQueue.NO_FRAME != hostRecordedNs && hostRecordedNs < targetNs)
            {
                targetNs = hostRecordedNs;
                event = false;
            }
        }
        if (targetNs > (long)NOW_NS.get(this))
        {
            NOW_NS.setRelease(this, targetNs);
        }
        return event;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isEndOfRecording()
    {
        return queue.isEndOfCapture();
    }

    /**
     * {@inheritDoc}
     */
    public long nextFrameNs()
    {
        final long nextNs = queue.nextFrameNs();
        return PcapRxQueue.NO_FRAME == nextNs ? NO_DEADLINE : nextNs;
    }
}
