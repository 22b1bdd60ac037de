package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;

/**
 * One instrument of a channel: its outright and implied books, statistics, RptSeq, feed state and the level deltas of
 * the event in progress.
 * <p>
 * Depth: each book keeps the venue's depth from the definition's MarketDepth (GBX outright, GBI implied), so every
 * level the venue sends is held and a delete shows the level that moves up into view; before a definition (or when it
 * names none) the configured book_depth. The configured book_depth only caps the levels published.
 */
public final class Instrument
{
    /** Deltas held per instrument before an event is published in parts. */
    public static final int MAX_DELTAS = 64;

    /** Book index of the outright book in the deltas. */
    static final int OUTRIGHT = 0;

    /** Book index of the implied book in the deltas. */
    static final int IMPLIED = 1;

    final int securityId;
    final int depthCap;
    final InstrumentStatistics statistics = new InstrumentStatistics();
    final byte[] deltaBook = new byte[MAX_DELTAS];
    final byte[] deltaSide = new byte[MAX_DELTAS];
    final byte[] deltaAction = new byte[MAX_DELTAS];
    final short[] deltaLevel = new short[MAX_DELTAS];
    final long[] deltaPrice = new long[MAX_DELTAS];
    final long[] deltaQty = new long[MAX_DELTAS];
    final int[] deltaOrderCount = new int[MAX_DELTAS];
    OrderBook book;
    OrderBook impliedBook;
    int publishedDepth;
    int impliedPublishedDepth;
    int deltaCount;
    boolean inEvent;
    boolean topChanged;
    boolean defined;
    boolean impliedUsed;
    long lastRptSeq;
    long eventRptSeq;
    FeedStateValue state = FeedStateValue.OK;
    FeedStateReason staleReason;
    String symbol;
    long tickSize;
    long displayFactor;
    int tradingStatus = -1;

    Instrument(final int securityId, final String symbol, final int depthCap)
    {
        this.securityId = securityId;
        this.symbol = symbol;
        this.depthCap = depthCap;
        book = new OrderBook(depthCap);
        impliedBook = new OrderBook(depthCap);
        publishedDepth = depthCap;
        impliedPublishedDepth = depthCap;
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
     * The outright book; read it only on the agent's thread or when the agent is stopped.
     *
     * @return the book.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * The implied book (MDEntryType E and F), to the venue's implied depth; read it as {@link #book()}.
     *
     * @return the implied book.
     */
    public OrderBook impliedBook()
    {
        return impliedBook;
    }

    /**
     * The venue statistics; read them as {@link #book()}.
     *
     * @return the statistics.
     */
    public InstrumentStatistics statistics()
    {
        return statistics;
    }

    /**
     * Outright levels published per side: the book's depth capped by book_depth.
     *
     * @return levels published.
     */
    public int publishedDepth()
    {
        return publishedDepth;
    }

    /**
     * Implied levels published per side: the implied book's depth capped by book_depth.
     *
     * @return levels published.
     */
    public int impliedPublishedDepth()
    {
        return impliedPublishedDepth;
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

    OrderBook book(final int bookIndex)
    {
        return OUTRIGHT == bookIndex ? book : impliedBook;
    }

    int publishedDepth(final int bookIndex)
    {
        return OUTRIGHT == bookIndex ? publishedDepth : impliedPublishedDepth;
    }

    /**
     * Whether the implied book is published: it has a depth and the venue has sent implied entries.
     *
     * @return true when implied levels go to strategies.
     */
    boolean isImpliedPublished()
    {
        return impliedUsed && impliedPublishedDepth > 0;
    }

    /**
     * Take the venue's depths from the definition (not given, or an outright depth below 1: the configured one).
     *
     * @param outrightDepth GBX MarketDepth, or -1.
     * @param impliedDepth  GBI MarketDepth, or -1.
     * @return true when a book grew while its last level was occupied: levels beyond it are unknown.
     */
    boolean venueDepths(final int outrightDepth, final int impliedDepth)
    {
        final int outright = outrightDepth < 1 ? depthCap : outrightDepth;
        final int implied = impliedDepth < 0 ? depthCap : impliedDepth;
        final boolean outrightUnknown = outright > book.depth() && lastLevelOccupied(book);
        final boolean impliedUnknown = implied > impliedBook.depth() && lastLevelOccupied(impliedBook);
        book = resized(book, outright);
        impliedBook = resized(impliedBook, implied);
        publishedDepth = Math.min(depthCap, outright);
        impliedPublishedDepth = Math.min(depthCap, implied);
        return outrightUnknown || impliedUnknown;
    }

    void addDelta(
        final int bookIndex,
        final int side,
        final int action,
        final int level,
        final long price,
        final long qty,
        final int count)
    {
        final int i = deltaCount++;
        deltaBook[i] = (byte)bookIndex;
        deltaSide[i] = (byte)side;
        deltaAction[i] = (byte)action;
        deltaLevel[i] = (short)level;
        deltaPrice[i] = price;
        deltaQty[i] = qty;
        deltaOrderCount[i] = count;
        if (OUTRIGHT == bookIndex && (level <= 1 || action >= MarketDataPublisher.ACTION_DELETE_THRU))
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

    private static boolean lastLevelOccupied(final OrderBook book)
    {
        final int depth = book.depth();
        return depth > 0 &&
            (OrderBook.NULL_PRICE != book.price(OrderBook.BID, depth) ||
            OrderBook.NULL_PRICE != book.price(OrderBook.ASK, depth));
    }

    private static OrderBook resized(final OrderBook book, final int depth)
    {
        if (depth == book.depth())
        {
            return book;
        }
        final OrderBook resized = new OrderBook(depth);
        for (int side = OrderBook.BID; side <= OrderBook.ASK; side++)
        {
            for (int level = 1, last = Math.min(depth, book.depth()); level <= last; level++)
            {
                resized.set(side, level, book.price(side, level), book.quantity(side, level),
                    book.orderCount(side, level));
            }
        }
        return resized;
    }
}
