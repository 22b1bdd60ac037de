package io.wirespeed.gateway.session;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Fixed-width SBE char fields written and read in place, without allocation: decimal ids and padded text.
 */
public final class AsciiFields
{
    /**
     * What {@link #parseDecimal} returns when the field does not hold a decimal number.
     */
    public static final long NOT_A_NUMBER = -1;

    private AsciiFields()
    {
    }

    /**
     * Write a non-negative number in decimal, left-aligned, the rest of the field NUL.
     *
     * @param buffer to write into.
     * @param offset field start.
     * @param length field width.
     * @param value  the number, 0 or more, at most {@code length} digits.
     */
    public static void putDecimal(
        final MutableDirectBuffer buffer, final int offset, final int length, final long value)
    {
        int digits = 1;
        long rest = value / 10;
        while (rest != 0)
        {
            digits++;
            rest /= 10;
        }
        if (value < 0 || digits > length)
        {
            throw new IllegalArgumentException("id does not fit the field");
        }

        long remaining = value;
        for (int i = digits - 1; i >= 0; i--)
        {
            buffer.putByte(offset + i, (byte)('0' + (remaining % 10)));
            remaining /= 10;
        }
        buffer.setMemory(offset + digits, length - digits, (byte)0);
    }

    /**
     * Read a decimal number written by {@link #putDecimal}, stopping at the first NUL or space.
     *
     * @param buffer to read from.
     * @param offset field start.
     * @param length field width.
     * @return the number, or {@link #NOT_A_NUMBER} if the field is empty or holds anything else.
     */
    public static long parseDecimal(final DirectBuffer buffer, final int offset, final int length)
    {
        long value = 0;
        int digits = 0;
        for (int i = 0; i < length; i++)
        {
            final byte b = buffer.getByte(offset + i);
            if (0 == b || ' ' == b)
            {
                break;
            }
            if (b < '0' || b > '9' || digits == 18)
            {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (b - '0');
            digits++;
        }
        return 0 == digits ? NOT_A_NUMBER : value;
    }

    /**
     * Write ASCII text, the rest of the field NUL.
     *
     * @param buffer to write into.
     * @param offset field start.
     * @param length field width.
     * @param text   ASCII, cut at the field width.
     */
    public static void putText(
        final MutableDirectBuffer buffer, final int offset, final int length, final CharSequence text)
    {
        final int n = Math.min(length, text.length());
        for (int i = 0; i < n; i++)
        {
            buffer.putByte(offset + i, (byte)text.charAt(i));
        }
        buffer.setMemory(offset + n, length - n, (byte)0);
    }

    /**
     * Read text up to the first NUL (session-layer use only: allocates).
     *
     * @param buffer to read from.
     * @param offset field start.
     * @param length field width.
     * @return the text.
     */
    public static String getText(final DirectBuffer buffer, final int offset, final int length)
    {
        int n = 0;
        while (n < length && 0 != buffer.getByte(offset + n))
        {
            n++;
        }
        return buffer.getStringWithoutLengthAscii(offset, n);
    }
}
