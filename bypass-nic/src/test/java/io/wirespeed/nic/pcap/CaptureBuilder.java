package io.wirespeed.nic.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds classic pcap and pcapng files byte by byte for tests, in either byte order, including broken ones.
 */
final class CaptureBuilder
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    private CaptureBuilder(final ByteOrder order)
    {
        this.order = order;
    }

    static CaptureBuilder pcap(final ByteOrder order, final boolean nanos, final int snaplen, final int network)
    {
        final CaptureBuilder builder = new CaptureBuilder(order);
        builder.put(builder.bytes(24)
            .putInt(nanos ? PcapFormat.MAGIC_NANOS : PcapFormat.MAGIC_MICROS)
            .putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(snaplen).putInt(network));
        return builder;
    }

    static CaptureBuilder pcapng(final ByteOrder order)
    {
        return new CaptureBuilder(order).sectionHeader(order);
    }

    /**
     * Blocks to append to a pcapng file already started, with no section header of their own.
     */
    static CaptureBuilder pcapngBlocks(final ByteOrder order)
    {
        return new CaptureBuilder(order);
    }

    CaptureBuilder record(final long seconds, final long fraction, final byte[] frame)
    {
        return record(seconds, fraction, frame.length, frame.length, frame);
    }

    CaptureBuilder record(
        final long seconds, final long fraction, final int capturedLength, final int originalLength, final byte[] data)
    {
        return put(bytes(16 + data.length).putInt((int)seconds).putInt((int)fraction).putInt(capturedLength)
            .putInt(originalLength).put(data));
    }

    CaptureBuilder sectionHeader(final ByteOrder sectionOrder)
    {
        order = sectionOrder;
        return block(PcapFormat.BLOCK_SECTION_HEADER, bytes(16)
            .putInt(PcapFormat.BYTE_ORDER_MAGIC).putShort((short)1).putShort((short)0).putLong(-1L));
    }

    CaptureBuilder interfaceDescription(final int linkType, final int snaplen, final byte[] options)
    {
        return block(PcapFormat.BLOCK_INTERFACE_DESCRIPTION, bytes(8 + options.length)
            .putShort((short)linkType).putShort((short)0).putInt(snaplen).put(options));
    }

    CaptureBuilder interfaceDescription(final int linkType)
    {
        return interfaceDescription(linkType, 0, new byte[0]);
    }

    /**
     * An option list holding one option then the end-of-options marker, in the current byte order.
     */
    byte[] options(final int code, final byte[] value)
    {
        final ByteBuffer option = bytes(4 + pad(value.length) + 4);
        option.putShort((short)code).putShort((short)value.length).put(value);
        option.position(4 + pad(value.length));
        option.putShort((short)PcapFormat.OPTION_END).putShort((short)0);
        return option.array();
    }

    byte[] longValue(final long value)
    {
        return bytes(8).putLong(value).array();
    }

    CaptureBuilder enhancedPacket(final int interfaceId, final long units, final byte[] frame)
    {
        return enhancedPacket(interfaceId, units, frame.length, frame.length, frame);
    }

    CaptureBuilder enhancedPacket(
        final int interfaceId, final long units, final int capturedLength, final int originalLength, final byte[] data)
    {
        return block(PcapFormat.BLOCK_ENHANCED_PACKET, bytes(20 + pad(data.length)).putInt(interfaceId)
            .putInt((int)(units >>> 32)).putInt((int)units).putInt(capturedLength).putInt(originalLength).put(data));
    }

    CaptureBuilder obsoletePacket(final int interfaceId, final long units, final byte[] frame)
    {
        return block(PcapFormat.BLOCK_PACKET_OBSOLETE, bytes(20 + pad(frame.length)).putShort((short)interfaceId)
            .putShort((short)0).putInt((int)(units >>> 32)).putInt((int)units).putInt(frame.length)
            .putInt(frame.length).put(frame));
    }

    CaptureBuilder simplePacket(final byte[] frame)
    {
        return block(PcapFormat.BLOCK_SIMPLE_PACKET, bytes(4 + pad(frame.length)).putInt(frame.length).put(frame));
    }

    CaptureBuilder otherBlock(final int type, final int bodyLength)
    {
        return block(type, bytes(pad(bodyLength)));
    }

    /**
     * A block with explicit leading and trailing lengths, whatever its body's real length.
     */
    CaptureBuilder rawBlock(final int type, final int leadingLength, final byte[] body, final int trailingLength)
    {
        return put(bytes(12 + body.length).putInt(type).putInt(leadingLength).put(body).putInt(trailingLength));
    }

    CaptureBuilder raw(final byte[] raw)
    {
        out.writeBytes(raw);
        return this;
    }

    CaptureBuilder rawInt(final int value)
    {
        return put(bytes(4).putInt(value));
    }

    int size()
    {
        return out.size();
    }

    byte[] toByteArray()
    {
        return out.toByteArray();
    }

    Path write(final Path file, final OpenOption... options)
    {
        try
        {
            return Files.write(file, out.toByteArray(), options);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Raw bytes, optionally cut short, written as a file.
     */
    static final class Raw
    {
        private final byte[] bytes;

        Raw(final byte[] bytes)
        {
            this(bytes, bytes.length);
        }

        Raw(final byte[] bytes, final int length)
        {
            this.bytes = Arrays.copyOf(bytes, length);
        }

        Path write(final Path file)
        {
            try
            {
                return Files.write(file, bytes);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }

    private CaptureBuilder block(final int type, final ByteBuffer body)
    {
        final int bodyLength = pad(body.capacity());
        final int total = 12 + bodyLength;
        final ByteBuffer block = bytes(total);
        block.putInt(type).putInt(total).put(body.array());
        block.position(8 + bodyLength);
        block.putInt(total);
        return put(block);
    }

    private CaptureBuilder put(final ByteBuffer buffer)
    {
        out.writeBytes(buffer.array());
        return this;
    }

    private ByteBuffer bytes(final int length)
    {
        return ByteBuffer.allocate(length).order(order);
    }

    private static int pad(final int length)
    {
        return (length + 3) & ~3;
    }
}
