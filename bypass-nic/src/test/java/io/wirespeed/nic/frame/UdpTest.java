package io.wirespeed.nic.frame;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class UdpTest
{
    private static final int SOURCE = 0x0A00_0001;
    private static final int DESTINATION = 0xEF01_0101;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final UdpEncoder encoder = new UdpEncoder();
    private final UdpDecoder decoder = new UdpDecoder();

    @Test
    void roundTripWithOddPayload()
    {
        buffer.putStringWithoutLengthAscii(8, "odd");
        final int checksum = encoder.wrap(buffer, 0).sourcePort(14310).destinationPort(65535).payloadLength(3)
            .updateChecksum(SOURCE, DESTINATION);

        assertTrue(decoder.wrap(buffer, 0, 11));
        assertEquals(14310, decoder.sourcePort());
        assertEquals(65535, decoder.destinationPort());
        assertEquals(11, decoder.length());
        assertEquals(3, decoder.payloadLength());
        assertEquals(8, decoder.payloadOffset());
        assertEquals(checksum, decoder.checksum());
        assertTrue(decoder.isChecksumValid(SOURCE, DESTINATION));
        assertFalse(decoder.isChecksumValid(SOURCE, DESTINATION + 1));

        buffer.putByte(10, (byte)'D');
        assertFalse(decoder.isChecksumValid(SOURCE, DESTINATION));
    }

    @Test
    void zeroChecksumMeansNone()
    {
        buffer.putStringWithoutLengthAscii(8, "data");
        encoder.wrap(buffer, 0).sourcePort(1).destinationPort(2).payloadLength(4).noChecksum();
        assertTrue(decoder.wrap(buffer, 0, 12));
        assertEquals(UdpDecoder.NO_CHECKSUM, decoder.checksum());
        assertTrue(decoder.isChecksumValid(SOURCE, DESTINATION));
    }

    @Test
    void computedZeroIsWrittenAsAllOnes()
    {
        encoder.wrap(buffer, 0).sourcePort(1).destinationPort(2).payloadLength(2);
        buffer.putShort(8, (short)0, ByteOrder.BIG_ENDIAN);
        final int withZeroWord = encoder.updateChecksum(SOURCE, DESTINATION);
        buffer.putShort(8, (short)withZeroWord, ByteOrder.BIG_ENDIAN);

        assertEquals(0xFFFF, encoder.updateChecksum(SOURCE, DESTINATION));
        assertTrue(decoder.wrap(buffer, 0, 10));
        assertTrue(decoder.isChecksumValid(SOURCE, DESTINATION));
    }

    @Test
    void declaredLengthBeyondWhatIsThereIsInvalid()
    {
        encoder.wrap(buffer, 0).sourcePort(1).destinationPort(2).payloadLength(40).updateChecksum(SOURCE, DESTINATION);
        assertTrue(decoder.wrap(buffer, 0, 20));
        assertFalse(decoder.isChecksumValid(SOURCE, DESTINATION));
        assertFalse(decoder.wrap(buffer, 0, 7));
    }
}
