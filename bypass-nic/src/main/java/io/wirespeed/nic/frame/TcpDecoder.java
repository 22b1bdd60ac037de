package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads a TCP header in place (RFC 9293); the segment length comes from the IP header, TCP has no length field.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |          Source port          |       Destination port        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                        Sequence number                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Acknowledgment number                      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Data |       |C|E|U|A|P|R|S|F|                               |
 *  | offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 *  |  (x4) |       |R|E|G|K|H|T|N|N|                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |           Checksum            |        Urgent pointer         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Options (data offset > 5) ...                 |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class TcpDecoder
{
    /** Header length without options. */
    public static final int MIN_HEADER_LENGTH = 20;
    /** FIN flag. */
    public static final int FIN = 0x01;
    /** SYN flag. */
    public static final int SYN = 0x02;
    /** RST flag. */
    public static final int RST = 0x04;
    /** PSH flag. */
    public static final int PSH = 0x08;
    /** ACK flag. */
    public static final int ACK = 0x10;
    /** URG flag. */
    public static final int URG = 0x20;
    /** ECE flag. */
    public static final int ECE = 0x40;
    /** CWR flag. */
    public static final int CWR = 0x80;

    static final int SOURCE_PORT_OFFSET = 0;
    static final int DESTINATION_PORT_OFFSET = 2;
    static final int SEQUENCE_OFFSET = 4;
    static final int ACKNOWLEDGMENT_OFFSET = 8;
    static final int DATA_OFFSET_OFFSET = 12;
    static final int FLAGS_OFFSET = 13;
    static final int WINDOW_OFFSET = 14;
    static final int CHECKSUM_OFFSET = 16;
    static final int URGENT_POINTER_OFFSET = 18;

    private DirectBuffer buffer;
    private int offset;
    private int available;

    /**
     * Point at a TCP header.
     *
     * @param buffer holding it.
     * @param offset of its first byte.
     * @param length bytes available from {@code offset}.
     * @return true when the fixed 20-byte part lies within {@code length}.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.available = length;
        return length >= MIN_HEADER_LENGTH;
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
     * The sequence number.
     *
     * @return the unsigned 32-bit sequence number.
     */
    public long sequenceNumber()
    {
        return buffer.getInt(offset + SEQUENCE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    /**
     * The acknowledgment number.
     *
     * @return the unsigned 32-bit acknowledgment number.
     */
    public long acknowledgmentNumber()
    {
        return buffer.getInt(offset + ACKNOWLEDGMENT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    /**
     * The header length from the data offset field.
     *
     * @return the header length in bytes, options included.
     */
    public int headerLength()
    {
        return (buffer.getByte(offset + DATA_OFFSET_OFFSET) & 0xF0) >>> 2;
    }

    /**
     * The eight flag bits, CWR to FIN.
     *
     * @return the flags; test with {@link #SYN}, {@link #ACK} and the others.
     */
    public int flags()
    {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    /**
     * Whether every one of some flags is set.
     *
     * @param mask flags OR-ed together.
     * @return true when all of them are set.
     */
    public boolean hasFlags(final int mask)
    {
        return (flags() & mask) == mask;
    }

    /**
     * The receive window.
     *
     * @return the window, unscaled.
     */
    public int window()
    {
        return buffer.getShort(offset + WINDOW_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The checksum field.
     *
     * @return the checksum as written.
     */
    public int checksum()
    {
        return buffer.getShort(offset + CHECKSUM_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The urgent pointer.
     *
     * @return the urgent pointer.
     */
    public int urgentPointer()
    {
        return buffer.getShort(offset + URGENT_POINTER_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * Where the payload starts in the buffer.
     *
     * @return the payload's offset in the buffer.
     */
    public int payloadOffset()
    {
        return offset + headerLength();
    }

    /**
     * Whether the checksum is correct; false too when the segment or its header is not all there.
     *
     * @param sourceIp      the IPv4 source address.
     * @param destinationIp the IPv4 destination address.
     * @param segmentLength header and payload, from the IP header.
     * @return true when the segment sums to 0xFFFF.
     */
    public boolean isChecksumValid(final int sourceIp, final int destinationIp, final int segmentLength)
    {
        if (segmentLength < MIN_HEADER_LENGTH || segmentLength > available || headerLength() > segmentLength)
        {
            return false;
        }
        final long sum =
            InternetChecksum.pseudoHeaderSum(sourceIp, destinationIp, Ipv4Decoder.PROTOCOL_TCP, segmentLength);
        return InternetChecksum.fold(InternetChecksum.add(sum, buffer, offset, segmentLength)) ==
            InternetChecksum.VALID_SUM;
    }
}
