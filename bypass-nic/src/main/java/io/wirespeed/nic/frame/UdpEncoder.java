package io.wirespeed.nic.frame;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.wirespeed.nic.frame.UdpDecoder.CHECKSUM_OFFSET;
import static io.wirespeed.nic.frame.UdpDecoder.DESTINATION_PORT_OFFSET;
import static io.wirespeed.nic.frame.UdpDecoder.HEADER_LENGTH;
import static io.wirespeed.nic.frame.UdpDecoder.LENGTH_OFFSET;
import static io.wirespeed.nic.frame.UdpDecoder.SOURCE_PORT_OFFSET;

/**
 * Writes a UDP header in place; layout in {@link UdpDecoder}. Write the payload and length before the checksum.
 */
public final class UdpEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point at where the header goes.
     *
     * @param buffer to write into.
     * @param offset of the header's first byte.
     * @return this for a fluent API.
     */
    public UdpEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * Write the source port.
     *
     * @param port 0..65535.
     * @return this for a fluent API.
     */
    public UdpEncoder sourcePort(final int port)
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
    public UdpEncoder destinationPort(final int port)
    {
        buffer.putShort(offset + DESTINATION_PORT_OFFSET, (short)port, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the length field from the payload length.
     *
     * @param payloadLength bytes after the header.
     * @return this for a fluent API.
     */
    public UdpEncoder payloadLength(final int payloadLength)
    {
        buffer.putShort(offset + LENGTH_OFFSET, (short)(HEADER_LENGTH + payloadLength), ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write a checksum of 0: none (allowed over IPv4).
     *
     * @return this for a fluent API.
     */
    public UdpEncoder noChecksum()
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)UdpDecoder.NO_CHECKSUM, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Compute and write the checksum over the pseudo-header, header and payload as they stand; a computed 0 is
     * written as 0xFFFF, since 0 means none.
     *
     * @param sourceIp      the IPv4 source address.
     * @param destinationIp the IPv4 destination address.
     * @return the checksum written.
     */
    public int updateChecksum(final int sourceIp, final int destinationIp)
    {
        final int length = buffer.getShort(offset + LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)0, ByteOrder.BIG_ENDIAN);
        final long sum = InternetChecksum.pseudoHeaderSum(sourceIp, destinationIp, Ipv4Decoder.PROTOCOL_UDP, length);
        final int computed = InternetChecksum.finish(InternetChecksum.add(sum, buffer, offset, length));
        final int checksum = computed == 0 ? 0xFFFF : computed;
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, ByteOrder.BIG_ENDIAN);
        return checksum;
    }

    /**
     * Where the payload starts in the buffer.
     *
     * @return the payload's offset in the buffer.
     */
    public int payloadOffset()
    {
        return offset + HEADER_LENGTH;
    }
}
