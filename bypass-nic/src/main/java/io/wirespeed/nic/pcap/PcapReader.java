package io.wirespeed.nic.pcap;

import io.wirespeed.nic.NicCounter;

import java.nio.ByteOrder;

import static io.wirespeed.nic.pcap.PcapFormat.RECORD_HEADER_LENGTH;

/**
 * Reads classic pcap records, microsecond or nanosecond, in either byte order; see {@link PcapFormat}.
 */
final class PcapReader extends CaptureReader
{
    private final ByteOrder order;
    private final long fractionToNanos;
    private final long snaplen;
    private final int fcsBytes;
    private final int fileLinkType;
    private final boolean nanos;

    PcapReader(
        final CaptureInput input,
        final CaptureProblems problems,
        final boolean asEthernet,
        final ByteOrder order,
        final boolean nanos)
    {
        super(input, problems, asEthernet);
        this.nanos = nanos;
        this.order = order;
        this.fractionToNanos = nanos ? 1L : 1_000L;
        if (!input.ensure(PcapFormat.FILE_HEADER_LENGTH))
        {
            throw headerError(problems.file(), 0, "file is " + input.available() + " bytes long, shorter than " +
                "the " + PcapFormat.FILE_HEADER_LENGTH + "-byte pcap file header");
        }

        final int major = buffer.getShort(4, order) & 0xFFFF;
        if (2 != major)
        {
            throw headerError(problems.file(), 4, "pcap major version " + major + " is not 2");
        }

        final long rawSnaplen = buffer.getInt(PcapFormat.FILE_HEADER_SNAPLEN_OFFSET, order) & 0xFFFF_FFFFL;
        this.snaplen = 0 == rawSnaplen || rawSnaplen > PcapFormat.MAX_SNAPLEN ? PcapFormat.MAX_SNAPLEN : rawSnaplen;

        final int network = buffer.getInt(PcapFormat.FILE_HEADER_LINK_TYPE_OFFSET, order);
        final int linkType = network & 0xFFFF;
        this.fileLinkType = linkType;
        if (asEthernet && !LinuxCooked.isSupported(linkType))
        {
            throw headerError(problems.file(), PcapFormat.FILE_HEADER_LINK_TYPE_OFFSET, linkTypeError(linkType));
        }
        this.fcsBytes = 0 != (network & 0x0400_0000) ? ((network >>> 28) & 0xF) * 2 : 0;
        input.advance(PcapFormat.FILE_HEADER_LENGTH);
    }

    boolean next()
    {
        while (!done)
        {
            final long recordOffset = input.fileOffset();
            if (!input.ensure(RECORD_HEADER_LENGTH))
            {
                return endOfInput(recordOffset, RECORD_HEADER_LENGTH, true);
            }

            int position = input.position();
            final long capturedLength = buffer.getInt(position + PcapFormat.RECORD_CAPTURED_LENGTH_OFFSET, order) &
                0xFFFF_FFFFL;
            final long recordLength = RECORD_HEADER_LENGTH + capturedLength;
            if (capturedLength > snaplen)
            {
                if (!skipOversize(
                    CaptureProblem.LONGER_THAN_SNAPLEN, recordOffset, recordLength, capturedLength, snaplen))
                {
                    return false;
                }
                continue;
            }
            if (recordLength > input.capacity())
            {
                if (!skipOversize(
                    CaptureProblem.LARGER_THAN_BUFFER, recordOffset, recordLength, recordLength, input.capacity()))
                {
                    return false;
                }
                continue;
            }
            if (!input.ensure((int)recordLength))
            {
                return endOfInput(recordOffset, recordLength, false);
            }

            position = input.position();
            final long seconds = buffer.getInt(position, order) & 0xFFFF_FFFFL;
            final long fraction = buffer.getInt(position + 4, order) & 0xFFFF_FFFFL;
            final long originalLength = buffer.getInt(position + PcapFormat.RECORD_ORIGINAL_LENGTH_OFFSET, order) &
                0xFFFF_FFFFL;
            final int length = (int)capturedLength;
            if (length < originalLength)
            {
                problems.count(NicCounter.CAPTURE_FRAME_CUT);
            }

            timestampNs = seconds * NANOS_PER_SECOND + fraction * fractionToNanos;
            setFrame(position + RECORD_HEADER_LENGTH, length, originalLength, fcsBytes, fileLinkType);
            input.advance((int)recordLength);
            return true;
        }
        return false;
    }

    String formatName()
    {
        return "pcap (" + (nanos ? "nanoseconds" : "microseconds") + ", " +
            (ByteOrder.LITTLE_ENDIAN == order ? "little" : "big") + "-endian, link type " + fileLinkType + " " +
            PcapFormat.linkTypeName(fileLinkType) + ")";
    }
}
