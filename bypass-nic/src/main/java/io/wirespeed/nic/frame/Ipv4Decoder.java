package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads an IPv4 header in place (RFC 791).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |Version|  IHL  |   DSCP/ECN    |          Total length         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |         Identification        |0|D|M|   Fragment offset (x8)  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Time to live |    Protocol   |        Header checksum        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                       Source address                          |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Destination address                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Options (IHL > 5), 4-byte words               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class Ipv4Decoder
{
    /** Header length without options. */
    public static final int MIN_HEADER_LENGTH = 20;
    /** Header length with the most options. */
    public static final int MAX_HEADER_LENGTH = 60;
    /** Largest total length. */
    public static final int MAX_TOTAL_LENGTH = 0xFFFF;
    /** Protocol number of ICMP. */
    public static final int PROTOCOL_ICMP = 1;
    /** Protocol number of IGMP. */
    public static final int PROTOCOL_IGMP = 2;
    /** Protocol number of TCP. */
    public static final int PROTOCOL_TCP = 6;
    /** Protocol number of UDP. */
    public static final int PROTOCOL_UDP = 17;

    static final int VERSION_IHL_OFFSET = 0;
    static final int TOS_OFFSET = 1;
    static final int TOTAL_LENGTH_OFFSET = 2;
    static final int IDENTIFICATION_OFFSET = 4;
    static final int FLAGS_FRAGMENT_OFFSET = 6;
    static final int TTL_OFFSET = 8;
    static final int PROTOCOL_OFFSET = 9;
    static final int CHECKSUM_OFFSET = 10;
    static final int SOURCE_OFFSET = 12;
    static final int DESTINATION_OFFSET = 16;
    static final int FLAG_DONT_FRAGMENT = 0x4000;
    static final int FLAG_MORE_FRAGMENTS = 0x2000;
    static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * Point at an IPv4 header.
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
        this.length = length;
        return length >= MIN_HEADER_LENGTH;
    }

    /**
     * The version field.
     *
     * @return the version, 4 for IPv4.
     */
    public int version()
    {
        return (buffer.getByte(offset + VERSION_IHL_OFFSET) & 0xF0) >>> 4;
    }

    /**
     * The header length from the IHL field.
     *
     * @return the header length in bytes, options included.
     */
    public int headerLength()
    {
        return (buffer.getByte(offset + VERSION_IHL_OFFSET) & 0x0F) << 2;
    }

    /**
     * Whether the header carries options.
     *
     * @return true when IHL is more than 5.
     */
    public boolean hasOptions()
    {
        return headerLength() > MIN_HEADER_LENGTH;
    }

    /**
     * The DSCP and ECN byte.
     *
     * @return the former type-of-service byte.
     */
    public int tos()
    {
        return buffer.getByte(offset + TOS_OFFSET) & 0xFF;
    }

    /**
     * The total length field: header and payload.
     *
     * @return the total length in bytes.
     */
    public int totalLength()
    {
        return buffer.getShort(offset + TOTAL_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The identification field.
     *
     * @return the identification.
     */
    public int identification()
    {
        return buffer.getShort(offset + IDENTIFICATION_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The don't-fragment flag.
     *
     * @return true when DF is set.
     */
    public boolean dontFragment()
    {
        return (flagsAndFragmentOffset() & FLAG_DONT_FRAGMENT) != 0;
    }

    /**
     * The more-fragments flag.
     *
     * @return true when MF is set.
     */
    public boolean moreFragments()
    {
        return (flagsAndFragmentOffset() & FLAG_MORE_FRAGMENTS) != 0;
    }

    /**
     * The fragment offset.
     *
     * @return the fragment's offset in bytes.
     */
    public int fragmentOffset()
    {
        return (flagsAndFragmentOffset() & FRAGMENT_OFFSET_MASK) << 3;
    }

    /**
     * Whether this is a fragment: MF set or a non-zero fragment offset.
     *
     * @return true for any fragment of a fragmented datagram.
     */
    public boolean isFragment()
    {
        return (flagsAndFragmentOffset() & (FLAG_MORE_FRAGMENTS | FRAGMENT_OFFSET_MASK)) != 0;
    }

    /**
     * The time-to-live field.
     *
     * @return the TTL.
     */
    public int ttl()
    {
        return buffer.getByte(offset + TTL_OFFSET) & 0xFF;
    }

    /**
     * The protocol field.
     *
     * @return the protocol number, e.g. {@link #PROTOCOL_UDP}.
     */
    public int protocol()
    {
        return buffer.getByte(offset + PROTOCOL_OFFSET) & 0xFF;
    }

    /**
     * The header checksum field.
     *
     * @return the header checksum as written.
     */
    public int checksum()
    {
        return buffer.getShort(offset + CHECKSUM_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The source address.
     *
     * @return the source address.
     */
    public int source()
    {
        return buffer.getInt(offset + SOURCE_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /**
     * The destination address.
     *
     * @return the destination address.
     */
    public int destination()
    {
        return buffer.getInt(offset + DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /**
     * Whether the header checksum is correct; false too when the header, options included, is not all there.
     *
     * @return true when the header sums to 0xFFFF.
     */
    public boolean isChecksumValid()
    {
        final int headerLength = headerLength();
        return headerLength >= MIN_HEADER_LENGTH && headerLength <= length &&
            InternetChecksum.fold(InternetChecksum.add(0, buffer, offset, headerLength)) == InternetChecksum.VALID_SUM;
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
     * The payload length the header declares.
     *
     * @return total length minus header length.
     */
    public int payloadLength()
    {
        return totalLength() - headerLength();
    }

    private int flagsAndFragmentOffset()
    {
        return buffer.getShort(offset + FLAGS_FRAGMENT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}
