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
    private static final byte ENTRY_BID = '0';
    private static final byte ENTRY_OFFER = '1';
    private static final int INT32_NULL = Integer.MAX_VALUE;

    private final ChannelCounters counters;
    private final MarketDataPublisher publisher;
    private final InstrumentTable instruments;
    private final CurrentPacket packet;
    private final RecoveryBuffer kept;
    private final Mdp3PacketDecoder replayDecoder;
    private int staleCount;
    private long keptFromSeqNum;
    private boolean replaying;
    private int replaySecurityId;

    ChannelRecovery(
        final int bufferPackets,
        final ChannelCounters counters,
        final MarketDataPublisher publisher,
        final InstrumentTable instruments,
        final CurrentPacket packet)
    {
        this.counters = counters;
        this.publisher = publisher;
        this.instruments = instruments;
        this.packet = packet;
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

    int replaySecurityId()
    {
        return replaySecurityId;
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
        instrument.deltaCount = 0;
        instrument.topChanged = false;
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
        instrument.lastRptSeq = rptSeq;
        instrument.state = FeedStateValue.RECOVERING;
        replay(instrument, lastMsgSeqNumProcessed, listener);
        if (FeedStateValue.RECOVERING == instrument.state)
        {
            recovered(instrument);
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
        replaying = true;
        replaySecurityId = instrument.securityId;
        final PacketSlots slots = kept.slots();
        for (int i = 0, count = kept.count(); i < count && FeedStateValue.RECOVERING == instrument.state; i++)
        {
            final int slot = kept.slot(i);
            if (slots.seqNum(slot) > lastMsgSeqNumProcessed)
            {
                replayDecoder.decode(slots.buffer(), slots.offset(slot), slots.length(slot), listener);
            }
        }
        replaying = false;
        replaySecurityId = 0;
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
            packet.rxTimestampNs,
            packet.nowNs);
        publisher.image(instrument, packet.seqNum, packet.sendingTimeNs, packet.rxTimestampNs, packet.nowNs);
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
