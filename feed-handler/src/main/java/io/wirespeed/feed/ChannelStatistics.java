package io.wirespeed.feed;

import io.wirespeed.codecs.internal.StatisticType;

/**
 * Applies the MDP 3.0 statistics of a channel's instruments (Volume37, DailyStatistics49, LimitsBanding50,
 * SessionStatistics51 entries, and a snapshot's statistics entries and limits) to {@link InstrumentStatistics} and
 * publishes each as a normalized Statistic.
 * <p>
 * MDUpdateAction New, Change and Overlay set a statistic, Delete unsets it (published with no value); LimitsBanding50
 * deletes a limit by sending it null. A snapshot's statistics replace all of an instrument's: published as CLEAR, then
 * each one set as NEW.
 */
final class ChannelStatistics
{
    private static final long MDP_PRICE_NULL = Long.MAX_VALUE;
    private static final int MDP_INT32_NULL = Integer.MAX_VALUE;
    private static final int SETTL_PRICE_TYPE_NULL_BIT = 0x80;
    private static final int SETTL_PRICE_TYPE_FLAGS = 0x0F;
    private static final int INDICATIVE_OPENING_PRICE = 5;
    private static final int NEW = 0;
    private static final int CHANGE = 1;
    private static final int DELETE = 2;
    private static final int OVERLAY = 5;
    private static final int NONE = -1;

    private static final int OPEN_PRICE = StatisticType.OPEN_PRICE.value();
    private static final int INDICATIVE_OPEN = StatisticType.INDICATIVE_OPEN.value();
    private static final int HIGH_TRADE = StatisticType.HIGH_TRADE.value();
    private static final int LOW_TRADE = StatisticType.LOW_TRADE.value();
    private static final int HIGHEST_BID = StatisticType.HIGHEST_BID.value();
    private static final int LOWEST_OFFER = StatisticType.LOWEST_OFFER.value();
    private static final int SETTLEMENT_PRICE = StatisticType.SETTLEMENT_PRICE.value();
    private static final int CLEARED_VOLUME = StatisticType.CLEARED_VOLUME.value();
    private static final int OPEN_INTEREST = StatisticType.OPEN_INTEREST.value();
    private static final int FIXING_PRICE = StatisticType.FIXING_PRICE.value();
    private static final int ELECTRONIC_VOLUME = StatisticType.ELECTRONIC_VOLUME.value();
    private static final int HIGH_LIMIT_PRICE = StatisticType.HIGH_LIMIT_PRICE.value();
    private static final int LOW_LIMIT_PRICE = StatisticType.LOW_LIMIT_PRICE.value();
    private static final int MAX_PRICE_VARIATION = StatisticType.MAX_PRICE_VARIATION.value();

    private final ChannelCounters counters;
    private final MarketDataPublisher publisher;
    private final CurrentPacket packet;

    ChannelStatistics(final ChannelCounters counters, final MarketDataPublisher publisher, final CurrentPacket packet)
    {
        this.counters = counters;
        this.publisher = publisher;
        this.packet = packet;
    }

    void onVolume(
        final Instrument instrument, final long rptSeq, final int action, final int volume, final long transactTimeNs)
    {
        apply(instrument, rptSeq, ELECTRONIC_VOLUME, action, InstrumentStatistics.NULL_PRICE, volume, 0,
            InstrumentStatistics.NULL_DATE, transactTimeNs);
    }

    void onDaily(
        final Instrument instrument,
        final long rptSeq,
        final int action,
        final byte entryType,
        final long price,
        final int size,
        final int settlPriceType,
        final int tradingReferenceDate,
        final long transactTimeNs)
    {
        final int type = dailyType(entryType);
        if (NONE == type)
        {
            counters.increment(FeedCounter.STATISTIC_ENTRIES_REJECTED);
            return;
        }
        final boolean isPrice = SETTLEMENT_PRICE == type || FIXING_PRICE == type;
        apply(instrument, rptSeq, type, action, isPrice ? price(price) : InstrumentStatistics.NULL_PRICE,
            isPrice ? InstrumentStatistics.NULL_QTY : qty(size), SETTLEMENT_PRICE == type ? flags(settlPriceType) : 0,
            tradingReferenceDate, transactTimeNs);
    }

    void onLimits(
        final Instrument instrument,
        final long rptSeq,
        final long highLimit,
        final long lowLimit,
        final long maxVariation,
        final long transactTimeNs)
    {
        limit(instrument, rptSeq, HIGH_LIMIT_PRICE, highLimit, transactTimeNs);
        limit(instrument, rptSeq, LOW_LIMIT_PRICE, lowLimit, transactTimeNs);
        limit(instrument, rptSeq, MAX_PRICE_VARIATION, maxVariation, transactTimeNs);
    }

    void onSession(
        final Instrument instrument,
        final long rptSeq,
        final int action,
        final byte entryType,
        final long price,
        final int openCloseSettlFlag,
        final int size,
        final long transactTimeNs)
    {
        final int type = sessionType(entryType, openCloseSettlFlag);
        if (NONE == type)
        {
            counters.increment(FeedCounter.STATISTIC_ENTRIES_REJECTED);
            return;
        }
        apply(instrument, rptSeq, type, action, price(price),
            INDICATIVE_OPEN == type ? qty(size) : InstrumentStatistics.NULL_QTY, 0, InstrumentStatistics.NULL_DATE,
            transactTimeNs);
    }

    /**
     * Set a statistic from a snapshot entry, unpublished; see {@link #publishImage}.
     *
     * @return false when the entry is not a statistic (a book entry, or a type not kept).
     */
    boolean onSnapshotEntry(
        final Instrument instrument,
        final byte entryType,
        final long price,
        final int size,
        final int openCloseSettlFlag,
        final int settlPriceType,
        final int tradingReferenceDate)
    {
        int type = sessionType(entryType, openCloseSettlFlag);
        if (NONE == type)
        {
            type = dailyType(entryType);
        }
        if (NONE == type)
        {
            if ('e' != entryType)
            {
                return false;
            }
            type = ELECTRONIC_VOLUME;
        }
        final boolean isQty = CLEARED_VOLUME == type || OPEN_INTEREST == type || ELECTRONIC_VOLUME == type;
        instrument.statistics.set(type,
            isQty ? InstrumentStatistics.NULL_PRICE : price(price),
            isQty || INDICATIVE_OPEN == type ? qty(size) : InstrumentStatistics.NULL_QTY,
            SETTLEMENT_PRICE == type ? flags(settlPriceType) : 0,
            tradingReferenceDate);
        return true;
    }

    /**
     * Set the limits a snapshot carries in its root, unpublished; see {@link #publishImage}.
     */
    void onSnapshotLimits(final Instrument instrument, final long highLimit, final long lowLimit, final long variation)
    {
        snapshotLimit(instrument, HIGH_LIMIT_PRICE, highLimit);
        snapshotLimit(instrument, LOW_LIMIT_PRICE, lowLimit);
        snapshotLimit(instrument, MAX_PRICE_VARIATION, variation);
    }

    /**
     * Publish every statistic of an instrument: CLEAR, then each one set as NEW.
     *
     * @param instrument     whose statistics.
     * @param rptSeq         the snapshot's.
     * @param transactTimeNs the snapshot's.
     */
    void publishImage(final Instrument instrument, final long rptSeq, final long transactTimeNs)
    {
        final InstrumentStatistics statistics = instrument.statistics;
        publishClear(instrument, rptSeq, transactTimeNs);
        for (int type = 0; type < InstrumentStatistics.TYPES; type++)
        {
            if (statistics.isSet(type))
            {
                publish(instrument, rptSeq, type, NEW, statistics.price(type), statistics.qty(type),
                    statistics.flags(type), statistics.date(type), transactTimeNs);
            }
        }
    }

    /**
     * Every statistic of an instrument is reset (a channel reset, the venue's ResetStatistics event): published as
     * CLEAR.
     *
     * @param instrument     whose statistics.
     * @param transactTimeNs of the event.
     */
    void reset(final Instrument instrument, final long transactTimeNs)
    {
        instrument.statistics.clear();
        publishClear(instrument, instrument.lastRptSeq, transactTimeNs);
    }

    private void publishClear(final Instrument instrument, final long rptSeq, final long transactTimeNs)
    {
        publisher.statistic(instrument.securityId, rptSeq, -1, MarketDataPublisher.ACTION_CLEAR,
            InstrumentStatistics.NULL_PRICE, InstrumentStatistics.NULL_QTY, 0, InstrumentStatistics.NULL_DATE,
            transactTimeNs, packet);
    }

    private void limit(
        final Instrument instrument, final long rptSeq, final int type, final long price, final long transactTimeNs)
    {
        if (MDP_PRICE_NULL != price)
        {
            apply(instrument, rptSeq, type, NEW, price, InstrumentStatistics.NULL_QTY, 0,
                InstrumentStatistics.NULL_DATE, transactTimeNs);
        }
        else if (instrument.statistics.isSet(type))
        {
            apply(instrument, rptSeq, type, DELETE, InstrumentStatistics.NULL_PRICE, InstrumentStatistics.NULL_QTY,
                0, InstrumentStatistics.NULL_DATE, transactTimeNs);
        }
    }

    private static void snapshotLimit(final Instrument instrument, final int type, final long price)
    {
        if (MDP_PRICE_NULL != price)
        {
            instrument.statistics.set(type, price, InstrumentStatistics.NULL_QTY, 0, InstrumentStatistics.NULL_DATE);
        }
    }

    private void apply(
        final Instrument instrument,
        final long rptSeq,
        final int type,
        final int action,
        final long price,
        final long qty,
        final int flags,
        final int tradingReferenceDate,
        final long transactTimeNs)
    {
        switch (action)
        {
            case NEW:
            case CHANGE:
            case OVERLAY:
                instrument.statistics.set(type, price, qty, flags, tradingReferenceDate);
                break;
            case DELETE:
                instrument.statistics.delete(type);
                publish(instrument, rptSeq, type, action, InstrumentStatistics.NULL_PRICE,
                    InstrumentStatistics.NULL_QTY, 0, InstrumentStatistics.NULL_DATE, transactTimeNs);
                return;
            default:
                counters.increment(FeedCounter.STATISTIC_ENTRIES_REJECTED);
                return;
        }
        publish(instrument, rptSeq, type, action, price, qty, flags, tradingReferenceDate, transactTimeNs);
    }

    private void publish(
        final Instrument instrument,
        final long rptSeq,
        final int type,
        final int action,
        final long price,
        final long qty,
        final int flags,
        final int tradingReferenceDate,
        final long transactTimeNs)
    {
        publisher.statistic(instrument.securityId, rptSeq, type, action, price, qty, flags, tradingReferenceDate,
            transactTimeNs, packet);
    }

    private static int sessionType(final byte entryType, final int openCloseSettlFlag)
    {
        switch (entryType)
        {
            case '4':
                return INDICATIVE_OPENING_PRICE == openCloseSettlFlag ? INDICATIVE_OPEN : OPEN_PRICE;
            case '7':
                return HIGH_TRADE;
            case '8':
                return LOW_TRADE;
            case 'N':
                return HIGHEST_BID;
            case 'O':
                return LOWEST_OFFER;
            default:
                return NONE;
        }
    }

    private static int dailyType(final byte entryType)
    {
        switch (entryType)
        {
            case '6':
                return SETTLEMENT_PRICE;
            case 'B':
                return CLEARED_VOLUME;
            case 'C':
                return OPEN_INTEREST;
            case 'W':
                return FIXING_PRICE;
            default:
                return NONE;
        }
    }

    private static long price(final long mdpPrice)
    {
        return MDP_PRICE_NULL == mdpPrice ? InstrumentStatistics.NULL_PRICE : mdpPrice;
    }

    private static long qty(final int mdpSize)
    {
        return MDP_INT32_NULL == mdpSize ? InstrumentStatistics.NULL_QTY : mdpSize;
    }

    private static int flags(final int settlPriceType)
    {
        return 0 != (settlPriceType & SETTL_PRICE_TYPE_NULL_BIT) ? 0 : settlPriceType & SETTL_PRICE_TYPE_FLAGS;
    }
}
