package io.wirespeed.feed;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.BookUpdateEncoder;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.FeedStateEncoder;
import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.InstrumentDefinitionEncoder;
import io.wirespeed.codecs.internal.InstrumentStatusEncoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.Side;
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

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_MESSAGE_LENGTH));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final BookUpdateEncoder bookUpdate = new BookUpdateEncoder();
    private final TopOfBookEncoder topOfBook = new TopOfBookEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final InstrumentStatusEncoder instrumentStatus = new InstrumentStatusEncoder();
    private final FeedStateEncoder feedState = new FeedStateEncoder();
    private final InstrumentDefinitionEncoder instrumentDefinition = new InstrumentDefinitionEncoder();
    private final MarketDataSink sink;
    private final ChannelCounters counters;
    private final int channelId;

    /**
     * A publisher for one channel.
     *
     * @param channelId carried in the messages that name a channel.
     * @param sink      where messages go.
     * @param counters  where dropped publications are counted.
     */
    public MarketDataPublisher(final int channelId, final MarketDataSink sink, final ChannelCounters counters)
    {
        this.channelId = channelId;
        this.sink = sink;
        this.counters = counters;
    }

    void bookUpdate(
        final Instrument instrument,
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
            .publishTimestampNs(publishTimestampNs);
        final int count = instrument.deltaCount;
        final BookUpdateEncoder.LevelsEncoder levels = bookUpdate.levelsCount(count);
        for (int i = 0; i < count; i++)
        {
            levels.next()
                .side(OrderBook.BID == instrument.deltaSide[i] ? Side.BUY : Side.SELL)
                .action(ACTIONS[instrument.deltaAction[i]])
                .level(instrument.deltaLevel[i])
                .price(instrument.deltaPrice[i])
                .qty(instrument.deltaQty[i])
                .orderCount(instrument.deltaOrderCount[i]);
        }
        offer(MessageHeaderEncoder.ENCODED_LENGTH + bookUpdate.encodedLength());
    }

    void image(
        final Instrument instrument,
        final long packetSeqNum,
        final long sendingTimeNs,
        final long rxTimestampNs,
        final long publishTimestampNs)
    {
        final boolean wasInEvent = instrument.inEvent;
        final OrderBook book = instrument.book;
        final int depth = book.depth();
        instrument.deltaCount = 0;
        instrument.eventRptSeq = instrument.lastRptSeq;
        instrument.addDelta(OrderBook.BID, ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
        instrument.addDelta(OrderBook.ASK, ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
        for (int side = OrderBook.BID; side <= OrderBook.ASK; side++)
        {
            for (int level = 1; level <= depth; level++)
            {
                if (OrderBook.NULL_PRICE != book.price(side, level))
                {
                    if (Instrument.MAX_DELTAS == instrument.deltaCount)
                    {
                        bookUpdate(instrument, false, packetSeqNum, sendingTimeNs, rxTimestampNs, publishTimestampNs);
                        instrument.deltaCount = 0;
                    }
                    instrument.addDelta(
                        side,
                        0,
                        level,
                        book.price(side, level),
                        book.quantity(side, level),
                        book.orderCount(side, level));
                }
            }
        }
        bookUpdate(instrument, true, packetSeqNum, sendingTimeNs, rxTimestampNs, publishTimestampNs);
        topOfBook(instrument, sendingTimeNs, rxTimestampNs, publishTimestampNs);
        instrument.deltaCount = 0;
        instrument.topChanged = false;
        instrument.inEvent = wasInEvent;
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
            .publishTimestampNs(publishTimestampNs);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + topOfBook.encodedLength());
    }

    void trade(
        final int securityId,
        final long rptSeq,
        final long price,
        final long qty,
        final int aggressorSide,
        final int numberOfOrders,
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
            .publishTimestampNs(publishTimestampNs);
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
            .publishTimestampNs(publishTimestampNs);
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
            .publishTimestampNs(publishTimestampNs);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + feedState.encodedLength());
    }

    void instrumentDefinition(
        final Instrument instrument, final int marketDepth, final long rxTimestampNs, final long publishTimestampNs)
    {
        instrumentDefinition.wrapAndApplyHeader(buffer, 0, header)
            .securityId(instrument.securityId)
            .channelId(channelId)
            .symbol(instrument.symbol)
            .tickSize(instrument.tickSize)
            .displayFactor(instrument.displayFactor)
            .marketDepth((short)marketDepth)
            .rxTimestampNs(rxTimestampNs)
            .publishTimestampNs(publishTimestampNs);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + instrumentDefinition.encodedLength());
    }

    private void offer(final int length)
    {
        if (!sink.offer(buffer, 0, length))
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
