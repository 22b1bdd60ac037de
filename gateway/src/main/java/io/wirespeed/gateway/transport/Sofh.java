package io.wirespeed.gateway.transport;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The Simple Open Framing Header before every iLink 3 message on TCP, as CME writes it: little-endian length including
 * the header, then 0xCAFE little-endian, so a frame starts {@code LL LL FE CA}.
 */
public final class Sofh
{
    /**
     * Bytes of framing header.
     */
    public static final int HEADER_LENGTH = 4;

    /**
     * Encoding type of SBE 1.0 little-endian.
     */
    public static final int SBE_LITTLE_ENDIAN = 0xCAFE;

    /**
     * Largest frame the 16-bit length can express.
     */
    public static final int MAX_FRAME_LENGTH = 0xFFFF;

    /**
     * Smallest frame carrying an SBE message header (8 bytes).
     */
    public static final int MIN_FRAME_LENGTH = HEADER_LENGTH + 8;

    private Sofh()
    {
    }

    /**
     * The frame length a header gives, this header included.
     *
     * @param buffer holding the header.
     * @param offset of the header.
     * @return the frame length.
     */
    public static int frameLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * The encoding type a header gives.
     *
     * @param buffer holding the header.
     * @param offset of the header.
     * @return the encoding type, {@link #SBE_LITTLE_ENDIAN} for iLink 3.
     */
    public static int encodingType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * Write a header for a message of {@code messageLength} bytes.
     *
     * @param buffer        to write into.
     * @param offset        where the header goes.
     * @param messageLength SBE message bytes that follow.
     */
    public static void write(final MutableDirectBuffer buffer, final int offset, final int messageLength)
    {
        buffer.putShort(offset, (short)(messageLength + HEADER_LENGTH), ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(offset + 2, (short)SBE_LITTLE_ENDIAN, ByteOrder.LITTLE_ENDIAN);
    }
}
