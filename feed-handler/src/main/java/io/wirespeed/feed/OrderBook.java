package io.wirespeed.feed;

/**
 * A market-by-price book of one instrument to a fixed depth, updated with CME MDP 3.0 update actions.
 * <p>
 * Levels are 1-based, 1 the best. {@link #hash()} is 64-bit FNV-1a over, for the bid side then the ask side and for
 * each level 1..depth, the little-endian bytes of (side as int: 0 bid, 1 ask; level as int; price mantissa as long;
 * quantity as long; order count as int); an empty level hashes as price {@link #NULL_PRICE}, quantity 0, count 0.
 */
public final class OrderBook
{
    /** Side index of bids. */
    public static final int BID = 0;

    /** Side index of offers. */
    public static final int ASK = 1;

    /** Price of an empty level. */
    public static final long NULL_PRICE = Long.MIN_VALUE;

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final int depth;
    private final long[][] prices;
    private final long[][] quantities;
    private final int[][] orderCounts;

    /**
     * An empty book.
     *
     * @param depth number of price levels kept per side.
     */
    public OrderBook(final int depth)
    {
        this.depth = depth;
        prices = new long[2][depth];
        quantities = new long[2][depth];
        orderCounts = new int[2][depth];
        clear();
    }

    /**
     * Levels kept per side.
     *
     * @return levels kept per side.
     */
    public int depth()
    {
        return depth;
    }

    /**
     * Empty both sides.
     */
    public void clear()
    {
        clearSide(BID);
        clearSide(ASK);
    }

    /**
     * Empty one side.
     *
     * @param side {@link #BID} or {@link #ASK}.
     */
    public void clearSide(final int side)
    {
        for (int i = 0; i < depth; i++)
        {
            clearLevel(side, i);
        }
    }

    /**
     * Price mantissa (exponent -9) at a level, {@link #NULL_PRICE} when empty.
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based.
     * @return price mantissa.
     */
    public long price(final int side, final int level)
    {
        return prices[side][level - 1];
    }

    /**
     * Quantity at a level, 0 when empty.
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based.
     * @return quantity.
     */
    public long quantity(final int side, final int level)
    {
        return quantities[side][level - 1];
    }

    /**
     * Order count at a level, 0 when empty.
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based.
     * @return order count.
     */
    public int orderCount(final int side, final int level)
    {
        return orderCounts[side][level - 1];
    }

    /**
     * Insert a level, shifting the levels at and below it down one (the last falls off).
     *
     * @param side       {@link #BID} or {@link #ASK}.
     * @param level      1-based.
     * @param price      mantissa.
     * @param quantity   at the level.
     * @param orderCount at the level.
     * @return false when the level is outside 1..depth.
     */
    public boolean add(final int side, final int level, final long price, final long quantity, final int orderCount)
    {
        if (level < 1 || level > depth)
        {
            return false;
        }
        final int index = level - 1;
        final int moved = depth - level;
        System.arraycopy(prices[side], index, prices[side], index + 1, moved);
        System.arraycopy(quantities[side], index, quantities[side], index + 1, moved);
        System.arraycopy(orderCounts[side], index, orderCounts[side], index + 1, moved);
        setLevel(side, index, price, quantity, orderCount);
        return true;
    }

    /**
     * Replace a level in place (Change and Overlay).
     *
     * @param side       {@link #BID} or {@link #ASK}.
     * @param level      1-based.
     * @param price      mantissa.
     * @param quantity   at the level.
     * @param orderCount at the level.
     * @return false when the level is outside 1..depth.
     */
    public boolean set(final int side, final int level, final long price, final long quantity, final int orderCount)
    {
        if (level < 1 || level > depth)
        {
            return false;
        }
        setLevel(side, level - 1, price, quantity, orderCount);
        return true;
    }

    /**
     * Remove a level, shifting the levels below it up one.
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based.
     * @return false when the level is outside 1..depth.
     */
    public boolean delete(final int side, final int level)
    {
        if (level < 1 || level > depth)
        {
            return false;
        }
        final int index = level - 1;
        final int moved = depth - level;
        System.arraycopy(prices[side], index + 1, prices[side], index, moved);
        System.arraycopy(quantities[side], index + 1, quantities[side], index, moved);
        System.arraycopy(orderCounts[side], index + 1, orderCounts[side], index, moved);
        clearLevel(side, depth - 1);
        return true;
    }

    /**
     * Remove levels 1..level, shifting the rest up (DeleteFrom).
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based, the last level removed.
     * @return false when the level is outside 1..depth.
     */
    public boolean deleteFrom(final int side, final int level)
    {
        if (level < 1 || level > depth)
        {
            return false;
        }
        final int moved = depth - level;
        System.arraycopy(prices[side], level, prices[side], 0, moved);
        System.arraycopy(quantities[side], level, quantities[side], 0, moved);
        System.arraycopy(orderCounts[side], level, orderCounts[side], 0, moved);
        for (int i = moved; i < depth; i++)
        {
            clearLevel(side, i);
        }
        return true;
    }

    /**
     * Stable hash of the book to its depth, as described on the class.
     *
     * @return 64-bit FNV-1a hash.
     */
    public long hash()
    {
        return hash(depth, prices, quantities, orderCounts);
    }

    /**
     * Hash a book held elsewhere (a simulator's) exactly as {@link #hash()} does, from arrays indexed [side][level-1].
     *
     * @param depth       levels per side.
     * @param prices      price mantissas, {@link #NULL_PRICE} for empty levels.
     * @param quantities  quantities, 0 for empty levels.
     * @param orderCounts order counts, 0 for empty levels.
     * @return 64-bit FNV-1a hash.
     */
    public static long hash(
        final int depth, final long[][] prices, final long[][] quantities, final int[][] orderCounts)
    {
        long hash = FNV_OFFSET_BASIS;
        for (int side = BID; side <= ASK; side++)
        {
            for (int i = 0; i < depth; i++)
            {
                hash = mixInt(hash, side);
                hash = mixInt(hash, i + 1);
                hash = mixLong(hash, prices[side][i]);
                hash = mixLong(hash, quantities[side][i]);
                hash = mixInt(hash, orderCounts[side][i]);
            }
        }
        return hash;
    }

    /**
     * The book as text, one line per level, for test diagnostics.
     *
     * @return the book as text.
     */
    public String toString()
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            text.append(i + 1).append(": ")
                .append(quantities[BID][i]).append('@').append(prices[BID][i]).append('(').append(orderCounts[BID][i])
                .append(") | ")
                .append(quantities[ASK][i]).append('@').append(prices[ASK][i]).append('(').append(orderCounts[ASK][i])
                .append(")\n");
        }
        return text.toString();
    }

    private void setLevel(final int side, final int index, final long price, final long quantity, final int orderCount)
    {
        prices[side][index] = price;
        quantities[side][index] = quantity;
        orderCounts[side][index] = orderCount;
    }

    private void clearLevel(final int side, final int index)
    {
        setLevel(side, index, NULL_PRICE, 0, 0);
    }

    private static long mixInt(final long hash, final int value)
    {
        long h = hash;
        for (int i = 0; i < 4; i++)
        {
            h = (h ^ ((value >>> (8 * i)) & 0xFF)) * FNV_PRIME;
        }
        return h;
    }

    private static long mixLong(final long hash, final long value)
    {
        long h = hash;
        for (int i = 0; i < 8; i++)
        {
            h = (h ^ ((value >>> (8 * i)) & 0xFF)) * FNV_PRIME;
        }
        return h;
    }
}
