package io.wirespeed.sim;

/**
 * The statistics entries of one event on one instrument, in the order they go on the wire: each an MDEntryType (the
 * FIX character), a price, a size and the flags its type needs.
 */
final class StatEntries
{
    /**
     * Int32NULL's null, for an entry without a size.
     */
    static final int NULL_SIZE = Integer.MAX_VALUE;

    /**
     * LocalMktDate's null, for an entry without a trading reference date.
     */
    static final int NULL_DATE = 0xFFFF;

    /**
     * OpenCloseSettlFlag's null, for an entry that is not an opening price.
     */
    static final short NULL_FLAG = 0xFF;

    /**
     * SettlPriceType bit 0: final (1) or preliminary (0).
     */
    static final int SETTLE_FINAL = 1;

    /**
     * SettlPriceType bit 1: actual (1) or theoretical (0).
     */
    static final int SETTLE_ACTUAL = 1 << 1;

    /**
     * SettlPriceType bit 3: intraday.
     */
    static final int SETTLE_INTRADAY = 1 << 3;

    /**
     * SettlPriceType bit 7: the whole set is null, for an entry that is not a settlement.
     */
    static final int SETTLE_NULL = 1 << 7;

    private static final int CAPACITY = 16;

    private final byte[] types = new byte[CAPACITY];
    private final long[] prices = new long[CAPACITY];
    private final int[] sizes = new int[CAPACITY];
    private final short[] openCloseFlags = new short[CAPACITY];
    private final int[] dates = new int[CAPACITY];
    private final int[] settlFlags = new int[CAPACITY];
    private int count;

    void reset()
    {
        count = 0;
    }

    void add(
        final byte type,
        final long price,
        final int size,
        final short openCloseFlag,
        final int date,
        final int settlFlag)
    {
        types[count] = type;
        prices[count] = price;
        sizes[count] = size;
        openCloseFlags[count] = openCloseFlag;
        dates[count] = date;
        settlFlags[count] = settlFlag;
        count++;
    }

    /**
     * A session statistic: a price with no date or settlement flags.
     */
    void addSession(final byte type, final long price, final int size, final short openCloseFlag)
    {
        add(type, price, size, openCloseFlag, NULL_DATE, SETTLE_NULL);
    }

    int count()
    {
        return count;
    }

    byte type(final int index)
    {
        return types[index];
    }

    long price(final int index)
    {
        return prices[index];
    }

    int size(final int index)
    {
        return sizes[index];
    }

    short openCloseFlag(final int index)
    {
        return openCloseFlags[index];
    }

    int date(final int index)
    {
        return dates[index];
    }

    int settlFlags(final int index)
    {
        return settlFlags[index];
    }
}
