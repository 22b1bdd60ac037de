package io.wirespeed.codecs.print;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.PrimitiveValue;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

/**
 * Reads SBE-encoded values into plain Java values: Long, BigInteger, Double, BigDecimal, String, {@link Name}, lists,
 * maps, or null for an optional value at its null value.
 */
final class Values
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Values()
    {
    }

    static long raw(final DirectBuffer buffer, final int index, final PrimitiveType type, final ByteOrder order)
    {
        switch (type)
        {
            case CHAR:
            case INT8:
                return buffer.getByte(index);
            case UINT8:
                return buffer.getByte(index) & 0xFFL;
            case INT16:
                return buffer.getShort(index, order);
            case UINT16:
                return buffer.getShort(index, order) & 0xFFFFL;
            case INT32:
                return buffer.getInt(index, order);
            case UINT32:
                return buffer.getInt(index, order) & 0xFFFF_FFFFL;
            case FLOAT:
                return Float.floatToRawIntBits(buffer.getFloat(index, order));
            case DOUBLE:
                return Double.doubleToRawLongBits(buffer.getDouble(index, order));
            default:
                return buffer.getLong(index, order);
        }
    }

    static Object primitive(final DirectBuffer buffer, final int index, final Token token)
    {
        final Encoding encoding = token.encoding();
        final PrimitiveType type = encoding.primitiveType();
        if (token.isConstantEncoding())
        {
            return constant(encoding);
        }

        final int arrayLength = token.arrayLength();
        if (PrimitiveType.CHAR == type && arrayLength > 1)
        {
            return string(buffer, index, arrayLength, encoding.characterEncoding(), true);
        }

        if (arrayLength > 1)
        {
            final List<Object> elements = new ArrayList<>(arrayLength);
            for (int i = 0; i < arrayLength; i++)
            {
                elements.add(scalar(buffer, index + (i * type.size()), encoding));
            }

            return elements;
        }

        return scalar(buffer, index, encoding);
    }

    static Object enumValue(
        final DirectBuffer buffer, final int index, final List<Token> tokens, final int fromIndex, final int toIndex)
    {
        final Encoding encoding = tokens.get(fromIndex).encoding();
        final long raw = raw(buffer, index, encoding.primitiveType(), encoding.byteOrder());
        for (int i = fromIndex + 1; i < toIndex; i++)
        {
            final Token token = tokens.get(i);
            if (Signal.VALID_VALUE == token.signal() && token.encoding().constValue().longValue() == raw)
            {
                return new Name(token.name());
            }
        }

        if (raw == encoding.applicableNullValue().longValue() || isNulChar(encoding.primitiveType(), raw))
        {
            return null;
        }

        return new Name("unknown(" + raw + ")");
    }

    static Object constantEnumValue(final Token fieldToken)
    {
        final String reference = fieldToken.encoding().constValue().toString();

        return new Name(reference.substring(reference.lastIndexOf('.') + 1));
    }

    static List<Name> choices(
        final DirectBuffer buffer, final int index, final List<Token> tokens, final int fromIndex, final int toIndex)
    {
        final Encoding encoding = tokens.get(fromIndex).encoding();
        final long raw = raw(buffer, index, encoding.primitiveType(), encoding.byteOrder());
        final List<Name> chosen = new ArrayList<>();
        for (int i = fromIndex + 1; i < toIndex; i++)
        {
            final Token token = tokens.get(i);
            if (Signal.CHOICE == token.signal() && 0 != (raw & (1L << token.encoding().constValue().longValue())))
            {
                chosen.add(new Name(token.name()));
            }
        }

        return chosen;
    }

    static Object varData(final DirectBuffer buffer, final int index, final int length, final Token typeToken)
    {
        final String characterEncoding = typeToken.encoding().characterEncoding();
        if (null != characterEncoding)
        {
            return string(buffer, index, length, characterEncoding, false);
        }

        final StringBuilder hex = new StringBuilder(2 + (2 * length)).append("0x");
        for (int i = 0; i < length; i++)
        {
            final int b = buffer.getByte(index + i) & 0xFF;
            hex.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }

        return hex.toString();
    }

    /**
     * A composite of exactly a mantissa and an exponent, as CME's PRICE9 or Decimal9, becomes a decimal number.
     */
    static Object foldDecimal(final Map<String, Object> composite)
    {
        if (2 != composite.size() || !composite.containsKey("mantissa") || !composite.containsKey("exponent"))
        {
            return composite;
        }

        final Object mantissa = composite.get("mantissa");
        final Object exponent = composite.get("exponent");
        if (!(mantissa instanceof Number) || !(exponent instanceof Long))
        {
            return null == mantissa || null == exponent ? null : composite;
        }

        final BigInteger unscaled = mantissa instanceof BigInteger ?
            (BigInteger) mantissa : BigInteger.valueOf(((Number) mantissa).longValue());
        final BigDecimal value = new BigDecimal(unscaled, -((Long) exponent).intValue());

        return 0 == value.signum() ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    private static Object scalar(final DirectBuffer buffer, final int index, final Encoding encoding)
    {
        final PrimitiveType type = encoding.primitiveType();
        final boolean optional = Encoding.Presence.OPTIONAL == encoding.presence();
        switch (type)
        {
            case FLOAT:
            {
                final float value = buffer.getFloat(index, encoding.byteOrder());
                return optional && Float.isNaN(value) ? null : (Object) (double) value;
            }

            case DOUBLE:
            {
                final double value = buffer.getDouble(index, encoding.byteOrder());
                return optional && Double.isNaN(value) ? null : (Object) value;
            }

            default:
            {
                final long raw = raw(buffer, index, type, encoding.byteOrder());
                if (optional && raw == encoding.applicableNullValue().longValue())
                {
                    return null;
                }

                if (PrimitiveType.CHAR == type)
                {
                    return isNulChar(type, raw) ? null : String.valueOf((char) (raw & 0xFF));
                }

                if (PrimitiveType.UINT64 == type && raw < 0)
                {
                    return new BigInteger(Long.toUnsignedString(raw));
                }

                return raw;
            }
        }
    }

    /**
     * CME declares its char null as {@code nullValue="0"}, which SBE takes for the character '0'; on the wire CME
     * sends a NUL byte, so both mean absent.
     */
    private static boolean isNulChar(final PrimitiveType type, final long raw)
    {
        return PrimitiveType.CHAR == type && 0 == raw;
    }

    private static Object constant(final Encoding encoding)
    {
        final PrimitiveValue value = encoding.constValue();
        switch (encoding.primitiveType())
        {
            case CHAR:
                if (PrimitiveValue.Representation.BYTE_ARRAY == value.representation())
                {
                    final byte[] bytes = value.byteArrayValue();
                    int length = 0;
                    while (length < bytes.length && 0 != bytes[length])
                    {
                        length++;
                    }

                    return new String(bytes, 0, length, charset(encoding.characterEncoding()));
                }
                return String.valueOf((char) (value.longValue() & 0xFF));

            case FLOAT:
            case DOUBLE:
                return value.doubleValue();

            default:
                return value.longValue();
        }
    }

    private static String string(
        final DirectBuffer buffer,
        final int index,
        final int length,
        final String characterEncoding,
        final boolean stopAtNul)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(index, bytes);
        int end = length;
        if (stopAtNul)
        {
            end = 0;
            while (end < length && 0 != bytes[end])
            {
                end++;
            }
        }

        return new String(bytes, 0, end, charset(characterEncoding));
    }

    private static Charset charset(final String characterEncoding)
    {
        return null != characterEncoding && "UTF-8".equalsIgnoreCase(characterEncoding) ?
            StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }
}
