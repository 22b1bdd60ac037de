package io.wirespeed.nic.frame;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.wirespeed.nic.frame.TcpDecoder.ACKNOWLEDGMENT_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.CHECKSUM_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.DATA_OFFSET_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.DESTINATION_PORT_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.FLAGS_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.MIN_HEADER_LENGTH;
import static io.wirespeed.nic.frame.TcpDecoder.SEQUENCE_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.SOURCE_PORT_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.URGENT_POINTER_OFFSET;
import static io.wirespeed.nic.frame.TcpDecoder.WINDOW_OFFSET;

/**
 * Writes a TCP header in place; layout in {@link TcpDecoder}. Options are written by the caller after the fixed
 * part; write the payload before the checksum.
 */
public final class TcpEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point at where the header goes; sets a 20-byte header, no flags, urgent pointer 0.
     *
     * @param buffer to write into.
     * @param offset of the header's first byte.
     * @return this for a fluent API.
     */
    public TcpEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        buffer.putByte(offset + DATA_OFFSET_OFFSET, (byte)(MIN_HEADER_LENGTH << 2));
        buffer.putByte(offset + FLAGS_OFFSET, (byte)0);
        buffer.putShort(offset + URGENT_POINTER_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the source port.
     *
     * @param port 0..65535.
     * @return this for a fluent API.
     */
    public TcpEncoder sourcePort(final int port)
    {
        buffer.putShort(offset + SOURCE_PORT_OFFSET, (short)port, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the destination port.
     *
     * @param port 0..65535.
     * @return this for a fluent API.
     */
    public TcpEncoder destinationPort(final int port)
    {
        buffer.putShort(offset + DESTINATION_PORT_OFFSET, (short)port, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the sequence number.
     *
     * @param sequenceNumber the low 32 bits are written.
     * @return this for a fluent API.
     */
    public TcpEncoder sequenceNumber(final long sequenceNumber)
    {
        buffer.putInt(offset + SEQUENCE_OFFSET, (int)sequenceNumber, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the acknowledgment number.
     *
     * @param acknowledgmentNumber the low 32 bits are written.
     * @return this for a fluent API.
     */
    public TcpEncoder acknowledgmentNumber(final long acknowledgmentNumber)
    {
        buffer.putInt(offset + ACKNOWLEDGMENT_OFFSET, (int)acknowledgmentNumber, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the data offset for a header with options.
     *
     * @param headerLength 20..60, a multiple of 4.
     * @return this for a fluent API.
     */
    public TcpEncoder headerLength(final int headerLength)
    {
        buffer.putByte(offset + DATA_OFFSET_OFFSET, (byte)((headerLength >>> 2) << 4));
        return this;
    }

    /**
     * Write the flags.
     *
     * @param flags {@link TcpDecoder#SYN}, {@link TcpDecoder#ACK} and the others OR-ed together.
     * @return this for a fluent API.
     */
    public TcpEncoder flags(final int flags)
    {
        buffer.putByte(offset + FLAGS_OFFSET, (byte)flags);
        return this;
    }

    /**
     * Write the receive window.
     *
     * @param window unscaled, 0..65535.
     * @return this for a fluent API.
     */
    public TcpEncoder window(final int window)
    {
        buffer.putShort(offset + WINDOW_OFFSET, (short)window, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the urgent pointer.
     *
     * @param urgentPointer 0..65535.
     * @return this for a fluent API.
     */
    public TcpEncoder urgentPointer(final int urgentPointer)
    {
        buffer.putShort(offset + URGENT_POINTER_OFFSET, (short)urgentPointer, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Compute and write the checksum over the pseudo-header and the segment as it stands.
     *
     * @param sourceIp      the IPv4 source address.
     * @param destinationIp the IPv4 destination address.
     * @param segmentLength header, options and payload, in bytes.
     * @return the checksum written.
     */
    public int updateChecksum(final int sourceIp, final int destinationIp, final int segmentLength)
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        final long sum =
            InternetChecksum.pseudoHeaderSum(sourceIp, destinationIp, Ipv4Decoder.PROTOCOL_TCP, segmentLength);
        final int checksum = InternetChecksum.finish(InternetChecksum.add(sum, buffer, offset, segmentLength));
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, ByteOrder.BIG_ENDIAN);
        return checksum;
    }
}
