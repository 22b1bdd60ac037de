package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.mdp3.ChannelReset4Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Decoder;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;
import io.wirespeed.config.ChannelContext;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.Arrays;
/**
 * One MDP 3.0 channel: A/B arbitration by MsgSeqNum, gap detection, per-instrument RptSeq sequencing, recovery from
 * the snapshot feed, instrument definitions and MBP books, publishing normalized market data.
 * <p>
 * An instrument goes STALE (published first) when one of its entries skips a RptSeq, or when a snapshot for a
 * MsgSeqNum the channel has already passed shows a RptSeq it never saw (its last entries were lost); the others keep
 * publishing.
 * While any instrument is stale, in-sequence incremental packets are kept in a recovery buffer; a stale instrument's
 * SnapshotFullRefresh52 is applied, then the buffered entries newer than its LastMsgSeqNumProcessed and RptSeq, and
 * it is published as RECOVERING, a full image, then OK. When the buffer overflows its oldest packet is dropped, the
 * overflow is counted and the stale instruments are told (reason BUFFER_OVERFLOW): they recover from snapshots alone.
 */
public final class FeedChannel implements Mdp3Listener
{
    /** Feed index of incremental feed A. */
    public static final int FEED_A = 0;

    /** Feed index of incremental feed B. */
    public static final int FEED_B = 1;

    private static final int INT32_NULL = Integer.MAX_VALUE;
    private static final byte ENTRY_BID = '0';
    private static final byte ENTRY_OFFER = '1';
    private static final byte ENTRY_BOOK_RESET = 'J';
    private static final int SOURCE_INCREMENTAL = 0;
    private static final int SOURCE_SNAPSHOT = 1;
    private static final int SOURCE_DEFINITION = 2;

    private final int channelId;
    private final int bookDepth;
    private final ChannelCounters counters;
    private final MarketDataPublisher publisher;
    private final Mdp3PacketDecoder liveDecoder;
    private final Mdp3PacketDecoder recoveryDecoder;
    private final Mdp3PacketDecoder replayDecoder;
    private final Int2ObjectHashMap<Instrument> instrumentById = new Int2ObjectHashMap<>();
    private Instrument[] instruments = new Instrument[16];
    private Instrument[] eventInstruments = new Instrument[16];
    private int instrumentCount;
    private int eventInstrumentCount;

    private final FeedArbiter arbiter;
    private final RecoveryBuffer recovery;
    private boolean recoveryOverflowed;
    private int staleCount;
    private long channelResetSeqNum;

    private boolean replaying;
    private int source;
    private int replaySecurityId;
    private long packetSeqNum;
    private long sendingTimeNs;
    private long rxTimestampNs;
    private long nowNs;

    /**
     * A channel from its configuration.
     *
     * @param context  the channel's configuration.
     * @param sink     where normalized messages go.
     * @param counters the channel's counters.
     */
    public FeedChannel(final ChannelContext context, final MarketDataSink sink, final ChannelCounters counters)
    {
        channelId = context.id();
        bookDepth = context.bookDepth();
        this.counters = counters;
        publisher = new MarketDataPublisher(channelId, sink, counters);
        liveDecoder = new Mdp3PacketDecoder(counters);
        recoveryDecoder = new Mdp3PacketDecoder(counters);
        replayDecoder = new Mdp3PacketDecoder(counters);
        replayDecoder.counting(false);
        arbiter = new FeedArbiter(context, counters, new Sequenced());
        recovery = new RecoveryBuffer(context.gapBufferPackets());
    }

    /**
     * The channel id.
     *
     * @return the channel id.
     */
    public int channelId()
    {
        return channelId;
    }

    /**
     * The channel's counters.
     *
     * @return the channel's counters.
     */
    public ChannelCounters counters()
    {
        return counters;
    }

    /**
     * Make an instrument known before its definition arrives (from configuration).
     *
     * @param securityId venue security id.
     * @param symbol     its symbol.
     * @return the instrument.
     */
    public Instrument addInstrument(final int securityId, final String symbol)
    {
        Instrument instrument = instrumentById.get(securityId);
        if (null == instrument)
        {
            instrument = new Instrument(securityId, symbol, bookDepth);
            instrumentById.put(securityId, instrument);
            if (instrumentCount == instruments.length)
            {
                instruments = Arrays.copyOf(instruments, instrumentCount * 2);
                eventInstruments = Arrays.copyOf(eventInstruments, instrumentCount * 2);
            }
            instruments[instrumentCount++] = instrument;
            counters.increment(FeedCounter.BOOKS);
        }
        return instrument;
    }

    /**
     * An instrument by security id.
     *
     * @param securityId venue security id.
     * @return the instrument, or null when unknown.
     */
    public Instrument instrument(final int securityId)
    {
        return instrumentById.get(securityId);
    }

    /**
     * Number of instruments known.
     *
     * @return number of instruments known.
     */
    public int instrumentCount()
    {
        return instrumentCount;
    }

    /**
     * An instrument by index, 0..instrumentCount-1.
     *
     * @param index of the instrument.
     * @return the instrument.
     */
    public Instrument instrumentAt(final int index)
    {
        return instruments[index];
    }

    /**
     * Hash of an instrument's book (see {@link OrderBook#hash()}), 0 when the instrument is unknown.
     *
     * @param securityId venue security id.
     * @return the hash.
     */
    public long bookHash(final int securityId)
    {
        final Instrument instrument = instrumentById.get(securityId);
        return null == instrument ? 0 : instrument.book.hash();
    }

    /**
     * Feed state of an instrument, null when unknown.
     *
     * @param securityId venue security id.
     * @return OK, STALE or RECOVERING.
     */
    public FeedStateValue state(final int securityId)
    {
        final Instrument instrument = instrumentById.get(securityId);
        return null == instrument ? null : instrument.state;
    }

    /**
     * Whether a feed has been silent longer than feedSilenceMs.
     *
     * @param feed {@link #FEED_A} or {@link #FEED_B}.
     * @return true while silent.
     */
    public boolean isFeedSilent(final int feed)
    {
        return arbiter.isFeedSilent(feed);
    }

    /**
     * The next MsgSeqNum the channel waits for, 0 before the first packet.
     *
     * @return the next expected MsgSeqNum.
     */
    public long expectedSeqNum()
    {
        return arbiter.expectedSeqNum();
    }

    /**
     * An incremental packet from feed A or B.
     *
     * @param feed          {@link #FEED_A} or {@link #FEED_B}.
     * @param buffer        holding the packet.
     * @param offset        of the packet.
     * @param length        of the packet.
     * @param rxTimestampNs of the frame.
     * @param nowNs         the agent's clock for this duty cycle.
     */
    public void onIncremental(
        final int feed,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long rxTimestampNs,
        final long nowNs)
    {
        this.nowNs = nowNs;
        arbiter.onPacket(feed, buffer, offset, length, rxTimestampNs, nowNs);
    }

    /**
     * A packet from the snapshot feed.
     *
     * @param buffer        holding the packet.
     * @param offset        of the packet.
     * @param length        of the packet.
     * @param rxTimestampNs of the frame.
     * @param nowNs         the agent's clock for this duty cycle.
     */
    public void onSnapshotPacket(
        final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs, final long nowNs)
    {
        this.nowNs = nowNs;
        counters.increment(FeedCounter.PACKETS_SNAPSHOT);
        this.rxTimestampNs = rxTimestampNs;
        source = SOURCE_SNAPSHOT;
        recoveryDecoder.decode(buffer, offset, length, this);
        source = SOURCE_INCREMENTAL;
    }

    /**
     * A packet from the instrument definition feed.
     *
     * @param buffer        holding the packet.
     * @param offset        of the packet.
     * @param length        of the packet.
     * @param rxTimestampNs of the frame.
     * @param nowNs         the agent's clock for this duty cycle.
     */
    public void onDefinitionPacket(
        final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs, final long nowNs)
    {
        this.nowNs = nowNs;
        counters.increment(FeedCounter.PACKETS_DEFINITION);
        this.rxTimestampNs = rxTimestampNs;
        source = SOURCE_DEFINITION;
        recoveryDecoder.decode(buffer, offset, length, this);
        source = SOURCE_INCREMENTAL;
    }

    /**
     * Check the gap timer and feed silence.
     *
     * @param nowNs the agent's clock for this duty cycle.
     * @return work done.
     */
    public int onTimer(final long nowNs)
    {
        this.nowNs = nowNs;
        return arbiter.onTimer(nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onChannelReset(final ChannelReset4Decoder decoder)
    {
        if (SOURCE_INCREMENTAL != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        if (replaying)
        {
            return;
        }
        flushEvent(false);
        counters.increment(FeedCounter.CHANNEL_RESETS);
        channelResetSeqNum = packetSeqNum;
        for (int i = 0; i < instrumentCount; i++)
        {
            final Instrument instrument = instruments[i];
            instrument.book.clear();
            instrument.lastRptSeq = 0;
            instrument.eventRptSeq = 0;
            if (FeedStateValue.OK != instrument.state)
            {
                instrument.state = FeedStateValue.OK;
                staleCount--;
                publisher.feedState(
                    instrument.securityId,
                    FeedStateValue.OK,
                    FeedStateReason.CHANNEL_RESET,
                    0,
                    0,
                    rxTimestampNs,
                    nowNs);
            }
            instrument.resetEvent();
            instrument.addDelta(OrderBook.BID, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
            instrument.addDelta(OrderBook.ASK, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
            publisher.bookUpdate(instrument, true, packetSeqNum, sendingTimeNs, rxTimestampNs, nowNs);
            publisher.topOfBook(instrument, sendingTimeNs, rxTimestampNs, nowNs);
            instrument.resetEvent();
        }
        clearRecovery();
    }

    /**
     * {@inheritDoc}
     */
    public void onBook(final MDIncrementalRefreshBook46Decoder decoder)
    {
        if (SOURCE_INCREMENTAL != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final boolean endOfEvent = decoder.matchEventIndicator().endOfEvent();
        final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()))
            {
                applyEntry(
                    instrument,
                    entries.mDUpdateActionRaw(),
                    entries.mDEntryTypeRaw(),
                    entries.mDPriceLevel(),
                    entries.mDEntryPx().mantissa(),
                    entries.mDEntrySize(),
                    entries.numberOfOrders());
            }
        }
        if (endOfEvent && !replaying)
        {
            flushEvent(true);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onTrades(final MDIncrementalRefreshTradeSummary48Decoder decoder)
    {
        if (SOURCE_INCREMENTAL != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final boolean endOfEvent = decoder.matchEventIndicator().endOfEvent();
        final MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()) && !replaying)
            {
                publisher.trade(
                    instrument.securityId,
                    entries.rptSeq(),
                    entries.mDEntryPx().mantissa(),
                    entries.mDEntrySize(),
                    entries.aggressorSideRaw(),
                    entries.numberOfOrders(),
                    sendingTimeNs,
                    rxTimestampNs,
                    nowNs);
            }
        }
        if (endOfEvent && !replaying)
        {
            flushEvent(true);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSecurityStatus(final SecurityStatus30Decoder decoder)
    {
        if (SOURCE_SNAPSHOT == source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final int securityId = decoder.securityID();
        if (replaying || INT32_NULL == securityId)
        {
            return;
        }
        final Instrument instrument = lookup(securityId);
        if (null != instrument)
        {
            final int status = decoder.securityTradingStatusRaw();
            if (status != instrument.tradingStatus)
            {
                instrument.tradingStatus = status;
                publisher.instrumentStatus(securityId, status, sendingTimeNs, rxTimestampNs, nowNs);
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshot(final SnapshotFullRefresh52Decoder decoder)
    {
        if (SOURCE_SNAPSHOT != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final Instrument instrument = lookup(decoder.securityID());
        final long lastMsgSeqNumProcessed = decoder.lastMsgSeqNumProcessed();
        arbiter.onSentUpTo(lastMsgSeqNumProcessed, nowNs);
        if (null == instrument || lastMsgSeqNumProcessed < channelResetSeqNum)
        {
            return;
        }
        if (FeedStateValue.OK == instrument.state)
        {
            final long rptSeq = decoder.rptSeq();
            if (rptSeq <= instrument.lastRptSeq || arbiter.expectedSeqNum() <= lastMsgSeqNumProcessed)
            {
                return;
            }
            markStale(instrument, FeedStateReason.GAP, instrument.lastRptSeq + 1, rptSeq);
        }
        if (FeedStateValue.STALE != instrument.state)
        {
            return;
        }
        final OrderBook book = instrument.book;
        book.clear();
        final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final byte type = entries.mDEntryTypeRaw();
            if (ENTRY_BID == type || ENTRY_OFFER == type)
            {
                book.set(
                    ENTRY_BID == type ? OrderBook.BID : OrderBook.ASK,
                    entries.mDPriceLevel(),
                    entries.mDEntryPx().mantissa(),
                    nullToZero(entries.mDEntrySize()),
                    nullToZero(entries.numberOfOrders()));
            }
        }
        instrument.lastRptSeq = decoder.rptSeq();
        instrument.state = FeedStateValue.RECOVERING;
        replay(instrument, lastMsgSeqNumProcessed);
        if (FeedStateValue.RECOVERING == instrument.state)
        {
            recovered(instrument);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onDefinition(final MDInstrumentDefinitionFuture54Decoder decoder)
    {
        if (SOURCE_SNAPSHOT == source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        if (decoder.applID() != channelId)
        {
            return;
        }
        final int securityId = decoder.securityID();
        Instrument instrument = instrumentById.get(securityId);
        if (null != instrument && instrument.defined)
        {
            return;
        }
        if (null == instrument)
        {
            instrument = addInstrument(securityId, decoder.symbol().trim());
        }
        instrument.defined = true;
        instrument.tickSize = decoder.minPriceIncrement().mantissa();
        instrument.displayFactor = decoder.displayFactor().mantissa();
        publisher.instrumentDefinition(instrument, bookDepth, rxTimestampNs, nowNs);
    }

    private Instrument lookup(final int securityId)
    {
        final Instrument instrument = instrumentById.get(securityId);
        if (null == instrument)
        {
            if (!replaying)
            {
                counters.increment(FeedCounter.UNKNOWN_INSTRUMENTS);
            }
            return null;
        }
        if (replaying && securityId != replaySecurityId)
        {
            return null;
        }
        return instrument;
    }

    private boolean accept(final Instrument instrument, final long rptSeq)
    {
        if (FeedStateValue.STALE == instrument.state || rptSeq <= instrument.lastRptSeq)
        {
            return false;
        }
        if (rptSeq != instrument.lastRptSeq + 1)
        {
            markStale(
                instrument,
                0 == instrument.lastRptSeq ? FeedStateReason.STARTUP : FeedStateReason.GAP,
                instrument.lastRptSeq + 1,
                rptSeq);
            return false;
        }
        instrument.lastRptSeq = rptSeq;
        return true;
    }

    private void applyEntry(
        final Instrument instrument,
        final int action,
        final byte entryType,
        final int level,
        final long price,
        final int size,
        final int orders)
    {
        final OrderBook book = instrument.book;
        if (ENTRY_BOOK_RESET == entryType)
        {
            book.clear();
            delta(instrument, OrderBook.BID, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
            delta(instrument, OrderBook.ASK, MarketDataPublisher.ACTION_CLEAR, 0, OrderBook.NULL_PRICE, 0, 0);
            return;
        }
        if (ENTRY_BID != entryType && ENTRY_OFFER != entryType)
        {
            return;
        }
        final int side = ENTRY_BID == entryType ? OrderBook.BID : OrderBook.ASK;
        final long qty = nullToZero(size);
        final int count = nullToZero(orders);
        if ((level < 1 && 3 != action) || action > 5)
        {
            counters.increment(FeedCounter.BOOK_ENTRIES_REJECTED);
            return;
        }
        switch (action)
        {
            case 0:
                book.add(side, level, price, qty, count);
                break;
            case 1:
            case 5:
                book.set(side, level, price, qty, count);
                break;
            case 2:
                book.delete(side, level);
                break;
            case 3:
                book.clearSide(side);
                break;
            default:
                if (!book.deleteFrom(side, level))
                {
                    book.clearSide(side);
                }
                break;
        }
        if (level <= bookDepth || action >= 3)
        {
            delta(instrument, side, action, level, price, qty, count);
        }
    }

    private void delta(
        final Instrument instrument,
        final int side,
        final int action,
        final int level,
        final long price,
        final long qty,
        final int count)
    {
        if (replaying)
        {
            return;
        }
        if (!instrument.inEvent)
        {
            instrument.inEvent = true;
            eventInstruments[eventInstrumentCount++] = instrument;
        }
        if (Instrument.MAX_DELTAS == instrument.deltaCount)
        {
            publisher.bookUpdate(instrument, false, packetSeqNum, sendingTimeNs, rxTimestampNs, nowNs);
            instrument.deltaCount = 0;
        }
        instrument.eventRptSeq = instrument.lastRptSeq;
        instrument.addDelta(side, action, level, price, qty, count);
    }

    private void flushEvent(final boolean endOfEvent)
    {
        for (int i = 0; i < eventInstrumentCount; i++)
        {
            final Instrument instrument = eventInstruments[i];
            if (instrument.deltaCount > 0)
            {
                publisher.bookUpdate(instrument, endOfEvent, packetSeqNum, sendingTimeNs, rxTimestampNs, nowNs);
            }
            if (instrument.topChanged)
            {
                publisher.topOfBook(instrument, sendingTimeNs, rxTimestampNs, nowNs);
            }
            instrument.resetEvent();
            eventInstruments[i] = null;
        }
        eventInstrumentCount = 0;
    }

    private void markStale(
        final Instrument instrument, final FeedStateReason reason, final long expected, final long received)
    {
        if (FeedStateValue.OK == instrument.state)
        {
            staleCount++;
        }
        instrument.state = FeedStateValue.STALE;
        instrument.deltaCount = 0;
        instrument.topChanged = false;
        counters.increment(FeedCounter.INSTRUMENT_GAPS);
        publisher.feedState(
            instrument.securityId, FeedStateValue.STALE, reason, expected, received, rxTimestampNs, nowNs);
    }

    private void staleAll(final FeedStateReason reason, final long rxTimestampNs)
    {
        this.rxTimestampNs = rxTimestampNs;
        for (int i = 0; i < instrumentCount; i++)
        {
            if (FeedStateValue.OK == instruments[i].state)
            {
                markStale(instruments[i], reason, 0, 0);
            }
        }
    }

    private void keepForRecovery(final DirectBuffer buffer, final int offset, final int length, final long rxTsNs)
    {
        if (recovery.isFull())
        {
            recovery.dropOldest();
            counters.increment(FeedCounter.BUFFER_OVERFLOWS);
            if (!recoveryOverflowed)
            {
                recoveryOverflowed = true;
                for (int i = 0; i < instrumentCount; i++)
                {
                    final Instrument instrument = instruments[i];
                    if (FeedStateValue.STALE == instrument.state)
                    {
                        publisher.feedState(
                            instrument.securityId,
                            FeedStateValue.STALE,
                            FeedStateReason.BUFFER_OVERFLOW,
                            0,
                            packetSeqNum,
                            rxTsNs,
                            nowNs);
                    }
                }
            }
        }
        if (!recovery.add(packetSeqNum, buffer, offset, length, rxTsNs))
        {
            counters.increment(FeedCounter.PACKETS_TOO_LONG);
        }
    }

    private void replay(final Instrument instrument, final long lastMsgSeqNumProcessed)
    {
        replaying = true;
        replaySecurityId = instrument.securityId;
        source = SOURCE_INCREMENTAL;
        final PacketSlots slots = recovery.slots();
        for (int i = 0, count = recovery.count(); i < count && FeedStateValue.RECOVERING == instrument.state; i++)
        {
            final int slot = recovery.slot(i);
            if (slots.seqNum(slot) > lastMsgSeqNumProcessed)
            {
                replayDecoder.decode(slots.buffer(), slots.offset(slot), slots.length(slot), this);
            }
        }
        replaying = false;
        replaySecurityId = 0;
        source = SOURCE_SNAPSHOT;
    }

    private void recovered(final Instrument instrument)
    {
        staleCount--;
        counters.increment(FeedCounter.RECOVERIES);
        publisher.feedState(
            instrument.securityId,
            FeedStateValue.RECOVERING,
            FeedStateReason.SNAPSHOT_APPLIED,
            0,
            0,
            rxTimestampNs,
            nowNs);
        publisher.image(instrument, packetSeqNum, sendingTimeNs, rxTimestampNs, nowNs);
        instrument.state = FeedStateValue.OK;
        publisher.feedState(
            instrument.securityId, FeedStateValue.OK, FeedStateReason.SNAPSHOT_APPLIED, 0, 0, rxTimestampNs, nowNs);
        if (0 == staleCount)
        {
            clearRecovery();
        }
    }

    private void clearRecovery()
    {
        recovery.clear();
        recoveryOverflowed = false;
    }

    private static int nullToZero(final int value)
    {
        return INT32_NULL == value ? 0 : value;
    }

    private final class Sequenced implements FeedArbiter.Listener
    {
        public void onFirstPacket(final long seqNum, final long rxTimestampNs)
        {
            if (1 != seqNum)
            {
                staleAll(FeedStateReason.STARTUP, rxTimestampNs);
            }
        }

        public void onSequencedPacket(
            final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            FeedChannel.this.rxTimestampNs = rxTimestampNs;
            liveDecoder.readHeader(buffer, offset, length);
            packetSeqNum = liveDecoder.msgSeqNum();
            sendingTimeNs = liveDecoder.sendingTimeNs();
            liveDecoder.decode(buffer, offset, length, FeedChannel.this);
            if (staleCount > 0)
            {
                keepForRecovery(buffer, offset, length, rxTimestampNs);
            }
        }

        public void onGap(final long lostPackets)
        {
            flushEvent(false);
        }
    }
}
