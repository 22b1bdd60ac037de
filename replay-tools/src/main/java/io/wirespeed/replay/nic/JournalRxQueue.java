package io.wirespeed.replay.nic;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.journal.JournalQuery;
import io.wirespeed.journal.JournalReader;
import io.wirespeed.journal.JournalRecordHandler;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.ReplayClock;
import io.wirespeed.nic.RxQueue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Receives the RAW_FRAME_IN records of one run of a journal as Ethernet frames, each with its recorded rx time, up to
 * the instant of its {@link JournalClock}; reads one record ahead so the clock knows the next frame's time.
 * <p>
 * A frame before one already delivered is delivered at once and counted ({@link NicCounter#CAPTURE_TIME_BACKWARDS});
 * a frame larger than the staging buffer is skipped and counted ({@link NicCounter#CAPTURE_RECORD_TOO_LONG}).
 */
public final class JournalRxQueue implements RxQueue, JournalRecordHandler, AutoCloseable
{
    /** Largest frame staged: a jumbo frame. */
    public static final int MAX_FRAME_BYTES = 9216;

    private final JournalReader reader;
    private final int segment;
    private final UnsafeBuffer staged = new UnsafeBuffer(new byte[MAX_FRAME_BYTES]);
    private final AtomicCounter rxFrames;
    private final AtomicCounter rxBytes;
    private final AtomicCounter firstTimestamp;
    private final AtomicCounter lastTimestamp;
    private final AtomicCounter timeBackwards;
    private final AtomicCounter tooLong;
    private final AtomicCounter end;
    private JournalClock clock;
    private int currentSegment;
    private boolean hasStaged;
    private int stagedLength;
    private long stagedNs;
    private boolean ended;
    private boolean anyDelivered;
    private long latestNs;

    JournalRxQueue(final Path dir, final int segment, final NicCounters counters)
    {
        this.segment = segment;
        this.rxFrames = counters.get(NicCounter.RX_FRAMES);
        this.rxBytes = counters.get(NicCounter.RX_BYTES);
        this.firstTimestamp = counters.get(NicCounter.CAPTURE_FIRST_TIMESTAMP_NS);
        this.lastTimestamp = counters.get(NicCounter.CAPTURE_LAST_TIMESTAMP_NS);
        this.timeBackwards = counters.get(NicCounter.CAPTURE_TIME_BACKWARDS);
        this.tooLong = counters.get(NicCounter.CAPTURE_RECORD_TOO_LONG);
        this.end = counters.get(NicCounter.CAPTURE_END);
        reader = JournalReader.open(dir, new JournalQuery().streams(
            EnumSet.of(JournalStream.CONFIG, JournalStream.RAW_FRAME_IN)));
        stage();
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        final long horizonNs = null == clock ? Long.MAX_VALUE : clock.nanoTime();
        int frames = 0;
        long bytes = 0;
        while (frames < limit && hasStaged && stagedNs <= horizonNs)
        {
            final long recordedNs = stagedNs;
            if (!anyDelivered)
            {
                anyDelivered = true;
                latestNs = recordedNs;
                firstTimestamp.setRelease(recordedNs);
            }
            else if (recordedNs < latestNs)
            {
                timeBackwards.incrementRelease();
            }
            else
            {
                latestNs = recordedNs;
            }
            frames++;
            bytes += stagedLength;
            handler.onFrame(staged, 0, stagedLength, recordedNs);
            hasStaged = false;
            stage();
        }
        if (frames > 0)
        {
            rxFrames.getAndAddRelease(frames);
            rxBytes.getAndAddRelease(bytes);
            lastTimestamp.setRelease(latestNs);
        }
        return frames;
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return 0;
    }

    /**
     * Receives the records the reader reads ahead; not for other callers.
     */
    public void onRecord(
        final JournalStream stream,
        final int sourceId,
        final long sequence,
        final long captureTimestampNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (JournalStream.CONFIG == stream)
        {
            currentSegment++;
            if (currentSegment > segment)
            {
                finish();
            }
        }
        else if (currentSegment == segment)
        {
            if (length > staged.capacity())
            {
                tooLong.incrementRelease();
                return;
            }
            buffer.getBytes(offset, staged, 0, length);
            stagedLength = length;
            stagedNs = captureTimestampNs;
            hasStaged = true;
        }
    }

    /**
     * Whether every frame of the run has been delivered.
     *
     * @return true once nothing more will be received.
     */
    public boolean isEndOfRun()
    {
        return ended && !hasStaged;
    }

    /**
     * Close the journal reader.
     */
    public void close()
    {
        reader.close();
    }

    void clock(final JournalClock clock)
    {
        this.clock = clock;
    }

    /**
     * The recorded time of the next frame to deliver.
     *
     * @return epoch nanoseconds, or {@link ReplayClock#NO_DEADLINE} once every frame has been delivered.
     */
    long nextFrameNs()
    {
        return hasStaged ? stagedNs : ReplayClock.NO_DEADLINE;
    }

    private void stage()
    {
        while (!hasStaged && !ended)
        {
            if (0 == reader.poll(this, 1))
            {
                finish();
            }
        }
    }

    private void finish()
    {
        if (!ended)
        {
            ended = true;
            end.setRelease(1);
        }
    }
}
