package io.wirespeed.replay.decode;

import io.wirespeed.nic.pcap.PcapFormat;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Finds the network-layer packet inside a captured frame of the link types captures of trading traffic use.
 * <pre>
 *   1   Ethernet           dst 6 | src 6 | [TPID 8100/88A8/9100 + TCI]* | EtherType 2 | packet
 *   113 Linux cooked v1    packet type 2 | ARPHRD 2 | addr len 2 | addr 8 | protocol 2 | packet   (tcpdump -i any)
 *   276 Linux cooked v2    protocol 2 | reserved 2 | ifindex 4 | ARPHRD 2 | type 1 | addr len 1 | addr 8 | packet
 *   101 raw IP, 228 IPv4   packet (101: version nibble 4 or 6)
 *   0   BSD loopback       address family 4 (host byte order; 2 = AF_INET) | packet
 * </pre>
 */
final class LinkLayer
{
    /** An IPv4 packet starts at {@link #networkOffset()}. */
    static final int IPV4 = 0;
    /** Another network protocol, named by {@link #protocolName()}. */
    static final int OTHER_PROTOCOL = 1;
    /** The frame ends inside the link-layer header. */
    static final int TRUNCATED = 2;
    /** A link type this decoder does not read. */
    static final int UNSUPPORTED_LINK_TYPE = 3;

    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_LINUX_SLL2 = 276;

    static final int ETHER_TYPE_IPV4 = 0x0800;
    static final int ETHER_TYPE_ARP = 0x0806;
    static final int ETHER_TYPE_IPV6 = 0x86DD;
    static final int ETHER_TYPE_VLAN = 0x8100;
    static final int ETHER_TYPE_QINQ = 0x88A8;
    static final int ETHER_TYPE_QINQ_OLD = 0x9100;

    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int VLAN_TAG_LENGTH = 4;
    private static final int SLL_HEADER_LENGTH = 16;
    private static final int SLL2_HEADER_LENGTH = 20;
    private static final int NULL_HEADER_LENGTH = 4;
    private static final int AF_INET = 2;

    private int networkOffset;
    private int networkLength;
    private int protocol;
    private int vlanTags;

    /**
     * Locate the network packet of a frame.
     *
     * @param linkType of the frame's interface.
     * @param buffer   holding the frame.
     * @param offset   of the frame.
     * @param length   bytes captured.
     * @return {@link #IPV4}, {@link #OTHER_PROTOCOL}, {@link #TRUNCATED} or {@link #UNSUPPORTED_LINK_TYPE}.
     */
    int locate(final int linkType, final DirectBuffer buffer, final int offset, final int length)
    {
        vlanTags = 0;
        protocol = -1;
        switch (linkType)
        {
            case LINKTYPE_ETHERNET:
                return etherTyped(buffer, offset, length, ETHERNET_HEADER_LENGTH - 2);

            case LINKTYPE_LINUX_SLL:
                return etherTyped(buffer, offset, length, SLL_HEADER_LENGTH - 2);

            case LINKTYPE_LINUX_SLL2:
                if (length < SLL2_HEADER_LENGTH)
                {
                    return TRUNCATED;
                }
                final int protocolType = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
                return found(offset, length, SLL2_HEADER_LENGTH, protocolType);

            case LINKTYPE_RAW:
                if (length < 1)
                {
                    return TRUNCATED;
                }
                final int version = (buffer.getByte(offset) & 0xF0) >>> 4;
                return found(offset, length, 0, 4 == version ? ETHER_TYPE_IPV4 : 6 == version ? ETHER_TYPE_IPV6 : -1);

            case LINKTYPE_IPV4:
                return found(offset, length, 0, ETHER_TYPE_IPV4);

            case LINKTYPE_NULL:
                if (length < NULL_HEADER_LENGTH)
                {
                    return TRUNCATED;
                }
                final int family = buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN);
                final boolean inet = AF_INET == family || AF_INET == Integer.reverseBytes(family);
                return found(offset, length, NULL_HEADER_LENGTH, inet ? ETHER_TYPE_IPV4 : -1);

            default:
                return UNSUPPORTED_LINK_TYPE;
        }
    }

    /**
     * Where the network packet starts in the buffer.
     *
     * @return its offset.
     */
    int networkOffset()
    {
        return networkOffset;
    }

    /**
     * Bytes captured from {@link #networkOffset()} to the end of the frame.
     *
     * @return the captured length of the network packet, padding included.
     */
    int networkLength()
    {
        return networkLength;
    }

    /**
     * How many 802.1Q/802.1ad tags the frame carried.
     *
     * @return the number of VLAN tags skipped.
     */
    int vlanTags()
    {
        return vlanTags;
    }

    /**
     * The network protocol found, for messages.
     *
     * @return e.g. "ARP (EtherType 0x0806)".
     */
    String protocolName()
    {
        if (-1 == protocol)
        {
            return "an unknown network protocol";
        }
        final String hex = String.format("EtherType 0x%04X", protocol);
        switch (protocol)
        {
            case ETHER_TYPE_ARP:
                return "ARP (" + hex + ")";
            case ETHER_TYPE_IPV6:
                return "IPv6 (" + hex + ")";
            case ETHER_TYPE_IPV4:
                return "IPv4 (" + hex + ")";
            default:
                return hex;
        }
    }

    /**
     * A readable name for a link type, for messages.
     *
     * @param linkType the LINKTYPE_ number.
     * @return its name and number.
     */
    static String linkTypeName(final int linkType)
    {
        return PcapFormat.linkTypeName(linkType) + " (" + linkType + ")";
    }

    private int etherTyped(final DirectBuffer buffer, final int offset, final int length, final int typeOffset)
    {
        int position = typeOffset;
        while (true)
        {
            if (length < position + 2)
            {
                return TRUNCATED;
            }
            final int type = buffer.getShort(offset + position, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (ETHER_TYPE_VLAN == type || ETHER_TYPE_QINQ == type || ETHER_TYPE_QINQ_OLD == type)
            {
                vlanTags++;
                position += VLAN_TAG_LENGTH;
                continue;
            }
            return found(offset, length, position + 2, type);
        }
    }

    private int found(final int offset, final int length, final int headerLength, final int networkProtocol)
    {
        protocol = networkProtocol;
        networkOffset = offset + headerLength;
        networkLength = length - headerLength;
        return ETHER_TYPE_IPV4 == networkProtocol ? IPV4 : OTHER_PROTOCOL;
    }
}
