package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.MDUpdateAction;

/**
 * The market-by-price book of one instrument as the incremental feed has published it: for each side the best
 * {@link #depth()} aggregated levels, each a price mantissa (exponent -9), a quantity and an order count.
 * <p>
 * {@link #hash()} is a stable fingerprint a receiver can compute on its own book to compare: FNV-1a 64 over, for
 * bids then asks, the level count and then each level's price, quantity and order count, every value taken as a
 * little-endian 64-bit long fed to FNV byte by byte (see {@link #hash(long, long)}).
 */
public final class MbpBook
{
    /**
     * FNV-1a 64 offset basis, the hash of an empty input.
     */
    public static final long FNV_OFFSET_BASIS = 0xCBF2_9CE4_8422_2325L;

    private static final long FNV_PRIME = 0x0000_0100_0000_01B3L;

    private final int securityId;
    private final int depth;
    private final long[][] prices = new long[2][];
    private final long[][] quantities = new long[2][];
    private final int[][] orderCounts = new int[2][];
    private final int[] levelCounts = new int[2];

    /**
     * An empty book.
     *
     * @param securityId of the instrument.
     * @param depth      levels per side.
     */
    public MbpBook(final int securityId, final int depth)
    {
        this.securityId = securityId;
        this.depth = depth;
        for (int s = 0; s < 2; s++)
        {
            prices[s] = new long[depth + 1];
            quantities[s] = new long[depth + 1];
            orderCounts[s] = new int[depth + 1];
        }
    }

    /**
     * The instrument's security id.
     *
     * @return the id.
     */
    public int securityId()
    {
        return securityId;
    }

    /**
     * Levels kept per side.
     *
     * @return the depth.
     */
    public int depth()
    {
        return depth;
    }

    /**
     * Levels present on a side.
     *
     * @param side which side.
     * @return 0..depth.
     */
    public int levelCount(final Side side)
    {
        return levelCounts[side.ordinal()];
    }

    /**
     * Price of a level.
     *
     * @param side  which side.
     * @param level 1 for the best, as MDPriceLevel counts.
     * @return the price mantissa, exponent -9.
     */
    public long price(final Side side, final int level)
    {
        return prices[side.ordinal()][level - 1];
    }

    /**
     * Aggregate quantity of a level.
     *
     * @param side  which side.
     * @param level 1 for the best.
     * @return the quantity.
     */
    public long qty(final Side side, final int level)
    {
        return quantities[side.ordinal()][level - 1];
    }

    /**
     * Orders at a level.
     *
     * @param side  which side.
     * @param level 1 for the best.
     * @return the count.
     */
    public int orderCount(final Side side, final int level)
    {
        return orderCounts[side.ordinal()][level - 1];
    }

    /**
     * The book's fingerprint, as the class documentation defines it.
     *
     * @return FNV-1a 64 of the levels.
     */
    public long hash()
    {
        long hash = FNV_OFFSET_BASIS;
        for (int s = 0; s < 2; s++)
        {
            final int count = levelCounts[s];
            hash = hash(hash, count);
            for (int i = 0; i < count; i++)
            {
                hash = hash(hash, prices[s][i]);
                hash = hash(hash, quantities[s][i]);
                hash = hash(hash, orderCounts[s][i]);
            }
        }
        return hash;
    }

    /**
     * One FNV-1a 64 step over the eight little-endian bytes of a value.
     *
     * @param hash  so far.
     * @param value to add.
     * @return the new hash.
     */
    public static long hash(final long hash, final long value)
    {
        long h = hash;
        for (int i = 0; i < 8; i++)
        {
            h ^= (value >>> (i * 8)) & 0xFF;
            h *= FNV_PRIME;
        }
        return h;
    }

    /**
     * A readable dump, for test failure messages.
     *
     * @return the levels side by side.
     */
    public String toString()
    {
        final StringBuilder builder = new StringBuilder("MbpBook{securityId=").append(securityId);
        for (int i = 0; i < depth; i++)
        {
            builder.append("\n  ").append(i + 1).append(": ");
            appendLevel(builder, 0, i);
            builder.append(" | ");
            appendLevel(builder, 1, i);
        }
        return builder.append('}').toString();
    }

    private void appendLevel(final StringBuilder builder, final int s, final int i)
    {
        if (i < levelCounts[s])
        {
            builder.append(quantities[s][i]).append('@').append(prices[s][i]).append('(').append(orderCounts[s][i])
                .append(')');
        }
        else
        {
            builder.append('-');
        }
    }

    void clear()
    {
        levelCounts[0] = 0;
        levelCounts[1] = 0;
    }

    /**
     * Bring one side up to date with the engine's best levels, adding to {@code entries} the New, Change and Delete
     * updates that take a receiver's book from the old levels to the new, level numbers as the receiver sees them
     * when it applies the updates in order (a New shifts worse levels down and drops any beyond depth; a Delete
     * shifts them up).
     */
    void update(final OrderBook book, final Side side, final BookEntries entries)
    {
        final int s = side.ordinal();
        final long[] price = prices[s];
        final long[] qty = quantities[s];
        final int[] orders = orderCounts[s];
        final int newCount = Math.min(depth, book.levelCount(side));
        int count = levelCounts[s];
        int i = 0;
        while (i < newCount || i < count)
        {
            if (i >= newCount)
            {
                entries.add(MDUpdateAction.Delete, side, i + 1, price[i], 0, 0);
                count = removeAt(s, i, count);
                continue;
            }

            final long newPrice = book.levelPrice(side, i);
            final long newQty = book.levelQty(side, i);
            final int newOrders = book.levelOrderCount(side, i);
            if (i < count && price[i] == newPrice)
            {
                if (qty[i] != newQty || orders[i] != newOrders)
                {
                    qty[i] = newQty;
                    orders[i] = newOrders;
                    entries.add(MDUpdateAction.Change, side, i + 1, newPrice, newQty, newOrders);
                }
                i++;
            }
            else if (i < count && side.isBetter(price[i], newPrice))
            {
                entries.add(MDUpdateAction.Delete, side, i + 1, price[i], 0, 0);
                count = removeAt(s, i, count);
            }
            else
            {
                System.arraycopy(price, i, price, i + 1, count - i);
                System.arraycopy(qty, i, qty, i + 1, count - i);
                System.arraycopy(orders, i, orders, i + 1, count - i);
                price[i] = newPrice;
                qty[i] = newQty;
                orders[i] = newOrders;
                count = Math.min(depth, count + 1);
                entries.add(MDUpdateAction.New, side, i + 1, newPrice, newQty, newOrders);
                i++;
            }
        }
        levelCounts[s] = count;
    }

    private int removeAt(final int s, final int index, final int count)
    {
        System.arraycopy(prices[s], index + 1, prices[s], index, count - index - 1);
        System.arraycopy(quantities[s], index + 1, quantities[s], index, count - index - 1);
        System.arraycopy(orderCounts[s], index + 1, orderCounts[s], index, count - index - 1);
        return count - 1;
    }
}
