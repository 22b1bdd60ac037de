package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * The simulator's books as the venue's order-entry clients reach them: client orders ({@link OrderBook#CLIENT}) rest
 * and trade in the same price-time books as the simulated participants, and every change is published on the
 * incremental feed with the next packet, exactly as participant events are. Used on the simulator's duty cycle thread.
 * <p>
 * {@link #add} publishes its trades and book changes at once; {@link #cancel} and {@link #reduce} change the book
 * only, so that a batch (a mass cancel) is published as one event per instrument by {@link #publish}.
 */
public final class ClientMarket
{
    /**
     * Returned by {@link #tickMantissa} and {@link #bestPrice} when there is no such instrument or price.
     */
    public static final long NO_PRICE = Long.MIN_VALUE;

    /**
     * The MarketSegmentID of every instrument the simulator defines (one market segment gateway).
     */
    public static final short MARKET_SEGMENT_ID = 0;

    private static final int MIN_FREE_PACKETS = 8;

    private final Int2ObjectHashMap<SimInstrument> instrumentsById;
    private final PacketStaging staging;
    private final IncrementalEncoder incremental;
    private final IncrementalTransmitter transmitter;
    private final TradingSchedule schedule;
    private final BookEntries entries;
    private final SimCounters counters;
    private final Fills fills;
    private final Fills noFills;
    private ClientFillListener listener =
        (securityId, bookOrderId, price, qty, done, transactTimeNs, mdTradeEntryId) -> {};

    ClientMarket(
        final Int2ObjectHashMap<SimInstrument> instrumentsById,
        final PacketStaging staging,
        final IncrementalEncoder incremental,
        final IncrementalTransmitter transmitter,
        final TradingSchedule schedule,
        final BookEntries entries,
        final SimCounters counters,
        final int maxFills)
    {
        this.instrumentsById = instrumentsById;
        this.staging = staging;
        this.incremental = incremental;
        this.transmitter = transmitter;
        this.schedule = schedule;
        this.entries = entries;
        this.counters = counters;
        this.fills = new Fills(maxFills);
        this.noFills = new Fills(1);
    }

    /**
     * Who hears of participants trading against resting client orders.
     *
     * @param listener the listener, kept.
     */
    public void listener(final ClientFillListener listener)
    {
        this.listener = listener;
    }

    /**
     * Whether the channel carries an instrument.
     *
     * @param securityId of the instrument.
     * @return true when it does.
     */
    public boolean hasInstrument(final int securityId)
    {
        return null != instrumentsById.get(securityId);
    }

    /**
     * Whether an instrument is open for trading (ReadyToTrade).
     *
     * @param securityId of the instrument.
     * @return true when orders may be entered.
     */
    public boolean isOpen(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null != instrument && SecurityTradingStatus.ReadyToTrade == instrument.status;
    }

    /**
     * Whether an instrument's market is closed (Close, PostClose, NotAvailableForTrading): orders may be neither
     * entered nor canceled.
     *
     * @param securityId of the instrument.
     * @return true when closed; false for an unknown instrument.
     */
    public boolean isClosed(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null != instrument && (SecurityTradingStatus.Close == instrument.status ||
            SecurityTradingStatus.PostClose == instrument.status ||
            SecurityTradingStatus.NotAvailableForTrading == instrument.status);
    }

    /**
     * Whether an instrument belongs to a security group (the 6-character SecurityGroup of its definition).
     *
     * @param securityId of the instrument.
     * @param group      holds the group, NUL-padded to 6 bytes.
     * @param offset     where it starts.
     * @return true when it does.
     */
    public boolean inSecurityGroup(final int securityId, final DirectBuffer group, final int offset)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        if (null == instrument)
        {
            return false;
        }
        for (int i = 0; i < instrument.securityGroup.length; i++)
        {
            if (instrument.securityGroup[i] != group.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * An instrument's tick size.
     *
     * @param securityId of the instrument.
     * @return the tick as a price mantissa, or {@link #NO_PRICE}.
     */
    public long tickMantissa(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument ? NO_PRICE : instrument.tickMantissa;
    }

    /**
     * Whether an instrument's book has room for one more resting client order.
     *
     * @param securityId of the instrument.
     * @return true when it has.
     */
    public boolean hasRoom(final int securityId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null != instrument && instrument.book.clientOrderCount() < instrument.book.maxClientOrders();
    }

    /**
     * The best price of a side of an instrument's book.
     *
     * @param securityId of the instrument.
     * @param side       which side.
     * @return the price mantissa, or {@link #NO_PRICE} when the side is empty.
     */
    public long bestPrice(final int securityId, final Side side)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument || 0 == instrument.book.levelCount(side) ?
            NO_PRICE : instrument.book.levelPrice(side, 0);
    }

    /**
     * Quantity an order could trade at once, for fill-or-kill.
     *
     * @param securityId of the instrument.
     * @param side       of the order.
     * @param price      its limit.
     * @param upTo       stop counting once this much is found.
     * @return the quantity.
     */
    public long availableQty(final int securityId, final Side side, final long price, final long upTo)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null == instrument ? 0 : instrument.book.availableQty(side, price, upTo);
    }

    /**
     * Enter a client limit order and publish its trades and book changes; its fills, each with the MDTradeEntryID of
     * its trade on the feed, are in {@link #fills()} until the next call.
     *
     * @param securityId    of the instrument, which must exist and have room ({@link #hasRoom}).
     * @param side          of the order.
     * @param price         limit price mantissa, on tick.
     * @param qty           positive quantity.
     * @param restRemainder false to drop what does not trade at once.
     * @param nowNs         the event's TransactTime.
     * @return the order's id in the book, or {@link OrderBook#REJECTED}.
     */
    public long add(
        final int securityId,
        final Side side,
        final long price,
        final long qty,
        final boolean restRemainder,
        final long nowNs)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        final long bookOrderId = instrument.book.add(side, price, qty, OrderBook.CLIENT, fills, restRemainder);
        publish(instrument, fills, nowNs);
        return bookOrderId;
    }

    /**
     * The current trade date of the channel's trading-session schedule, as the feed's messages carry it.
     *
     * @param nowNs epoch nanoseconds, unused: the schedule moves the trade date on at each new trading day.
     * @return days since the epoch.
     */
    public int tradeDate(final long nowNs)
    {
        return schedule.tradeDate();
    }

    /**
     * The fills of the last {@link #add}.
     *
     * @return the fills.
     */
    public Fills fills()
    {
        return fills;
    }

    /**
     * Take a resting client order off the book; {@link #publish} sends the change.
     *
     * @param securityId  of the instrument.
     * @param bookOrderId the order's id in the book.
     * @return true when it was resting.
     */
    public boolean cancel(final int securityId, final long bookOrderId)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null != instrument && instrument.book.cancel(bookOrderId);
    }

    /**
     * Reduce a resting client order in place, keeping its priority; {@link #publish} sends the change.
     *
     * @param securityId  of the instrument.
     * @param bookOrderId the order's id in the book.
     * @param qty         the new, smaller, positive quantity.
     * @return true when it was reduced.
     */
    public boolean reduce(final int securityId, final long bookOrderId, final long qty)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        return null != instrument && instrument.book.reduce(bookOrderId, qty);
    }

    /**
     * Publish the changes {@link #cancel} and {@link #reduce} made to an instrument's book, as one event.
     *
     * @param securityId of the instrument.
     * @param nowNs      the event's TransactTime.
     */
    public void publish(final int securityId, final long nowNs)
    {
        final SimInstrument instrument = instrumentsById.get(securityId);
        if (null != instrument)
        {
            noFills.reset(0, Side.BID, OrderBook.CLIENT);
            publish(instrument, noFills, nowNs);
        }
    }

    /**
     * A participant event ran on an instrument: tell the listener of each fill of a resting client order.
     */
    void onParticipantEvent(final SimInstrument instrument, final Fills participantFills, final long timeNs)
    {
        for (int i = 0, count = participantFills.count(); i < count; i++)
        {
            if (OrderBook.CLIENT == participantFills.restingParticipant(i))
            {
                listener.onPassiveFill(
                    instrument.securityId,
                    participantFills.restingOrderId(i),
                    participantFills.price(i),
                    participantFills.qty(i),
                    participantFills.isRestingDone(i),
                    timeNs,
                    participantFills.tradeEntryId(i));
            }
        }
    }

    private void publish(final SimInstrument instrument, final Fills eventFills, final long nowNs)
    {
        if (staging.freePackets() < MIN_FREE_PACKETS)
        {
            staging.endPacket();
            transmitter.transmit();
            if (staging.freePackets() < MIN_FREE_PACKETS)
            {
                counters.increment(SimCounter.CLIENT_EVENTS_UNPUBLISHED);
                incremental.onUnpublishedTrades(instrument, eventFills);
                return;
            }
        }
        counters.increment(SimCounter.CLIENT_EVENTS);
        final long timeNs = staging.eventTime(nowNs);
        entries.reset();
        instrument.mbp.update(instrument.book, Side.BID, entries);
        instrument.mbp.update(instrument.book, Side.ASK, entries);
        incremental.writeEvent(instrument, eventFills, entries, timeNs);
    }
}
