package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;

/**
 * One instrument of a channel: its book, RptSeq, feed state and the level deltas of the event in progress.
 */
public final class Instrument
{
    /** Deltas held per instrument before an event is published in parts. */
    public static final int MAX_DELTAS = 64;

    final int securityId;
    final OrderBook book;
    final byte[] deltaSide = new byte[MAX_DELTAS];
    final byte[] deltaAction = new byte[MAX_DELTAS];
    final short[] deltaLevel = new short[MAX_DELTAS];
    final long[] deltaPrice = new long[MAX_DELTAS];
    final long[] deltaQty = new long[MAX_DELTAS];
    final int[] deltaOrderCount = new int[MAX_DELTAS];
    int deltaCount;
    boolean inEvent;
    boolean topChanged;
    boolean defined;
    long lastRptSeq;
    long eventRptSeq;
    FeedStateValue state = FeedStateValue.OK;
    FeedStateReason staleReason;
    String symbol;
    long tickSize;
    long displayFactor;
    int tradingStatus = -1;

    Instrument(final int securityId, final String symbol, final int bookDepth)
    {
        this.securityId = securityId;
        this.symbol = symbol;
        this.book = new OrderBook(bookDepth);
    }

    /**
     * The venue security id.
     *
     * @return the venue security id.
     */
    public int securityId()
    {
        return securityId;
    }

    /**
     * The symbol, from config or the definition loop.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * The book; read it only on the agent's thread or when the agent is stopped.
     *
     * @return the book.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * Whether the book can be trusted.
     *
     * @return OK, STALE or RECOVERING.
     */
    public FeedStateValue state()
    {
        return state;
    }

    /**
     * RptSeq of the last entry applied.
     *
     * @return the last RptSeq applied, 0 before any.
     */
    public long lastRptSeq()
    {
        return lastRptSeq;
    }

    void addDelta(final int side, final int action, final int level, final long price, final long qty, final int count)
    {
        final int i = deltaCount++;
        deltaSide[i] = (byte)side;
        deltaAction[i] = (byte)action;
        deltaLevel[i] = (short)level;
        deltaPrice[i] = price;
        deltaQty[i] = qty;
        deltaOrderCount[i] = count;
        if (level <= 1 || action >= MarketDataPublisher.ACTION_DELETE_THRU)
        {
            topChanged = true;
        }
    }

    void resetEvent()
    {
        deltaCount = 0;
        inEvent = false;
        topChanged = false;
    }
}
