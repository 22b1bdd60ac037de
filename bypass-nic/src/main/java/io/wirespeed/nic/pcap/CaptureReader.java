package io.wirespeed.nic.pcap;

import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Walks the frames of a capture file in place, format detected from its first four bytes.
 */
abstract class CaptureReader implements AutoCloseable
{
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final String SUPPORTED_LINK_TYPES =
        "only LINKTYPE_ETHERNET (1), LINKTYPE_LINUX_SLL (113) and LINKTYPE_LINUX_SLL2 (276) are supported";

    final CaptureInput input;
    final CaptureProblems problems;
    final UnsafeBuffer buffer;
    final boolean asEthernet;
    int frameOffset;
    int frameLength;
    long originalFrameLength;
    int capturedLength;
    int linkType;
    int interfaceId;
    long timestampNs;
    boolean done;

    CaptureReader(final CaptureInput input, final CaptureProblems problems, final boolean asEthernet)
    {
        this.input = input;
        this.problems = problems;
        this.buffer = input.buffer();
        this.asEthernet = asEthernet;
    }

    /**
     * Open a classic pcap or pcapng file and check its header, for frames handed over as Ethernet.
     *
     * @param problems    where problems found later go; names the file.
     * @param bufferBytes of the read buffer, at least the largest record expected.
     * @return the reader, positioned before the first frame.
     * @throws CaptureFileException when the file cannot be read or its header is not a supported capture.
     */
    static CaptureReader open(final CaptureProblems problems, final int bufferBytes)
    {
        return open(problems, bufferBytes, true);
    }

    /**
     * Open a classic pcap or pcapng file and check its header.
     *
     * @param problems     where problems found later go; names the file.
     * @param bufferBytes  of the read buffer, at least the largest record expected.
     * @param asEthernet   true to deliver Ethernet and Linux cooked frames as Ethernet (see {@link LinuxCooked}) and
     *                     refuse or skip every other link type; false to deliver frames of any link type as captured,
     *                     with {@link #linkType} set.
     * @return the reader, positioned before the first frame.
     * @throws CaptureFileException when the file cannot be read or its header is not a supported capture.
     */
    static CaptureReader open(final CaptureProblems problems, final int bufferBytes, final boolean asEthernet)
    {
        final Path file = problems.file();
        final FileChannel channel;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw CaptureFileException.cannotOpen(file, "cannot open capture for reading", ex);
        }

        final CaptureInput input = new CaptureInput(channel, bufferBytes);
        try
        {
            if (!input.ensure(4))
            {
                throw headerError(file, 0, "file is " + input.available() + " bytes long, too short for a capture");
            }

            final int magic = input.buffer().getInt(0, ByteOrder.LITTLE_ENDIAN);
            switch (magic)
            {
                case PcapFormat.MAGIC_MICROS:
                    return new PcapReader(input, problems, asEthernet, ByteOrder.LITTLE_ENDIAN, false);
                case PcapFormat.MAGIC_NANOS:
                    return new PcapReader(input, problems, asEthernet, ByteOrder.LITTLE_ENDIAN, true);
                case PcapFormat.MAGIC_MICROS_SWAPPED:
                    return new PcapReader(input, problems, asEthernet, ByteOrder.BIG_ENDIAN, false);
                case PcapFormat.MAGIC_NANOS_SWAPPED:
                    return new PcapReader(input, problems, asEthernet, ByteOrder.BIG_ENDIAN, true);
                case PcapFormat.BLOCK_SECTION_HEADER:
                    return new PcapngReader(input, problems, asEthernet);
                default:
                    throw headerError(file, 0, String.format(
                        "bad magic %08x: not a pcap (a1b2c3d4, a1b23c4d, either byte order) or pcapng (0a0d0d0a) file",
                        magic));
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(input);
            throw ex;
        }
    }

    static CaptureFileException headerError(final Path file, final long fileOffset, final String detail)
    {
        return new CaptureFileException(file + ": file offset " + fileOffset + ": " + detail);
    }

    static String linkTypeError(final int linkType)
    {
        return "link type " + linkType + " (" + PcapFormat.linkTypeName(linkType) + "): " + SUPPORTED_LINK_TYPES;
    }

    /**
     * Move to the next frame, reporting and skipping what cannot be delivered.
     *
     * @return true with {@link #frameOffset}, {@link #frameLength}, {@link #originalFrameLength},
     * {@link #capturedLength} (of the record, link header included), {@link #linkType} and {@link #timestampNs} set;
     * false at the end.
     */
    abstract boolean next();

    /**
     * A short description of the file's format, for tools.
     *
     * @return e.g. "pcap (nanoseconds, little-endian)" or "pcapng".
     */
    abstract String formatName();

    final boolean stop(final CaptureProblem problem, final long fileOffset, final long value, final long limit)
    {
        problems.report(problem, fileOffset, value, limit);
        done = true;
        return false;
    }

    /**
     * Handle {@link CaptureInput#ensure(int)} failing: a read failure, a clean end, or a cut record.
     *
     * @param fileOffset of the record.
     * @param needed     bytes the record needs.
     * @param header     whether the header itself is cut, rather than the body.
     * @return false, always, for the caller to return.
     */
    final boolean endOfInput(final long fileOffset, final long needed, final boolean header)
    {
        if (null != input.failure())
        {
            return stop(CaptureProblem.READ_FAILED, input.fileOffset(), 0, 0);
        }
        final int available = input.available();
        if (header)
        {
            if (0 == available)
            {
                done = true;
                return false;
            }
            return stop(CaptureProblem.TRUNCATED_HEADER, fileOffset, available, needed);
        }
        return stop(CaptureProblem.TRUNCATED_BODY, fileOffset, needed, available);
    }

    /**
     * Report a record too long for its snaplen or the buffer, then skip it, or stop when it runs past the file.
     *
     * @param problem    {@link CaptureProblem#LONGER_THAN_SNAPLEN} or {@link CaptureProblem#LARGER_THAN_BUFFER}.
     * @param fileOffset of the record.
     * @param length     of the whole record.
     * @param value      for the report.
     * @param limit      for the report.
     * @return true when skipped and reading goes on.
     */
    final boolean skipOversize(
        final CaptureProblem problem, final long fileOffset, final long length, final long value, final long limit)
    {
        final long left = input.bytesLeftInFile();
        if (length > left)
        {
            return stop(CaptureProblem.TRUNCATED_BODY, fileOffset, length, left);
        }
        problems.report(problem, fileOffset, value, limit);
        input.skip(length);
        if (null != input.failure())
        {
            return stop(CaptureProblem.READ_FAILED, input.fileOffset(), 0, 0);
        }
        return true;
    }

    final void setFrame(
        final int offset, final int capturedLength, final long originalLength, final int fcsBytes, final int type)
    {
        final int fcsCaptured = fcsBytesCaptured(capturedLength, originalLength, fcsBytes);
        this.capturedLength = capturedLength;
        frameOffset = offset;
        frameLength = capturedLength - fcsCaptured;
        originalFrameLength = Math.max(frameLength, originalLength - fcsBytes);
        linkType = type;
        if (asEthernet && PcapFormat.LINKTYPE_ETHERNET != type)
        {
            final int shift = LinuxCooked.toEthernet(buffer, offset, frameLength, type);
            frameOffset += shift;
            frameLength -= shift;
            originalFrameLength -= shift;
            linkType = PcapFormat.LINKTYPE_ETHERNET;
        }
    }

    /**
     * Whether the capture's snap length cut the current frame: fewer bytes captured than were on the wire.
     *
     * @return true when the frame is not whole.
     */
    final boolean isCut()
    {
        return originalFrameLength > frameLength;
    }

    static int fcsBytesCaptured(final int capturedLength, final long originalLength, final int fcsBytes)
    {
        final long inFcs = capturedLength - (originalLength - fcsBytes);
        return (int)Math.max(0, Math.min(Math.min(fcsBytes, inFcs), capturedLength));
    }

    public void close()
    {
        input.close();
    }
}
