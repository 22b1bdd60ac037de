package io.wirespeed.nic.frame;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads an ARP packet in place; only IPv4 over Ethernet has the fixed layout below (RFC 826).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     Hardware type (1)         |     Protocol type (0x0800)    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  HW length (6)| Proto len (4) |  Operation (1 req, 2 reply)   |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Sender hardware address (6)                   |
 *  +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                               |  Sender protocol address (4)  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |                               |                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |                 Target hardware address (6)                   |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  Target protocol address (4)                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class ArpDecoder
{
    /** Length of an IPv4-over-Ethernet ARP packet. */
    public static final int LENGTH = 28;
    /** Hardware type of Ethernet. */
    public static final int HARDWARE_TYPE_ETHERNET = 1;
    /** Operation of a request. */
    public static final int OPERATION_REQUEST = 1;
    /** Operation of a reply. */
    public static final int OPERATION_REPLY = 2;

    static final int HARDWARE_TYPE_OFFSET = 0;
    static final int PROTOCOL_TYPE_OFFSET = 2;
    static final int HARDWARE_LENGTH_OFFSET = 4;
    static final int PROTOCOL_LENGTH_OFFSET = 5;
    static final int OPERATION_OFFSET = 6;
    static final int SENDER_MAC_OFFSET = 8;
    static final int SENDER_IP_OFFSET = 14;
    static final int TARGET_MAC_OFFSET = 18;
    static final int TARGET_IP_OFFSET = 24;

    private DirectBuffer buffer;
    private int offset;

    /**
     * Point at an ARP packet.
     *
     * @param buffer holding it.
     * @param offset of its first byte.
     * @param length bytes available.
     * @return true when the 28-byte packet lies within {@code length}.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        return length >= LENGTH;
    }

    /**
     * Whether this is IPv4 over Ethernet, the only layout the address accessors read correctly.
     *
     * @return true for hardware type 1, protocol 0x0800, lengths 6 and 4.
     */
    public boolean isIpv4OverEthernet()
    {
        return hardwareType() == HARDWARE_TYPE_ETHERNET &&
            protocolType() == EthernetDecoder.ETHER_TYPE_IPV4 &&
            (buffer.getByte(offset + HARDWARE_LENGTH_OFFSET) & 0xFF) == MacAddress.LENGTH &&
            (buffer.getByte(offset + PROTOCOL_LENGTH_OFFSET) & 0xFF) == 4;
    }

    /**
     * The hardware type.
     *
     * @return the hardware type, 1 for Ethernet.
     */
    public int hardwareType()
    {
        return buffer.getShort(offset + HARDWARE_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The protocol type.
     *
     * @return the protocol type, 0x0800 for IPv4.
     */
    public int protocolType()
    {
        return buffer.getShort(offset + PROTOCOL_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The operation.
     *
     * @return {@link #OPERATION_REQUEST} or {@link #OPERATION_REPLY}, or another value.
     */
    public int operation()
    {
        return buffer.getShort(offset + OPERATION_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * The sender's hardware address.
     *
     * @return the address in the low 48 bits.
     */
    public long senderMac()
    {
        return MacAddress.get(buffer, offset + SENDER_MAC_OFFSET);
    }

    /**
     * The sender's IPv4 address.
     *
     * @return the address.
     */
    public int senderIp()
    {
        return buffer.getInt(offset + SENDER_IP_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /**
     * The target's hardware address, zero in a request.
     *
     * @return the address in the low 48 bits.
     */
    public long targetMac()
    {
        return MacAddress.get(buffer, offset + TARGET_MAC_OFFSET);
    }

    /**
     * The target's IPv4 address.
     *
     * @return the address.
     */
    public int targetIp()
    {
        return buffer.getInt(offset + TARGET_IP_OFFSET, ByteOrder.BIG_ENDIAN);
    }
}
