package io.wirespeed.nic.frame;

import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.wirespeed.nic.frame.CapturedFrames.GROUP;
import static io.wirespeed.nic.frame.CapturedFrames.HOST_IP;
import static io.wirespeed.nic.frame.CapturedFrames.HOST_MAC;
import static io.wirespeed.nic.frame.CapturedFrames.PEER_IP;
import static io.wirespeed.nic.frame.CapturedFrames.PEER_MAC;
import static io.wirespeed.nic.frame.FrameTestSupport.bytes;
import static io.wirespeed.nic.frame.FrameTestSupport.exact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers: real captured frames parse to the right fields and checksums, and the encoders rebuild them byte
 * for byte.
 */
final class CapturedFramesTest
{
    private static final String PAYLOAD = "wirespeed mdp3 test payload";

    private final NicCounters counters = FrameTestSupport.newCounters("captured");
    private final EthernetDecoder ethernet = new EthernetDecoder();
    private final Ipv4Decoder ip = new Ipv4Decoder();

    @AfterEach
    void close()
    {
        counters.close();
    }

    @Test
    void udpMulticastFrameParsesWithKnownChecksums()
    {
        final byte[] frame = bytes(CapturedFrames.UDP_MULTICAST);
        final UnsafeBuffer buffer = exact(frame);

        assertTrue(ethernet.wrap(buffer, 0, frame.length));
        assertEquals(MacAddress.ofIpv4Multicast(GROUP), ethernet.destination());
        assertEquals(HOST_MAC, ethernet.source());
        assertEquals(EthernetDecoder.ETHER_TYPE_IPV4, ethernet.etherType());
        assertFalse(ethernet.isVlanTagged());

        assertTrue(ip.wrap(buffer, ethernet.payloadOffset(), ethernet.payloadLength()));
        assertEquals(4, ip.version());
        assertEquals(20, ip.headerLength());
        assertEquals(0x37, ip.totalLength());
        assertEquals(0x7d3b, ip.identification());
        assertTrue(ip.dontFragment());
        assertFalse(ip.isFragment());
        assertEquals(1, ip.ttl());
        assertEquals(Ipv4Decoder.PROTOCOL_UDP, ip.protocol());
        assertEquals(0x4563, ip.checksum());
        assertTrue(ip.isChecksumValid());
        assertEquals(HOST_IP, ip.source());
        assertEquals(GROUP, ip.destination());

        final UdpDecoder udp = new UdpDecoder();
        assertTrue(udp.wrap(buffer, ip.payloadOffset(), ip.payloadLength()));
        assertEquals(40000, udp.sourcePort());
        assertEquals(14310, udp.destinationPort());
        assertEquals(8 + PAYLOAD.length(), udp.length());
        assertEquals(0xb8d4, udp.checksum());
        assertTrue(udp.isChecksumValid(HOST_IP, GROUP));
        assertFalse(udp.isChecksumValid(HOST_IP, GROUP + 1));

        final UdpView view = new UdpView();
        assertEquals(UdpFrameDecoder.UDP, new UdpFrameDecoder(counters).decode(buffer, 0, frame.length, 42L, view));
        assertEquals(PAYLOAD, buffer.getStringWithoutLengthAscii(view.payloadOffset(), view.payloadLength()));
        assertEquals(HOST_IP, view.sourceAddress());
        assertEquals(GROUP, view.destinationAddress());
        assertEquals(40000, view.sourcePort());
        assertEquals(14310, view.destinationPort());
        assertEquals(EthernetDecoder.NO_VLAN, view.vlanId());
        assertEquals(42L, view.rxTimestampNs());
        assertEquals(Map.of(), FrameTestSupport.nonZero(counters));
    }

    @Test
    void udpFrameEncoderRebuildsTheCapturedFrame()
    {
        final byte[] frame = bytes(CapturedFrames.UDP_MULTICAST);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[frame.length]);
        final UdpFrameEncoder encoder = new UdpFrameEncoder()
            .source(HOST_MAC, HOST_IP, 40000)
            .multicastDestination(GROUP, 14310)
            .ttl(1)
            .identification(0x7d3b);
        final byte[] payload = PAYLOAD.getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(encoder.headerLength(), payload);

        assertEquals(frame.length, encoder.encode(buffer, 0, payload.length));
        assertArrayEquals(frame, buffer.byteArray());
    }

    @Test
    void arpRequestParsesAndIsRebuilt()
    {
        final byte[] frame = bytes(CapturedFrames.ARP_REQUEST);
        final UnsafeBuffer buffer = exact(frame);
        assertTrue(ethernet.wrap(buffer, 0, frame.length));
        assertEquals(MacAddress.BROADCAST, ethernet.destination());
        assertEquals(EthernetDecoder.ETHER_TYPE_ARP, ethernet.etherType());

        final ArpDecoder arp = new ArpDecoder();
        assertTrue(arp.wrap(buffer, ethernet.payloadOffset(), ethernet.payloadLength()));
        assertTrue(arp.isIpv4OverEthernet());
        assertEquals(ArpDecoder.OPERATION_REQUEST, arp.operation());
        assertEquals(HOST_MAC, arp.senderMac());
        assertEquals(HOST_IP, arp.senderIp());
        assertEquals(0, arp.targetMac());
        assertEquals(PEER_IP, arp.targetIp());

        final UnsafeBuffer rebuilt = new UnsafeBuffer(new byte[frame.length]);
        final EthernetEncoder ethernetEncoder = new EthernetEncoder().wrap(rebuilt, 0);
        ethernetEncoder.destination(MacAddress.BROADCAST).source(HOST_MAC).etherType(EthernetDecoder.ETHER_TYPE_ARP);
        assertEquals(ArpDecoder.LENGTH,
            new ArpEncoder().wrap(rebuilt, ethernetEncoder.payloadOffset()).request(HOST_MAC, HOST_IP, PEER_IP));
        assertArrayEquals(frame, rebuilt.byteArray());

        final UdpView view = new UdpView();
        assertEquals(UdpFrameDecoder.ARP, new UdpFrameDecoder(counters).decode(buffer, 0, frame.length, 0, view));
        assertEquals(Map.of(NicCounter.RX_ARP, 1L), FrameTestSupport.nonZero(counters));
    }

    @Test
    void tcpSynParsesWithKnownChecksum()
    {
        final byte[] frame = bytes(CapturedFrames.TCP_SYN);
        final UnsafeBuffer buffer = exact(frame);
        assertTrue(ethernet.wrap(buffer, 0, frame.length));
        assertEquals(PEER_MAC, ethernet.destination());
        assertTrue(ip.wrap(buffer, ethernet.payloadOffset(), ethernet.payloadLength()));
        assertEquals(0x6d3c, ip.checksum());
        assertTrue(ip.isChecksumValid());
        assertEquals(64, ip.ttl());
        assertEquals(Ipv4Decoder.PROTOCOL_TCP, ip.protocol());

        final TcpDecoder tcp = new TcpDecoder();
        assertTrue(tcp.wrap(buffer, ip.payloadOffset(), ip.payloadLength()));
        assertEquals(40001, tcp.sourcePort());
        assertEquals(9000, tcp.destinationPort());
        assertEquals(0xd3cebe1dL, tcp.sequenceNumber());
        assertEquals(0, tcp.acknowledgmentNumber());
        assertEquals(40, tcp.headerLength());
        assertEquals(TcpDecoder.SYN, tcp.flags());
        assertTrue(tcp.hasFlags(TcpDecoder.SYN));
        assertFalse(tcp.hasFlags(TcpDecoder.SYN | TcpDecoder.ACK));
        assertEquals(64240, tcp.window());
        assertEquals(0x3368, tcp.checksum());
        assertEquals(0, tcp.urgentPointer());
        assertEquals(ip.payloadOffset() + 40, tcp.payloadOffset());
        assertTrue(tcp.isChecksumValid(HOST_IP, PEER_IP, ip.payloadLength()));
        assertFalse(tcp.isChecksumValid(HOST_IP, PEER_IP, ip.payloadLength() + 1));

        final UnsafeBuffer copy = exact(frame);
        final TcpEncoder encoder = new TcpEncoder();
        encoder.wrap(copy, ip.payloadOffset());
        encoder.headerLength(40).flags(TcpDecoder.SYN);
        assertEquals(0x3368, encoder.updateChecksum(HOST_IP, PEER_IP, ip.payloadLength()));
        assertArrayEquals(frame, copy.byteArray());

        final UdpView view = new UdpView();
        assertEquals(UdpFrameDecoder.NOT_UDP, new UdpFrameDecoder(counters).decode(buffer, 0, frame.length, 0, view));
        assertEquals(Map.of(NicCounter.MALFORMED_NOT_UDP, 1L), FrameTestSupport.nonZero(counters));
    }

    @Test
    void igmpV3JoinParsesAndIsRebuilt()
    {
        final byte[] frame = bytes(CapturedFrames.IGMP_V3_JOIN);
        final UnsafeBuffer buffer = exact(frame);
        assertTrue(ethernet.wrap(buffer, 0, frame.length));
        assertEquals(MacAddress.ofIpv4Multicast(Ipv4Address.IGMPV3_ROUTERS), ethernet.destination());
        assertTrue(ip.wrap(buffer, ethernet.payloadOffset(), ethernet.payloadLength()));
        assertTrue(ip.hasOptions());
        assertEquals(Ipv4Encoder.ROUTER_ALERT_HEADER_LENGTH, ip.headerLength());
        assertEquals(0x3de6, ip.checksum());
        assertTrue(ip.isChecksumValid());
        assertEquals(Ipv4Address.IGMPV3_ROUTERS, ip.destination());

        final IgmpDecoder igmp = new IgmpDecoder();
        assertTrue(igmp.wrap(buffer, ip.payloadOffset(), ip.payloadLength()));
        assertEquals(IgmpDecoder.TYPE_V3_MEMBERSHIP_REPORT, igmp.type());
        assertEquals(0xe8f9, igmp.checksum());
        assertTrue(igmp.isChecksumValid());
        assertEquals(1, igmp.numberOfGroupRecords());
        final IgmpGroupRecordDecoder record = new IgmpGroupRecordDecoder();
        assertTrue(igmp.firstGroupRecord(record));
        assertEquals(IgmpGroupRecordDecoder.CHANGE_TO_EXCLUDE_MODE, record.recordType());
        assertEquals(0, record.numberOfSources());
        assertEquals(0, record.auxDataLength());
        assertEquals(GROUP, record.multicastAddress());
        assertFalse(record.next());

        final UnsafeBuffer rebuilt = new UnsafeBuffer(new byte[frame.length]);
        final int igmpOffset = writeIgmpHeaders(rebuilt, Ipv4Address.IGMPV3_ROUTERS, 16);
        final int igmpLength = new IgmpEncoder().wrap(rebuilt, igmpOffset)
            .v3Report()
            .groupRecord(IgmpGroupRecordDecoder.CHANGE_TO_EXCLUDE_MODE, GROUP, new int[0], 0)
            .finishV3Report();
        assertEquals(16, igmpLength);
        assertArrayEquals(frame, rebuilt.byteArray());

        final UdpView view = new UdpView();
        assertEquals(UdpFrameDecoder.IP_OPTIONS,
            new UdpFrameDecoder(counters).decode(buffer, 0, frame.length, 0, view));
        assertEquals(Map.of(NicCounter.MALFORMED_IP_OPTIONS, 1L), FrameTestSupport.nonZero(counters));
    }

    @Test
    void igmpV2ReportAndLeaveParseAndAreRebuilt()
    {
        final byte[] report = bytes(CapturedFrames.IGMP_V2_REPORT);
        final byte[] leave = bytes(CapturedFrames.IGMP_V2_LEAVE);
        final IgmpDecoder igmp = new IgmpDecoder();

        final UnsafeBuffer reportBuffer = exact(report);
        assertTrue(ethernet.wrap(reportBuffer, 0, report.length));
        assertTrue(ip.wrap(reportBuffer, ethernet.payloadOffset(), ethernet.payloadLength()));
        assertEquals(0x2d00, ip.checksum());
        assertTrue(ip.isChecksumValid());
        assertTrue(igmp.wrap(reportBuffer, ip.payloadOffset(), ip.payloadLength()));
        assertEquals(IgmpDecoder.TYPE_V2_MEMBERSHIP_REPORT, igmp.type());
        assertEquals(GROUP, igmp.groupAddress());
        assertEquals(0xf8fa, igmp.checksum());
        assertTrue(igmp.isChecksumValid());
        assertFalse(igmp.firstGroupRecord(new IgmpGroupRecordDecoder()));

        final UnsafeBuffer leaveBuffer = exact(leave);
        assertTrue(ethernet.wrap(leaveBuffer, 0, leave.length));
        assertTrue(ip.wrap(leaveBuffer, ethernet.payloadOffset(), ethernet.payloadLength()));
        assertEquals(Ipv4Address.ALL_ROUTERS, ip.destination());
        assertTrue(igmp.wrap(leaveBuffer, ip.payloadOffset(), ip.payloadLength()));
        assertEquals(IgmpDecoder.TYPE_V2_LEAVE_GROUP, igmp.type());
        assertEquals(0xf7fa, igmp.checksum());
        assertTrue(igmp.isChecksumValid());

        final UnsafeBuffer rebuiltReport = new UnsafeBuffer(new byte[report.length]);
        assertEquals(8, new IgmpEncoder().wrap(rebuiltReport, writeIgmpHeaders(rebuiltReport, GROUP, 8))
            .v2Report(GROUP));
        assertArrayEquals(report, rebuiltReport.byteArray());

        final UnsafeBuffer rebuiltLeave = new UnsafeBuffer(new byte[leave.length]);
        assertEquals(8, new IgmpEncoder().wrap(rebuiltLeave, writeIgmpHeaders(rebuiltLeave, Ipv4Address.ALL_ROUTERS, 8))
            .v2Leave(GROUP));
        assertArrayEquals(leave, rebuiltLeave.byteArray());
    }

    @Test
    void igmpChecksumDetectsCorruption()
    {
        final byte[] frame = bytes(CapturedFrames.IGMP_V2_REPORT);
        frame[frame.length - 1] ^= 0x01;
        final UnsafeBuffer buffer = exact(frame);
        final IgmpDecoder igmp = new IgmpDecoder();
        assertTrue(igmp.wrap(buffer, 38, 8));
        assertFalse(igmp.isChecksumValid());
    }

    private static int writeIgmpHeaders(final UnsafeBuffer buffer, final int destination, final int igmpLength)
    {
        final EthernetEncoder ethernetEncoder = new EthernetEncoder().wrap(buffer, 0);
        ethernetEncoder.destination(MacAddress.ofIpv4Multicast(destination)).source(HOST_MAC)
            .etherType(EthernetDecoder.ETHER_TYPE_IPV4);
        final Ipv4Encoder ipEncoder = new Ipv4Encoder().wrapWithRouterAlert(buffer, ethernetEncoder.payloadOffset());
        ipEncoder.tos(0xc0).payloadLength(igmpLength).identification(0).dontFragment(true).ttl(1)
            .protocol(Ipv4Decoder.PROTOCOL_IGMP).source(HOST_IP).destination(destination).updateChecksum();
        return ipEncoder.payloadOffset();
    }
}
