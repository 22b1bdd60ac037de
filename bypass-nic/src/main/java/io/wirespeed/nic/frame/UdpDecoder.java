package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads a UDP header in place (RFC 768); the checksum covers an IPv4 pseudo-header, the header and the payload.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |          Source port          |       Destination port        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   Length (header + payload)   |  Checksum (0 = none, IPv4)    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                          payload ...                          |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class UdpDecoder
{
    /** Header length. */
    public static final int HEADER_LENGTH = 8;
    /** The checksum field of a datagram sent without a checksum. */
    public static final int NO_CHECKSUM = 0;

    static final int SOURCE_PORT_OFFSET = 0;
    static final int DESTINATION_PORT_OFFSET = 2;
    static final int LENGTH_OFFSET = 4;
    static final int CHECKSUM_OFFSET = 6;

    private DirectBuffer buffer;
    private int offset;
    private int available;

    /**
     * Point at a UDP header.
     *
     * @param buffer holding it.
     * @param offset of its first byte.
     * @param length bytes available from {@code offset}.
     * @return true when the 8-byte header lies within {@code length}.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.available = length;
        return length >= HEADER_LENGTH;
    }

    /**
     * The source port.
     *
     * @return the source port.
     */
    public int sourcePort()
    {
        return buffer.getShort(offset + SOURCE_PORT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The destination port.
     *
     * @return the destination port.
     */
    public int destinationPort()
    {
        return buffer.getShort(offset + DESTINATION_PORT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The length field.
     *
     * @return header plus payload, in bytes, as declared.
     */
    public int length()
    {
        return buffer.getShort(offset + LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The checksum field.
     *
     * @return the checksum, {@link #NO_CHECKSUM} when the sender computed none.
     */
    public int checksum()
    {
        return buffer.getShort(offset + CHECKSUM_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
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

    /**
     * The payload length the header declares.
     *
     * @return the length field minus the header.
     */
    public int payloadLength()
    {
        return length() - HEADER_LENGTH;
    }

    /**
     * Whether the checksum is absent or correct; false too when the declared length is not all there.
     *
     * @param sourceIp      the IPv4 source address.
     * @param destinationIp the IPv4 destination address.
     * @return true when the checksum field is 0 or the datagram sums to 0xFFFF.
     */
    public boolean isChecksumValid(final int sourceIp, final int destinationIp)
    {
        final int length = length();
        if (length < HEADER_LENGTH || length > available)
        {
            return false;
        }
        if (checksum() == NO_CHECKSUM)
        {
            return true;
        }
        final long sum = InternetChecksum.pseudoHeaderSum(sourceIp, destinationIp, Ipv4Decoder.PROTOCOL_UDP, length);
        return InternetChecksum.fold(InternetChecksum.add(sum, buffer, offset, length)) == InternetChecksum.VALID_SUM;
    }
}
