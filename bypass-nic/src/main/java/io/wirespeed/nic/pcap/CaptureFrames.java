package io.wirespeed.nic.pcap;

import io.wirespeed.nic.NicCounters;
import org.agrona.DirectBuffer;

import java.nio.file.Path;

/**
 * The frames of a pcap or pcapng file of any link type, one at a time, in place, for inspection tools; the same
 * readers as {@link PcapRxQueue} with the link type left to the caller.
 * <p>
 * Problems in the file are counted in the given counters, remembered for {@link #lastError()} and passed to the
 * optional {@link CaptureErrorHandler}; a problem after which nothing can be trusted ends the capture.
 */
public final class CaptureFrames implements AutoCloseable
{
    /** A read buffer that holds any record libpcap writes (snaplen 262144) with room to spare. */
    public static final int DEFAULT_READ_BUFFER_BYTES = 1 << 20;

    private final CaptureReader reader;
    private final CaptureProblems problems;
    private long frames;

    private CaptureFrames(final CaptureReader reader, final CaptureProblems problems)
    {
        this.reader = reader;
        this.problems = problems;
    }

    /**
     * Open a capture and check its header.
     *
     * @param file            the capture.
     * @param counters        where problems are counted.
     * @param handler         told of each problem, or null.
     * @param readBufferBytes of the read buffer, at least the largest record expected.
     * @return the frames, positioned before the first.
     * @throws CaptureFileException when the file cannot be read or is not a pcap or pcapng capture.
     */
    public static CaptureFrames open(
        final Path file, final NicCounters counters, final CaptureErrorHandler handler, final int readBufferBytes)
    {
        final CaptureProblems problems = new CaptureProblems(file, counters, handler);
        return new CaptureFrames(CaptureReader.open(problems, readBufferBytes, false), problems);
    }

    /**
     * Move to the next frame, reporting and skipping records that cannot be delivered.
     *
     * @return true when a frame is ready; false at the end of the capture or after a problem that ends reading.
     */
    public boolean next()
    {
        if (reader.next())
        {
            frames++;
            return true;
        }
        return false;
    }

    /**
     * The buffer holding the current frame; valid until the next call to {@link #next()}.
     *
     * @return the read buffer.
     */
    public DirectBuffer buffer()
    {
        return reader.buffer;
    }

    /**
     * Where the current frame starts in {@link #buffer()}.
     *
     * @return the offset.
     */
    public int frameOffset()
    {
        return reader.frameOffset;
    }

    /**
     * Bytes of the current frame captured, any trailing FCS removed.
     *
     * @return the captured length.
     */
    public int frameLength()
    {
        return reader.frameLength;
    }

    /**
     * The length of the frame on the wire, any FCS removed; more than {@link #frameLength()} when the snaplen cut it.
     *
     * @return the original length.
     */
    public long originalFrameLength()
    {
        return reader.originalFrameLength;
    }

    /**
     * The link type of the current frame's interface (1 Ethernet, 113 Linux cooked, ...).
     *
     * @return the LINKTYPE_ number.
     */
    public int linkType()
    {
        return reader.linkType;
    }

    /**
     * The pcapng interface the current frame was captured on; 0 in a classic pcap file.
     *
     * @return the interface id.
     */
    public int interfaceId()
    {
        return reader.interfaceId;
    }

    /**
     * When the current frame was captured.
     *
     * @return epoch nanoseconds.
     */
    public long timestampNs()
    {
        return reader.timestampNs;
    }

    /**
     * Frames delivered so far: the number of the current frame, counting from 1.
     *
     * @return frames delivered.
     */
    public long frameNumber()
    {
        return frames;
    }

    /**
     * A short description of the file's format.
     *
     * @return e.g. "pcap (nanoseconds, little-endian, link type 1 LINKTYPE_ETHERNET)" or "pcapng (little-endian)".
     */
    public String formatName()
    {
        return reader.formatName();
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
        reader.done = true;
        reader.close();
    }
}
