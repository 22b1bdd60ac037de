package io.wirespeed.nic.frame;

import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each malformed reason is returned and counted exactly once, without an exception and without a read outside the
 * frame: every frame sits in a buffer of exactly its length and Agrona bounds checks are on.
 */
final class MalformedFrameTest
{
    private static final int PAYLOAD_LENGTH = 16;
    private static final int IP = EthernetDecoder.HEADER_LENGTH;
    private static final int UDP = IP + Ipv4Decoder.MIN_HEADER_LENGTH;

    private final NicCounters counters = FrameTestSupport.newCounters("malformed");
    private final UdpFrameDecoder decoder = new UdpFrameDecoder(counters);
    private final UdpView view = new UdpView();

    @AfterEach
    void close()
    {
        counters.close();
    }

    @Test
    void boundsChecksAreOn()
    {
        assertTrue(DirectBuffer.SHOULD_BOUNDS_CHECK, "tests must run with agrona.disable.bounds.checks=false");
    }

    @Test
    void truncatedEthernetHeader()
    {
        assertOutcome(UdpFrameDecoder.TRUNCATED, NicCounter.MALFORMED_TRUNCATED,
            FrameTestSupport.truncated(valid(), 13));
    }

    @Test
    void truncatedVlanTag()
    {
        assertOutcome(UdpFrameDecoder.TRUNCATED, NicCounter.MALFORMED_TRUNCATED,
            FrameTestSupport.truncated(vlan(), 17));
    }

    @Test
    void truncatedIpHeader()
    {
        assertOutcome(UdpFrameDecoder.TRUNCATED, NicCounter.MALFORMED_TRUNCATED,
            FrameTestSupport.truncated(valid(), 33));
    }

    @Test
    void truncatedUdpHeader()
    {
        assertOutcome(UdpFrameDecoder.TRUNCATED, NicCounter.MALFORMED_TRUNCATED, mutate(valid(), (b) ->
        {
            b.putShort(IP + 2, (short)(20 + 7), ByteOrder.BIG_ENDIAN);
            fixIpChecksum(b);
        }));
    }

    @Test
    void ipTotalLengthBeyondTheFrame()
    {
        assertOutcome(UdpFrameDecoder.LENGTH_MISMATCH, NicCounter.MALFORMED_LENGTH_MISMATCH, mutate(valid(), (b) ->
        {
            b.putShort(IP + 2, (short)0xFFFF, ByteOrder.BIG_ENDIAN);
            fixIpChecksum(b);
        }));
    }

    @Test
    void ipTotalLengthShorterThanItsHeader()
    {
        assertOutcome(UdpFrameDecoder.LENGTH_MISMATCH, NicCounter.MALFORMED_LENGTH_MISMATCH, mutate(valid(), (b) ->
        {
            b.putShort(IP + 2, (short)19, ByteOrder.BIG_ENDIAN);
            fixIpChecksum(b);
        }));
    }

    @Test
    void ipHeaderLengthUnderTwentyBytes()
    {
        assertOutcome(UdpFrameDecoder.LENGTH_MISMATCH, NicCounter.MALFORMED_LENGTH_MISMATCH,
            mutate(valid(), (b) -> b.putByte(IP, (byte)0x44)));
    }

    @Test
    void udpLengthLongerThanIpPayload()
    {
        assertOutcome(UdpFrameDecoder.LENGTH_MISMATCH, NicCounter.MALFORMED_LENGTH_MISMATCH,
            mutate(valid(), (b) -> b.putShort(UDP + 4, (short)0xFFFF, ByteOrder.BIG_ENDIAN)));
    }

    @Test
    void udpLengthShorterThanIpPayload()
    {
        assertOutcome(UdpFrameDecoder.LENGTH_MISMATCH, NicCounter.MALFORMED_LENGTH_MISMATCH,
            mutate(valid(), (b) -> b.putShort(UDP + 4, (short)(8 + PAYLOAD_LENGTH - 1), ByteOrder.BIG_ENDIAN)));
    }

    @Test
    void versionNotFour()
    {
        assertOutcome(UdpFrameDecoder.NOT_IPV4, NicCounter.MALFORMED_NOT_IPV4,
            mutate(valid(), (b) -> b.putByte(IP, (byte)0x65)));
    }

    @Test
    void ipOptions()
    {
        assertOutcome(UdpFrameDecoder.IP_OPTIONS, NicCounter.MALFORMED_IP_OPTIONS,
            mutate(valid(), (b) -> b.putByte(IP, (byte)0x46)));
    }

    @Test
    void ipOptionsLongerThanTheFrame()
    {
        assertOutcome(UdpFrameDecoder.IP_OPTIONS, NicCounter.MALFORMED_IP_OPTIONS,
            FrameTestSupport.truncated(mutate(valid(), (b) -> b.putByte(IP, (byte)0x4F)).byteArray(), IP + 20));
    }

    @Test
    void moreFragmentsFlag()
    {
        assertOutcome(UdpFrameDecoder.IP_FRAGMENT, NicCounter.MALFORMED_IP_FRAGMENT, mutate(valid(), (b) ->
        {
            b.putShort(IP + 6, (short)0x2000, ByteOrder.BIG_ENDIAN);
            fixIpChecksum(b);
        }));
    }

    @Test
    void nonZeroFragmentOffset()
    {
        assertOutcome(UdpFrameDecoder.IP_FRAGMENT, NicCounter.MALFORMED_IP_FRAGMENT, mutate(valid(), (b) ->
        {
            b.putShort(IP + 6, (short)0x00B9, ByteOrder.BIG_ENDIAN);
            fixIpChecksum(b);
        }));
    }

    @Test
    void badIpChecksum()
    {
        assertOutcome(UdpFrameDecoder.BAD_IP_CHECKSUM, NicCounter.MALFORMED_BAD_IP_CHECKSUM,
            mutate(valid(), (b) -> b.putByte(IP + 8, (byte)7)));
    }

    @Test
    void notUdp()
    {
        assertOutcome(UdpFrameDecoder.NOT_UDP, NicCounter.MALFORMED_NOT_UDP, mutate(valid(), (b) ->
        {
            b.putByte(IP + 9, (byte)Ipv4Decoder.PROTOCOL_TCP);
            fixIpChecksum(b);
        }));
    }

    @Test
    void badUdpChecksum()
    {
        assertOutcome(UdpFrameDecoder.BAD_UDP_CHECKSUM, NicCounter.MALFORMED_BAD_UDP_CHECKSUM,
            mutate(valid(), (b) -> b.putByte(UDP + 8 + 3, (byte)0xEE)));
    }

    @Test
    void arpIsCountedApartAndIsNotMalformed()
    {
        final byte[] arp = FrameTestSupport.bytes(CapturedFrames.ARP_REQUEST);
        assertOutcome(UdpFrameDecoder.ARP, NicCounter.RX_ARP, FrameTestSupport.exact(arp));
        assertTrue(!UdpFrameDecoder.isMalformed(UdpFrameDecoder.ARP));
    }

    @Test
    void otherEtherTypeIsCountedApartAndIsNotMalformed()
    {
        assertOutcome(UdpFrameDecoder.OTHER_ETHER_TYPE, NicCounter.RX_OTHER_ETHER_TYPE,
            mutate(valid(), (b) -> b.putShort(12, (short)0x86DD, ByteOrder.BIG_ENDIAN)));
        assertTrue(!UdpFrameDecoder.isMalformed(UdpFrameDecoder.OTHER_ETHER_TYPE));
    }

    @Test
    void everyTruncationOfValidFramesIsMalformedWithoutException()
    {
        final byte[][] frames = { valid(), vlan(), FrameTestSupport.bytes(CapturedFrames.UDP_MULTICAST) };
        long expected = 0;
        for (final byte[] frame : frames)
        {
            for (int length = 0; length < frame.length; length++)
            {
                final int outcome = decoder.decode(FrameTestSupport.truncated(frame, length), 0, length, 0, view);
                assertTrue(UdpFrameDecoder.isMalformed(outcome), "length " + length + ": " +
                    UdpFrameDecoder.outcomeName(outcome));
                expected++;
            }
        }
        assertEquals(expected, counters.value(NicCounter.MALFORMED_TRUNCATED) +
            counters.value(NicCounter.MALFORMED_LENGTH_MISMATCH));
    }

    @Test
    void randomlyCorruptedFramesNeverThrowAndAreAllAccountedFor()
    {
        final Random random = new Random(20240601);
        final byte[][] frames = { valid(), vlan() };
        final int iterations = 200_000;
        int udp = 0;
        for (int i = 0; i < iterations; i++)
        {
            final byte[] frame = frames[i & 1].clone();
            final int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++)
            {
                frame[random.nextInt(Math.min(frame.length, 50))] = (byte)random.nextInt(256);
            }
            final int length = random.nextInt(8) == 0 ? random.nextInt(frame.length + 1) : frame.length;
            final int outcome = decoder.decode(FrameTestSupport.truncated(frame, length), 0, length, 0, view);
            if (UdpFrameDecoder.UDP == outcome)
            {
                udp++;
                assertTrue(view.payloadOffset() + view.payloadLength() <= length);
            }
        }

        long counted = 0;
        for (final NicCounter counter : NicCounter.values())
        {
            counted += counters.value(counter);
        }
        assertEquals(iterations, udp + counted);
    }

    private void assertOutcome(final int outcome, final NicCounter counter, final UnsafeBuffer frame)
    {
        view.set(null, 0, 0, 0, 0, 0, 0, 0, 0, EthernetDecoder.NO_VLAN, -1L);
        assertEquals(UdpFrameDecoder.outcomeName(outcome),
            UdpFrameDecoder.outcomeName(decoder.decode(frame, 0, frame.capacity(), 5L, view)));
        assertEquals(Map.of(counter, 1L), FrameTestSupport.nonZero(counters));
        assertEquals(-1L, view.rxTimestampNs());
    }

    private static UnsafeBuffer mutate(final byte[] frame, final Consumer<UnsafeBuffer> change)
    {
        final UnsafeBuffer buffer = FrameTestSupport.exact(frame);
        change.accept(buffer);
        return buffer;
    }

    private static void fixIpChecksum(final UnsafeBuffer frame)
    {
        frame.putShort(IP + 10, (short)0, ByteOrder.BIG_ENDIAN);
        frame.putShort(IP + 10, (short)InternetChecksum.compute(frame, IP, 20), ByteOrder.BIG_ENDIAN);
    }

    private static byte[] valid()
    {
        return build(new UdpFrameEncoder());
    }

    private static byte[] vlan()
    {
        return build(new UdpFrameEncoder().vlan(0, 42));
    }

    private static byte[] build(final UdpFrameEncoder encoder)
    {
        encoder.source(0x0200_0000_0001L, 0xC612_0001, 40000).multicastDestination(0xEF01_0203, 14310);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[encoder.frameLength(PAYLOAD_LENGTH)]);
        for (int i = 0; i < PAYLOAD_LENGTH; i++)
        {
            buffer.putByte(encoder.headerLength() + i, (byte)(i + 1));
        }
        encoder.encode(buffer, 0, PAYLOAD_LENGTH);
        return buffer.byteArray();
    }
}
