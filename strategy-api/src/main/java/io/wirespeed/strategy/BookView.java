package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TradingStatus;

/**
 * A strategy's read-only view of one instrument's market-by-price book, rebuilt from normalized BookUpdate deltas.
 * <p>
 * Levels are 1-based, 1 the best, to the depth the feed handler publishes for the instrument (the venue's depth,
 * capped by the channel's book_depth), and follow the feed handler's book exactly (MDP 3.0 update actions). An empty
 * level has price {@link #NULL_PRICE}, quantity 0. Beside it: the implied book ({@link #implied()}, MDEntryType E and
 * F, its own BookUpdates) and the venue statistics ({@link #statistics()}).
 */
public final class BookView
{
    /** Side index of bids. */
    public static final int BID = 0;

    /** Side index of offers. */
    public static final int ASK = 1;

    /** Price of an empty level. */
    public static final long NULL_PRICE = Long.MIN_VALUE;

    private final String symbol;
    private final int securityId;
    private final int channelId;
    private final int depth;
    private final long tickSize;
    private final long[][] prices;
    private final long[][] quantities;
    private final int[][] orderCounts;
    private FeedStateValue feedState = FeedStateValue.OK;
    private TradingStatus tradingStatus = TradingStatus.UNKNOWN;
    private long rptSeq;
    private long rxTimestampNs;
    private long lastTradePrice = NULL_PRICE;
    private long lastTradeQty;
    private long updateCount;
    private long lossCount;
    private final BookView implied;
    private final StatisticsView statistics;

    /**
     * An empty view.
     *
     * @param symbol     venue symbol.
     * @param securityId venue security id.
     * @param channelId  feed channel carrying the instrument.
     * @param depth      levels per side, the channel's book depth.
     * @param tickSize   minimum price increment, mantissa with exponent -9.
     */
    public BookView(
        final String symbol, final int securityId, final int channelId, final int depth, final long tickSize)
    {
        this(symbol, securityId, channelId, depth, tickSize, true);
    }

    private BookView(
        final String symbol,
        final int securityId,
        final int channelId,
        final int depth,
        final long tickSize,
        final boolean outright)
    {
        if (depth < 1)
        {
            throw new IllegalArgumentException("depth must be positive: " + depth);
        }
        this.symbol = symbol;
        this.securityId = securityId;
        this.channelId = channelId;
        this.depth = depth;
        this.tickSize = tickSize;
        prices = new long[2][depth];
        quantities = new long[2][depth];
        orderCounts = new int[2][depth];
        clearSide(BID);
        clearSide(ASK);
        implied = outright ? new BookView(symbol, securityId, channelId, depth, tickSize, false) : null;
        statistics = outright ? new StatisticsView() : null;
    }

    /**
     * The instrument's implied book (the venue's implied prices, MDEntryType E and F), to the same depth; its levels
     * beyond the venue's implied depth stay empty.
     *
     * @return the implied book's view; null on the implied view itself.
     */
    public BookView implied()
    {
        return implied;
    }

    /**
     * The instrument's venue statistics.
     *
     * @return the statistics view; null on the implied view.
     */
    public StatisticsView statistics()
    {
        return statistics;
    }

    /**
     * Venue symbol.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * Venue security id.
     *
     * @return the security id.
     */
    public int securityId()
    {
        return securityId;
    }

    /**
     * Feed channel carrying the instrument.
     *
     * @return the channel id.
     */
    public int channelId()
    {
        return channelId;
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
     * Minimum price increment.
     *
     * @return tick size mantissa, exponent -9.
     */
    public long tickSize()
    {
        return tickSize;
    }

    /**
     * Price mantissa (exponent -9) at a level.
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based.
     * @return the price, {@link #NULL_PRICE} when the level is empty.
     */
    public long price(final int side, final int level)
    {
        return prices[side][level - 1];
    }

    /**
     * Quantity at a level.
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based.
     * @return the quantity, 0 when the level is empty.
     */
    public long quantity(final int side, final int level)
    {
        return quantities[side][level - 1];
    }

    /**
     * Order count at a level.
     *
     * @param side  {@link #BID} or {@link #ASK}.
     * @param level 1-based.
     * @return the order count, 0 when the level is empty.
     */
    public int orderCount(final int side, final int level)
    {
        return orderCounts[side][level - 1];
    }

    /**
     * Best bid price.
     *
     * @return the price, {@link #NULL_PRICE} when there is no bid.
     */
    public long bestBid()
    {
        return prices[BID][0];
    }

    /**
     * Best ask price.
     *
     * @return the price, {@link #NULL_PRICE} when there is no offer.
     */
    public long bestAsk()
    {
        return prices[ASK][0];
    }

    /**
     * Whether both sides have a best level.
     *
     * @return true when there is a bid and an offer.
     */
    public boolean isTwoSided()
    {
        return NULL_PRICE != prices[BID][0] && NULL_PRICE != prices[ASK][0];
    }

    /**
     * The feed handler's last word on whether this book can be trusted.
     *
     * @return the feed state, OK until told otherwise.
     */
    public FeedStateValue feedState()
    {
        return feedState;
    }

    /**
     * Whether the book is not to be trusted (a gap, recovery in progress).
     *
     * @return true unless the feed state is OK.
     */
    public boolean isStale()
    {
        return FeedStateValue.OK != feedState;
    }

    /**
     * The instrument's trading status.
     *
     * @return the last status seen, UNKNOWN before any.
     */
    public TradingStatus tradingStatus()
    {
        return tradingStatus;
    }

    /**
     * Venue RptSeq of the last update applied.
     *
     * @return the RptSeq.
     */
    public long rptSeq()
    {
        return rptSeq;
    }

    /**
     * NIC rx timestamp of the frame that carried the last update applied.
     *
     * @return epoch nanoseconds.
     */
    public long rxTimestampNs()
    {
        return rxTimestampNs;
    }

    /**
     * Price of the last trade seen.
     *
     * @return the price, {@link #NULL_PRICE} before any.
     */
    public long lastTradePrice()
    {
        return lastTradePrice;
    }

    /**
     * Quantity of the last trade seen.
     *
     * @return the quantity.
     */
    public long lastTradeQty()
    {
        return lastTradeQty;
    }

    /**
     * BookUpdate messages applied.
     *
     * @return the count.
     */
    public long updateCount()
    {
        return updateCount;
    }

    /**
     * Apply the level deltas of one BookUpdate message, exactly as the feed handler applied them to its book.
     *
     * @param update positioned at the start of the message, its levels group not yet read.
     * @return number of levels rejected (outside 1..depth where a level is needed).
     */
    public int apply(final BookUpdateDecoder update)
    {
        rptSeq = update.rptSeq();
        rxTimestampNs = update.rxTimestampNs();
        updateCount++;
        int rejected = 0;
        final BookUpdateDecoder.LevelsDecoder levels = update.levels();
        while (levels.hasNext())
        {
            levels.next();
            final int side = Side.BUY == levels.side() ? BID : ASK;
            if (!apply(side, levels.action(), levels.level(), levels.price(), levels.qty(), levels.orderCount()))
            {
                rejected++;
            }
        }
        return rejected;
    }

    /**
     * Apply one level delta.
     *
     * @param side       {@link #BID} or {@link #ASK}.
     * @param action     MDP 3.0 update action.
     * @param level      1-based; ignored by DELETE_THRU and CLEAR.
     * @param price      mantissa.
     * @param quantity   at the level.
     * @param orderCount at the level.
     * @return false when the action needs a level outside 1..depth, or is unknown.
     */
    public boolean apply(
        final int side,
        final BookAction action,
        final int level,
        final long price,
        final long quantity,
        final int orderCount)
    {
        switch (action)
        {
            case NEW:
                return add(side, level, price, quantity, orderCount);
            case CHANGE:
            case OVERLAY:
                return set(side, level, price, quantity, orderCount);
            case DELETE:
                return delete(side, level);
            case DELETE_THRU:
            case CLEAR:
                clearSide(side);
                return true;
            case DELETE_FROM:
                if (level < 1)
                {
                    return false;
                }
                deleteFrom(side, Math.min(level, depth));
                return true;
            default:
                return false;
        }
    }

    /**
     * Messages were lost on the market-data stream: the book is stale until the feed handler republishes it.
     */
    void onStreamLoss()
    {
        feedState = FeedStateValue.STALE;
        lossCount++;
        if (null != implied)
        {
            implied.onStreamLoss();
        }
    }

    /**
     * Times the book went stale because market data was lost on the way to the strategy (a gap in streamSeq).
     *
     * @return the count.
     */
    public long lossCount()
    {
        return lossCount;
    }

    void feedState(final FeedStateValue feedState)
    {
        this.feedState = feedState;
    }

    void tradingStatus(final TradingStatus tradingStatus)
    {
        this.tradingStatus = tradingStatus;
    }

    void trade(final long price, final long qty)
    {
        lastTradePrice = price;
        lastTradeQty = qty;
    }

    /**
     * The book as text, one line per level, for test diagnostics.
     *
     * @return the book as text.
     */
    public String toString()
    {
        final StringBuilder text = new StringBuilder(symbol).append(' ').append(feedState).append('\n');
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

    private boolean add(final int side, final int level, final long price, final long quantity, final int orderCount)
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

    private boolean set(final int side, final int level, final long price, final long quantity, final int orderCount)
    {
        if (level < 1 || level > depth)
        {
            return false;
        }
        setLevel(side, level - 1, price, quantity, orderCount);
        return true;
    }

    private boolean delete(final int side, final int level)
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
        setLevel(side, depth - 1, NULL_PRICE, 0, 0);
        return true;
    }

    private void deleteFrom(final int side, final int level)
    {
        final int moved = depth - level;
        System.arraycopy(prices[side], level, prices[side], 0, moved);
        System.arraycopy(quantities[side], level, quantities[side], 0, moved);
        System.arraycopy(orderCounts[side], level, orderCounts[side], 0, moved);
        for (int i = moved; i < depth; i++)
        {
            setLevel(side, i, NULL_PRICE, 0, 0);
        }
    }

    private void clearSide(final int side)
    {
        for (int i = 0; i < depth; i++)
        {
            setLevel(side, i, NULL_PRICE, 0, 0);
        }
    }

    private void setLevel(final int side, final int index, final long price, final long quantity, final int orderCount)
    {
        prices[side][index] = price;
        quantities[side][index] = quantity;
        orderCounts[side][index] = orderCount;
    }
}
