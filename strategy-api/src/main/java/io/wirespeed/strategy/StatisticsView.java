package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.StatisticType;

import java.util.Arrays;

/**
 * A strategy's read-only view of one instrument's venue statistics (open, high, low, settlement, volumes, open
 * interest, limits and banding...), kept from the normalized Statistic messages beside its {@link BookView}.
 * <p>
 * A statistic is unset until the venue sends it, and again after the venue deletes it or resets the instrument's
 * statistics (a CLEAR: a channel reset, the session's reset, or a snapshot, whose statistics follow).
 */
public final class StatisticsView
{
    /** Value of an unset or not applicable price. */
    public static final long NULL_PRICE = Long.MIN_VALUE;

    /** Value of an unset or not applicable quantity. */
    public static final long NULL_QTY = Long.MIN_VALUE;

    /** Value of a trading date not given. */
    public static final int NULL_DATE = 65535;

    private static final int TYPES = StatisticType.MAX_PRICE_VARIATION.value() + 1;

    private final long[] prices = new long[TYPES];
    private final long[] quantities = new long[TYPES];
    private final short[] settlPriceFlags = new short[TYPES];
    private final int[] dates = new int[TYPES];
    private final long[] transactTimes = new long[TYPES];
    private final boolean[] set = new boolean[TYPES];
    private long rptSeq;
    private long updateCount;

    /**
     * A view with no statistic set.
     */
    public StatisticsView()
    {
        clear();
    }

    /**
     * Whether a statistic holds a value.
     *
     * @param type the statistic.
     * @return true when the venue sent it and has not deleted it since.
     */
    public boolean isSet(final StatisticType type)
    {
        return set[type.value()];
    }

    /**
     * Price of a price statistic (open, high, low, settlement, limits...).
     *
     * @param type the statistic.
     * @return price mantissa, exponent -9; {@link #NULL_PRICE} when unset or a quantity statistic.
     */
    public long price(final StatisticType type)
    {
        return prices[type.value()];
    }

    /**
     * Quantity of a quantity statistic (cleared and electronic volume, open interest, indicative opening quantity).
     *
     * @param type the statistic.
     * @return the quantity, {@link #NULL_QTY} when unset or a price statistic.
     */
    public long qty(final StatisticType type)
    {
        return quantities[type.value()];
    }

    /**
     * The settlement flags of a statistic, MDP 3.0 SettlPriceType bits: 0 final daily (else preliminary), 1 actual
     * (else theoretical), 2 rounded, 3 intraday.
     *
     * @param type the statistic, in practice {@link StatisticType#SETTLEMENT_PRICE}.
     * @return the bits, 0 when not a settlement.
     */
    public int settlPriceFlags(final StatisticType type)
    {
        return settlPriceFlags[type.value()];
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

    /**
     * The venue's TransactTime of the statistic's last change.
     *
     * @param type the statistic.
     * @return epoch nanoseconds, 0 before any.
     */
    public long transactTimeNs(final StatisticType type)
    {
        return transactTimes[type.value()];
    }

    /**
     * Venue RptSeq of the last statistic applied.
     *
     * @return the RptSeq.
     */
    public long rptSeq()
    {
        return rptSeq;
    }

    /**
     * Statistic messages applied.
     *
     * @return the count.
     */
    public long updateCount()
    {
        return updateCount;
    }

    /**
     * Apply one Statistic message: NEW, CHANGE and OVERLAY set, DELETE unsets, CLEAR unsets every statistic.
     *
     * @param statistic the message.
     * @return false when its type or action is not one this view knows (nothing changed).
     */
    public boolean apply(final StatisticDecoder statistic)
    {
        final BookAction action = statistic.action();
        if (BookAction.CLEAR == action)
        {
            clear();
            count(statistic);
            return true;
        }
        final StatisticType statisticType = statistic.statisticType();
        final int type = statisticType.value();
        if (StatisticType.NULL_VAL == statisticType || StatisticType.SBE_UNKNOWN == statisticType || type >= TYPES)
        {
            return false;
        }
        switch (action)
        {
            case NEW:
            case CHANGE:
            case OVERLAY:
                prices[type] = statistic.price();
                quantities[type] = statistic.qty();
                settlPriceFlags[type] = statistic.settlPriceFlags().getRaw();
                dates[type] = statistic.tradingReferenceDate();
                transactTimes[type] = statistic.transactTimeNs();
                set[type] = true;
                break;
            case DELETE:
                unset(type);
                transactTimes[type] = statistic.transactTimeNs();
                break;
            default:
                return false;
        }
        count(statistic);
        return true;
    }

    private void count(final StatisticDecoder statistic)
    {
        rptSeq = statistic.rptSeq();
        updateCount++;
    }

    private void clear()
    {
        for (int type = 0; type < TYPES; type++)
        {
            unset(type);
        }
        Arrays.fill(transactTimes, 0);
    }

    private void unset(final int type)
    {
        prices[type] = NULL_PRICE;
        quantities[type] = NULL_QTY;
        settlPriceFlags[type] = 0;
        dates[type] = NULL_DATE;
        set[type] = false;
    }
}
