package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.MDUpdateAction;

/**
 * The MBP level updates of one event, in the order a receiver must apply them.
 */
final class BookEntries
{
    private final MDUpdateAction[] actions;
    private final Side[] sides;
    private final int[] levels;
    private final long[] prices;
    private final long[] quantities;
    private final int[] orderCounts;
    private int count;

    BookEntries(final int capacity)
    {
        actions = new MDUpdateAction[capacity];
        sides = new Side[capacity];
        levels = new int[capacity];
        prices = new long[capacity];
        quantities = new long[capacity];
        orderCounts = new int[capacity];
    }

    void reset()
    {
        count = 0;
    }

    void add(
        final MDUpdateAction action,
        final Side side,
        final int level,
        final long price,
        final long qty,
        final int orderCount)
    {
        actions[count] = action;
        sides[count] = side;
        levels[count] = level;
        prices[count] = price;
        quantities[count] = qty;
        orderCounts[count] = orderCount;
        count++;
    }

    int count()
    {
        return count;
    }

    MDUpdateAction action(final int index)
    {
        return actions[index];
    }

    Side side(final int index)
    {
        return sides[index];
    }

    int level(final int index)
    {
        return levels[index];
    }

    long price(final int index)
    {
        return prices[index];
    }

    long qty(final int index)
    {
        return quantities[index];
    }

    int orderCount(final int index)
    {
        return orderCounts[index];
    }
}
