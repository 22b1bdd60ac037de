package io.wirespeed.codecs.print;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import uk.co.real_logic.sbe.ir.Token;
import uk.co.real_logic.sbe.otf.AbstractTokenListener;

/**
 * Listens to the OTF decoder and builds the message as nested maps (fields, composites, group entries) and lists
 * (groups, arrays, set choices), in schema order.
 */
final class TreeBuilder extends AbstractTokenListener
{
    private final int actingVersion;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Deque<Object> stack = new ArrayDeque<>();
    private int skippedCompositeDepth;

    TreeBuilder(final int actingVersion)
    {
        this.actingVersion = actingVersion;
        stack.push(fields);
    }

    Map<String, Object> fields()
    {
        return fields;
    }

    @Override
    public void onEncoding(
        final Token fieldToken,
        final DirectBuffer buffer,
        final int index,
        final Token typeToken,
        final int actingVersion)
    {
        if (isPresent(fieldToken))
        {
            current().put(fieldToken.name(), Values.primitive(buffer, index, typeToken));
        }
    }

    @Override
    public void onEnum(
        final Token fieldToken,
        final DirectBuffer buffer,
        final int index,
        final List<Token> tokens,
        final int fromIndex,
        final int toIndex,
        final int actingVersion)
    {
        if (isPresent(fieldToken))
        {
            current().put(fieldToken.name(), fieldToken.isConstantEncoding() ?
                Values.constantEnumValue(fieldToken) : Values.enumValue(buffer, index, tokens, fromIndex, toIndex));
        }
    }

    @Override
    public void onBitSet(
        final Token fieldToken,
        final DirectBuffer buffer,
        final int index,
        final List<Token> tokens,
        final int fromIndex,
        final int toIndex,
        final int actingVersion)
    {
        if (isPresent(fieldToken))
        {
            current().put(fieldToken.name(), Values.choices(buffer, index, tokens, fromIndex, toIndex));
        }
    }

    @Override
    public void onBeginComposite(
        final Token fieldToken, final List<Token> tokens, final int fromIndex, final int toIndex)
    {
        if (isPresent(fieldToken))
        {
            stack.push(new LinkedHashMap<String, Object>());
        }
        else
        {
            skippedCompositeDepth++;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onEndComposite(
        final Token fieldToken, final List<Token> tokens, final int fromIndex, final int toIndex)
    {
        if (skippedCompositeDepth > 0)
        {
            skippedCompositeDepth--;
        }
        else
        {
            final Map<String, Object> composite = (Map<String, Object>) stack.pop();
            current().put(fieldToken.name(), Values.foldDecimal(composite));
        }
    }

    @Override
    public void onGroupHeader(final Token token, final int numInGroup)
    {
        final List<Object> entries = new ArrayList<>(numInGroup);
        current().put(token.name(), entries);
        if (numInGroup > 0)
        {
            stack.push(entries);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onBeginGroup(final Token token, final int groupIndex, final int numInGroup)
    {
        final Map<String, Object> entry = new LinkedHashMap<>();
        ((List<Object>) stack.peek()).add(entry);
        stack.push(entry);
    }

    @Override
    public void onEndGroup(final Token token, final int groupIndex, final int numInGroup)
    {
        stack.pop();
        if (groupIndex == numInGroup - 1)
        {
            stack.pop();
        }
    }

    @Override
    public void onVarData(
        final Token fieldToken, final DirectBuffer buffer, final int index, final int length, final Token typeToken)
    {
        current().put(fieldToken.name(), Values.varData(buffer, index, length, typeToken));
    }

    private boolean isPresent(final Token fieldToken)
    {
        return 0 == skippedCompositeDepth && fieldToken.version() <= actingVersion;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> current()
    {
        return (Map<String, Object>) stack.peek();
    }
}
