package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.mdp3.ChannelReset4Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Decoder;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;

/**
 * Applies the MDP 3.0 messages of one channel by the feed they came on: RptSeq sequencing and MBP books, trades,
 * statuses, channel resets and definitions from the incremental feeds (live or replayed by recovery), snapshots to
 * {@link ChannelRecovery}; a message of a template its feed does not carry is counted and skipped.
 */
final class ChannelMessages implements Mdp3Listener
{
    static final int SOURCE_INCREMENTAL = 0;
    static final int SOURCE_SNAPSHOT = 1;
    static final int SOURCE_DEFINITION = 2;

    private static final int INT32_NULL = Integer.MAX_VALUE;
    private static final byte ENTRY_BID = '0';
    private static final byte ENTRY_OFFER = '1';
    private static final byte ENTRY_BOOK_RESET = 'J';

    private final int channelId;
    private final int bookDepth;
    private final ChannelCounters counters;
    private final MarketDataPublisher publisher;
    private final CurrentPacket packet;
    private final InstrumentTable instruments;
    private final EventBatch events;
    private final ChannelRecovery recovery;
    private final FeedArbiter arbiter;
    private final FeedChannel channel;
    private long channelResetSeqNum;
    private int source;

    ChannelMessages(
        final FeedChannel channel,
        final int bookDepth,
        final MarketDataPublisher publisher,
        final CurrentPacket packet,
        final InstrumentTable instruments,
        final EventBatch events,
        final ChannelRecovery recovery,
        final FeedArbiter arbiter)
    {
        this.channel = channel;
        this.channelId = channel.channelId();
        this.counters = channel.counters();
        this.bookDepth = bookDepth;
        this.publisher = publisher;
        this.packet = packet;
        this.instruments = instruments;
        this.events = events;
        this.recovery = recovery;
        this.arbiter = arbiter;
    }

    /**
     * The feed the messages that follow came on.
     *
     * @param source {@link #SOURCE_INCREMENTAL}, {@link #SOURCE_SNAPSHOT} or {@link #SOURCE_DEFINITION}.
     */
    void source(final int source)
    {
        this.source = source;
    }

    /**
     * The event in progress was cut short (a gap): publish what it has.
     */
    void flushEvent()
    {
        events.flush(false);
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
        if (recovery.isReplaying())
        {
            return;
        }
        events.flush(false);
        counters.increment(FeedCounter.CHANNEL_RESETS);
        channelResetSeqNum = packet.seqNum;
        for (int i = 0, count = instruments.count(); i < count; i++)
        {
            final Instrument instrument = instruments.at(i);
            instrument.book.clear();
            instrument.lastRptSeq = 0;
            instrument.eventRptSeq = 0;
            recovery.onChannelReset(instrument);
            events.publishCleared(instrument);
        }
        recovery.clear();
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
        if (endOfEvent && !recovery.isReplaying())
        {
            events.flush(true);
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
        final boolean replaying = recovery.isReplaying();
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
                    packet.sendingTimeNs,
                    packet.rxTimestampNs,
                    packet.nowNs);
            }
        }
        if (endOfEvent && !replaying)
        {
            events.flush(true);
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
        if (recovery.isReplaying() || INT32_NULL == securityId)
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
                publisher.instrumentStatus(
                    securityId, status, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
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
        arbiter.onSentUpTo(lastMsgSeqNumProcessed, packet.nowNs);
        if (null == instrument || lastMsgSeqNumProcessed < channelResetSeqNum)
        {
            return;
        }
        source = SOURCE_INCREMENTAL;
        recovery.onSnapshot(instrument, decoder, arbiter.expectedSeqNum(), this);
        source = SOURCE_SNAPSHOT;
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
        Instrument instrument = instruments.get(securityId);
        if (null != instrument && instrument.defined)
        {
            return;
        }
        if (null == instrument)
        {
            instrument = channel.addInstrument(securityId, decoder.symbol().trim());
        }
        instrument.defined = true;
        instrument.tickSize = decoder.minPriceIncrement().mantissa();
        instrument.displayFactor = decoder.displayFactor().mantissa();
        publisher.instrumentDefinition(instrument, bookDepth, packet.rxTimestampNs, packet.nowNs);
    }

    private Instrument lookup(final int securityId)
    {
        final Instrument instrument = instruments.get(securityId);
        final boolean replaying = recovery.isReplaying();
        if (null == instrument)
        {
            if (!replaying)
            {
                counters.increment(FeedCounter.UNKNOWN_INSTRUMENTS);
            }
            return null;
        }
        if (replaying && securityId != recovery.replaySecurityId())
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
            recovery.markStale(
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
        if (!recovery.isReplaying())
        {
            events.delta(instrument, side, action, level, price, qty, count);
        }
    }

    private static int nullToZero(final int value)
    {
        return INT32_NULL == value ? 0 : value;
    }
}
