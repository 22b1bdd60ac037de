package io.wirespeed.nic.frame;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.wirespeed.nic.frame.FrameTestSupport.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

final class InternetChecksumTest
{
    @Test
    void rfc1071Example()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes("0001 f203 f4f5 f6f7"));
        assertEquals(0xddf2, InternetChecksum.fold(InternetChecksum.add(0, buffer, 0, 8)));
        assertEquals(0x220d, InternetChecksum.compute(buffer, 0, 8));
    }

    @Test
    void ipv4HeaderKnownAnswer()
    {
        final UnsafeBuffer header = new UnsafeBuffer(bytes("4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7"));
        assertEquals(0xb861, InternetChecksum.compute(header, 0, 20));
        header.putShort(10, (short)0xb861, java.nio.ByteOrder.BIG_ENDIAN);
        assertEquals(InternetChecksum.VALID_SUM, InternetChecksum.fold(InternetChecksum.add(0, header, 0, 20)));
    }

    @Test
    void oddLengthPadsTheLastByteWithZero()
    {
        final UnsafeBuffer odd = new UnsafeBuffer(bytes("0102 03"));
        final UnsafeBuffer padded = new UnsafeBuffer(bytes("0102 0300"));
        assertEquals(InternetChecksum.compute(padded, 0, 4), InternetChecksum.compute(odd, 0, 3));
    }

    @Test
    void matchesSixteenBitReferenceAtEveryOffsetAndLength()
    {
        final Random random = new Random(7);
        final byte[] data = new byte[300];
        random.nextBytes(data);
        final UnsafeBuffer buffer = new UnsafeBuffer(data);
        for (int offset = 0; offset < 9; offset++)
        {
            for (int length = 0; length <= data.length - offset; length++)
            {
                assertEquals(reference(data, offset, length), InternetChecksum.compute(buffer, offset, length),
                    "offset " + offset + " length " + length);
            }
        }
    }

    @Test
    void partialSumsOfEvenSplitsAddUp()
    {
        final Random random = new Random(11);
        final byte[] data = new byte[1500];
        random.nextBytes(data);
        final UnsafeBuffer buffer = new UnsafeBuffer(data);
        final long whole = InternetChecksum.add(0, buffer, 0, data.length);
        final long split = InternetChecksum.add(InternetChecksum.add(0, buffer, 0, 42), buffer, 42, data.length - 42);
        assertEquals(InternetChecksum.fold(whole), InternetChecksum.fold(split));
    }

    @Test
    void pseudoHeaderSumMatchesItsBytes()
    {
        final UnsafeBuffer pseudo = new UnsafeBuffer(bytes("c6120001 ef010203 0011 0023"));
        assertEquals(InternetChecksum.fold(InternetChecksum.add(0, pseudo, 0, 12)),
            InternetChecksum.fold(InternetChecksum.pseudoHeaderSum(0xC6120001, 0xEF010203, 17, 0x23)));
    }

    private static int reference(final byte[] data, final int offset, final int length)
    {
        int sum = 0;
        for (int i = 0; i < length; i += 2)
        {
            final int high = data[offset + i] & 0xFF;
            final int low = i + 1 < length ? data[offset + i + 1] & 0xFF : 0;
            sum += (high << 8) | low;
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }
}
