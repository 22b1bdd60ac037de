package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * iLink 3's fixed-length ASCII fields: a value is left-aligned and padded to the field's length (with NUL, the
 * charNULL byte); reading one stops at the first NUL and drops trailing spaces.
 */
final class Ascii
{
    private Ascii()
    {
    }

    /**
     * The length of a fixed-length field's value: up to the first NUL, trailing spaces dropped.
     *
     * @param buffer      holds the field.
     * @param offset      where it starts.
     * @param fieldLength its length.
     * @return bytes of value.
     */
    static int valueLength(final DirectBuffer buffer, final int offset, final int fieldLength)
    {
        int length = 0;
        while (length < fieldLength && 0 != buffer.getByte(offset + length))
        {
            length++;
        }
        while (length > 0 && ' ' == buffer.getByte(offset + length - 1))
        {
            length--;
        }
        return length;
    }

    /**
     * A fixed-length field's value as text; allocates, for the handshake and for messages to people only.
     *
     * @param buffer      holds the field.
     * @param offset      where it starts.
     * @param fieldLength its length.
     * @return the value.
     */
    static String text(final DirectBuffer buffer, final int offset, final int fieldLength)
    {
        return buffer.getStringWithoutLengthAscii(offset, valueLength(buffer, offset, fieldLength));
    }

    /**
     * Write text into a fixed-length field, cut to the field and padded with NUL.
     *
     * @param buffer      to write to.
     * @param offset      where the field starts.
     * @param fieldLength its length.
     * @param text        ASCII text.
     */
    static void putPadded(final MutableDirectBuffer buffer, final int offset, final int fieldLength, final String text)
    {
        final int length = Math.min(fieldLength, text.length());
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            buffer.putByte(offset + i, c < 0x80 ? (byte)c : (byte)'?');
        }
        buffer.setMemory(offset + length, fieldLength - length, (byte)0);
    }

    /**
     * Write bytes into a fixed-length field, cut to the field and padded with NUL.
     *
     * @param buffer      to write to.
     * @param offset      where the field starts.
     * @param fieldLength its length.
     * @param value       the bytes.
     */
    static void putPadded(final MutableDirectBuffer buffer, final int offset, final int fieldLength, final byte[] value)
    {
        final int length = Math.min(fieldLength, value.length);
        buffer.putBytes(offset, value, 0, length);
        buffer.setMemory(offset + length, fieldLength - length, (byte)0);
    }

    /**
     * Text as NUL-padded bytes of a field's length, prepared once for constant answers.
     *
     * @param text        ASCII text.
     * @param fieldLength the field's length.
     * @return the bytes.
     */
    static byte[] padded(final String text, final int fieldLength)
    {
        final byte[] bytes = new byte[fieldLength];
        final byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, Math.min(fieldLength, ascii.length));
        return bytes;
    }

    /**
     * Write an unsigned 64-bit value in decimal.
     *
     * @param buffer to write to.
     * @param offset where the first digit goes.
     * @param value  read as unsigned.
     * @return digits written.
     */
    static int putUnsignedDecimal(final MutableDirectBuffer buffer, final int offset, final long value)
    {
        int digits = 1;
        for (long rest = Long.divideUnsigned(value, 10); rest != 0; rest = Long.divideUnsigned(rest, 10))
        {
            digits++;
        }
        long rest = value;
        for (int i = digits - 1; i >= 0; i--)
        {
            buffer.putByte(offset + i, (byte)('0' + Long.remainderUnsigned(rest, 10)));
            rest = Long.divideUnsigned(rest, 10);
        }
        return digits;
    }
}
