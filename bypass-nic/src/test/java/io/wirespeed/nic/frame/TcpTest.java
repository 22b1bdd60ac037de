package io.wirespeed.nic.frame;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TcpTest
{
    private static final int SOURCE = 0xC612_0001;
    private static final int DESTINATION = 0xC612_0002;

    @Test
    void roundTripWithPayload()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        buffer.putStringWithoutLengthAscii(20, "order");
        final int checksum = new TcpEncoder().wrap(buffer, 0)
            .sourcePort(51000)
            .destinationPort(9000)
            .sequenceNumber(0xFFFF_FFF0L)
            .acknowledgmentNumber(0x8000_0001L)
            .flags(TcpDecoder.PSH | TcpDecoder.ACK)
            .window(65535)
            .urgentPointer(0)
            .updateChecksum(SOURCE, DESTINATION, 25);

        final TcpDecoder decoder = new TcpDecoder();
        assertTrue(decoder.wrap(buffer, 0, 25));
        assertEquals(51000, decoder.sourcePort());
        assertEquals(9000, decoder.destinationPort());
        assertEquals(0xFFFF_FFF0L, decoder.sequenceNumber());
        assertEquals(0x8000_0001L, decoder.acknowledgmentNumber());
        assertEquals(20, decoder.headerLength());
        assertTrue(decoder.hasFlags(TcpDecoder.PSH | TcpDecoder.ACK));
        assertFalse(decoder.hasFlags(TcpDecoder.FIN));
        assertFalse(decoder.hasFlags(TcpDecoder.SYN));
        assertFalse(decoder.hasFlags(TcpDecoder.RST));
        assertEquals(65535, decoder.window());
        assertEquals(checksum, decoder.checksum());
        assertEquals(20, decoder.payloadOffset());
        assertTrue(decoder.isChecksumValid(SOURCE, DESTINATION, 25));

        buffer.putByte(24, (byte)'R');
        assertFalse(decoder.isChecksumValid(SOURCE, DESTINATION, 25));
    }

    @Test
    void allFlagBitsAreDistinct()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[20]);
        final TcpEncoder encoder = new TcpEncoder().wrap(buffer, 0);
        final TcpDecoder decoder = new TcpDecoder();
        decoder.wrap(buffer, 0, 20);
        final int[] flags = { TcpDecoder.FIN, TcpDecoder.SYN, TcpDecoder.RST, TcpDecoder.PSH, TcpDecoder.ACK,
            TcpDecoder.URG, TcpDecoder.ECE, TcpDecoder.CWR };
        int all = 0;
        for (final int flag : flags)
        {
            encoder.flags(flag);
            assertEquals(flag, decoder.flags());
            all |= flag;
        }
        assertEquals(0xFF, all);
    }

    @Test
    void segmentShorterThanItsHeaderIsInvalid()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[24]);
        new TcpEncoder().wrap(buffer, 0).headerLength(24).updateChecksum(SOURCE, DESTINATION, 24);
        final TcpDecoder decoder = new TcpDecoder();
        assertTrue(decoder.wrap(buffer, 0, 24));
        assertTrue(decoder.isChecksumValid(SOURCE, DESTINATION, 24));
        assertFalse(decoder.isChecksumValid(SOURCE, DESTINATION, 20));
        assertFalse(decoder.isChecksumValid(SOURCE, DESTINATION, 28));
        assertFalse(decoder.wrap(buffer, 0, 19));
    }
}
