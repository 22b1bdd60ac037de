package io.wirespeed.nic.frame;

import io.wirespeed.nic.NicCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class UdpFrameCodecTest
{
    private static final long SOURCE_MAC = 0x0200_0000_0001L;
    private static final int SOURCE_IP = 0xC612_0001;
    private static final int GROUP = 0xEF01_0203;

    private final NicCounters counters = FrameTestSupport.newCounters("codec");
    private final UdpFrameDecoder decoder = new UdpFrameDecoder(counters);
    private final UdpView view = new UdpView();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);

    @AfterEach
    void close()
    {
        counters.close();
    }

    @Test
    void untaggedRoundTrip()
    {
        final UdpFrameEncoder encoder = new UdpFrameEncoder()
            .source(SOURCE_MAC, SOURCE_IP, 40000)
            .multicastDestination(GROUP, 14310);
        buffer.putStringWithoutLengthAscii(100 + encoder.headerLength(), "mdp3 packet");
        final int frameLength = encoder.encode(buffer, 100, 11);
        assertEquals(UdpFrameEncoder.HEADER_LENGTH + 11, frameLength);
        assertEquals(frameLength, encoder.frameLength(11));

        assertEquals(UdpFrameDecoder.UDP, decoder.decode(buffer, 100, frameLength, 123L, view));
        assertEquals(buffer, view.buffer());
        assertEquals(100, view.frameOffset());
        assertEquals(frameLength, view.frameLength());
        assertEquals(100 + UdpFrameEncoder.HEADER_LENGTH, view.payloadOffset());
        assertEquals("mdp3 packet", buffer.getStringWithoutLengthAscii(view.payloadOffset(), view.payloadLength()));
        assertEquals(SOURCE_IP, view.sourceAddress());
        assertEquals(GROUP, view.destinationAddress());
        assertEquals(40000, view.sourcePort());
        assertEquals(14310, view.destinationPort());
        assertEquals(EthernetDecoder.NO_VLAN, view.vlanId());
        assertEquals(123L, view.rxTimestampNs());
        assertEquals(Map.of(), FrameTestSupport.nonZero(counters));
    }

    @Test
    void vlanTaggedRoundTrip()
    {
        final UdpFrameEncoder encoder = new UdpFrameEncoder()
            .source(SOURCE_MAC, SOURCE_IP, 40000)
            .destination(0x0200_0000_0002L, 0xC612_0002, 9000)
            .vlan(3, 100);
        assertEquals(UdpFrameEncoder.VLAN_HEADER_LENGTH, encoder.headerLength());
        buffer.putStringWithoutLengthAscii(encoder.headerLength(), "tagged");
        final int frameLength = encoder.encode(buffer, 0, 6);

        assertEquals(UdpFrameDecoder.UDP, decoder.decode(buffer, 0, frameLength, 0, view));
        assertEquals(100, view.vlanId());
        assertEquals(0xC612_0002, view.destinationAddress());
        assertEquals(9000, view.destinationPort());
        assertEquals("tagged", buffer.getStringWithoutLengthAscii(view.payloadOffset(), view.payloadLength()));

        encoder.noVlan();
        assertEquals(UdpFrameEncoder.HEADER_LENGTH, encoder.headerLength());
    }

    @Test
    void ethernetPaddingAfterTheDatagramIsAccepted()
    {
        final UdpFrameEncoder encoder =
            new UdpFrameEncoder().source(SOURCE_MAC, SOURCE_IP, 1).multicastDestination(GROUP, 2);
        buffer.putByte(encoder.headerLength(), (byte)7);
        final int frameLength = encoder.encode(buffer, 0, 1);
        assertEquals(43, frameLength);

        assertEquals(UdpFrameDecoder.UDP, decoder.decode(buffer, 0, 60, 0, view));
        assertEquals(1, view.payloadLength());
        assertEquals(60, view.frameLength());
    }

    @Test
    void emptyPayloadAndNoChecksum()
    {
        final UdpFrameEncoder encoder = new UdpFrameEncoder().source(SOURCE_MAC, SOURCE_IP, 1)
            .multicastDestination(GROUP, 2).udpChecksum(false);
        final int frameLength = encoder.encode(buffer, 0, 0);
        assertEquals(UdpFrameDecoder.UDP, decoder.decode(buffer, 0, frameLength, 0, view));
        assertEquals(0, view.payloadLength());
        assertEquals(0, buffer.getShort(40));
    }

    @Test
    void identificationAdvancesPerFrame()
    {
        final UdpFrameEncoder encoder = new UdpFrameEncoder().source(SOURCE_MAC, SOURCE_IP, 1)
            .multicastDestination(GROUP, 2).identification(0xFFFF);
        final Ipv4Decoder ip = new Ipv4Decoder();
        encoder.encode(buffer, 0, 0);
        ip.wrap(buffer, 14, 20);
        assertEquals(0xFFFF, ip.identification());
        encoder.encode(buffer, 0, 0);
        assertEquals(0, ip.identification());
    }

    @Test
    void checksumVerificationCanBeLeftToTheNic()
    {
        final UdpFrameEncoder encoder =
            new UdpFrameEncoder().source(SOURCE_MAC, SOURCE_IP, 1).multicastDestination(GROUP, 2);
        final int frameLength = encoder.encode(buffer, 0, 4);
        buffer.putByte(UdpFrameEncoder.HEADER_LENGTH, (byte)0x55);

        assertEquals(UdpFrameDecoder.UDP, new UdpFrameDecoder(counters, false).decode(buffer, 0, frameLength, 0, view));
        assertEquals(UdpFrameDecoder.BAD_UDP_CHECKSUM, decoder.decode(buffer, 0, frameLength, 0, view));
    }

    @Test
    void payloadLargerThanIpv4CanCarryIsRefused()
    {
        final UdpFrameEncoder encoder = new UdpFrameEncoder();
        final UnsafeBuffer big = new UnsafeBuffer(new byte[70_000]);
        assertEquals(UdpFrameEncoder.HEADER_LENGTH + 65507, encoder.encode(big, 0, 65507));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(big, 0, 65508));
        assertThrows(IllegalArgumentException.class, () -> encoder.multicastDestination(SOURCE_IP, 1));
    }

    @Test
    void outcomeNames()
    {
        assertEquals("UDP", UdpFrameDecoder.outcomeName(UdpFrameDecoder.UDP));
        assertEquals("BAD_UDP_CHECKSUM", UdpFrameDecoder.outcomeName(UdpFrameDecoder.BAD_UDP_CHECKSUM));
        assertEquals("UNKNOWN(99)", UdpFrameDecoder.outcomeName(99));
    }
}
