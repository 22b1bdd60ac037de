package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.MDEntryType;
import io.wirespeed.codecs.mdp3.OpenCloseSettlFlag;
import io.wirespeed.codecs.mdp3.PRICENULL9Encoder;

/**
 * What the venue knows of one instrument's statistics: the trading session's (electronic volume, opening or
 * indicative opening price, high and low trade, highest bid and lowest offer), the prior session's daily statistics
 * (settlement, cleared volume, open interest) and the price limits and band.
 * <p>
 * Limits in the simulator: high and low limit at {@value #LIMIT_PERCENT}% either side of a reference price, the
 * prior settlement at the start of each day; when a trade goes more than half that far from the reference, the band
 * moves: the trade price becomes the reference. MaxPriceVariation, the price band, is {@value #BAND_PER_MILLE} per
 * mille of the settlement.
 */
final class InstrumentStatistics
{
    static final long NULL_PRICE = PRICENULL9Encoder.mantissaNullValue();
    static final long LIMIT_PERCENT = 7;
    static final long BAND_PER_MILLE = 5;

    private static final byte OPEN = MDEntryType.OpenPrice.value();
    private static final byte HIGH = MDEntryType.TradingSessionHighPrice.value();
    private static final byte LOW = MDEntryType.TradingSessionLowPrice.value();
    private static final byte HIGHEST_BID = MDEntryType.SessionHighBid.value();
    private static final byte LOWEST_OFFER = MDEntryType.SessionLowOffer.value();
    private static final byte SETTLEMENT = MDEntryType.SettlementPrice.value();
    private static final byte CLEARED_VOLUME = MDEntryType.ClearedVolume.value();
    private static final byte OPEN_INTEREST = MDEntryType.OpenInterest.value();
    private static final byte ELECTRONIC_VOLUME = MDEntryType.ElectronicVolume.value();
    private static final short DAILY_OPEN = OpenCloseSettlFlag.DailyOpenPrice.value();
    private static final short INDICATIVE_OPEN = OpenCloseSettlFlag.IndicativeOpeningPrice.value();

    private final long tick;
    long sessionVolume;
    long openPrice = NULL_PRICE;
    long highTrade = NULL_PRICE;
    long lowTrade = NULL_PRICE;
    long highestBid = NULL_PRICE;
    long lowestOffer = NULL_PRICE;
    long lastTradePrice = NULL_PRICE;
    long indicativePrice = NULL_PRICE;
    int indicativeQty;
    long priorSettlementPrice = NULL_PRICE;
    long settlementPrice = NULL_PRICE;
    int settlementDate = StatEntries.NULL_DATE;
    int settlementFlags = StatEntries.SETTLE_NULL;
    long clearedVolume;
    long openInterest;
    int priorTradeDate = StatEntries.NULL_DATE;
    long referencePrice = NULL_PRICE;
    long highLimit = NULL_PRICE;
    long lowLimit = NULL_PRICE;
    long maxPriceVariation = NULL_PRICE;
    private long limitWidth;

    InstrumentStatistics(final long tick)
    {
        this.tick = tick;
    }

    /**
     * One statistic as it stands, for {@link MarketDataSimulator#statistic(int, SimStatistic)}.
     */
    long value(final SimStatistic statistic)
    {
        switch (statistic)
        {
            case OPEN_PRICE: return openPrice;
            case HIGH_TRADE: return highTrade;
            case LOW_TRADE: return lowTrade;
            case HIGHEST_BID: return highestBid;
            case LOWEST_OFFER: return lowestOffer;
            case SETTLEMENT_PRICE: return settlementPrice;
            case CLEARED_VOLUME: return clearedVolume;
            case OPEN_INTEREST: return openInterest;
            case ELECTRONIC_VOLUME: return sessionVolume;
            case HIGH_LIMIT_PRICE: return highLimit;
            case LOW_LIMIT_PRICE: return lowLimit;
            case MAX_PRICE_VARIATION: return maxPriceVariation;
            default: throw new IllegalArgumentException(statistic.name());
        }
    }

    /**
     * A new trading day: the prior session's final settlement, cleared volume and open interest are what the day
     * starts from, the limits centre on the settlement and the session's statistics start empty.
     */
    void startDay(
        final int priorDate, final long priorSettlement, final long priorClearedVolume, final long priorOpenInterest)
    {
        priorTradeDate = priorDate;
        priorSettlementPrice = priorSettlement;
        settlementPrice = priorSettlement;
        settlementDate = priorDate;
        settlementFlags = StatEntries.SETTLE_FINAL | StatEntries.SETTLE_ACTUAL;
        clearedVolume = priorClearedVolume;
        openInterest = priorOpenInterest;

        final long settlementTicks = Math.max(1, priorSettlement / tick);
        limitWidth = tick * Math.max(4, settlementTicks * LIMIT_PERCENT / 100);
        maxPriceVariation = tick * Math.max(2, settlementTicks * BAND_PER_MILLE / 1000);
        recentre(priorSettlement);

        sessionVolume = 0;
        openPrice = NULL_PRICE;
        highTrade = NULL_PRICE;
        lowTrade = NULL_PRICE;
        highestBid = NULL_PRICE;
        lowestOffer = NULL_PRICE;
        lastTradePrice = NULL_PRICE;
        indicativePrice = NULL_PRICE;
        indicativeQty = 0;
    }

    /**
     * A new indicative opening price and quantity during the pre-open, as the session entry to send.
     */
    void indicativeOpening(final long price, final int qty, final StatEntries session)
    {
        indicativePrice = price;
        indicativeQty = qty;
        session.addSession(OPEN, price, qty, INDICATIVE_OPEN);
    }

    /**
     * The trades of one event, by price level: volume grows, and the session statistics they make new (the opening
     * price with the session's first trade, a new high, a new low) are added to {@code session}.
     */
    void onTrades(final long[] prices, final long[] quantities, final int count, final StatEntries session)
    {
        long high = prices[0];
        long low = prices[0];
        for (int i = 0; i < count; i++)
        {
            sessionVolume += quantities[i];
            high = Math.max(high, prices[i]);
            low = Math.min(low, prices[i]);
        }
        lastTradePrice = prices[count - 1];

        if (NULL_PRICE == openPrice)
        {
            openPrice = prices[0];
            session.addSession(OPEN, openPrice, StatEntries.NULL_SIZE, DAILY_OPEN);
        }
        if (NULL_PRICE == highTrade || high > highTrade)
        {
            highTrade = high;
            session.addSession(HIGH, high, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
        }
        if (NULL_PRICE == lowTrade || low < lowTrade)
        {
            lowTrade = low;
            session.addSession(LOW, low, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
        }
    }

    /**
     * The top of the published book after an event in the open session: a bid above the session's highest or an
     * offer below its lowest is added to {@code session}.
     *
     * @param bestBid the best bid, or {@link #NULL_PRICE} when none.
     * @param bestAsk the best offer, or {@link #NULL_PRICE} when none.
     */
    void onTopOfBook(final long bestBid, final long bestAsk, final StatEntries session)
    {
        if (NULL_PRICE != bestBid && (NULL_PRICE == highestBid || bestBid > highestBid))
        {
            highestBid = bestBid;
            session.addSession(HIGHEST_BID, bestBid, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
        }
        if (NULL_PRICE != bestAsk && (NULL_PRICE == lowestOffer || bestAsk < lowestOffer))
        {
            lowestOffer = bestAsk;
            session.addSession(LOWEST_OFFER, bestAsk, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
        }
    }

    /**
     * Whether a trade price moved the band, recentring the limits on it when it did.
     */
    boolean moveBand(final long tradePrice)
    {
        if (Math.abs(tradePrice - referencePrice) * 2 > limitWidth)
        {
            recentre(tradePrice);
            return true;
        }
        return false;
    }

    /**
     * A settlement of the current session: preliminary at the close, final after, intraday while open; the price
     * is the last trade's, or the reference price before any trade.
     */
    void settle(final int tradeDate, final int flags)
    {
        settlementPrice = NULL_PRICE == lastTradePrice ? referencePrice : lastTradePrice;
        settlementDate = tradeDate;
        settlementFlags = flags;
    }

    /**
     * The settlement entry as it stands.
     */
    void settlementEntry(final StatEntries daily)
    {
        daily.add(SETTLEMENT, settlementPrice, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG, settlementDate,
            settlementFlags);
    }

    /**
     * The prior session's cleared volume and open interest.
     */
    void clearingEntries(final StatEntries daily)
    {
        daily.add(CLEARED_VOLUME, NULL_PRICE, size(clearedVolume), StatEntries.NULL_FLAG, priorTradeDate,
            StatEntries.SETTLE_NULL);
        daily.add(OPEN_INTEREST, NULL_PRICE, size(openInterest), StatEntries.NULL_FLAG, priorTradeDate,
            StatEntries.SETTLE_NULL);
    }

    /**
     * Every session statistic the session has so far: opening (or indicative opening) price, high and low trade,
     * highest bid and lowest offer.
     */
    void sessionEntries(final StatEntries session)
    {
        if (NULL_PRICE != openPrice)
        {
            session.addSession(OPEN, openPrice, StatEntries.NULL_SIZE, DAILY_OPEN);
        }
        else if (NULL_PRICE != indicativePrice)
        {
            session.addSession(OPEN, indicativePrice, indicativeQty, INDICATIVE_OPEN);
        }
        if (NULL_PRICE != highTrade)
        {
            session.addSession(HIGH, highTrade, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
            session.addSession(LOW, lowTrade, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
        }
        if (NULL_PRICE != highestBid)
        {
            session.addSession(HIGHEST_BID, highestBid, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
        }
        if (NULL_PRICE != lowestOffer)
        {
            session.addSession(LOWEST_OFFER, lowestOffer, StatEntries.NULL_SIZE, StatEntries.NULL_FLAG);
        }
    }

    /**
     * The electronic volume entry, when the session has traded.
     */
    void volumeEntry(final StatEntries entries)
    {
        if (sessionVolume > 0)
        {
            entries.addSession(ELECTRONIC_VOLUME, NULL_PRICE, size(sessionVolume), StatEntries.NULL_FLAG);
        }
    }

    static int size(final long qty)
    {
        return (int)Math.min(qty, StatEntries.NULL_SIZE - 1);
    }

    private void recentre(final long price)
    {
        referencePrice = price;
        highLimit = price + limitWidth;
        lowLimit = Math.max(tick, price - limitWidth);
    }
}
