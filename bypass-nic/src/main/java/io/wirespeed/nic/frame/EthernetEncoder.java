package io.wirespeed.nic.frame;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.wirespeed.nic.frame.EthernetDecoder.DESTINATION_OFFSET;
import static io.wirespeed.nic.frame.EthernetDecoder.ETHER_TYPE_OFFSET;
import static io.wirespeed.nic.frame.EthernetDecoder.HEADER_LENGTH;
import static io.wirespeed.nic.frame.EthernetDecoder.SOURCE_OFFSET;
import static io.wirespeed.nic.frame.EthernetDecoder.TPID_VLAN;
import static io.wirespeed.nic.frame.EthernetDecoder.VLAN_HEADER_LENGTH;
import static io.wirespeed.nic.frame.EthernetDecoder.VLAN_TAG_LENGTH;

/**
 * Writes an Ethernet II header in place, untagged or with one 802.1Q tag; layout in {@link EthernetDecoder}.
 */
public final class EthernetEncoder
{
    private MutableDirectBuffer buffer;
    private int offset;
    private int headerLength;

    /**
     * Point at where an untagged header goes.
     *
     * @param buffer to write into.
     * @param offset of the frame's first byte.
     * @return this for a fluent API.
     */
    public EthernetEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.headerLength = HEADER_LENGTH;
        return this;
    }

    /**
     * Point at where a tagged header goes and write the 802.1Q tag.
     *
     * @param buffer   to write into.
     * @param offset   of the frame's first byte.
     * @param priority 3-bit priority code point.
     * @param vlanId   12-bit VLAN id.
     * @return this for a fluent API.
     */
    public EthernetEncoder wrapVlan(
        final MutableDirectBuffer buffer, final int offset, final int priority, final int vlanId)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.headerLength = VLAN_HEADER_LENGTH;
        buffer.putShort(offset + ETHER_TYPE_OFFSET, (short)TPID_VLAN, ByteOrder.BIG_ENDIAN);
        final int tci = ((priority & 0x7) << 13) | (vlanId & 0x0FFF);
        buffer.putShort(offset + ETHER_TYPE_OFFSET + 2, (short)tci, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * Write the destination address.
     *
     * @param mac in the low 48 bits.
     * @return this for a fluent API.
     */
    public EthernetEncoder destination(final long mac)
    {
        MacAddress.put(buffer, offset + DESTINATION_OFFSET, mac);
        return this;
    }

    /**
     * Write the source address.
     *
     * @param mac in the low 48 bits.
     * @return this for a fluent API.
     */
    public EthernetEncoder source(final long mac)
    {
        MacAddress.put(buffer, offset + SOURCE_OFFSET, mac);
        return this;
    }

    /**
     * Write the payload's EtherType, after the tag when tagged.
     *
     * @param etherType e.g. {@link EthernetDecoder#ETHER_TYPE_IPV4}.
     * @return this for a fluent API.
     */
    public EthernetEncoder etherType(final int etherType)
    {
        final int at = offset + ETHER_TYPE_OFFSET + (headerLength == HEADER_LENGTH ? 0 : VLAN_TAG_LENGTH);
        buffer.putShort(at, (short)etherType, ByteOrder.BIG_ENDIAN);
        return this;
    }

    /**
     * The header length, tag included.
     *
     * @return 14 or 18.
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
}
