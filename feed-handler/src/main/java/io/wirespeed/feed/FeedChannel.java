package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.config.ChannelContext;
import org.agrona.DirectBuffer;

/**
 * One MDP 3.0 channel: A/B arbitration by MsgSeqNum ({@link FeedArbiter}), per-instrument RptSeq sequencing, MBP
 * books and instrument definitions ({@link ChannelMessages}), recovery from the snapshot feed
 * ({@link ChannelRecovery}), normalized publication per event ({@link EventBatch}).
 * <p>
 * An instrument goes STALE (published first) when one of its entries skips a RptSeq, or when a snapshot for a
 * MsgSeqNum the channel has already passed shows a RptSeq it never saw (its last entries were lost); the others keep
 * publishing. While any instrument is stale, in-sequence incremental packets are kept; a stale instrument's
 * SnapshotFullRefresh52 is applied, then the kept entries newer than its LastMsgSeqNumProcessed and RptSeq, and it
 * is published as RECOVERING, a full image, then OK. When the kept packets overflow the buffer, every instrument
 * goes STALE (reason BUFFER_OVERFLOW), the buffer is discarded and each recovers from its snapshot. Every
 * incremental template that carries a RptSeq (book, trade, volume, statistics, limits) takes part in the sequence.
 * When the channel's MsgSeqNum starts again ({@link FeedArbiter} tells a restart from an old duplicate), the channel
 * is published STALE (reason SEQUENCE_RESET), every instrument recovers from the snapshots of the new numbering and
 * the channel follows it.
 */
public final class FeedChannel
{
    /** Feed index of incremental feed A. */
    public static final int FEED_A = 0;

    /** Feed index of incremental feed B. */
    public static final int FEED_B = 1;

    private final int channelId;
    private final ChannelCounters counters;
    private final Mdp3PacketDecoder liveDecoder;
    private final Mdp3PacketDecoder recoveryDecoder;
    private final CurrentPacket packet = new CurrentPacket();
    private final InstrumentTable instruments;
    private final EventBatch events;
    private final ChannelRecovery recovery;
    private final FeedArbiter arbiter;
    private final ChannelMessages messages;
    private final MarketDataStream stream;
    private final LossRepublisher republisher;

    /**
     * A channel from its configuration, alone on its stream.
     *
     * @param context  the channel's configuration.
     * @param sink     where normalized messages go.
     * @param counters the channel's counters.
     */
    public FeedChannel(final ChannelContext context, final MarketDataSink sink, final ChannelCounters counters)
    {
        this(context, new MarketDataStream(sink), counters);
    }

    /**
     * A channel from its configuration, on a stream it may share with other channels.
     *
     * @param context  the channel's configuration.
     * @param stream   where normalized messages go, numbered.
     * @param counters the channel's counters.
     */
    public FeedChannel(final ChannelContext context, final MarketDataStream stream, final ChannelCounters counters)
    {
        channelId = context.id();
        this.counters = counters;
        this.stream = stream;
        final MarketDataPublisher publisher = new MarketDataPublisher(channelId, stream, counters);
        liveDecoder = new Mdp3PacketDecoder(counters);
        recoveryDecoder = new Mdp3PacketDecoder(counters);
        instruments = new InstrumentTable(context.bookDepth());
        events = new EventBatch(publisher, packet);
        final ChannelStatistics statistics = new ChannelStatistics(counters, publisher, packet);
        recovery = new ChannelRecovery(
            context.gapBufferPackets(), counters, publisher, instruments, packet, events, statistics);
        arbiter = new FeedArbiter(context, counters, new Sequenced());
        messages = new ChannelMessages(
            this, publisher, packet, instruments, events, recovery, statistics, arbiter);
        republisher = new LossRepublisher(publisher, statistics, packet);
    }

    /**
     * The stream the channel publishes on.
     *
     * @return the stream.
     */
    public MarketDataStream stream()
    {
        return stream;
    }

    /**
     * Publish every instrument again after the stream lost messages (see {@link LossRepublisher}).
     *
     * @param nowNs the agent's clock for this duty cycle.
     * @return instruments published.
     */
    public int republish(final long nowNs)
    {
        packet.nowNs = nowNs;
        counters.increment(FeedCounter.REPUBLISHED_AFTER_LOSS);
        return republisher.republish(instruments);
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
        final Instrument added = instruments.add(securityId, symbol);
        if (null == added)
        {
            return instruments.get(securityId);
        }
        events.ensureCapacity(instruments.count());
        counters.increment(FeedCounter.BOOKS);
        return added;
    }

    /**
     * An instrument by security id.
     *
     * @param securityId venue security id.
     * @return the instrument, or null when unknown.
     */
    public Instrument instrument(final int securityId)
    {
        return instruments.get(securityId);
    }

    /**
     * Number of instruments known.
     *
     * @return number of instruments known.
     */
    public int instrumentCount()
    {
        return instruments.count();
    }

    /**
     * An instrument by index, 0..instrumentCount-1.
     *
     * @param index of the instrument.
     * @return the instrument.
     */
    public Instrument instrumentAt(final int index)
    {
        return instruments.at(index);
    }

    /**
     * Hash of an instrument's book (see {@link OrderBook#hash()}), 0 when the instrument is unknown.
     *
     * @param securityId venue security id.
     * @return the hash.
     */
    public long bookHash(final int securityId)
    {
        final Instrument instrument = instruments.get(securityId);
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
        final Instrument instrument = instruments.get(securityId);
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
        packet.nowNs = nowNs;
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
        counters.increment(FeedCounter.PACKETS_SNAPSHOT);
        decodeOutOfBand(ChannelMessages.SOURCE_SNAPSHOT, buffer, offset, length, rxTimestampNs, nowNs);
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
        counters.increment(FeedCounter.PACKETS_DEFINITION);
        decodeOutOfBand(ChannelMessages.SOURCE_DEFINITION, buffer, offset, length, rxTimestampNs, nowNs);
    }

    /**
     * Check the gap timer and feed silence.
     *
     * @param nowNs the agent's clock for this duty cycle.
     * @return work done.
     */
    public int onTimer(final long nowNs)
    {
        packet.nowNs = nowNs;
        return arbiter.onTimer(nowNs);
    }

    /**
     * The earliest time {@link #onTimer(long)} has something to do: a gap timeout, a feed going silent.
     *
     * @return epoch nanoseconds, or {@link Long#MAX_VALUE} when no timer is pending.
     */
    public long nextTimerDeadlineNs()
    {
        return arbiter.nextDeadlineNs();
    }

    private void decodeOutOfBand(
        final int feedSource,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long rxTimestampNs,
        final long nowNs)
    {
        packet.nowNs = nowNs;
        packet.rxTimestampNs = rxTimestampNs;
        messages.source(feedSource);
        recoveryDecoder.decode(buffer, offset, length, messages);
        messages.source(ChannelMessages.SOURCE_INCREMENTAL);
    }

    private final class Sequenced implements FeedArbiter.Listener
    {
        public void onFirstPacket(final long seqNum, final long rxTimestampNs)
        {
            if (1 != seqNum)
            {
                packet.rxTimestampNs = rxTimestampNs;
                recovery.staleAll(FeedStateReason.STARTUP);
            }
        }

        public void onSequencedPacket(
            final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            packet.rxTimestampNs = rxTimestampNs;
            liveDecoder.readHeader(buffer, offset, length);
            packet.seqNum = liveDecoder.msgSeqNum();
            packet.sendingTimeNs = liveDecoder.sendingTimeNs();
            liveDecoder.decode(buffer, offset, length, messages);
            recovery.keep(buffer, offset, length);
        }

        public void onSequenceReset(final long expectedSeqNum, final long firstSeqNum)
        {
            messages.flushEvent();
            messages.onSequenceReset();
            recovery.onSequenceReset(expectedSeqNum, firstSeqNum);
        }

        public void onGap(final long lostPackets, final long nextSeqNum)
        {
            messages.flushEvent();
            recovery.onGap(nextSeqNum);
        }
    }
}
