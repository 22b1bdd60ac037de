package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.mdp3.ChannelReset4Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshDailyStatistics49Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshLimitsBanding50Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshSessionStatistics51Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshVolume37Decoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Decoder;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;

/**
 * Applies the MDP 3.0 messages of one channel by the feed they came on: RptSeq sequencing of every incremental
 * template (books, trades, volume, statistics, limits), statuses, channel resets and definitions from the incremental
 * feeds (live or replayed by recovery), snapshots to {@link ChannelRecovery}; a message of a template its feed does
 * not carry is counted and skipped. The end of an event (MatchEventIndicator bit 7) on any template publishes it.
 */
final class ChannelMessages implements Mdp3Listener
{
    static final int SOURCE_INCREMENTAL = 0;
    static final int SOURCE_SNAPSHOT = 1;
    static final int SOURCE_DEFINITION = 2;

    private static final int INT32_NULL = Integer.MAX_VALUE;
    private static final int RESET_STATISTICS = 4;

    private final int channelId;
    private final ChannelCounters counters;
    private final MarketDataPublisher publisher;
    private final CurrentPacket packet;
    private final InstrumentTable instruments;
    private final EventBatch events;
    private final ChannelRecovery recovery;
    private final ChannelStatistics statistics;
    private final BookEntries bookEntries;
    private final FeedArbiter arbiter;
    private final FeedChannel channel;
    private long channelResetSeqNum;
    private boolean afterSequenceReset;
    private int source;

    ChannelMessages(
        final FeedChannel channel,
        final MarketDataPublisher publisher,
        final CurrentPacket packet,
        final InstrumentTable instruments,
        final EventBatch events,
        final ChannelRecovery recovery,
        final ChannelStatistics statistics,
        final FeedArbiter arbiter)
    {
        this.channel = channel;
        this.channelId = channel.channelId();
        this.counters = channel.counters();
        this.publisher = publisher;
        this.packet = packet;
        this.instruments = instruments;
        this.events = events;
        this.recovery = recovery;
        this.statistics = statistics;
        this.arbiter = arbiter;
        bookEntries = new BookEntries(counters, events);
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
     * The channel's MsgSeqNum started again: snapshots are of the new numbering once one is seen that could be.
     */
    void onSequenceReset()
    {
        channelResetSeqNum = 0;
        afterSequenceReset = true;
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
        final long transactTimeNs = decoder.transactTime();
        for (int i = 0, count = instruments.count(); i < count; i++)
        {
            final Instrument instrument = instruments.at(i);
            instrument.book.clear();
            instrument.impliedBook.clear();
            instrument.lastRptSeq = 0;
            instrument.eventRptSeq = 0;
            recovery.onChannelReset(instrument);
            events.publishCleared(instrument);
            statistics.reset(instrument, transactTimeNs);
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
        final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()))
            {
                bookEntries.apply(
                    instrument,
                    entries.mDUpdateActionRaw(),
                    entries.mDEntryTypeRaw(),
                    entries.mDPriceLevel(),
                    entries.mDEntryPx().mantissa(),
                    nullToZero(entries.mDEntrySize()),
                    nullToZero(entries.numberOfOrders()));
            }
        }
        endOfEvent(decoder.matchEventIndicator().endOfEvent());
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
        final long transactTimeNs = decoder.transactTime();
        final MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()))
            {
                publisher.trade(
                    instrument.securityId,
                    entries.rptSeq(),
                    entries.mDEntryPx().mantissa(),
                    entries.mDEntrySize(),
                    entries.aggressorSideRaw(),
                    entries.numberOfOrders(),
                    entries.mDTradeEntryID(),
                    transactTimeNs,
                    packet.sendingTimeNs,
                    packet.rxTimestampNs,
                    packet.nowNs);
            }
        }
        endOfEvent(decoder.matchEventIndicator().endOfEvent());
    }

    /**
     * {@inheritDoc}
     */
    public void onVolume(final MDIncrementalRefreshVolume37Decoder decoder)
    {
        if (SOURCE_INCREMENTAL != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final long transactTimeNs = decoder.transactTime();
        final MDIncrementalRefreshVolume37Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()))
            {
                statistics.onVolume(
                    instrument, entries.rptSeq(), entries.mDUpdateActionRaw(), entries.mDEntrySize(), transactTimeNs);
            }
        }
        endOfEvent(decoder.matchEventIndicator().endOfEvent());
    }

    /**
     * {@inheritDoc}
     */
    public void onDailyStatistics(final MDIncrementalRefreshDailyStatistics49Decoder decoder)
    {
        if (SOURCE_INCREMENTAL != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final long transactTimeNs = decoder.transactTime();
        final MDIncrementalRefreshDailyStatistics49Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()))
            {
                statistics.onDaily(
                    instrument,
                    entries.rptSeq(),
                    entries.mDUpdateActionRaw(),
                    entries.mDEntryTypeRaw(),
                    entries.mDEntryPx().mantissa(),
                    entries.mDEntrySize(),
                    entries.settlPriceType().getRaw(),
                    entries.tradingReferenceDate(),
                    transactTimeNs);
            }
        }
        endOfEvent(decoder.matchEventIndicator().endOfEvent());
    }

    /**
     * {@inheritDoc}
     */
    public void onLimitsBanding(final MDIncrementalRefreshLimitsBanding50Decoder decoder)
    {
        if (SOURCE_INCREMENTAL != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final long transactTimeNs = decoder.transactTime();
        final MDIncrementalRefreshLimitsBanding50Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()))
            {
                statistics.onLimits(
                    instrument,
                    entries.rptSeq(),
                    entries.highLimitPrice().mantissa(),
                    entries.lowLimitPrice().mantissa(),
                    entries.maxPriceVariation().mantissa(),
                    transactTimeNs);
            }
        }
        endOfEvent(decoder.matchEventIndicator().endOfEvent());
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionStatistics(final MDIncrementalRefreshSessionStatistics51Decoder decoder)
    {
        if (SOURCE_INCREMENTAL != source)
        {
            counters.increment(FeedCounter.WRONG_FEED_MESSAGES);
            return;
        }
        final long transactTimeNs = decoder.transactTime();
        final MDIncrementalRefreshSessionStatistics51Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final Instrument instrument = lookup(entries.securityID());
            if (null != instrument && accept(instrument, entries.rptSeq()))
            {
                statistics.onSession(
                    instrument,
                    entries.rptSeq(),
                    entries.mDUpdateActionRaw(),
                    entries.mDEntryTypeRaw(),
                    entries.mDEntryPx().mantissa(),
                    entries.openCloseSettlFlagRaw(),
                    entries.mDEntrySize(),
                    transactTimeNs);
            }
        }
        endOfEvent(decoder.matchEventIndicator().endOfEvent());
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
        final boolean endOfEvent = SOURCE_INCREMENTAL == source && decoder.matchEventIndicator().endOfEvent();
        final int securityId = decoder.securityID();
        if (!recovery.isReplaying() && INT32_NULL != securityId)
        {
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
                if (RESET_STATISTICS == decoder.securityTradingEventRaw())
                {
                    statistics.reset(instrument, decoder.transactTime());
                }
            }
        }
        endOfEvent(endOfEvent);
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
        final long lastMsgSeqNumProcessed = decoder.lastMsgSeqNumProcessed();
        if (afterSequenceReset)
        {
            // the loop may still replay the numbering before the restart: a snapshot past anything the new numbering
            // can have reached is of the old one; the first that could be of the new one ends the doubt
            if (lastMsgSeqNumProcessed >= arbiter.expectedSeqNum() + arbiter.capacity())
            {
                counters.increment(FeedCounter.OLD_NUMBERING_SNAPSHOTS);
                return;
            }
            afterSequenceReset = false;
        }
        final Instrument instrument = lookup(decoder.securityID());
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
        final MDInstrumentDefinitionFuture54Decoder.NoEventsDecoder eventTypes = decoder.noEvents();
        while (eventTypes.hasNext())
        {
            eventTypes.next();
        }
        int outrightDepth = -1;
        int impliedDepth = -1;
        final MDInstrumentDefinitionFuture54Decoder.NoMDFeedTypesDecoder feedTypes = decoder.noMDFeedTypes();
        while (feedTypes.hasNext())
        {
            feedTypes.next();
            if ('G' == feedTypes.mDFeedType(0) && 'B' == feedTypes.mDFeedType(1))
            {
                final byte kind = feedTypes.mDFeedType(2);
                outrightDepth = 'X' == kind ? feedTypes.marketDepth() : outrightDepth;
                impliedDepth = 'I' == kind ? feedTypes.marketDepth() : impliedDepth;
            }
        }
        if (instrument.venueDepths(outrightDepth, impliedDepth) && FeedStateValue.OK == instrument.state)
        {
            recovery.markStale(instrument, FeedStateReason.BOOK_DEPTH_CHANGED, 0, 0);
        }
        publisher.instrumentDefinition(instrument, packet.rxTimestampNs, packet.nowNs);
    }

    private void endOfEvent(final boolean endOfEvent)
    {
        if (endOfEvent)
        {
            if (recovery.isReplaying())
            {
                events.flush(recovery.replayInstrument(), true);
            }
            else
            {
                events.flush(true);
            }
        }
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
        if (replaying && instrument != recovery.replayInstrument())
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

    private static int nullToZero(final int value)
    {
        return INT32_NULL == value ? 0 : value;
    }
}
