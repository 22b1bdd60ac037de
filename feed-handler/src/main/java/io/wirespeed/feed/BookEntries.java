package io.wirespeed.feed;

/**
 * Applies MDP 3.0 book entries (MDEntryType 0 and 1 to the outright book, E and F to the implied book, J resets both)
 * with their update actions and queues the level deltas a strategy's book of the published depth needs.
 * <p>
 * A book keeps the venue's depth, which may be deeper than the published depth (book_depth caps it): when a Delete or
 * DeleteFrom moves levels up from beyond the published depth, those levels are published as Overlay at their new
 * place, so a strategy's book of the published depth stays equal to the feed handler's to that depth. An entry for a
 * level beyond the book's depth is counted ({@link FeedCounter#BOOK_LEVELS_BEYOND_DEPTH}) and not kept: the venue
 * sent more levels than its definition declared, or (before a definition) than book_depth keeps.
 */
final class BookEntries
{
    private static final int NEW = 0;
    private static final int CHANGE = 1;
    private static final int DELETE = 2;
    private static final int DELETE_THRU = 3;
    private static final int DELETE_FROM = 4;
    private static final int OVERLAY = 5;

    private final ChannelCounters counters;
    private final EventBatch events;

    BookEntries(final ChannelCounters counters, final EventBatch events)
    {
        this.counters = counters;
        this.events = events;
    }

    void apply(
        final Instrument instrument,
        final int action,
        final byte entryType,
        final int level,
        final long price,
        final int qty,
        final int orders)
    {
        final int bookIndex;
        final int side;
        switch (entryType)
        {
            case '0':
                bookIndex = Instrument.OUTRIGHT;
                side = OrderBook.BID;
                break;
            case '1':
                bookIndex = Instrument.OUTRIGHT;
                side = OrderBook.ASK;
                break;
            case 'E':
                bookIndex = Instrument.IMPLIED;
                side = OrderBook.BID;
                break;
            case 'F':
                bookIndex = Instrument.IMPLIED;
                side = OrderBook.ASK;
                break;
            case 'J':
                reset(instrument);
                return;
            default:
                counters.increment(FeedCounter.BOOK_ENTRIES_REJECTED);
                return;
        }
        final OrderBook book = instrument.book(bookIndex);
        instrument.impliedUsed |= Instrument.IMPLIED == bookIndex;
        if ((level < 1 && DELETE_THRU != action) || action > OVERLAY)
        {
            counters.increment(FeedCounter.BOOK_ENTRIES_REJECTED);
            return;
        }
        if (level > book.depth() && (action < DELETE_THRU || OVERLAY == action))
        {
            counters.increment(FeedCounter.BOOK_LEVELS_BEYOND_DEPTH);
            return;
        }
        final int published = instrument.publishedDepth(bookIndex);
        switch (action)
        {
            case NEW:
            case CHANGE:
            case OVERLAY:
                if (NEW == action)
                {
                    book.add(side, level, price, qty, orders);
                }
                else
                {
                    book.set(side, level, price, qty, orders);
                }
                if (level <= published)
                {
                    delta(instrument, bookIndex, side, action, level, price, qty, orders);
                }
                break;
            case DELETE:
                book.delete(side, level);
                if (level <= published)
                {
                    delta(instrument, bookIndex, side, action, level, price, qty, orders);
                    revealed(instrument, bookIndex, side, published, published);
                }
                break;
            case DELETE_THRU:
                book.clearSide(side);
                delta(instrument, bookIndex, side, action, level, price, qty, orders);
                break;
            default:
                if (!book.deleteFrom(side, level))
                {
                    book.clearSide(side);
                }
                delta(instrument, bookIndex, side, action, level, price, qty, orders);
                revealed(instrument, bookIndex, side, Math.max(1, published - level + 1), published);
                break;
        }
    }

    private void reset(final Instrument instrument)
    {
        instrument.book.clear();
        instrument.impliedBook.clear();
        clearDeltas(instrument, Instrument.OUTRIGHT);
        if (instrument.isImpliedPublished())
        {
            clearDeltas(instrument, Instrument.IMPLIED);
        }
    }

    private void clearDeltas(final Instrument instrument, final int bookIndex)
    {
        final int clear = MarketDataPublisher.ACTION_CLEAR;
        delta(instrument, bookIndex, OrderBook.BID, clear, 0, OrderBook.NULL_PRICE, 0, 0);
        delta(instrument, bookIndex, OrderBook.ASK, clear, 0, OrderBook.NULL_PRICE, 0, 0);
    }

    /**
     * Levels that moved up into the published depth from beyond it, published as Overlay where they now are.
     */
    private void revealed(
        final Instrument instrument, final int bookIndex, final int side, final int fromLevel, final int toLevel)
    {
        final OrderBook book = instrument.book(bookIndex);
        if (book.depth() <= toLevel)
        {
            return;
        }
        for (int level = fromLevel; level <= toLevel; level++)
        {
            final long price = book.price(side, level);
            if (OrderBook.NULL_PRICE != price)
            {
                delta(instrument, bookIndex, side, OVERLAY, level, price, book.quantity(side, level),
                    book.orderCount(side, level));
            }
        }
    }

    private void delta(
        final Instrument instrument,
        final int bookIndex,
        final int side,
        final int action,
        final int level,
        final long price,
        final long qty,
        final int count)
    {
        events.delta(instrument, bookIndex, side, action, level, price, qty, count);
    }
}
