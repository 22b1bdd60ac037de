package io.wirespeed.nic.pcap;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Rewrites the link header of a Linux cooked capture ({@code tcpdump -i any}) into an Ethernet header in place, so
 * RX queues hand over Ethernet frames whatever the capture's link type. The destination MAC is the IPv4 multicast
 * MAC of the group (01:00:5e + the group's low 23 bits), zeros for other destinations; the source MAC is the
 * captured link-layer address when it is 6 bytes long, zeros otherwise. A frame too short for its cooked header is
 * handed over shorter than an Ethernet header, for the frame layer to count as truncated.
 * <pre>
 *   113 v1: packet type 2 | ARPHRD 2 | addr len 2 | addr 8          | protocol 2 | packet
 *                         | dst 6                 | src 6          | type 2     |          (frame starts 2 on)
 *   276 v2: protocol 2 | reserved 2 | ifindex 4 | ARPHRD 2 | pkt type 1 | addr len 1 | addr 8 | packet
 *                                   | dst 6                                          | src 6 | type 2 | (6 on)
 * </pre>
 */
final class LinuxCooked
{
    static final int SLL_HEADER_LENGTH = 16;
    static final int SLL2_HEADER_LENGTH = 20;

    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int ETHER_TYPE_IPV4 = 0x0800;
    private static final int IPV4_DESTINATION_OFFSET = 16;
    private static final int MAC_LENGTH = 6;

    private LinuxCooked()
    {
    }

    /**
     * Whether RX queues can hand over frames of a link type.
     *
     * @param linkType the LINKTYPE_ number.
     * @return true for Ethernet and Linux cooked v1 and v2.
     */
    static boolean isSupported(final int linkType)
    {
        return PcapFormat.LINKTYPE_ETHERNET == linkType || PcapFormat.LINKTYPE_LINUX_SLL == linkType ||
            PcapFormat.LINKTYPE_LINUX_SLL2 == linkType;
    }

    /**
     * Rewrite a cooked frame's header into an Ethernet header in place.
     *
     * @param buffer   holding the frame; written.
     * @param offset   of the cooked frame.
     * @param length   of the cooked frame.
     * @param linkType {@link PcapFormat#LINKTYPE_LINUX_SLL} or {@link PcapFormat#LINKTYPE_LINUX_SLL2}.
     * @return how many bytes the frame's start moves: its Ethernet frame starts that far on and is that much shorter.
     */
    static int toEthernet(final MutableDirectBuffer buffer, final int offset, final int length, final int linkType)
    {
        if (PcapFormat.LINKTYPE_LINUX_SLL == linkType)
        {
            final int shift = SLL_HEADER_LENGTH - ETHERNET_HEADER_LENGTH;
            if (length < SLL_HEADER_LENGTH)
            {
                return Math.min(shift, length);
            }
            final boolean macAddress = MAC_LENGTH == (buffer.getShort(offset + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF);
            final int sourceHigh = macAddress ? buffer.getInt(offset + 6, ByteOrder.BIG_ENDIAN) : 0;
            final short sourceLow = macAddress ? buffer.getShort(offset + 10, ByteOrder.BIG_ENDIAN) : 0;
            final int protocol = buffer.getShort(offset + 14, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int frame = offset + shift;
            putDestination(buffer, frame, protocol, offset + SLL_HEADER_LENGTH, length - SLL_HEADER_LENGTH);
            buffer.putInt(frame + MAC_LENGTH, sourceHigh, ByteOrder.BIG_ENDIAN);
            buffer.putShort(frame + MAC_LENGTH + 4, sourceLow, ByteOrder.BIG_ENDIAN);
            return shift;
        }

        final int shift = SLL2_HEADER_LENGTH - ETHERNET_HEADER_LENGTH;
        if (length < SLL2_HEADER_LENGTH)
        {
            return Math.min(shift, length);
        }
        final int protocol = buffer.getShort(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        final boolean macAddress = MAC_LENGTH == (buffer.getByte(offset + 11) & 0xFF);
        final int frame = offset + shift;
        putDestination(buffer, frame, protocol, offset + SLL2_HEADER_LENGTH, length - SLL2_HEADER_LENGTH);
        if (!macAddress)
        {
            buffer.setMemory(frame + MAC_LENGTH, MAC_LENGTH, (byte)0);
        }
        buffer.putShort(frame + 2 * MAC_LENGTH, (short)protocol, ByteOrder.BIG_ENDIAN);
        return shift;
    }

    private static void putDestination(
        final MutableDirectBuffer buffer, final int at, final int protocol, final int packet, final int packetLength)
    {
        int group = 0;
        if (ETHER_TYPE_IPV4 == protocol && packetLength >= IPV4_DESTINATION_OFFSET + 4)
        {
            final int destination = buffer.getInt(packet + IPV4_DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN);
            group = 0xE == (destination >>> 28) ? destination : 0;
        }
        if (0 == group)
        {
            buffer.setMemory(at, MAC_LENGTH, (byte)0);
            return;
        }
        buffer.putInt(at, 0x0100_5E00 | ((group >>> 16) & 0x7F), ByteOrder.BIG_ENDIAN);
        buffer.putShort(at + 4, (short)group, ByteOrder.BIG_ENDIAN);
    }
}
