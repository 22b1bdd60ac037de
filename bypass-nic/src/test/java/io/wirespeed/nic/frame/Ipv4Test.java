package io.wirespeed.nic.frame;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class Ipv4Test
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final Ipv4Encoder encoder = new Ipv4Encoder();
    private final Ipv4Decoder decoder = new Ipv4Decoder();

    @Test
    void roundTripWithValidChecksum()
    {
        final int checksum = encoder.wrap(buffer, 2)
            .tos(0xB8)
            .payloadLength(100)
            .identification(0xBEEF)
            .dontFragment(true)
            .ttl(63)
            .protocol(Ipv4Decoder.PROTOCOL_UDP)
            .source(0x0A00_0001)
            .destination(0xEF00_0001)
            .updateChecksum();

        assertTrue(decoder.wrap(buffer, 2, 120));
        assertEquals(4, decoder.version());
        assertEquals(20, decoder.headerLength());
        assertFalse(decoder.hasOptions());
        assertEquals(0xB8, decoder.tos());
        assertEquals(120, decoder.totalLength());
        assertEquals(0xBEEF, decoder.identification());
        assertTrue(decoder.dontFragment());
        assertFalse(decoder.moreFragments());
        assertFalse(decoder.isFragment());
        assertEquals(63, decoder.ttl());
        assertEquals(Ipv4Decoder.PROTOCOL_UDP, decoder.protocol());
        assertEquals(0x0A00_0001, decoder.source());
        assertEquals(0xEF00_0001, decoder.destination());
        assertEquals(checksum, decoder.checksum());
        assertTrue(decoder.isChecksumValid());
        assertEquals(22, decoder.payloadOffset());
        assertEquals(100, decoder.payloadLength());
    }

    @Test
    void anyFlippedBitBreaksTheChecksum()
    {
        encoder.wrap(buffer, 0).payloadLength(8).ttl(1).protocol(Ipv4Decoder.PROTOCOL_UDP).source(1).destination(2)
            .updateChecksum();
        for (int bit = 0; bit < 160; bit++)
        {
            buffer.putByte(bit >>> 3, (byte)(buffer.getByte(bit >>> 3) ^ (1 << (bit & 7))));
            decoder.wrap(buffer, 0, 28);
            assertFalse(decoder.isChecksumValid() && decoder.headerLength() == 20, "bit " + bit);
            buffer.putByte(bit >>> 3, (byte)(buffer.getByte(bit >>> 3) ^ (1 << (bit & 7))));
        }
        decoder.wrap(buffer, 0, 28);
        assertTrue(decoder.isChecksumValid());
    }

    @Test
    void fragmentsAreDetected()
    {
        encoder.wrap(buffer, 0).fragment(true, 0);
        decoder.wrap(buffer, 0, 20);
        assertTrue(decoder.moreFragments());
        assertEquals(0, decoder.fragmentOffset());
        assertTrue(decoder.isFragment());

        encoder.fragment(false, 1480);
        assertFalse(decoder.moreFragments());
        assertEquals(1480, decoder.fragmentOffset());
        assertTrue(decoder.isFragment());

        encoder.dontFragment(true);
        assertTrue(decoder.dontFragment());
        assertFalse(decoder.isFragment());
    }

    @Test
    void routerAlertIsAnOption()
    {
        encoder.wrapWithRouterAlert(buffer, 0).payloadLength(8).ttl(1).protocol(Ipv4Decoder.PROTOCOL_IGMP)
            .updateChecksum();
        assertTrue(decoder.wrap(buffer, 0, 32));
        assertTrue(decoder.hasOptions());
        assertEquals(24, decoder.headerLength());
        assertEquals(32, decoder.totalLength());
        assertEquals(0x9404_0000, buffer.getInt(20, java.nio.ByteOrder.BIG_ENDIAN));
        assertTrue(decoder.isChecksumValid());
    }

    @Test
    void checksumOfAHeaderThatDoesNotFitIsInvalid()
    {
        encoder.wrapWithRouterAlert(buffer, 0).updateChecksum();
        assertTrue(decoder.wrap(buffer, 0, 22));
        assertFalse(decoder.isChecksumValid());
    }
}
