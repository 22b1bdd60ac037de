package io.wirespeed.replay;

import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.Instrument;
import io.wirespeed.feed.OrderBook;

import java.util.List;

/**
 * The books of a replay as text for people and as the {@code --books-json} document.
 */
public final class Books
{
    private static final String[] SIDES = { "bids", "asks" };

    private Books()
    {
    }

    /**
     * Every book, or one instrument's, as text: a header line per instrument then its levels, best first.
     *
     * @param channels   the feed handler's channels.
     * @param securityId one instrument, or 0 for every one.
     * @param atNs       the recorded time they stand at.
     * @return the lines, each ending with a line separator.
     */
    public static String text(final List<FeedChannel> channels, final int securityId, final long atNs)
    {
        final StringBuilder out = new StringBuilder();
        out.append("books at ").append(ReplayTimes.format(atNs)).append(System.lineSeparator());
        boolean found = false;
        for (final FeedChannel channel : channels)
        {
            for (int i = 0; i < channel.instrumentCount(); i++)
            {
                final Instrument instrument = channel.instrumentAt(i);
                if (0 != securityId && instrument.securityId() != securityId)
                {
                    continue;
                }
                found = true;
                out.append(String.format("  %d %s channel %d %s rptSeq %d%n", instrument.securityId(),
                    instrument.symbol(), channel.channelId(), state(instrument), instrument.lastRptSeq()));
                final OrderBook book = instrument.book();
                for (int level = 1; level <= book.depth(); level++)
                {
                    final boolean bid = OrderBook.NULL_PRICE != book.price(OrderBook.BID, level);
                    final boolean ask = OrderBook.NULL_PRICE != book.price(OrderBook.ASK, level);
                    if (!bid && !ask)
                    {
                        break;
                    }
                    out.append(String.format("    %2d  %s  |  %s%n", level, level(book, OrderBook.BID, level),
                        level(book, OrderBook.ASK, level)));
                }
            }
        }
        if (!found)
        {
            out.append(0 == securityId ? "  no instruments" : "  no instrument " + securityId)
                .append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * Every book as JSON: {@code {"instruments":[{"securityId":N,"bids":[[priceMantissa,qty,orders],...],"asks":[...],
     * "rptSeq":N,"state":"OK|STALE"}]}}, levels best first.
     *
     * @param channels the feed handler's channels.
     * @return the document.
     */
    public static String json(final List<FeedChannel> channels)
    {
        final StringBuilder out = new StringBuilder("{\"instruments\":[");
        boolean first = true;
        for (final FeedChannel channel : channels)
        {
            for (int i = 0; i < channel.instrumentCount(); i++)
            {
                final Instrument instrument = channel.instrumentAt(i);
                out.append(first ? "" : ",").append("{\"securityId\":").append(instrument.securityId());
                first = false;
                final OrderBook book = instrument.book();
                for (int side = OrderBook.BID; side <= OrderBook.ASK; side++)
                {
                    out.append(",\"").append(SIDES[side]).append("\":[");
                    for (int level = 1; level <= book.depth(); level++)
                    {
                        final long price = book.price(side, level);
                        if (OrderBook.NULL_PRICE == price)
                        {
                            break;
                        }
                        out.append(1 == level ? "" : ",").append('[').append(price).append(',')
                            .append(book.quantity(side, level)).append(',').append(book.orderCount(side, level))
                            .append(']');
                    }
                    out.append(']');
                }
                out.append(",\"rptSeq\":").append(instrument.lastRptSeq()).append(",\"state\":\"")
                    .append(state(instrument)).append("\"}");
            }
        }
        return out.append("]}").append(System.lineSeparator()).toString();
    }

    /**
     * OK when the book can be trusted, STALE otherwise (stale or recovering).
     *
     * @param instrument the instrument.
     * @return "OK" or "STALE".
     */
    static String state(final Instrument instrument)
    {
        return FeedStateValue.OK == instrument.state() ? "OK" : "STALE";
    }

    private static String level(final OrderBook book, final int side, final int level)
    {
        final long price = book.price(side, level);
        if (OrderBook.NULL_PRICE == price)
        {
            return String.format("%28s", "");
        }
        return String.format("%6d x %-16d (%3d)", book.quantity(side, level), price, book.orderCount(side, level));
    }
}
