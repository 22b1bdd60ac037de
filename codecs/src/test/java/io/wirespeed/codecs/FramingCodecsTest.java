package io.wirespeed.codecs;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeDecoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderDecoder;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderEncoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

final class FramingCodecsTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);

    @Test
    void sofhIsFourLittleEndianBytesAsCmeWritesThem()
    {
        assertEquals(4, SimpleOpenFramingHeaderEncoder.ENCODED_LENGTH);
        new SimpleOpenFramingHeaderEncoder().wrap(buffer, 1).messageLength(0x0102).encodingType(0xCAFE);

        // CME iLink 3: Message_Length then Encoding_Type, both little-endian, so a frame starts LL LL FE CA.
        assertArrayEquals(new byte[]{ 0, 2, 1, (byte) 0xFE, (byte) 0xCA, 0 }, bytes(6));
        final SimpleOpenFramingHeaderDecoder decoder = new SimpleOpenFramingHeaderDecoder().wrap(buffer, 1);
        assertEquals(0x0102, decoder.messageLength());
        assertEquals(0xCAFE, decoder.encodingType());
    }

    @Test
    void mdp3BinaryPacketHeaderIsTwelveLittleEndianBytesThenMessageSize()
    {
        assertEquals(12, BinaryPacketHeaderEncoder.ENCODED_LENGTH);
        assertEquals(2, MessageSizeEncoder.ENCODED_LENGTH);
        new BinaryPacketHeaderEncoder().wrap(buffer, 0).msgSeqNum(0x01020304L).sendingTime(0x1112131415161718L);
        new MessageSizeEncoder().wrap(buffer, 12).msgSize(0x0A0B);

        assertArrayEquals(
            new byte[]{ 4, 3, 2, 1, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11, 0x0B, 0x0A }, bytes(14));
        final BinaryPacketHeaderDecoder header = new BinaryPacketHeaderDecoder().wrap(buffer, 0);
        assertEquals(0x01020304L, header.msgSeqNum());
        assertEquals(0x1112131415161718L, header.sendingTime());
        assertEquals(0x0A0B, new MessageSizeDecoder().wrap(buffer, 12).msgSize());
    }

    private byte[] bytes(final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
