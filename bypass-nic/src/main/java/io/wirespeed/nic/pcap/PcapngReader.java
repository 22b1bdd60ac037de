package io.wirespeed.nic.pcap;

import io.wirespeed.nic.NicCounter;

import java.nio.ByteOrder;
import java.util.Arrays;

import static io.wirespeed.nic.pcap.PcapFormat.BLOCK_ENHANCED_PACKET;
import static io.wirespeed.nic.pcap.PcapFormat.BLOCK_INTERFACE_DESCRIPTION;
import static io.wirespeed.nic.pcap.PcapFormat.BLOCK_PACKET_OBSOLETE;
import static io.wirespeed.nic.pcap.PcapFormat.BLOCK_SECTION_HEADER;
import static io.wirespeed.nic.pcap.PcapFormat.BLOCK_SIMPLE_PACKET;
import static io.wirespeed.nic.pcap.PcapFormat.BYTE_ORDER_MAGIC;
import static io.wirespeed.nic.pcap.PcapFormat.MIN_BLOCK_LENGTH;
import static io.wirespeed.nic.pcap.PcapFormat.MIN_SECTION_HEADER_LENGTH;

/**
 * Reads pcapng sections of any byte order: interfaces with their link type, snaplen and timestamp resolution, then
 * enhanced, simple and obsolete packet blocks; other blocks are skipped and counted. See {@link PcapFormat}.
 * <p>
 * A simple packet block carries no timestamp: its frame takes the timestamp of the frame before it, or 0 when it
 * is the first frame.
 */
final class PcapngReader extends CaptureReader
{
    private static final int MIN_INTERFACE_LENGTH = 20;
    private static final int MIN_PACKET_LENGTH = 32;
    private static final int MIN_SIMPLE_PACKET_LENGTH = 16;
    private static final int PACKET_DATA_OFFSET = 28;
    private static final int SIMPLE_PACKET_DATA_OFFSET = 12;

    private ByteOrder order;
    private int interfaceCount;
    private int[] linkTypes = new int[4];
    private long[] snaplens = new long[4];
    private int[] tsresols = new int[4];
    private long[] tsOffsetsNs = new long[4];
    private int[] fcsBytes = new int[4];

    PcapngReader(final CaptureInput input, final CaptureProblems problems, final boolean asEthernet)
    {
        super(input, problems, asEthernet);
        if (!input.ensure(MIN_SECTION_HEADER_LENGTH))
        {
            throw headerError(problems.file(), 0, "file is " + input.available() + " bytes long, shorter than a " +
                "pcapng section header block (" + MIN_SECTION_HEADER_LENGTH + " bytes)");
        }

        order = sectionByteOrder(0);
        if (null == order)
        {
            throw headerError(problems.file(), 8, String.format(
                "pcapng byte-order magic %08x is not 1a2b3c4d in either byte order",
                buffer.getInt(8, ByteOrder.BIG_ENDIAN)));
        }
        final int major = buffer.getShort(12, order) & 0xFFFF;
        if (1 != major)
        {
            throw headerError(problems.file(), 12, "pcapng major version " + major + " is not 1");
        }
        final long length = buffer.getInt(4, order) & 0xFFFF_FFFFL;
        if (length < MIN_SECTION_HEADER_LENGTH || 0 != (length & 3))
        {
            throw headerError(problems.file(), 4, "pcapng section header block length " + length + " is invalid");
        }
    }

    boolean next()
    {
        while (!done)
        {
            final long blockOffset = input.fileOffset();
            if (!input.ensure(MIN_BLOCK_LENGTH))
            {
                return endOfInput(blockOffset, MIN_BLOCK_LENGTH, true);
            }

            int position = input.position();
            final int type = buffer.getInt(position, order);
            if (BLOCK_SECTION_HEADER == type)
            {
                final ByteOrder sectionOrder = sectionByteOrder(position);
                if (null == sectionOrder)
                {
                    return stop(CaptureProblem.BAD_SECTION_HEADER, blockOffset,
                        buffer.getInt(position + 8, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL, 0);
                }
                order = sectionOrder;
            }

            final long blockLength = buffer.getInt(position + 4, order) & 0xFFFF_FFFFL;
            final int minLength = minLength(type);
            if (blockLength < minLength || 0 != (blockLength & 3))
            {
                return stop(CaptureProblem.BAD_BLOCK_LENGTH, blockOffset, blockLength, minLength);
            }
            if (blockLength > input.capacity())
            {
                if (!skipOversize(
                    CaptureProblem.LARGER_THAN_BUFFER, blockOffset, blockLength, blockLength, input.capacity()))
                {
                    return false;
                }
                continue;
            }
            if (!input.ensure((int)blockLength))
            {
                return endOfInput(blockOffset, blockLength, false);
            }

            position = input.position();
            final int length = (int)blockLength;
            final long trailingLength = buffer.getInt(position + length - 4, order) & 0xFFFF_FFFFL;
            if (trailingLength != blockLength)
            {
                return stop(CaptureProblem.BLOCK_LENGTH_MISMATCH, blockOffset, blockLength, trailingLength);
            }

            final boolean frame = onBlock(type, position, length, blockOffset);
            input.advance(length);
            if (frame)
            {
                return true;
            }
        }
        return false;
    }

    private boolean onBlock(final int type, final int position, final int length, final long blockOffset)
    {
        switch (type)
        {
            case BLOCK_ENHANCED_PACKET:
                return onPacket(buffer.getInt(position + 8, order) & 0xFFFF_FFFFL, position, length, blockOffset);

            case BLOCK_PACKET_OBSOLETE:
                return onPacket(buffer.getShort(position + 8, order) & 0xFFFF, position, length, blockOffset);

            case BLOCK_SIMPLE_PACKET:
                return onSimplePacket(position, length, blockOffset);

            case BLOCK_INTERFACE_DESCRIPTION:
                onInterface(position, length);
                return false;

            case BLOCK_SECTION_HEADER:
                onSection(position, blockOffset);
                return false;

            default:
                problems.count(NicCounter.CAPTURE_BLOCKS_SKIPPED);
                return false;
        }
    }

    private boolean onPacket(final long interfaceId, final int position, final int length, final long blockOffset)
    {
        if (interfaceId >= interfaceCount)
        {
            problems.report(CaptureProblem.UNKNOWN_INTERFACE, blockOffset, interfaceId, interfaceCount);
            return false;
        }
        final int id = (int)interfaceId;
        if (asEthernet && !LinuxCooked.isSupported(linkTypes[id]))
        {
            problems.report(CaptureProblem.UNSUPPORTED_LINK_TYPE, blockOffset, linkTypes[id], 0);
            return false;
        }

        final long capturedLength = buffer.getInt(position + 20, order) & 0xFFFF_FFFFL;
        final int room = length - MIN_PACKET_LENGTH;
        if (capturedLength > room)
        {
            problems.report(CaptureProblem.PACKET_EXCEEDS_BLOCK, blockOffset, capturedLength, room);
            return false;
        }
        if (0 != snaplens[id] && capturedLength > snaplens[id])
        {
            problems.report(CaptureProblem.LONGER_THAN_SNAPLEN, blockOffset, capturedLength, snaplens[id]);
            return false;
        }

        final long units = ((buffer.getInt(position + 12, order) & 0xFFFF_FFFFL) << 32) |
            (buffer.getInt(position + 16, order) & 0xFFFF_FFFFL);
        final long originalLength = buffer.getInt(position + 24, order) & 0xFFFF_FFFFL;
        timestampNs = PcapFormat.unitsToNanos(units, tsresols[id]) + tsOffsetsNs[id];
        this.interfaceId = id;
        return frame(position + PACKET_DATA_OFFSET, (int)capturedLength, originalLength, fcsBytes[id], linkTypes[id]);
    }

    private boolean onSimplePacket(final int position, final int length, final long blockOffset)
    {
        if (0 == interfaceCount)
        {
            problems.report(CaptureProblem.UNKNOWN_INTERFACE, blockOffset, 0, 0);
            return false;
        }
        if (asEthernet && !LinuxCooked.isSupported(linkTypes[0]))
        {
            problems.report(CaptureProblem.UNSUPPORTED_LINK_TYPE, blockOffset, linkTypes[0], 0);
            return false;
        }

        final long originalLength = buffer.getInt(position + 8, order) & 0xFFFF_FFFFL;
        interfaceId = 0;
        long capturedLength = Math.min(originalLength, length - MIN_SIMPLE_PACKET_LENGTH);
        if (0 != snaplens[0])
        {
            capturedLength = Math.min(capturedLength, snaplens[0]);
        }
        return frame(
            position + SIMPLE_PACKET_DATA_OFFSET, (int)capturedLength, originalLength, fcsBytes[0], linkTypes[0]);
    }

    private boolean frame(
        final int offset, final int capturedLength, final long originalLength, final int fcs, final int type)
    {
        if (capturedLength < originalLength)
        {
            problems.count(NicCounter.CAPTURE_FRAME_CUT);
        }
        setFrame(offset, capturedLength, originalLength, fcs, type);
        return true;
    }

    String formatName()
    {
        return "pcapng (" + (ByteOrder.LITTLE_ENDIAN == order ? "little" : "big") + "-endian)";
    }

    private void onSection(final int position, final long blockOffset)
    {
        final int major = buffer.getShort(position + 12, order) & 0xFFFF;
        if (1 != major)
        {
            stop(CaptureProblem.BAD_SECTION_HEADER, blockOffset, major, 0);
        }
        interfaceCount = 0;
    }

    private void onInterface(final int position, final int length)
    {
        if (interfaceCount == linkTypes.length)
        {
            final int capacity = interfaceCount * 2;
            linkTypes = Arrays.copyOf(linkTypes, capacity);
            snaplens = Arrays.copyOf(snaplens, capacity);
            tsresols = Arrays.copyOf(tsresols, capacity);
            tsOffsetsNs = Arrays.copyOf(tsOffsetsNs, capacity);
            fcsBytes = Arrays.copyOf(fcsBytes, capacity);
        }

        final int id = interfaceCount++;
        linkTypes[id] = buffer.getShort(position + 8, order) & 0xFFFF;
        snaplens[id] = buffer.getInt(position + 12, order) & 0xFFFF_FFFFL;
        tsresols[id] = PcapFormat.TSRESOL_MICROS;
        tsOffsetsNs[id] = 0;
        fcsBytes[id] = 0;

        final int end = position + length - 4;
        int option = position + 16;
        while (option + 4 <= end)
        {
            final int code = buffer.getShort(option, order) & 0xFFFF;
            final int optionLength = buffer.getShort(option + 2, order) & 0xFFFF;
            final int value = option + 4;
            if (PcapFormat.OPTION_END == code || value + optionLength > end)
            {
                break;
            }
            if (PcapFormat.OPTION_IF_TSRESOL == code && optionLength >= 1)
            {
                tsresols[id] = buffer.getByte(value) & 0xFF;
            }
            else if (PcapFormat.OPTION_IF_TSOFFSET == code && optionLength >= 8)
            {
                tsOffsetsNs[id] = buffer.getLong(value, order) * NANOS_PER_SECOND;
            }
            else if (PcapFormat.OPTION_IF_FCSLEN == code && optionLength >= 1)
            {
                fcsBytes[id] = buffer.getByte(value) & 0xFF;
            }
            option = value + ((optionLength + 3) & ~3);
        }
    }

    private ByteOrder sectionByteOrder(final int position)
    {
        final int magic = buffer.getInt(position + 8, ByteOrder.LITTLE_ENDIAN);
        if (BYTE_ORDER_MAGIC == magic)
        {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (Integer.reverseBytes(BYTE_ORDER_MAGIC) == magic)
        {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    private static int minLength(final int type)
    {
        switch (type)
        {
            case BLOCK_SECTION_HEADER:
                return MIN_SECTION_HEADER_LENGTH;
            case BLOCK_INTERFACE_DESCRIPTION:
                return MIN_INTERFACE_LENGTH;
            case BLOCK_ENHANCED_PACKET:
            case BLOCK_PACKET_OBSOLETE:
                return MIN_PACKET_LENGTH;
            case BLOCK_SIMPLE_PACKET:
                return MIN_SIMPLE_PACKET_LENGTH;
            default:
                return MIN_BLOCK_LENGTH;
        }
    }
}
