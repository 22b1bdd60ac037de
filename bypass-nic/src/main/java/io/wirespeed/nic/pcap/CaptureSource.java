package io.wirespeed.nic.pcap;

import io.wirespeed.nic.NicCounters;

import java.nio.file.Path;

/**
 * One capture file of a {@link PcapRxQueue}: its reader, whether its next frame is read and waiting, and what it has
 * delivered; its problems are counted in the port's counters and reported to the queue. A frame the capture's snap
 * length cut short is counted here and never handed over, since its packet cannot be decoded as it was sent.
 */
final class CaptureSource implements CaptureErrorHandler, AutoCloseable
{
    final int index;
    final CaptureReader reader;
    final CaptureProblems problems;
    private final PcapRxQueue queue;
    boolean pending;
    long frames;
    long bytes;
    long firstTimestampNs;
    long lastTimestampNs;
    long latestTimestampNs;
    long problemCount;
    long cutFrames;
    long cutLengthMax;
    long cutLengthMin = Long.MAX_VALUE;
    long outOfOrder;

    CaptureSource(
        final int index, final Path file, final NicCounters counters, final PcapRxQueue queue,
        final int readBufferBytes)
    {
        this.index = index;
        this.queue = queue;
        this.problems = new CaptureProblems(file, counters, this);
        this.reader = CaptureReader.open(problems, readBufferBytes);
    }

    /**
     * Read the next frame unless one is waiting.
     *
     * @return true when a frame is waiting in {@link #reader}.
     */
    boolean ready()
    {
        while (!pending && !reader.done)
        {
            if (!reader.next())
            {
                break;
            }
            if (reader.isCut())
            {
                cutFrames++;
                cutLengthMax = Math.max(cutLengthMax, reader.capturedLength);
                cutLengthMin = Math.min(cutLengthMin, reader.capturedLength);
            }
            else
            {
                pending = true;
            }
        }
        return pending;
    }

    /**
     * The waiting frame is handed over.
     */
    void delivered()
    {
        final long timestampNs = reader.timestampNs;
        if (0 == frames++)
        {
            firstTimestampNs = timestampNs;
            latestTimestampNs = timestampNs;
        }
        else if (timestampNs < latestTimestampNs)
        {
            outOfOrder++;
        }
        else
        {
            latestTimestampNs = timestampNs;
        }
        lastTimestampNs = timestampNs;
        bytes += reader.frameLength;
        pending = false;
    }

    /**
     * Every frame of the file has been handed over, or a problem ended the reading.
     *
     * @return true once nothing more will come from this file.
     */
    boolean isDone()
    {
        return reader.done && !pending;
    }

    /**
     * The capture read.
     *
     * @return its path.
     */
    Path file()
    {
        return problems.file();
    }

    public void onCaptureError(
        final Path file, final CaptureProblem problem, final long fileOffset, final long value, final long limit)
    {
        problemCount++;
        queue.onCaptureError(this, problem, fileOffset, value, limit);
    }

    public void close()
    {
        pending = false;
        reader.done = true;
        reader.close();
    }
}
