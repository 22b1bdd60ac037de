package io.wirespeed.nic.frame;

import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import org.agrona.DirectBuffer;

/**
 * Parses one Ethernet frame into a {@link UdpView}, returning an outcome code and counting every frame that is not
 * a well-formed unfragmented UDP/IPv4 datagram in the port's counters, by reason.
 * <p>
 * Reads nothing outside {@code [offset, offset + length)} whatever the headers claim, allocates nothing and never
 * throws on bad input. Frames longer than the IP total length (Ethernet padding) are accepted.
 */
public final class UdpFrameDecoder
{
    /** A well-formed UDP/IPv4 datagram: the view is filled. */
    public static final int UDP = 0;
    /** An ARP frame: not UDP/IPv4, not malformed. */
    public static final int ARP = 1;
    /** Another EtherType (IPv6, LLDP, ...): not UDP/IPv4, not malformed. */
    public static final int OTHER_ETHER_TYPE = 2;
    /** The frame ends before the Ethernet, VLAN, IPv4 or UDP header does. */
    public static final int TRUNCATED = 3;
    /** IP header length, IP total length, frame length and UDP length disagree. */
    public static final int LENGTH_MISMATCH = 4;
    /** EtherType IPv4 but the version field is not 4. */
    public static final int NOT_IPV4 = 5;
    /** IPv4 options present. */
    public static final int IP_OPTIONS = 6;
    /** An IPv4 fragment: MF set or a non-zero fragment offset. */
    public static final int IP_FRAGMENT = 7;
    /** Bad IPv4 header checksum. */
    public static final int BAD_IP_CHECKSUM = 8;
    /** IPv4 but not UDP. */
    public static final int NOT_UDP = 9;
    /** Bad UDP checksum (a checksum of 0, none, is accepted). */
    public static final int BAD_UDP_CHECKSUM = 10;

    private static final NicCounter[] COUNTER_BY_OUTCOME =
    {
        null,
        NicCounter.RX_ARP,
        NicCounter.RX_OTHER_ETHER_TYPE,
        NicCounter.MALFORMED_TRUNCATED,
        NicCounter.MALFORMED_LENGTH_MISMATCH,
        NicCounter.MALFORMED_NOT_IPV4,
        NicCounter.MALFORMED_IP_OPTIONS,
        NicCounter.MALFORMED_IP_FRAGMENT,
        NicCounter.MALFORMED_BAD_IP_CHECKSUM,
        NicCounter.MALFORMED_NOT_UDP,
        NicCounter.MALFORMED_BAD_UDP_CHECKSUM,
    };

    private static final String[] NAME_BY_OUTCOME =
    {
        "UDP", "ARP", "OTHER_ETHER_TYPE", "TRUNCATED", "LENGTH_MISMATCH", "NOT_IPV4", "IP_OPTIONS", "IP_FRAGMENT",
        "BAD_IP_CHECKSUM", "NOT_UDP", "BAD_UDP_CHECKSUM",
    };

    private final EthernetDecoder ethernet = new EthernetDecoder();
    private final Ipv4Decoder ip = new Ipv4Decoder();
    private final UdpDecoder udp = new UdpDecoder();
    private final NicCounters counters;
    private final boolean verifyUdpChecksum;

    /**
     * A decoder that verifies UDP checksums.
     *
     * @param counters of the port the frames came from.
     */
    public UdpFrameDecoder(final NicCounters counters)
    {
        this(counters, true);
    }

    /**
     * A decoder.
     *
     * @param counters          of the port the frames came from.
     * @param verifyUdpChecksum false to skip the pass over the payload when the NIC has verified it.
     */
    public UdpFrameDecoder(final NicCounters counters, final boolean verifyUdpChecksum)
    {
        this.counters = counters;
        this.verifyUdpChecksum = verifyUdpChecksum;
    }

    /**
     * Parse a frame and count it when it is not UDP/IPv4.
     *
     * @param buffer        holding the frame.
     * @param offset        of the frame's first byte.
     * @param length        of the frame.
     * @param rxTimestampNs when the backend saw it.
     * @param view          filled when the outcome is {@link #UDP}, untouched otherwise.
     * @return {@link #UDP}, {@link #ARP}, {@link #OTHER_ETHER_TYPE} or a malformed reason.
     */
    public int decode(
        final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs, final UdpView view)
    {
        final int outcome = parse(buffer, offset, length, rxTimestampNs, view);
        if (UDP != outcome)
        {
            counters.increment(COUNTER_BY_OUTCOME[outcome]);
        }
        return outcome;
    }

    /**
     * Whether an outcome is a malformed frame, as opposed to UDP/IPv4 or another protocol.
     *
     * @param outcome from {@link #decode}.
     * @return true for a malformed reason.
     */
    public static boolean isMalformed(final int outcome)
    {
        return outcome >= TRUNCATED;
    }

    /**
     * The name of an outcome, for tools and messages.
     *
     * @param outcome from {@link #decode}.
     * @return its name.
     */
    public static String outcomeName(final int outcome)
    {
        return outcome >= 0 && outcome < NAME_BY_OUTCOME.length ? NAME_BY_OUTCOME[outcome] : "UNKNOWN(" + outcome + ")";
    }

    private int parse(
        final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs, final UdpView view)
    {
        if (!ethernet.wrap(buffer, offset, length))
        {
            return TRUNCATED;
        }
        final int etherType = ethernet.etherType();
        if (EthernetDecoder.ETHER_TYPE_IPV4 != etherType)
        {
            return EthernetDecoder.ETHER_TYPE_ARP == etherType ? ARP : OTHER_ETHER_TYPE;
        }

        final int ipOffset = ethernet.payloadOffset();
        final int ipAvailable = ethernet.payloadLength();
        if (!ip.wrap(buffer, ipOffset, ipAvailable))
        {
            return TRUNCATED;
        }
        if (ip.version() != 4)
        {
            return NOT_IPV4;
        }
        final int headerLength = ip.headerLength();
        if (headerLength > Ipv4Decoder.MIN_HEADER_LENGTH)
        {
            return IP_OPTIONS;
        }
        final int totalLength = ip.totalLength();
        if (headerLength < Ipv4Decoder.MIN_HEADER_LENGTH || totalLength < headerLength || totalLength > ipAvailable)
        {
            return LENGTH_MISMATCH;
        }
        if (!ip.isChecksumValid())
        {
            return BAD_IP_CHECKSUM;
        }
        if (ip.isFragment())
        {
            return IP_FRAGMENT;
        }
        if (ip.protocol() != Ipv4Decoder.PROTOCOL_UDP)
        {
            return NOT_UDP;
        }

        final int udpLength = totalLength - headerLength;
        if (!udp.wrap(buffer, ipOffset + headerLength, udpLength))
        {
            return TRUNCATED;
        }
        if (udp.length() != udpLength)
        {
            return LENGTH_MISMATCH;
        }
        final int sourceAddress = ip.source();
        final int destinationAddress = ip.destination();
        if (verifyUdpChecksum && !udp.isChecksumValid(sourceAddress, destinationAddress))
        {
            return BAD_UDP_CHECKSUM;
        }

        view.set(
            buffer,
            offset,
            length,
            udp.payloadOffset(),
            udpLength - UdpDecoder.HEADER_LENGTH,
            sourceAddress,
            destinationAddress,
            udp.sourcePort(),
            udp.destinationPort(),
            ethernet.vlanId(),
            rxTimestampNs);
        return UDP;
    }
}
