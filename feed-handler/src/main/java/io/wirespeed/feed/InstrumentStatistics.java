package io.wirespeed.feed;

import io.wirespeed.codecs.internal.StatisticType;

import java.util.Arrays;

/**
 * The venue statistics of one instrument as the feed handler last applied them, by {@link StatisticType} value: a
 * price (mantissa, exponent -9) or a quantity, the settlement flags and the trading date, or nothing when unset.
 */
public final class InstrumentStatistics
{
    /** Value of an unset price. */
    public static final long NULL_PRICE = Long.MIN_VALUE;

    /** Value of an unset quantity. */
    public static final long NULL_QTY = Long.MIN_VALUE;

    /** Value of an unset trading date. */
    public static final int NULL_DATE = 65535;

    static final int TYPES = StatisticType.MAX_PRICE_VARIATION.value() + 1;

    private final long[] prices = new long[TYPES];
    private final long[] quantities = new long[TYPES];
    private final byte[] settlFlags = new byte[TYPES];
    private final int[] dates = new int[TYPES];
    private final boolean[] set = new boolean[TYPES];

    InstrumentStatistics()
    {
        clear();
    }

    /**
     * Whether a statistic holds a value.
     *
     * @param type the statistic.
     * @return true when set and not deleted since.
     */
    public boolean isSet(final StatisticType type)
    {
        return set[type.value()];
    }

    /**
     * The price of a statistic.
     *
     * @param type the statistic.
     * @return price mantissa, {@link #NULL_PRICE} when unset or a quantity statistic.
     */
    public long price(final StatisticType type)
    {
        return prices[type.value()];
    }

    /**
     * The quantity of a statistic (volumes, open interest, indicative opening quantity).
     *
     * @param type the statistic.
     * @return the quantity, {@link #NULL_QTY} when unset or a price statistic.
     */
    public long qty(final StatisticType type)
    {
        return quantities[type.value()];
    }

    /**
     * The MDP 3.0 SettlPriceType bits (final, actual, rounded, intraday) of a statistic.
     *
     * @param type the statistic.
     * @return the bits, 0 when not a settlement.
     */
    public int settlPriceFlags(final StatisticType type)
    {
        return settlFlags[type.value()] & 0xFF;
    }

    /**
     * The trading date a statistic belongs to.
     *
     * @param type the statistic.
     * @return days since the Unix epoch, {@link #NULL_DATE} when not given.
     */
    public int tradingReferenceDate(final StatisticType type)
    {
        return dates[type.value()];
    }

    void set(final int type, final long price, final long qty, final int flags, final int date)
    {
        prices[type] = price;
        quantities[type] = qty;
        settlFlags[type] = (byte)flags;
        dates[type] = date;
        set[type] = true;
    }

    void delete(final int type)
    {
        prices[type] = NULL_PRICE;
        quantities[type] = NULL_QTY;
        settlFlags[type] = 0;
        dates[type] = NULL_DATE;
        set[type] = false;
    }

    boolean isSet(final int type)
    {
        return set[type];
    }

    boolean isEmpty()
    {
        for (final boolean isSet : set)
        {
            if (isSet)
            {
                return false;
            }
        }
        return true;
    }

    long price(final int type)
    {
        return prices[type];
    }

    long qty(final int type)
    {
        return quantities[type];
    }

    int flags(final int type)
    {
        return settlFlags[type] & 0xFF;
    }

    int date(final int type)
    {
        return dates[type];
    }

    void clear()
    {
        Arrays.fill(prices, NULL_PRICE);
        Arrays.fill(quantities, NULL_QTY);
        Arrays.fill(settlFlags, (byte)0);
        Arrays.fill(dates, NULL_DATE);
        Arrays.fill(set, false);
    }
}
