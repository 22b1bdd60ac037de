package io.wirespeed.codecs.print;

import java.util.List;

import org.agrona.DirectBuffer;

import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

/**
 * Walks a message's root block, groups and var data as the OTF decoder will, checking each lies within the bytes
 * given, so that decoding never reads past them even with bounds checks off.
 */
final class MessageExtent
{
    private final DirectBuffer buffer;
    private final int end;
    private final int actingVersion;
    private int position;
    private String problem;

    MessageExtent(final DirectBuffer buffer, final int end, final int actingVersion)
    {
        this.buffer = buffer;
        this.end = end;
        this.actingVersion = actingVersion;
    }

    /**
     * Measure the message whose root block starts at {@code rootOffset}.
     *
     * @return true when it fits, then {@link #position()} is where it ends; false with a {@link #problem()}.
     */
    boolean measure(final List<Token> messageTokens, final int rootOffset, final int blockLength)
    {
        position = rootOffset;
        problem = null;

        return level(messageTokens, 1, messageTokens.size() - 1, blockLength, messageTokens.get(0).name());
    }

    int position()
    {
        return position;
    }

    String problem()
    {
        return problem;
    }

    private boolean level(
        final List<Token> tokens, final int fromIndex, final int toIndex, final int blockLength, final String name)
    {
        int i = fromIndex;
        int required = 0;
        while (i < toIndex && Signal.BEGIN_FIELD == tokens.get(i).signal())
        {
            final Token field = tokens.get(i);
            final Token type = tokens.get(i + 1);
            if (field.version() <= actingVersion)
            {
                required = Math.max(required, type.offset() + type.encodedLength());
            }
            i += field.componentTokenCount();
        }

        if (blockLength < required)
        {
            problem = "malformed: block length " + blockLength + " of " + name + " is less than the " + required +
                " bytes its fields need";
            return false;
        }

        if (!take(blockLength, name))
        {
            return false;
        }

        while (i < toIndex && Signal.BEGIN_GROUP == tokens.get(i).signal())
        {
            final Token group = tokens.get(i);
            if (group.version() <= actingVersion && !group(tokens, i, name))
            {
                return false;
            }
            i += group.componentTokenCount();
        }

        while (i < toIndex && Signal.BEGIN_VAR_DATA == tokens.get(i).signal())
        {
            final Token data = tokens.get(i);
            if (data.version() <= actingVersion && !varData(tokens, i, name))
            {
                return false;
            }
            i += data.componentTokenCount();
        }

        return true;
    }

    private boolean group(final List<Token> tokens, final int groupIndex, final String parent)
    {
        final Token group = tokens.get(groupIndex);
        final Token dimensions = tokens.get(groupIndex + 1);
        final int dimensionsEnd = groupIndex + 1 + dimensions.componentTokenCount();
        final String name = parent + "." + group.name();
        if (!fits(dimensions.encodedLength(), name + " header"))
        {
            return false;
        }

        final long blockLength = read(find(tokens, groupIndex + 2, dimensionsEnd, "blockLength"));
        final long numInGroup = read(find(tokens, groupIndex + 2, dimensionsEnd, "numInGroup"));
        position += dimensions.encodedLength();

        final int fieldsEnd = groupIndex + group.componentTokenCount() - 1;
        for (int i = 0; i < numInGroup; i++)
        {
            if (!level(tokens, dimensionsEnd, fieldsEnd, (int) blockLength, name + "[" + i + "]"))
            {
                return false;
            }
        }

        return true;
    }

    private boolean varData(final List<Token> tokens, final int dataIndex, final String parent)
    {
        final Token data = tokens.get(dataIndex);
        final int compositeEnd = dataIndex + 1 + tokens.get(dataIndex + 1).componentTokenCount();
        final Token lengthToken = find(tokens, dataIndex + 2, compositeEnd, "length");
        final Token dataToken = find(tokens, dataIndex + 2, compositeEnd, "varData");
        final String name = parent + "." + data.name();
        if (!fits(dataToken.offset(), name + " length"))
        {
            return false;
        }

        final long length = read(lengthToken);
        position += dataToken.offset();

        return take(length, name);
    }

    private long read(final Token token)
    {
        final Encoding encoding = token.encoding();

        return Values.raw(buffer, position + token.offset(), encoding.primitiveType(), encoding.byteOrder());
    }

    private boolean take(final long length, final String name)
    {
        if (!fits(length, name))
        {
            return false;
        }

        position += (int) length;
        return true;
    }

    private boolean fits(final long length, final String name)
    {
        if (length < 0 || length > end - position)
        {
            problem = "truncated: " + name + " needs " + length + " bytes at offset " + position + " but " +
                (end - position) + " remain";
            return false;
        }

        return true;
    }

    private static Token find(final List<Token> tokens, final int fromIndex, final int toIndex, final String name)
    {
        for (int i = fromIndex; i < toIndex; i++)
        {
            if (name.equals(tokens.get(i).name()))
            {
                return tokens.get(i);
            }
        }

        throw new IllegalStateException("IR has no " + name + " token in " + tokens.get(fromIndex - 1).name());
    }
}
