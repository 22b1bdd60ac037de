package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads an Ethernet II header in place, with at most one 802.1Q VLAN tag.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  Destination MAC address                      |
 *  +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                               |                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |                     Source MAC address                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |   TPID 0x8100 (if tagged)     | PCP |D|    VLAN id (12 bits)  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |          EtherType            |  payload ...                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class EthernetDecoder
{
    /** Header length without a VLAN tag. */
    public static final int HEADER_LENGTH = 14;
    /** Length of an 802.1Q tag. */
    public static final int VLAN_TAG_LENGTH = 4;
    /** Header length with one VLAN tag. */
    public static final int VLAN_HEADER_LENGTH = HEADER_LENGTH + VLAN_TAG_LENGTH;
    /** Offset of the destination address. */
    public static final int DESTINATION_OFFSET = 0;
    /** Offset of the source address. */
    public static final int SOURCE_OFFSET = 6;
    /** Offset of the EtherType, or of the TPID when tagged. */
    public static final int ETHER_TYPE_OFFSET = 12;
    /** 802.1Q tag protocol id. */
    public static final int TPID_VLAN = 0x8100;
    /** EtherType of IPv4. */
    public static final int ETHER_TYPE_IPV4 = 0x0800;
    /** EtherType of ARP. */
    public static final int ETHER_TYPE_ARP = 0x0806;
    /** VLAN id reported for an untagged frame. */
    public static final int NO_VLAN = -1;

    private DirectBuffer buffer;
    private int offset;
    private int length;
    private int headerLength;
    private int etherType;
    private int tci;

    /**
     * Point at a frame.
     *
     * @param buffer holding the frame.
     * @param offset of the frame's first byte.
     * @param length bytes of the frame available.
     * @return true when the whole header, tag included, lies within {@code length}.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        headerLength = 0;
        etherType = -1;
        tci = NO_VLAN;
        if (length < HEADER_LENGTH)
        {
            return false;
        }

        final int type = buffer.getShort(offset + ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (TPID_VLAN != type)
        {
            etherType = type;
            headerLength = HEADER_LENGTH;
            return true;
        }
        if (length < VLAN_HEADER_LENGTH)
        {
            return false;
        }
        tci = buffer.getShort(offset + ETHER_TYPE_OFFSET + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        etherType = buffer.getShort(offset + ETHER_TYPE_OFFSET + VLAN_TAG_LENGTH, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        headerLength = VLAN_HEADER_LENGTH;
        return true;
    }

    /**
     * The destination address.
     *
     * @return the destination address in the low 48 bits.
     */
    public long destination()
    {
        return MacAddress.get(buffer, offset + DESTINATION_OFFSET);
    }

    /**
     * The source address.
     *
     * @return the source address in the low 48 bits.
     */
    public long source()
    {
        return MacAddress.get(buffer, offset + SOURCE_OFFSET);
    }

    /**
     * The EtherType of the payload, after any VLAN tag.
     *
     * @return the EtherType, or -1 when the header did not fit.
     */
    public int etherType()
    {
        return etherType;
    }

    /**
     * Whether the frame carries an 802.1Q tag.
     *
     * @return true when tagged.
     */
    public boolean isVlanTagged()
    {
        return tci != NO_VLAN;
    }

    /**
     * The 12-bit VLAN id.
     *
     * @return the VLAN id, or {@link #NO_VLAN} when untagged.
     */
    public int vlanId()
    {
        return tci == NO_VLAN ? NO_VLAN : tci & 0x0FFF;
    }

    /**
     * The 3-bit priority code point of the tag.
     *
     * @return the priority, 0 when untagged.
     */
    public int vlanPriority()
    {
        return tci == NO_VLAN ? 0 : tci >>> 13;
    }

    /**
     * The header length, tag included.
     *
     * @return 14 or 18, or 0 when the header did not fit.
     */
    public int headerLength()
    {
        return headerLength;
    }

    /**
     * Where the payload starts in the buffer.
     *
     * @return the payload's offset in the buffer.
     */
    public int payloadOffset()
    {
        return offset + headerLength;
    }

    /**
     * Bytes of the frame after the header.
     *
     * @return the payload length.
     */
    public int payloadLength()
    {
        return length - headerLength;
    }
}
