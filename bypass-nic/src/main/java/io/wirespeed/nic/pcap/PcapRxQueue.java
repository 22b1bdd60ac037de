package io.wirespeed.nic.pcap;

import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.RxQueue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives the Ethernet frames of one or several pcap or pcapng files merged by recorded time, as fast as polled or
 * paced by their recorded timestamps, optionally on the captures' own clock.
 * <p>
 * <b>Merge.</b> The next frame is always the earliest recorded of the files' next frames, equal times in the order
 * the files were given, so files recorded side by side (feed A in one, feed B in another) arrive as they did live.
 * Each file keeps its own order: a frame recorded before one already delivered is delivered at once and counted
 * ({@link NicCounter#CAPTURE_TIME_BACKWARDS}, and per file in {@link #problemLines()}). Linux cooked frames
 * ({@code tcpdump -i any}) are handed over as Ethernet ({@link LinuxCooked}). A frame the snap length cut short is
 * never handed over, since its packet cannot be decoded as sent: it is counted ({@link NicCounter#CAPTURE_FRAME_CUT})
 * and named per file in {@link #problemLines()}.
 * <p>
 * <b>Pacing.</b> Under {@link PcapPacing#RECORDED} the host clock's reading at the first poll that finds a frame is
 * the start, and frame {@code i} is released once {@code host >= start + (ts_i - ts_0)}; a timestamp earlier than
 * {@code ts_0} is due at once.
 * <p>
 * <b>Capture clock.</b> When the port runs on its {@link CaptureClock}, a poll hands over only the frames recorded up
 * to the clock's instant; the clock moves to the next frame when its reader has drained the queue.
 * <p>
 * <b>Problems</b> in a file are counted, remembered for {@link #lastError()} with the file and offset, and passed to
 * the optional {@link CaptureErrorHandler}; a problem after which nothing in a file can be trusted ends that file,
 * the others go on. Once every file has ended, {@link #isEndOfCapture()} says so and the port's
 * {@link NicCounter#CAPTURE_END} counter becomes 1, after the frame and byte counters hold their final values.
 */
public final class PcapRxQueue implements RxQueue, AutoCloseable
{
    /** What {@link #nextFrameNs()} returns once every frame has been delivered. */
    static final long NO_FRAME = Long.MIN_VALUE;

    private final CaptureSource[] sources;
    private final EpochNanoClock clock;
    private final CaptureErrorHandler errorHandler;
    private final AtomicCounter rxFrames;
    private final AtomicCounter rxBytes;
    private final AtomicCounter firstTimestamp;
    private final AtomicCounter lastTimestamp;
    private final AtomicCounter timeBackwards;
    private final AtomicCounter end;
    private final boolean paced;
    private final boolean replayTimestamps;
    private CaptureClock captureClock;
    private CaptureSource lastProblemSource;
    private int sourceIndex;
    private boolean started;
    private long startNs;
    private long originNs;
    private boolean anyDelivered;
    private long latestNs;
    private boolean ended;
    private boolean endPublished;

    PcapRxQueue(
        final List<Path> files,
        final PcapPacing pacing,
        final EpochNanoClock clock,
        final NicCounters counters,
        final PcapPortOptions options)
    {
        this.clock = clock;
        this.errorHandler = options.errorHandler();
        this.rxFrames = counters.get(NicCounter.RX_FRAMES);
        this.rxBytes = counters.get(NicCounter.RX_BYTES);
        this.firstTimestamp = counters.get(NicCounter.CAPTURE_FIRST_TIMESTAMP_NS);
        this.lastTimestamp = counters.get(NicCounter.CAPTURE_LAST_TIMESTAMP_NS);
        this.timeBackwards = counters.get(NicCounter.CAPTURE_TIME_BACKWARDS);
        this.end = counters.get(NicCounter.CAPTURE_END);
        this.paced = PcapPacing.RECORDED == pacing;
        this.replayTimestamps = PcapRxTimestamps.REPLAY == options.rxTimestamps();
        this.sources = new CaptureSource[files.size()];
        try
        {
            for (int i = 0; i < sources.length; i++)
            {
                sources[i] = new CaptureSource(i, files.get(i), counters, this, options.readBufferBytes());
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(sources);
            throw ex;
        }
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        final long hostNs = paced || replayTimestamps ? clock.nanoTime() : 0L;
        final long horizonNs = null == captureClock ? Long.MAX_VALUE : captureClock.nanoTime();
        long latestNs = this.latestNs;
        int frames = 0;
        long bytes = 0;
        int backwards = 0;
        while (frames < limit)
        {
            final CaptureSource source = next();
            if (null == source)
            {
                break;
            }

            final CaptureReader reader = source.reader;
            final long recordedNs = reader.timestampNs;
            if (recordedNs > horizonNs)
            {
                break;
            }
            long rxTimestampNs = recordedNs;
            if (paced)
            {
                if (!started)
                {
                    started = true;
                    startNs = hostNs;
                    originNs = recordedNs;
                }
                final long dueNs = startNs + (recordedNs - originNs);
                if (hostNs - dueNs < 0)
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
                rxTimestampNs = hostNs;
            }

            if (!anyDelivered)
            {
                anyDelivered = true;
                latestNs = recordedNs;
                firstTimestamp.setRelease(recordedNs);
            }
            else if (recordedNs < latestNs)
            {
                backwards++;
            }
            else
            {
                latestNs = recordedNs;
            }
            source.delivered();
            sourceIndex = source.index;
            frames++;
            bytes += reader.frameLength;
            handler.onFrame(reader.buffer, reader.frameOffset, reader.frameLength, rxTimestampNs);
        }

        if (frames > 0)
        {
            this.latestNs = latestNs;
            rxFrames.getAndAddRelease(frames);
            rxBytes.getAndAddRelease(bytes);
            lastTimestamp.setRelease(latestNs);
            if (backwards > 0)
            {
                timeBackwards.getAndAddRelease(backwards);
            }
        }
        publishEnd();
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
     * Whether every frame has been handed over: every file ended, or a problem stopped its reading.
     *
     * @return true once nothing more will be received.
     */
    public boolean isEndOfCapture()
    {
        for (final CaptureSource source : sources)
        {
            if (!source.isDone())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Which capture the frame being handed over came from; read it inside {@link FrameHandler#onFrame}.
     *
     * @return its index in the files given, from 0.
     */
    public int sourceIndex()
    {
        return sourceIndex;
    }

    /**
     * What in the captures was not replayed as recorded, in words, one line per kind and file: frames cut short by
     * the snap length ("N frames cut short by the capture's snap length of S bytes; their packets were not
     * decoded"), frames recorded out of order, problems in the file. Call it as {@link #summary()}; allocates.
     *
     * @return the lines, each naming its file; empty when every frame was whole, in order and readable.
     */
    public List<String> problemLines()
    {
        return CaptureSummary.problemLines(sources);
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
     * The last problem found in any of the files, with its file and offset, for people; allocates.
     *
     * @return the message, or null when there has been none.
     */
    public String lastError()
    {
        return null == lastProblemSource ? null : lastProblemSource.problems.lastError();
    }

    /**
     * The last problem found in any of the files.
     *
     * @return the problem, or null when there has been none.
     */
    public CaptureProblem lastProblem()
    {
        return null == lastProblemSource ? null : lastProblemSource.problems.lastProblem();
    }

    /**
     * The file offset of the last problem's record or block.
     *
     * @return the offset, or 0 when there has been none.
     */
    public long lastProblemFileOffset()
    {
        return null == lastProblemSource ? 0L : lastProblemSource.problems.lastFileOffset();
    }

    /**
     * The first capture read.
     *
     * @return its path.
     */
    public Path file()
    {
        return sources[0].file();
    }

    /**
     * The captures read, in the order given.
     *
     * @return their paths.
     */
    public List<Path> files()
    {
        final List<Path> files = new ArrayList<>(sources.length);
        for (final CaptureSource source : sources)
        {
            files.add(source.file());
        }
        return files;
    }

    /**
     * What has been replayed, one line for the whole and one per file when there are several: frames, bytes,
     * first and last recorded time, problems. Call it on the polling thread, or on any thread once the port's
     * {@link NicCounter#CAPTURE_END} counter reads 1; allocates.
     *
     * @return the lines, without a trailing line break.
     */
    public String summary()
    {
        return CaptureSummary.describe(sources, isEndOfCapture());
    }

    /**
     * Close every file and free the read buffers.
     */
    public void close()
    {
        CloseHelper.closeAll(sources);
    }

    void captureClock(final CaptureClock captureClock)
    {
        this.captureClock = captureClock;
    }

    /**
     * The recorded time of the next frame to deliver, reading it when needed.
     *
     * @return epoch nanoseconds, or {@link #NO_FRAME} once every frame has been delivered.
     */
    long nextFrameNs()
    {
        final CaptureSource source = next();
        publishEnd();
        return null == source ? NO_FRAME : source.reader.timestampNs;
    }

    /**
     * The recorded time the host clock has reached under recorded pacing.
     *
     * @param hostNs a host clock reading.
     * @return {@code ts_0 + (host - start)}, or {@link #NO_FRAME} before the first frame was released.
     */
    long pacedRecordedNs(final long hostNs)
    {
        return started ? originNs + (hostNs - startNs) : NO_FRAME;
    }

    void onCaptureError(
        final CaptureSource source,
        final CaptureProblem problem,
        final long fileOffset,
        final long value,
        final long limit)
    {
        lastProblemSource = source;
        if (null != errorHandler)
        {
            errorHandler.onCaptureError(source.file(), problem, fileOffset, value, limit);
        }
    }

    private CaptureSource next()
    {
        CaptureSource earliest = null;
        for (final CaptureSource source : sources)
        {
            if (source.ready() && (null == earliest || source.reader.timestampNs < earliest.reader.timestampNs))
            {
                earliest = source;
            }
        }
        if (null == earliest)
        {
            ended = true;
        }
        return earliest;
    }

    private void publishEnd()
    {
        if (ended && !endPublished)
        {
            endPublished = true;
            end.setRelease(1);
        }
    }
}
