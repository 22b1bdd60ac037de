package io.wirespeed.nic.frame;

import org.agrona.MutableDirectBuffer;

/**
 * Writes Ethernet, IPv4 and UDP headers with correct checksums around a payload already written in place, for TX on
 * any backend: claim {@link #frameLength(int)} bytes, write the payload at {@link #headerLength()}, then
 * {@link #encode}.
 * <pre>
 *   +----------------+------------------+-------------+---------------------+
 *   | Ethernet 14/18 | IPv4 20, DF set  | UDP 8       | payload             |
 *   +----------------+------------------+-------------+---------------------+
 *   ^ frame offset                                    ^ frame offset + headerLength()
 * </pre>
 */
public final class UdpFrameEncoder
{
    /** Header bytes before the payload of an untagged frame. */
    public static final int HEADER_LENGTH =
        EthernetDecoder.HEADER_LENGTH + Ipv4Decoder.MIN_HEADER_LENGTH + UdpDecoder.HEADER_LENGTH;
    /** Header bytes before the payload of a VLAN-tagged frame. */
    public static final int VLAN_HEADER_LENGTH = HEADER_LENGTH + EthernetDecoder.VLAN_TAG_LENGTH;
    /** The largest UDP payload an IPv4 datagram can carry. */
    public static final int MAX_PAYLOAD_LENGTH =
        Ipv4Decoder.MAX_TOTAL_LENGTH - Ipv4Decoder.MIN_HEADER_LENGTH - UdpDecoder.HEADER_LENGTH;
    /** TTL written unless set. */
    public static final int TTL_DEFAULT = 64;

    private final EthernetEncoder ethernet = new EthernetEncoder();
    private final Ipv4Encoder ip = new Ipv4Encoder();
    private final UdpEncoder udp = new UdpEncoder();
    private long sourceMac;
    private long destinationMac;
    private int sourceIp;
    private int destinationIp;
    private int sourcePort;
    private int destinationPort;
    private int ttl = TTL_DEFAULT;
    private int vlanId = EthernetDecoder.NO_VLAN;
    private int vlanPriority;
    private int identification;
    private boolean udpChecksum = true;

    /**
     * Set the source.
     *
     * @param mac  hardware address.
     * @param ip   IPv4 address.
     * @param port UDP port.
     * @return this for a fluent API.
     */
    public UdpFrameEncoder source(final long mac, final int ip, final int port)
    {
        sourceMac = mac;
        sourceIp = ip;
        sourcePort = port;
        return this;
    }

    /**
     * Set the destination.
     *
     * @param mac  hardware address; for a multicast group, {@link MacAddress#ofIpv4Multicast(int)}.
     * @param ip   IPv4 address.
     * @param port UDP port.
     * @return this for a fluent API.
     */
    public UdpFrameEncoder destination(final long mac, final int ip, final int port)
    {
        destinationMac = mac;
        destinationIp = ip;
        destinationPort = port;
        return this;
    }

    /**
     * Set a multicast destination, its MAC address mapped from the group.
     *
     * @param group IPv4 multicast address.
     * @param port  UDP port.
     * @return this for a fluent API.
     */
    public UdpFrameEncoder multicastDestination(final int group, final int port)
    {
        if (!Ipv4Address.isMulticast(group))
        {
            throw new IllegalArgumentException("not a multicast group: " + Ipv4Address.toString(group));
        }
        return destination(MacAddress.ofIpv4Multicast(group), group, port);
    }

    /**
     * Set the TTL.
     *
     * @param ttl 0..255.
     * @return this for a fluent API.
     */
    public UdpFrameEncoder ttl(final int ttl)
    {
        this.ttl = ttl;
        return this;
    }

    /**
     * Tag frames with an 802.1Q VLAN.
     *
     * @param priority 3-bit priority code point.
     * @param vlanId   12-bit VLAN id.
     * @return this for a fluent API.
     */
    public UdpFrameEncoder vlan(final int priority, final int vlanId)
    {
        this.vlanPriority = priority & 0x7;
        this.vlanId = vlanId & 0x0FFF;
        return this;
    }

    /**
     * Send frames untagged, the default.
     *
     * @return this for a fluent API.
     */
    public UdpFrameEncoder noVlan()
    {
        this.vlanId = EthernetDecoder.NO_VLAN;
        return this;
    }

    /**
     * Whether to compute the UDP checksum (the default) or write 0, none.
     *
     * @param udpChecksum true to compute it.
     * @return this for a fluent API.
     */
    public UdpFrameEncoder udpChecksum(final boolean udpChecksum)
    {
        this.udpChecksum = udpChecksum;
        return this;
    }

    /**
     * Set the IPv4 identification of the next frame; each frame encoded takes the next value.
     *
     * @param identification 16 bits.
     * @return this for a fluent API.
     */
    public UdpFrameEncoder identification(final int identification)
    {
        this.identification = identification;
        return this;
    }

    /**
     * Header bytes before the payload.
     *
     * @return 42 untagged, 46 tagged.
     */
    public int headerLength()
    {
        return EthernetDecoder.NO_VLAN == vlanId ? HEADER_LENGTH : VLAN_HEADER_LENGTH;
    }

    /**
     * The frame length for a payload.
     *
     * @param payloadLength bytes of payload.
     * @return the frame length.
     */
    public int frameLength(final int payloadLength)
    {
        return headerLength() + payloadLength;
    }

    /**
     * Write the headers and checksums around a payload already at {@code offset + headerLength()}.
     *
     * @param buffer        holding the frame.
     * @param offset        of the frame's first byte.
     * @param payloadLength bytes of payload, at most {@link #MAX_PAYLOAD_LENGTH}.
     * @return the frame length.
     */
    public int encode(final MutableDirectBuffer buffer, final int offset, final int payloadLength)
    {
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException("UDP payload length " + payloadLength + " outside 0.." +
                MAX_PAYLOAD_LENGTH);
        }

        if (EthernetDecoder.NO_VLAN == vlanId)
        {
            ethernet.wrap(buffer, offset);
        }
        else
        {
            ethernet.wrapVlan(buffer, offset, vlanPriority, vlanId);
        }
        ethernet.destination(destinationMac).source(sourceMac).etherType(EthernetDecoder.ETHER_TYPE_IPV4);

        final int udpLength = UdpDecoder.HEADER_LENGTH + payloadLength;
        ip.wrap(buffer, ethernet.payloadOffset())
            .totalLength(Ipv4Decoder.MIN_HEADER_LENGTH + udpLength)
            .identification(identification++)
            .dontFragment(true)
            .ttl(ttl)
            .protocol(Ipv4Decoder.PROTOCOL_UDP)
            .source(sourceIp)
            .destination(destinationIp)
            .updateChecksum();

        udp.wrap(buffer, ip.payloadOffset())
            .sourcePort(sourcePort)
            .destinationPort(destinationPort)
            .payloadLength(payloadLength);
        if (udpChecksum)
        {
            udp.updateChecksum(sourceIp, destinationIp);
        }
        else
        {
            udp.noChecksum();
        }
        return headerLength() + payloadLength;
    }
}
