package io.wirespeed.gateway.transport;

import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderDecoder;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The Simple Open Framing Header before every iLink 3 message on TCP, as CME writes it and as the generated
 * {@code io.wirespeed.codecs.sofh} codec lays it out: little-endian length including the header, then 0xCAFE
 * little-endian, so a frame starts {@code LL LL FE CA}.
 * <pre>
 *   0               1               2               3
 *  +---------------+---------------+---------------+---------------+
 *  | messageLength (uint16 LE)     | encodingType 0xCAFE (uint16 LE)|
 *  +---------------+---------------+---------------+---------------+
 * </pre>
 */
public final class Sofh
{
    /**
     * Bytes of framing header.
     */
    public static final int HEADER_LENGTH = SimpleOpenFramingHeaderEncoder.ENCODED_LENGTH;

    /**
     * Encoding type of SBE 1.0 little-endian.
     */
    public static final int SBE_LITTLE_ENDIAN = 0xCAFE;

    /**
     * The encoding type a big-endian writer of {@link #SBE_LITTLE_ENDIAN} puts on the wire, read little-endian.
     */
    public static final int SBE_LITTLE_ENDIAN_BYTE_SWAPPED = 0xFECA;

    /**
     * Largest frame the 16-bit length can express.
     */
    public static final int MAX_FRAME_LENGTH = 0xFFFF;

    /**
     * Smallest frame carrying an SBE message header (8 bytes).
     */
    public static final int MIN_FRAME_LENGTH = HEADER_LENGTH + 8;

    private static final int LENGTH_OFFSET = SimpleOpenFramingHeaderEncoder.messageLengthEncodingOffset();
    private static final int ENCODING_OFFSET = SimpleOpenFramingHeaderEncoder.encodingTypeEncodingOffset();

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
        return buffer.getShort(offset + LENGTH_OFFSET, SimpleOpenFramingHeaderDecoder.BYTE_ORDER) & 0xFFFF;
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
        return buffer.getShort(offset + ENCODING_OFFSET, SimpleOpenFramingHeaderDecoder.BYTE_ORDER) & 0xFFFF;
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
        buffer.putShort(offset + LENGTH_OFFSET, (short)(messageLength + HEADER_LENGTH),
            SimpleOpenFramingHeaderEncoder.BYTE_ORDER);
        buffer.putShort(offset + ENCODING_OFFSET, (short)SBE_LITTLE_ENDIAN, SimpleOpenFramingHeaderEncoder.BYTE_ORDER);
    }

    /**
     * What is wrong with a header that was refused, naming its four bytes as they arrived; for error logs, it
     * allocates.
     *
     * @param headerBytes the header's four bytes, the first in the lowest byte of the int (as read little-endian).
     * @return the explanation.
     */
    public static String describeRefused(final int headerBytes)
    {
        final int frameLength = headerBytes & 0xFFFF;
        final int encodingType = (headerBytes >>> 16) & 0xFFFF;
        final String bytes = String.format("%02X %02X %02X %02X",
            headerBytes & 0xFF, (headerBytes >>> 8) & 0xFF, (headerBytes >>> 16) & 0xFF, (headerBytes >>> 24) & 0xFF);
        if (SBE_LITTLE_ENDIAN != encodingType)
        {
            return String.format("SOFH encoding type 0x%04X is not 0xCAFE (SBE little-endian), header bytes %s%s",
                encodingType, bytes, SBE_LITTLE_ENDIAN_BYTE_SWAPPED == encodingType ? ": big-endian header?" : "");
        }
        return String.format("SOFH message length %d is below the %d bytes of a header and an SBE message header, " +
            "header bytes %s", frameLength, MIN_FRAME_LENGTH, bytes);
    }
}
