package io.wirespeed.nic.pcap;

import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.RxQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.file.Path;

/**
 * Receives the Ethernet frames of a pcap or pcapng file, as fast as polled or paced by their recorded timestamps.
 * <p>
 * Under {@link PcapPacing#RECORDED} the clock reading at the first poll that finds a frame is the start, and frame
 * {@code i} is released once {@code clock >= start + (ts_i - ts_0)}; a timestamp earlier than {@code ts_0} is due at
 * once. Frames reach the handler in file order, from every Ethernet interface of a pcapng file, straight from the
 * read buffer. Problems in the file are counted, remembered for {@link #lastError()} and passed to the optional
 * {@link CaptureErrorHandler}; a problem after which nothing can be trusted ends the capture.
 */
public final class PcapRxQueue implements RxQueue, AutoCloseable
{
    private final CaptureReader reader;
    private final CaptureProblems problems;
    private final EpochNanoClock clock;
    private final AtomicCounter rxFrames;
    private final AtomicCounter rxBytes;
    private final boolean paced;
    private final boolean replayTimestamps;
    private boolean pending;
    private boolean started;
    private long startNs;
    private long originNs;

    PcapRxQueue(
        final Path file,
        final PcapPacing pacing,
        final EpochNanoClock clock,
        final NicCounters counters,
        final PcapPortOptions options)
    {
        this.problems = new CaptureProblems(file, counters, options.errorHandler());
        this.reader = CaptureReader.open(problems, options.readBufferBytes());
        this.clock = clock;
        this.rxFrames = counters.get(NicCounter.RX_FRAMES);
        this.rxBytes = counters.get(NicCounter.RX_BYTES);
        this.paced = PcapPacing.RECORDED == pacing;
        this.replayTimestamps = PcapRxTimestamps.REPLAY == options.rxTimestamps();
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        final long nowNs = paced || replayTimestamps ? clock.nanoTime() : 0L;
        final CaptureReader reader = this.reader;
        int frames = 0;
        long bytes = 0;
        while (frames < limit)
        {
            if (!pending)
            {
                if (!reader.next())
                {
                    break;
                }
                pending = true;
            }

            final long recordedNs = reader.timestampNs;
            long rxTimestampNs = recordedNs;
            if (paced)
            {
                if (!started)
                {
                    started = true;
                    startNs = nowNs;
                    originNs = recordedNs;
                }
                final long dueNs = startNs + (recordedNs - originNs);
                if (nowNs - dueNs < 0)
                {
                    break;
                }
                if (replayTimestamps)
                {
                    rxTimestampNs = dueNs;
                }
            }
            else if (replayTimestamps)
            {
                rxTimestampNs = nowNs;
            }

            pending = false;
            frames++;
            bytes += reader.frameLength;
            handler.onFrame(reader.buffer, reader.frameOffset, reader.frameLength, rxTimestampNs);
        }

        if (frames > 0)
        {
            rxFrames.getAndAddRelease(frames);
            rxBytes.getAndAddRelease(bytes);
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
     * Whether every frame has been handed over: the file ended, or a problem stopped the reading.
     *
     * @return true once nothing more will be received.
     */
    public boolean isEndOfCapture()
    {
        return reader.done && !pending;
    }

    /**
     * The start of the replay under recorded pacing: the clock reading at the first poll that found a frame.
     *
     * @return epoch nanoseconds, or 0 before the first frame or when not paced.
     */
    public long startNs()
    {
        return started ? startNs : 0L;
    }

    /**
     * The last problem found in the file, with its file offset, for people; allocates.
     *
     * @return the message, or null when there has been none.
     */
    public String lastError()
    {
        return problems.lastError();
    }

    /**
     * The last problem found in the file.
     *
     * @return the problem, or null when there has been none.
     */
    public CaptureProblem lastProblem()
    {
        return problems.lastProblem();
    }

    /**
     * The file offset of the last problem's record or block.
     *
     * @return the offset, or 0 when there has been none.
     */
    public long lastProblemFileOffset()
    {
        return problems.lastFileOffset();
    }

    /**
     * The capture read.
     *
     * @return its path.
     */
    public Path file()
    {
        return problems.file();
    }

    /**
     * Close the file and free the read buffer.
     */
    public void close()
    {
        pending = false;
        reader.done = true;
        reader.close();
    }
}
