package io.wirespeed.feed;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.BookType;
import io.wirespeed.codecs.internal.BookUpdateEncoder;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.FeedStateEncoder;
import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.InstrumentDefinitionEncoder;
import io.wirespeed.codecs.internal.InstrumentStatusEncoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.SettlPriceFlagsEncoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.StatisticEncoder;
import io.wirespeed.codecs.internal.StatisticType;
import io.wirespeed.codecs.internal.TopOfBookEncoder;
import io.wirespeed.codecs.internal.TradeEncoder;
import io.wirespeed.codecs.internal.TradingStatus;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes normalized market data (internal schema) for one channel and offers it to a {@link MarketDataSink}.
 */
public final class MarketDataPublisher
{
    /** Action value of DeleteThru; this and the actions above it change the top of the book at any level. */
    public static final int ACTION_DELETE_THRU = 3;

    /** Action value of a level delta that empties a side, for a reset or a snapshot image. */
    public static final int ACTION_CLEAR = 6;

    private static final int MAX_MESSAGE_LENGTH = 8192;

    private static final BookAction[] ACTIONS =
    {
        BookAction.NEW, BookAction.CHANGE, BookAction.DELETE, BookAction.DELETE_THRU, BookAction.DELETE_FROM,
        BookAction.OVERLAY, BookAction.CLEAR,
    };

    private static final StatisticType[] STATISTIC_TYPES = new StatisticType[InstrumentStatistics.TYPES];
    private static final FeedCounter[] STATISTIC_COUNTERS =
    {
        FeedCounter.STATISTICS_OPEN_PRICE, FeedCounter.STATISTICS_INDICATIVE_OPEN, FeedCounter.STATISTICS_HIGH_TRADE,
        FeedCounter.STATISTICS_LOW_TRADE, FeedCounter.STATISTICS_HIGHEST_BID, FeedCounter.STATISTICS_LOWEST_OFFER,
        FeedCounter.STATISTICS_SETTLEMENT_PRICE, FeedCounter.STATISTICS_CLEARED_VOLUME,
        FeedCounter.STATISTICS_OPEN_INTEREST, FeedCounter.STATISTICS_FIXING_PRICE,
        FeedCounter.STATISTICS_ELECTRONIC_VOLUME, FeedCounter.STATISTICS_HIGH_LIMIT_PRICE,
        FeedCounter.STATISTICS_LOW_LIMIT_PRICE, FeedCounter.STATISTICS_MAX_PRICE_VARIATION,
    };

    static
    {
        for (int i = 0; i < STATISTIC_TYPES.length; i++)
        {
            STATISTIC_TYPES[i] = StatisticType.get((short)i);
        }
    }

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_MESSAGE_LENGTH));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final BookUpdateEncoder bookUpdate = new BookUpdateEncoder();
    private final TopOfBookEncoder topOfBook = new TopOfBookEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final InstrumentStatusEncoder instrumentStatus = new InstrumentStatusEncoder();
    private final FeedStateEncoder feedState = new FeedStateEncoder();
    private final InstrumentDefinitionEncoder instrumentDefinition = new InstrumentDefinitionEncoder();
    private final StatisticEncoder statistic = new StatisticEncoder();
    private final MarketDataStream stream;
    private final ChannelCounters counters;
    private final int channelId;

    /**
     * A publisher for one channel.
     *
     * @param channelId carried in the messages that name a channel.
     * @param stream    where messages go, numbered.
     * @param counters  where dropped publications are counted.
     */
    public MarketDataPublisher(final int channelId, final MarketDataStream stream, final ChannelCounters counters)
    {
        this.channelId = channelId;
        this.stream = stream;
        this.counters = counters;
    }

    /**
     * Publish an instrument's pending deltas: one BookUpdate for the outright book, one for the implied book, each
     * when it has deltas.
     */
    void bookUpdate(
        final Instrument instrument,
        final boolean endOfEvent,
        final long packetSeqNum,
        final long sendingTimeNs,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        for (int bookIndex = Instrument.OUTRIGHT; bookIndex <= Instrument.IMPLIED; bookIndex++)
        {
            int count = 0;
            for (int i = 0, deltas = instrument.deltaCount; i < deltas; i++)
            {
                count += bookIndex == instrument.deltaBook[i] ? 1 : 0;
            }
            if (count > 0)
            {
                bookUpdate(instrument, bookIndex, count, endOfEvent, packetSeqNum, sendingTimeNs, rxTimestampNs,
                    publishTimestampNs);
            }
        }
    }

    private void bookUpdate(
        final Instrument instrument,
        final int bookIndex,
        final int count,
        final boolean endOfEvent,
        final long packetSeqNum,
        final long sendingTimeNs,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        bookUpdate.wrapAndApplyHeader(buffer, 0, header)
            .securityId(instrument.securityId)
            .channelId(channelId)
            .endOfEvent(endOfEvent ? BooleanFlag.TRUE : BooleanFlag.FALSE)
            .rptSeq(instrument.eventRptSeq)
            .packetSeqNum(packetSeqNum)
            .sendingTimeNs(sendingTimeNs)
            .rxTimestampNs(rxTimestampNs)
            .publishTimestampNs(publishTimestampNs)
            .bookType(Instrument.OUTRIGHT == bookIndex ? BookType.OUTRIGHT : BookType.IMPLIED)
            .streamSeq(stream.nextStreamSeq());
        final BookUpdateEncoder.LevelsEncoder levels = bookUpdate.levelsCount(count);
        for (int i = 0, deltas = instrument.deltaCount; i < deltas; i++)
        {
            if (bookIndex == instrument.deltaBook[i])
            {
                levels.next()
                    .side(OrderBook.BID == instrument.deltaSide[i] ? Side.BUY : Side.SELL)
                    .action(ACTIONS[instrument.deltaAction[i]])
                    .level(instrument.deltaLevel[i])
                    .price(instrument.deltaPrice[i])
                    .qty(instrument.deltaQty[i])
                    .orderCount(instrument.deltaOrderCount[i]);
            }
        }
        offer(MessageHeaderEncoder.ENCODED_LENGTH + bookUpdate.encodedLength());
    }

    /**
     * Publish an instrument's books whole, to their published depths: each side cleared, then its levels as NEW.
     */
    void image(
        final Instrument instrument,
        final long packetSeqNum,
        final long sendingTimeNs,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        final boolean wasInEvent = instrument.inEvent;
        instrument.deltaCount = 0;
        instrument.eventRptSeq = instrument.lastRptSeq;
        for (int bookIndex = Instrument.OUTRIGHT; bookIndex <= Instrument.IMPLIED; bookIndex++)
        {
            final OrderBook book = instrument.book(bookIndex);
            final int depth = instrument.publishedDepth(bookIndex);
            if (Instrument.IMPLIED == bookIndex && !instrument.isImpliedPublished())
            {
                break;
            }
            imageDelta(instrument, bookIndex, OrderBook.BID, ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0,
                packetSeqNum, sendingTimeNs, rxTimestampNs, publishTimestampNs);
            imageDelta(instrument, bookIndex, OrderBook.ASK, ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0,
                packetSeqNum, sendingTimeNs, rxTimestampNs, publishTimestampNs);
            for (int side = OrderBook.BID; side <= OrderBook.ASK; side++)
            {
                for (int level = 1; level <= depth; level++)
                {
                    if (OrderBook.NULL_PRICE != book.price(side, level))
                    {
                        imageDelta(instrument, bookIndex, side, 0, level, book.price(side, level),
                            book.quantity(side, level), book.orderCount(side, level), packetSeqNum, sendingTimeNs,
                            rxTimestampNs, publishTimestampNs);
                    }
                }
            }
        }
        bookUpdate(instrument, true, packetSeqNum, sendingTimeNs, rxTimestampNs, publishTimestampNs);
        topOfBook(instrument, sendingTimeNs, rxTimestampNs, publishTimestampNs);
        instrument.deltaCount = 0;
        instrument.topChanged = false;
        instrument.inEvent = wasInEvent;
    }

    private void imageDelta(
        final Instrument instrument,
        final int bookIndex,
        final int side,
        final int action,
        final int level,
        final long price,
        final long qty,
        final int count,
        final long packetSeqNum,
        final long sendingTimeNs,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        if (Instrument.MAX_DELTAS == instrument.deltaCount)
        {
            bookUpdate(instrument, false, packetSeqNum, sendingTimeNs, rxTimestampNs, publishTimestampNs);
            instrument.deltaCount = 0;
        }
        instrument.addDelta(bookIndex, side, action, level, price, qty, count);
    }

    void topOfBook(
        final Instrument instrument, final long sendingTimeNs, final long rxTimestampNs, final long publishTimestampNs)
    {
        final OrderBook book = instrument.book;
        topOfBook.wrapAndApplyHeader(buffer, 0, header)
            .securityId(instrument.securityId)
            .rptSeq(instrument.eventRptSeq)
            .bidPrice(book.price(OrderBook.BID, 1))
            .bidQty(book.quantity(OrderBook.BID, 1))
            .bidOrderCount(book.orderCount(OrderBook.BID, 1))
            .askPrice(book.price(OrderBook.ASK, 1))
            .askQty(book.quantity(OrderBook.ASK, 1))
            .askOrderCount(book.orderCount(OrderBook.ASK, 1))
            .sendingTimeNs(sendingTimeNs)
            .rxTimestampNs(rxTimestampNs)
            .publishTimestampNs(publishTimestampNs)
            .streamSeq(stream.nextStreamSeq());
        offer(MessageHeaderEncoder.ENCODED_LENGTH + topOfBook.encodedLength());
    }

    void trade(
        final int securityId,
        final long rptSeq,
        final long price,
        final long qty,
        final int aggressorSide,
        final int numberOfOrders,
        final long mdTradeEntryId,
        final long transactTimeNs,
        final long sendingTimeNs,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .securityId(securityId)
            .rptSeq(rptSeq)
            .price(price)
            .qty(qty)
            .aggressorSide(1 == aggressorSide ? Side.BUY : 2 == aggressorSide ? Side.SELL : Side.NULL_VAL)
            .numberOfOrders(numberOfOrders)
            .sendingTimeNs(sendingTimeNs)
            .rxTimestampNs(rxTimestampNs)
            .publishTimestampNs(publishTimestampNs)
            .transactTimeNs(transactTimeNs)
            .mdTradeEntryId(mdTradeEntryId)
            .streamSeq(stream.nextStreamSeq());
        offer(MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    void instrumentStatus(
        final int securityId,
        final int venueStatus,
        final long sendingTimeNs,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        instrumentStatus.wrapAndApplyHeader(buffer, 0, header)
            .securityId(securityId)
            .status(normalize(venueStatus))
            .venueStatusCode((short)venueStatus)
            .sendingTimeNs(sendingTimeNs)
            .rxTimestampNs(rxTimestampNs)
            .publishTimestampNs(publishTimestampNs)
            .streamSeq(stream.nextStreamSeq());
        offer(MessageHeaderEncoder.ENCODED_LENGTH + instrumentStatus.encodedLength());
    }

    void feedState(
        final int securityId,
        final FeedStateValue state,
        final FeedStateReason reason,
        final long expectedSeqNum,
        final long receivedSeqNum,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        feedState.wrapAndApplyHeader(buffer, 0, header)
            .securityId(securityId)
            .channelId(channelId)
            .state(state)
            .reason(reason)
            .expectedSeqNum(expectedSeqNum & 0xFFFF_FFFFL)
            .receivedSeqNum(receivedSeqNum & 0xFFFF_FFFFL)
            .rxTimestampNs(rxTimestampNs)
            .publishTimestampNs(publishTimestampNs)
            .streamSeq(stream.nextStreamSeq());
        offer(MessageHeaderEncoder.ENCODED_LENGTH + feedState.encodedLength());
    }

    void instrumentDefinition(final Instrument instrument, final long rxTimestampNs, final long publishTimestampNs)
    {
        instrumentDefinition.wrapAndApplyHeader(buffer, 0, header)
            .securityId(instrument.securityId)
            .channelId(channelId)
            .symbol(instrument.symbol)
            .tickSize(instrument.tickSize)
            .displayFactor(instrument.displayFactor)
            .marketDepth((short)instrument.publishedDepth)
            .rxTimestampNs(rxTimestampNs)
            .publishTimestampNs(publishTimestampNs)
            .impliedMarketDepth((short)instrument.impliedPublishedDepth)
            .streamSeq(stream.nextStreamSeq());
        offer(MessageHeaderEncoder.ENCODED_LENGTH + instrumentDefinition.encodedLength());
    }

    /**
     * Publish one statistic of an instrument, or with type -1 and {@link #ACTION_CLEAR} that all were reset, with
     * the MsgSeqNum, SendingTime and rx time of the packet in hand, stamped with its duty cycle's clock.
     */
    void statistic(
        final int securityId,
        final long rptSeq,
        final int type,
        final int action,
        final long price,
        final long qty,
        final int settlPriceFlags,
        final int tradingReferenceDate,
        final long transactTimeNs,
        final CurrentPacket packet)
    {
        statistic.wrapAndApplyHeader(buffer, 0, header)
            .securityId(securityId)
            .channelId(channelId)
            .rptSeq(rptSeq & 0xFFFF_FFFFL)
            .statisticType(type < 0 ? StatisticType.NULL_VAL : STATISTIC_TYPES[type])
            .action(ACTIONS[action])
            .price(price)
            .qty(qty)
            .tradingReferenceDate(tradingReferenceDate)
            .packetSeqNum(packet.seqNum & 0xFFFF_FFFFL)
            .transactTimeNs(transactTimeNs)
            .sendingTimeNs(packet.sendingTimeNs)
            .rxTimestampNs(packet.rxTimestampNs)
            .publishTimestampNs(packet.nowNs)
            .streamSeq(stream.nextStreamSeq());
        final SettlPriceFlagsEncoder flags = statistic.settlPriceFlags().clear();
        flags.finalDaily(0 != (settlPriceFlags & 1))
            .actual(0 != (settlPriceFlags & 2))
            .rounded(0 != (settlPriceFlags & 4))
            .intraday(0 != (settlPriceFlags & 8));
        offer(MessageHeaderEncoder.ENCODED_LENGTH + statistic.encodedLength());
        if (type >= 0)
        {
            counters.increment(STATISTIC_COUNTERS[type]);
        }
    }

    private void offer(final int length)
    {
        if (!stream.offer(buffer, 0, length))
        {
            counters.increment(FeedCounter.PUBLISH_DROPPED);
        }
    }

    private static TradingStatus normalize(final int venueStatus)
    {
        switch (venueStatus)
        {
            case 2:
                return TradingStatus.HALT;
            case 4:
            case 26:
                return TradingStatus.CLOSE;
            case 17:
                return TradingStatus.OPEN;
            case 21:
            case 24:
            case 25:
                return TradingStatus.PRE_OPEN;
            case 18:
                return TradingStatus.PAUSE;
            default:
                return TradingStatus.UNKNOWN;
        }
    }
}
