package io.wirespeed.deploy;

import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.feed.Instrument;
import io.wirespeed.feed.OrderBook;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * One line per configured instrument with a digest of its book to the channel's {@code book_depth}, the same on
 * both sides of the wire, so a venue process and an appliance process can each print theirs on exit and a test or an
 * operator can compare them: {@code book 1001 ESZ5 digest 0x... (bid 5000000000000 x 12, ask ... x 7)}.
 * <p>
 * Each side's book is read from its own component (the venue's books from the simulator, the appliance's from the
 * feed handler); only the fingerprint (FNV-1a 64 over side, level, price, quantity and order count of every level,
 * an empty level as a null price and zeros, {@link OrderBook#hash(int, long[][], long[][], int[][])}) is shared.
 */
final class BookDigests
{
    /**
     * How the digest lines start, for a reader.
     */
    static final String PREFIX = "book ";

    private BookDigests()
    {
    }

    /**
     * Print the venue's books, read from its simulators; call once they no longer change.
     *
     * @param config     the configuration: instruments and depths.
     * @param simulators the venue's simulators, one per channel.
     * @param out        where the lines go.
     */
    static void printVenue(
        final WirespeedConfig config, final List<MarketDataSimulator> simulators, final PrintWriter out)
    {
        for (final MarketDataSimulator simulator : simulators)
        {
            final int depth = config.channel(simulator.channelId()).bookDepth();
            for (final InstrumentContext instrument : config.instruments())
            {
                if (instrument.channel() == simulator.channelId())
                {
                    final MbpBook book = simulator.book(instrument.securityId());
                    final Levels levels = new Levels(depth);
                    for (final Side side : Side.values())
                    {
                        final int s = Side.BID == side ? OrderBook.BID : OrderBook.ASK;
                        for (int level = 1; level <= Math.min(depth, book.levelCount(side)); level++)
                        {
                            levels.set(s, level, book.price(side, level), book.qty(side, level),
                                book.orderCount(side, level));
                        }
                    }
                    out.println(levels.line(instrument));
                }
            }
        }
        out.flush();
    }

    /**
     * Print the appliance's books, read from its feed handler; call once its thread has stopped.
     *
     * @param config the configuration: channels, instruments and depths.
     * @param feed   the stopped feed handler.
     * @param out    where the lines go.
     */
    static void printAppliance(final WirespeedConfig config, final FeedHandlerAgent feed, final PrintWriter out)
    {
        for (final ChannelContext channel : config.channels())
        {
            final FeedChannel feedChannel = feed.channel(channel.id());
            final int depth = channel.bookDepth();
            for (final InstrumentContext instrument : config.instruments())
            {
                final Instrument handled = instrument.channel() == channel.id() ?
                    feedChannel.instrument(instrument.securityId()) : null;
                if (null != handled)
                {
                    final OrderBook book = handled.book();
                    final Levels levels = new Levels(depth);
                    for (int s = OrderBook.BID; s <= OrderBook.ASK; s++)
                    {
                        for (int level = 1; level <= Math.min(depth, book.depth()); level++)
                        {
                            if (OrderBook.NULL_PRICE != book.price(s, level))
                            {
                                levels.set(s, level, book.price(s, level), book.quantity(s, level),
                                    book.orderCount(s, level));
                            }
                        }
                    }
                    out.println(levels.line(instrument));
                }
            }
        }
        out.flush();
    }

    private static final class Levels
    {
        private final int depth;
        private final long[][] prices;
        private final long[][] quantities;
        private final int[][] orderCounts;

        Levels(final int depth)
        {
            this.depth = depth;
            prices = new long[2][depth];
            quantities = new long[2][depth];
            orderCounts = new int[2][depth];
            Arrays.fill(prices[OrderBook.BID], OrderBook.NULL_PRICE);
            Arrays.fill(prices[OrderBook.ASK], OrderBook.NULL_PRICE);
        }

        void set(final int side, final int level, final long price, final long quantity, final int orderCount)
        {
            prices[side][level - 1] = price;
            quantities[side][level - 1] = quantity;
            orderCounts[side][level - 1] = orderCount;
        }

        String line(final InstrumentContext instrument)
        {
            return String.format("%s%d %s digest 0x%016x (bid %s, ask %s)", PREFIX, instrument.securityId(),
                instrument.symbol(), OrderBook.hash(depth, prices, quantities, orderCounts), top(OrderBook.BID),
                top(OrderBook.ASK));
        }

        private String top(final int side)
        {
            return OrderBook.NULL_PRICE == prices[side][0] ? "none" :
                prices[side][0] + " x " + quantities[side][0] + " (" + orderCounts[side][0] + " orders)";
        }
    }
}
