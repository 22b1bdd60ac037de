package io.wirespeed.codecs.compat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

import static uk.co.real_logic.sbe.generation.Generators.toUpperFirstChar;
import static uk.co.real_logic.sbe.generation.java.JavaUtil.formatClassName;
import static uk.co.real_logic.sbe.generation.java.JavaUtil.formatPropertyName;

/**
 * Drives the Java codecs SbeTool generated for one message by reflection, walking the message's IR: fills an encoder
 * with seeded pseudo-random valid values and reads every value back from a decoder, recording each as
 * {@code path=value} so two codecs can be compared value by value.
 */
final class ReflectiveCodec
{
    /** How many entries each repeating group gets and how long var data is. */
    enum Shape
    {
        EMPTY, ONE, SEVERAL
    }

    private final List<Token> tokens;
    private final ClassLoader loader;
    private final String packageName;

    ReflectiveCodec(final List<Token> messageTokens, final ClassLoader loader, final String packageName)
    {
        this.tokens = messageTokens;
        this.loader = loader;
        this.packageName = packageName;
    }

    /**
     * Encode header and message at offset 0.
     *
     * @return the encoded length, header included.
     */
    int encode(final MutableDirectBuffer buffer, final long seed, final Shape shape, final List<String> written)
    {
        final Object header = newInstance("MessageHeaderEncoder");
        final Object encoder = newInstance(formatClassName(tokens.get(0).name()) + "Encoder");
        invoke(encoder, method(encoder, "wrapAndApplyHeader", 3), buffer, 0, header);
        new Filler(new SplittableRandom(seed), shape, written).level(encoder, 1, tokens.size() - 1, "");

        return headerLength() + (int) invoke(encoder, method(encoder, "encodedLength", 0));
    }

    /**
     * Decode header and message at offset 0, reading every value.
     *
     * @return the decoded length, header included.
     */
    int decode(final DirectBuffer buffer, final List<String> read)
    {
        final Object header = newInstance("MessageHeaderDecoder");
        final Object decoder = newInstance(formatClassName(tokens.get(0).name()) + "Decoder");
        invoke(decoder, method(decoder, "wrapAndApplyHeader", 3), buffer, 0, header);
        readLevel(decoder, 1, tokens.size() - 1, "", read);

        return headerLength() + (int) invoke(decoder, method(decoder, "encodedLength", 0));
    }

    private int headerLength()
    {
        try
        {
            return loader.loadClass(packageName + ".MessageHeaderEncoder").getField("ENCODED_LENGTH").getInt(null);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void readLevel(
        final Object flyweight, final int fromIndex, final int toIndex, final String path, final List<String> read)
    {
        int i = fromIndex;
        while (i < toIndex)
        {
            final Token token = tokens.get(i);
            final String name = formatPropertyName(token.name());
            switch (token.signal())
            {
                case BEGIN_FIELD:
                    if (!isConstant(token, tokens.get(i + 1)))
                    {
                        readType(flyweight, name, i + 1, path + token.name(), read);
                    }
                    break;

                case BEGIN_GROUP:
                {
                    final Object group = invoke(flyweight, method(flyweight, name, 0));
                    final int count = (int) invoke(group, method(group, "count", 0));
                    read.add(path + token.name() + ".count=" + count);
                    final int fieldsIndex = i + 1 + tokens.get(i + 1).componentTokenCount();
                    for (int k = 0; k < count; k++)
                    {
                        invoke(group, method(group, "next", 0));
                        readLevel(group, fieldsIndex, i + token.componentTokenCount() - 1,
                            path + token.name() + "[" + k + "].", read);
                    }
                    break;
                }

                case BEGIN_VAR_DATA:
                {
                    final int length = (int) invoke(flyweight, method(flyweight, name + "Length", 0));
                    final byte[] bytes = new byte[length];
                    final Method getter = method(flyweight, "get" + toUpperFirstChar(name), 3, byte[].class);
                    invoke(flyweight, getter, bytes, 0, length);
                    read.add(path + token.name() + "=" + HexFormat.of().formatHex(bytes));
                    break;
                }

                default:
                    break;
            }
            i += Math.max(1, token.componentTokenCount());
        }
    }

    private void readType(
        final Object flyweight, final String name, final int typeIndex, final String path, final List<String> read)
    {
        final Token type = tokens.get(typeIndex);
        switch (type.signal())
        {
            case ENCODING:
                read.add(path + "=" + readPrimitive(flyweight, name, type));
                break;

            case BEGIN_ENUM:
                read.add(path + "=" + ((Enum<?>) invoke(flyweight, method(flyweight, name, 0))).name());
                break;

            case BEGIN_SET:
            {
                final Object set = invoke(flyweight, method(flyweight, name, 0));
                for (int i = typeIndex + 1; i < typeIndex + type.componentTokenCount() - 1; i++)
                {
                    final Token choice = tokens.get(i);
                    final String choiceName = formatPropertyName(choice.name());
                    read.add(path + "." + choice.name() + "=" + invoke(set, method(set, choiceName, 0)));
                }
                break;
            }

            case BEGIN_COMPOSITE:
            {
                final Object composite = invoke(flyweight, method(flyweight, name, 0));
                int i = typeIndex + 1;
                while (i < typeIndex + type.componentTokenCount() - 1)
                {
                    final Token member = tokens.get(i);
                    if (!member.isConstantEncoding())
                    {
                        readType(composite, formatPropertyName(member.name()), i, path + "." + member.name(), read);
                    }
                    i += member.componentTokenCount();
                }
                break;
            }

            default:
                throw new IllegalStateException("unexpected " + type);
        }
    }

    private String readPrimitive(final Object flyweight, final String name, final Token type)
    {
        final PrimitiveType primitiveType = type.encoding().primitiveType();
        final int arrayLength = type.arrayLength();
        if (PrimitiveType.CHAR == primitiveType && arrayLength > 1)
        {
            final byte[] bytes = new byte[arrayLength];
            invoke(flyweight, method(flyweight, "get" + toUpperFirstChar(name), 2, byte[].class), bytes, 0);
            return HexFormat.of().formatHex(bytes);
        }

        if (arrayLength > 1)
        {
            final List<String> elements = new ArrayList<>(arrayLength);
            final Method getter = method(flyweight, name, 1, int.class);
            for (int i = 0; i < arrayLength; i++)
            {
                elements.add(normalise(invoke(flyweight, getter, i)));
            }
            return elements.toString();
        }

        return normalise(invoke(flyweight, method(flyweight, name, 0)));
    }

    private static String normalise(final Object value)
    {
        if (value instanceof Float || value instanceof Double)
        {
            return Double.toString(((Number) value).doubleValue());
        }

        return Long.toString(((Number) value).longValue());
    }

    private static boolean isConstant(final Token field, final Token type)
    {
        return field.isConstantEncoding() || (Signal.ENCODING == type.signal() && type.isConstantEncoding());
    }

    private Object newInstance(final String simpleName)
    {
        try
        {
            return loader.loadClass(packageName + "." + simpleName).getConstructor().newInstance();
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    static Method method(final Object target, final String name, final int parameterCount, final Class<?>... first)
    {
        for (final Method method : target.getClass().getMethods())
        {
            if (method.getName().equals(name) && method.getParameterCount() == parameterCount &&
                (0 == first.length || method.getParameterTypes()[0] == first[0]))
            {
                return method;
            }
        }

        throw new IllegalStateException("no " + name + " with " + parameterCount + " parameters on " +
            target.getClass().getName());
    }

    static Object invoke(final Object target, final Method method, final Object... args)
    {
        try
        {
            return method.invoke(target, args);
        }
        catch (final IllegalAccessException ex)
        {
            throw new IllegalStateException(ex);
        }
        catch (final InvocationTargetException ex)
        {
            throw new IllegalStateException(method + " failed", ex.getCause());
        }
    }

    private final class Filler
    {
        private final SplittableRandom random;
        private final Shape shape;
        private final List<String> written;

        Filler(final SplittableRandom random, final Shape shape, final List<String> written)
        {
            this.random = random;
            this.shape = shape;
            this.written = written;
        }

        void level(final Object flyweight, final int fromIndex, final int toIndex, final String path)
        {
            int i = fromIndex;
            while (i < toIndex)
            {
                final Token token = tokens.get(i);
                final String name = formatPropertyName(token.name());
                switch (token.signal())
                {
                    case BEGIN_FIELD:
                        if (!isConstant(token, tokens.get(i + 1)))
                        {
                            type(flyweight, name, i + 1, path + token.name());
                        }
                        break;

                    case BEGIN_GROUP:
                    {
                        final int count = Shape.EMPTY == shape ? 0 : Shape.ONE == shape ? 1 : 2 + random.nextInt(3);
                        final Object group = invoke(flyweight, method(flyweight, name + "Count", 1), count);
                        written.add(path + token.name() + ".count=" + count);
                        final int fieldsIndex = i + 1 + tokens.get(i + 1).componentTokenCount();
                        for (int k = 0; k < count; k++)
                        {
                            invoke(group, method(group, "next", 0));
                            level(group, fieldsIndex, i + token.componentTokenCount() - 1,
                                path + token.name() + "[" + k + "].");
                        }
                        break;
                    }

                    case BEGIN_VAR_DATA:
                    {
                        final int length = Shape.EMPTY == shape ? 0 : Shape.ONE == shape ?
                            1 + random.nextInt(8) : 9 + random.nextInt(56);
                        final byte[] bytes = printable(length);
                        invoke(flyweight, method(flyweight, "put" + toUpperFirstChar(name), 3, byte[].class),
                            bytes, 0, length);
                        written.add(path + token.name() + "=" + HexFormat.of().formatHex(bytes));
                        break;
                    }

                    default:
                        break;
                }
                i += Math.max(1, token.componentTokenCount());
            }
        }

        private void type(final Object flyweight, final String name, final int typeIndex, final String path)
        {
            final Token type = tokens.get(typeIndex);
            switch (type.signal())
            {
                case ENCODING:
                    written.add(path + "=" + primitive(flyweight, name, type));
                    break;

                case BEGIN_ENUM:
                {
                    final List<String> names = new ArrayList<>();
                    for (int i = typeIndex + 1; i < typeIndex + type.componentTokenCount() - 1; i++)
                    {
                        names.add(tokens.get(i).name());
                    }
                    names.add("NULL_VAL");
                    final String chosen = names.get(random.nextInt(names.size()));
                    final Method setter = enumSetter(flyweight, name);
                    invoke(flyweight, setter, enumConstant(setter.getParameterTypes()[0], chosen));
                    written.add(path + "=" + chosen);
                    break;
                }

                case BEGIN_SET:
                {
                    final Object set = invoke(flyweight, method(flyweight, name, 0));
                    for (int i = typeIndex + 1; i < typeIndex + type.componentTokenCount() - 1; i++)
                    {
                        final Token choice = tokens.get(i);
                        final boolean value = random.nextBoolean();
                        invoke(set, method(set, formatPropertyName(choice.name()), 1, boolean.class), value);
                        written.add(path + "." + choice.name() + "=" + value);
                    }
                    break;
                }

                case BEGIN_COMPOSITE:
                {
                    final Object composite = invoke(flyweight, method(flyweight, name, 0));
                    int i = typeIndex + 1;
                    while (i < typeIndex + type.componentTokenCount() - 1)
                    {
                        final Token member = tokens.get(i);
                        if (!member.isConstantEncoding())
                        {
                            type(composite, formatPropertyName(member.name()), i, path + "." + member.name());
                        }
                        i += member.componentTokenCount();
                    }
                    break;
                }

                default:
                    throw new IllegalStateException("unexpected " + type);
            }
        }

        private String primitive(final Object flyweight, final String name, final Token type)
        {
            final Encoding encoding = type.encoding();
            final int arrayLength = type.arrayLength();
            if (PrimitiveType.CHAR == encoding.primitiveType() && arrayLength > 1)
            {
                final byte[] bytes = new byte[arrayLength];
                System.arraycopy(printable(arrayLength), 0, bytes, 0, random.nextInt(arrayLength + 1));
                invoke(flyweight, method(flyweight, "put" + toUpperFirstChar(name), 2, byte[].class), bytes, 0);
                return HexFormat.of().formatHex(bytes);
            }

            if (arrayLength > 1)
            {
                final List<String> elements = new ArrayList<>(arrayLength);
                for (int i = 0; i < arrayLength; i++)
                {
                    final Method setter = method(flyweight, name, 2, int.class);
                    final Object value = value(encoding, setter.getParameterTypes()[1]);
                    invoke(flyweight, setter, i, value);
                    elements.add(normalise(value));
                }
                return elements.toString();
            }

            final Method setter = primitiveSetter(flyweight, name);
            final Object value = value(encoding, setter.getParameterTypes()[0]);
            invoke(flyweight, setter, value);
            return normalise(value);
        }

        private Object value(final Encoding encoding, final Class<?> javaType)
        {
            final PrimitiveType type = encoding.primitiveType();
            final boolean useNull = Encoding.Presence.OPTIONAL == encoding.presence() && 0 == random.nextInt(4);
            if (PrimitiveType.FLOAT == type || PrimitiveType.DOUBLE == type)
            {
                final double value = useNull ? encoding.applicableNullValue().doubleValue() : random.nextDouble() * 1e6;
                return float.class == javaType ? (Object) (float) value : (Object) value;
            }

            final long nullValue = encoding.applicableNullValue().longValue();
            long value;
            if (useNull)
            {
                value = nullValue;
            }
            else if (PrimitiveType.CHAR == type)
            {
                value = 0x20 + random.nextInt(0x5F);
            }
            else if (PrimitiveType.UINT64 == type)
            {
                value = random.nextLong() >>> 1;
            }
            else if (PrimitiveType.INT64 == type)
            {
                do
                {
                    value = random.nextLong();
                }
                while (value == nullValue || value == Long.MIN_VALUE);
            }
            else
            {
                final long min = encoding.applicableMinValue().longValue();
                final long max = encoding.applicableMaxValue().longValue();
                value = min + random.nextLong(max - min + 1);
            }

            if (byte.class == javaType)
            {
                return (byte) value;
            }
            if (short.class == javaType)
            {
                return (short) value;
            }
            if (int.class == javaType)
            {
                return (int) value;
            }
            return value;
        }

        private byte[] printable(final int length)
        {
            final byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte) (0x21 + random.nextInt(0x5E));
            }
            return bytes;
        }
    }

    private static Method primitiveSetter(final Object target, final String name)
    {
        for (final Method method : target.getClass().getMethods())
        {
            if (method.getName().equals(name) && 1 == method.getParameterCount() &&
                method.getParameterTypes()[0].isPrimitive())
            {
                return method;
            }
        }

        throw new IllegalStateException("no primitive setter " + name + " on " + target.getClass().getName());
    }

    private static Method enumSetter(final Object target, final String name)
    {
        for (final Method method : target.getClass().getMethods())
        {
            if (method.getName().equals(name) && 1 == method.getParameterCount() &&
                method.getParameterTypes()[0].isEnum())
            {
                return method;
            }
        }

        throw new IllegalStateException("no enum setter " + name + " on " + target.getClass().getName());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object enumConstant(final Class<?> enumType, final String name)
    {
        return Enum.valueOf((Class) enumType, name);
    }
}
