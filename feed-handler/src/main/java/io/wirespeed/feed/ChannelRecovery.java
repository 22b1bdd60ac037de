package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;
import org.agrona.DirectBuffer;

/**
 * The recovery state machine of one channel: which instruments are STALE, the in-sequence incremental packets kept
 * for them, and their recovery from a SnapshotFullRefresh52 followed by the kept packets newer than its
 * LastMsgSeqNumProcessed (RptSeq filters what the snapshot already holds).
 * <p>
 * A recovery publishes RECOVERING, the snapshot's image (books and statistics), then the kept packets' entries beyond
 * the snapshot's RptSeq as the events they are (book updates, trades, statistics: each once, after the image they
 * follow, with the MsgSeqNum, SendingTime and rx time of its packet), then OK.
 * <p>
 * A stale instrument takes only a snapshot the kept packets continue: every packet after its LastMsgSeqNumProcessed
 * must be kept, so a gap discards the kept packets before it. When the kept packets would overflow the buffer, the
 * overflow is counted, every instrument of the channel goes STALE (reason BUFFER_OVERFLOW), the buffer is discarded
 * and keeping restarts from the packet in hand: a full snapshot recovery.
 * <pre>
 *   OK --(RptSeq gap | snapshot shows loss | startup | overflow)--> STALE --(usable snapshot)--> RECOVERING
 *   RECOVERING --(kept packets replayed in sequence)--> OK      RECOVERING --(RptSeq gap in them)--> STALE
 * </pre>
 */
final class ChannelRecovery
{
    private static final int INT32_NULL = Integer.MAX_VALUE;

    private final ChannelCounters counters;
    private final MarketDataPublisher publisher;
    private final InstrumentTable instruments;
    private final CurrentPacket packet;
    private final EventBatch events;
    private final ChannelStatistics statistics;
    private final RecoveryBuffer kept;
    private final Mdp3PacketDecoder replayDecoder;
    private int staleCount;
    private long keptFromSeqNum;
    private boolean replaying;
    private Instrument replayInstrument;

    ChannelRecovery(
        final int bufferPackets,
        final ChannelCounters counters,
        final MarketDataPublisher publisher,
        final InstrumentTable instruments,
        final CurrentPacket packet,
        final EventBatch events,
        final ChannelStatistics statistics)
    {
        this.counters = counters;
        this.publisher = publisher;
        this.instruments = instruments;
        this.packet = packet;
        this.events = events;
        this.statistics = statistics;
        kept = new RecoveryBuffer(bufferPackets);
        replayDecoder = new Mdp3PacketDecoder(counters);
        replayDecoder.counting(false);
    }

    boolean isRecovering()
    {
        return staleCount > 0;
    }

    boolean isReplaying()
    {
        return replaying;
    }

    Instrument replayInstrument()
    {
        return replayInstrument;
    }

    /**
     * An instrument's entries can no longer be trusted; publishes STALE with the reason.
     *
     * @param instrument not STALE yet.
     * @param reason     why.
     * @param expected   the RptSeq expected, or 0.
     * @param received   the RptSeq received, or 0.
     */
    void markStale(
        final Instrument instrument, final FeedStateReason reason, final long expected, final long received)
    {
        if (FeedStateValue.OK == instrument.state)
        {
            staleCount++;
        }
        instrument.state = FeedStateValue.STALE;
        instrument.staleReason = reason;
        events.discard(instrument);
        counters.increment(FeedCounter.INSTRUMENT_GAPS);
        publisher.feedState(
            instrument.securityId,
            FeedStateValue.STALE,
            reason,
            expected,
            received,
            packet.rxTimestampNs,
            packet.nowNs);
    }

    /**
     * Every instrument that is OK goes STALE.
     *
     * @param reason why.
     */
    void staleAll(final FeedStateReason reason)
    {
        for (int i = 0, count = instruments.count(); i < count; i++)
        {
            final Instrument instrument = instruments.at(i);
            if (FeedStateValue.OK == instrument.state)
            {
                markStale(instrument, reason, 0, 0);
            }
        }
    }

    /**
     * The channel's MsgSeqNum started again: the channel is published STALE (security id 0), every instrument goes
     * STALE and the kept packets, of the old numbering, are discarded.
     *
     * @param expectedSeqNum the MsgSeqNum the old numbering was at.
     * @param firstSeqNum    the first MsgSeqNum of the new numbering.
     */
    void onSequenceReset(final long expectedSeqNum, final long firstSeqNum)
    {
        publisher.feedState(
            0,
            FeedStateValue.STALE,
            FeedStateReason.SEQUENCE_RESET,
            expectedSeqNum,
            firstSeqNum,
            packet.rxTimestampNs,
            packet.nowNs);
        staleAll(FeedStateReason.SEQUENCE_RESET);
        onGap(firstSeqNum);
    }

    /**
     * Packets were lost: kept packets before the gap can continue no snapshot a stale instrument may use.
     *
     * @param nextSeqNum the first MsgSeqNum after the gap.
     */
    void onGap(final long nextSeqNum)
    {
        kept.clear();
        keptFromSeqNum = nextSeqNum;
    }

    /**
     * Keep the packet just sequenced (its MsgSeqNum in the current packet) while any instrument is stale.
     *
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @param length of the packet.
     */
    void keep(final DirectBuffer buffer, final int offset, final int length)
    {
        if (0 == staleCount)
        {
            return;
        }
        if (kept.isFull())
        {
            overflow();
        }
        if (0 == kept.count())
        {
            keptFromSeqNum = packet.seqNum;
        }
        if (!kept.add(packet.seqNum, buffer, offset, length, packet.rxTimestampNs))
        {
            counters.increment(FeedCounter.PACKETS_TOO_LONG);
            kept.clear();
            keptFromSeqNum = packet.seqNum + 1;
        }
    }

    /**
     * A snapshot of an instrument: recovers it when it is STALE and the kept packets continue the snapshot, or when
     * it is OK but the snapshot, for a MsgSeqNum the channel has passed, shows a RptSeq it never saw.
     *
     * @param instrument     the snapshot's instrument.
     * @param decoder        wrapped over the snapshot.
     * @param expectedSeqNum the next MsgSeqNum the channel waits for.
     * @param listener       receives the kept packets replayed (the channel, as incrementals).
     */
    void onSnapshot(
        final Instrument instrument,
        final SnapshotFullRefresh52Decoder decoder,
        final long expectedSeqNum,
        final Mdp3Listener listener)
    {
        final long lastMsgSeqNumProcessed = decoder.lastMsgSeqNumProcessed();
        final long rptSeq = decoder.rptSeq();
        if (FeedStateValue.OK == instrument.state)
        {
            if (rptSeq <= instrument.lastRptSeq || expectedSeqNum <= lastMsgSeqNumProcessed)
            {
                return;
            }
            markStale(instrument, FeedStateReason.GAP, instrument.lastRptSeq + 1, rptSeq);
        }
        else if (FeedStateValue.STALE != instrument.state || lastMsgSeqNumProcessed + 1 < keptFromSeqNum)
        {
            return;
        }
        final boolean hadStatistics = !instrument.statistics.isEmpty();
        applySnapshot(instrument, decoder);
        instrument.lastRptSeq = rptSeq;
        instrument.state = FeedStateValue.RECOVERING;
        publisher.feedState(
            instrument.securityId,
            FeedStateValue.RECOVERING,
            FeedStateReason.SNAPSHOT_APPLIED,
            0,
            0,
            packet.rxTimestampNs,
            packet.nowNs);
        publisher.image(instrument, lastMsgSeqNumProcessed, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
        if (hadStatistics || !instrument.statistics.isEmpty())
        {
            statistics.publishImage(instrument, rptSeq, decoder.transactTime());
        }
        replay(instrument, lastMsgSeqNumProcessed, listener);
        if (FeedStateValue.RECOVERING == instrument.state)
        {
            recovered(instrument);
        }
    }

    private void applySnapshot(final Instrument instrument, final SnapshotFullRefresh52Decoder decoder)
    {
        instrument.book.clear();
        instrument.impliedBook.clear();
        instrument.statistics.clear();
        statistics.onSnapshotLimits(instrument, decoder.highLimitPrice().mantissa(),
            decoder.lowLimitPrice().mantissa(), decoder.maxPriceVariation().mantissa());
        final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder entries = decoder.noMDEntries();
        while (entries.hasNext())
        {
            entries.next();
            final byte type = entries.mDEntryTypeRaw();
            final boolean implied = 'E' == type || 'F' == type;
            final OrderBook book = '0' == type || '1' == type ? instrument.book :
                implied ? instrument.impliedBook : null;
            instrument.impliedUsed |= implied;
            if (null != book)
            {
                final boolean kept = book.set(
                    '0' == type || 'E' == type ? OrderBook.BID : OrderBook.ASK,
                    entries.mDPriceLevel(),
                    entries.mDEntryPx().mantissa(),
                    nullToZero(entries.mDEntrySize()),
                    nullToZero(entries.numberOfOrders()));
                if (!kept)
                {
                    counters.increment(FeedCounter.BOOK_LEVELS_BEYOND_DEPTH);
                }
            }
            else if (!statistics.onSnapshotEntry(
                instrument,
                type,
                entries.mDEntryPx().mantissa(),
                entries.mDEntrySize(),
                entries.openCloseSettlFlagRaw(),
                entries.settlPriceType().getRaw(),
                entries.tradingReferenceDate()) && '2' != type && 'g' != type)
            {
                // a last trade (2) is no state to restore; limits (g) come in the snapshot's own fields
                counters.increment(FeedCounter.STATISTIC_ENTRIES_REJECTED);
            }
        }
    }

    /**
     * A channel reset: an instrument that is not OK is OK again (published), its book being empty.
     *
     * @param instrument reset.
     */
    void onChannelReset(final Instrument instrument)
    {
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
                packet.rxTimestampNs,
                packet.nowNs);
        }
    }

    /**
     * Forget every kept packet (after a channel reset).
     */
    void clear()
    {
        kept.clear();
    }

    private void overflow()
    {
        counters.increment(FeedCounter.RECOVERY_BUFFER_OVERFLOWS);
        kept.clear();
        for (int i = 0, count = instruments.count(); i < count; i++)
        {
            final Instrument instrument = instruments.at(i);
            if (FeedStateValue.STALE != instrument.state)
            {
                markStale(instrument, FeedStateReason.BUFFER_OVERFLOW, 0, packet.seqNum);
            }
            else if (FeedStateReason.BUFFER_OVERFLOW != instrument.staleReason)
            {
                instrument.staleReason = FeedStateReason.BUFFER_OVERFLOW;
                publisher.feedState(
                    instrument.securityId,
                    FeedStateValue.STALE,
                    FeedStateReason.BUFFER_OVERFLOW,
                    0,
                    packet.seqNum,
                    packet.rxTimestampNs,
                    packet.nowNs);
            }
        }
    }

    private void replay(final Instrument instrument, final long lastMsgSeqNumProcessed, final Mdp3Listener listener)
    {
        final long seqNum = packet.seqNum;
        final long sendingTimeNs = packet.sendingTimeNs;
        final long rxTimestampNs = packet.rxTimestampNs;
        replaying = true;
        replayInstrument = instrument;
        final PacketSlots slots = kept.slots();
        for (int i = 0, count = kept.count(); i < count && FeedStateValue.RECOVERING == instrument.state; i++)
        {
            final int slot = kept.slot(i);
            if (slots.seqNum(slot) > lastMsgSeqNumProcessed)
            {
                final int offset = slots.offset(slot);
                final int length = slots.length(slot);
                replayDecoder.readHeader(slots.buffer(), offset, length);
                packet.seqNum = slots.seqNum(slot);
                packet.sendingTimeNs = replayDecoder.sendingTimeNs();
                packet.rxTimestampNs = slots.rxTimestampNs(slot);
                replayDecoder.decode(slots.buffer(), offset, length, listener);
            }
        }
        // an event the kept packets end in the middle of goes on in the live packets
        events.flush(instrument, false);
        replaying = false;
        replayInstrument = null;
        packet.seqNum = seqNum;
        packet.sendingTimeNs = sendingTimeNs;
        packet.rxTimestampNs = rxTimestampNs;
    }

    private void recovered(final Instrument instrument)
    {
        staleCount--;
        counters.increment(FeedCounter.RECOVERIES);
        instrument.state = FeedStateValue.OK;
        publisher.feedState(
            instrument.securityId,
            FeedStateValue.OK,
            FeedStateReason.SNAPSHOT_APPLIED,
            0,
            0,
            packet.rxTimestampNs,
            packet.nowNs);
        if (0 == staleCount)
        {
            kept.clear();
        }
    }

    private static int nullToZero(final int value)
    {
        return INT32_NULL == value ? 0 : value;
    }
}
