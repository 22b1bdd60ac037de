package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.AdminHeartbeat12Decoder;
import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.ChannelReset4Decoder;
import io.wirespeed.codecs.mdp3.MDEntryTypeBook;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshDailyStatistics49Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshLimitsBanding50Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshSessionStatistics51Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshVolume37Decoder;
import io.wirespeed.codecs.mdp3.MDUpdateAction;
import io.wirespeed.codecs.mdp3.MessageHeaderDecoder;
import io.wirespeed.codecs.mdp3.MessageSizeDecoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Decoder;
import io.wirespeed.codecs.mdp3.SecurityTradingEvent;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Decodes every payload the simulator sends with the generated MDP3 decoders, checks the feed's invariants as it goes
 * and rebuilds each instrument's MBP book and statistics from the incremental feed A, as a receiver would.
 * <p>
 * Checked on every incremental message: MsgSeqNum one more than the last; per instrument RptSeq one more than the
 * last on every entry of every template; an event's messages are consecutive, of one instrument, in CME's order
 * (trades, volume, book, daily statistics, session statistics, limits), the last of each kind flagged as such and the
 * event's last carrying EndOfEvent; status, channel reset and heartbeat messages are events of their own; SendingTime
 * and TransactTime never go backwards and no TransactTime is after its packet's SendingTime; trade summaries' order
 * details add up. Snapshots are compared with the rebuilt book and statistics once the incremental feed reaches their
 * LastMsgSeqNumProcessed (see {@link RecoveryRecorder}).
 */
final class FeedRecorder implements SimHarness.PayloadHandler
{
    record Packet(long msgSeqNum, long sendingTimeNs, List<Integer> templateIds)
    {
    }

    record TradeEntry(int securityId, long mdTradeEntryId, long price, int size, long transactTimeNs)
    {
    }

    record StatusChange(int securityId, SecurityTradingStatus status, SecurityTradingEvent event, int tradeDate,
        long transactTimeNs)
    {
    }

    private static final int RANK_TRADES = 0;
    private static final int RANK_VOLUME = 1;
    private static final int RANK_BOOK = 2;
    private static final int RANK_DAILY = 3;
    private static final int RANK_SESSION = 4;
    private static final int RANK_LIMITS = 5;

    final int depth;
    final Int2ObjectHashMap<ReferenceBook> books = new Int2ObjectHashMap<>();
    final long[] digests = new long[SimHarness.Feed.values().length];
    final long[] packetCounts = new long[SimHarness.Feed.values().length];
    final List<Packet> packets = new ArrayList<>();
    final List<Long> channelResetSeqNums = new ArrayList<>();
    final List<StatusChange> statusChanges = new ArrayList<>();
    final List<Long> heartbeatTimesNs = new ArrayList<>();
    final List<Long> heartbeatIdleNs = new ArrayList<>();
    final Map<Integer, Long> settlementTypes = new TreeMap<>();
    final Map<Integer, Long> templateCounts = new TreeMap<>();
    final Map<Character, Long> statisticCounts = new TreeMap<>();
    final Map<Long, TradeEntry> tradeEntries = new HashMap<>();
    final Int2ObjectHashMap<long[]> entriesBySecurityId = new Int2ObjectHashMap<>();
    final RecoveryRecorder recovery = new RecoveryRecorder(this);
    final List<RecoveryRecorder.Snapshot> snapshots = recovery.snapshots;
    final List<RecoveryRecorder.Definition> definitions = recovery.definitions;
    boolean keepPackets;
    boolean keepTrades;
    long lastMsgSeqNum;
    long lastSendingTimeNs;
    long lastTransactTimeNs;
    long trades;
    long events;
    long snapshotsChecked;

    private final BinaryPacketHeaderDecoder packetHeader = new BinaryPacketHeaderDecoder();
    private final MessageSizeDecoder messageSize = new MessageSizeDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MDIncrementalRefreshBook46Decoder book = new MDIncrementalRefreshBook46Decoder();
    private final MDIncrementalRefreshTradeSummary48Decoder trade = new MDIncrementalRefreshTradeSummary48Decoder();
    private final MDIncrementalRefreshVolume37Decoder volume = new MDIncrementalRefreshVolume37Decoder();
    private final MDIncrementalRefreshDailyStatistics49Decoder daily =
        new MDIncrementalRefreshDailyStatistics49Decoder();
    private final MDIncrementalRefreshLimitsBanding50Decoder limits = new MDIncrementalRefreshLimitsBanding50Decoder();
    private final MDIncrementalRefreshSessionStatistics51Decoder session =
        new MDIncrementalRefreshSessionStatistics51Decoder();
    private final SecurityStatus30Decoder status = new SecurityStatus30Decoder();
    private final ChannelReset4Decoder reset = new ChannelReset4Decoder();
    private final List<Integer> republishing = new ArrayList<>();
    private int openEventSecurityId = -1;
    private int openEventRank;
    private boolean bookContinues;
    private long sendingTimeNs;
    private long previousSendingTimeNs;

    FeedRecorder(final int depth)
    {
        this.depth = depth;
    }

    ReferenceBook book(final int securityId)
    {
        return books.computeIfAbsent(securityId, (id) -> new ReferenceBook(depth));
    }

    public void onPayload(final SimHarness.Feed feed, final DirectBuffer buffer, final int offset, final int length)
    {
        long digest = 0 == packetCounts[feed.ordinal()] ? MbpBook.FNV_OFFSET_BASIS : digests[feed.ordinal()];
        for (int i = 0; i < length; i++)
        {
            digest = (digest ^ (buffer.getByte(offset + i) & 0xFF)) * 0x100000001B3L;
        }
        digests[feed.ordinal()] = digest;
        packetCounts[feed.ordinal()]++;

        if (SimHarness.Feed.A == feed)
        {
            onIncremental(buffer, offset, length);
        }
        else if (SimHarness.Feed.SNAPSHOT == feed)
        {
            recovery.onSnapshot(buffer, offset, length);
        }
        else if (SimHarness.Feed.DEFINITION == feed)
        {
            recovery.onDefinition(buffer, offset, length);
        }
    }

    /**
     * Every snapshot received has been compared with the rebuilt book at its LastMsgSeqNumProcessed.
     */
    void assertSnapshotsChecked()
    {
        recovery.checkSnapshots(lastMsgSeqNum);
        assertTrue(recovery.pendingSnapshots.isEmpty(),
            () -> "snapshots ahead of the incremental feed: " + recovery.pendingSnapshots);
    }

    /**
     * No event is left open: the last message seen carried EndOfEvent.
     */
    void assertEventsClosed()
    {
        assertEquals(-1, openEventSecurityId, "the last event is closed");
    }

    private void onIncremental(final DirectBuffer buffer, final int offset, final int length)
    {
        packetHeader.wrap(buffer, offset);
        final long msgSeqNum = packetHeader.msgSeqNum();
        assertEquals(lastMsgSeqNum + 1, msgSeqNum, "MsgSeqNum");
        recovery.checkSnapshots(lastMsgSeqNum);
        lastMsgSeqNum = msgSeqNum;
        sendingTimeNs = packetHeader.sendingTime();
        assertTrue(sendingTimeNs >= lastSendingTimeNs,
            () -> "SendingTime went back: " + sendingTimeNs + " after " + lastSendingTimeNs + " at " + msgSeqNum);
        previousSendingTimeNs = lastSendingTimeNs;
        lastSendingTimeNs = sendingTimeNs;

        final List<Integer> templates = keepPackets ? new ArrayList<>() : null;
        int position = offset + BinaryPacketHeaderDecoder.ENCODED_LENGTH;
        final int end = offset + length;
        assertTrue(position < end, "a packet carries at least one message");
        while (position < end)
        {
            final int size = messageSize.wrap(buffer, position).msgSize();
            assertTrue(size > MessageSizeDecoder.ENCODED_LENGTH && position + size <= end, "MessageSize " + size);
            header.wrap(buffer, position + MessageSizeDecoder.ENCODED_LENGTH);
            final int bodyOffset = position + MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH;
            final int templateId = header.templateId();
            templateCounts.merge(templateId, 1L, Long::sum);
            if (null != templates)
            {
                templates.add(templateId);
            }
            final int decoded = switch (templateId)
            {
                case MDIncrementalRefreshBook46Decoder.TEMPLATE_ID -> onBook(buffer, bodyOffset);
                case MDIncrementalRefreshTradeSummary48Decoder.TEMPLATE_ID -> onTrade(buffer, bodyOffset);
                case MDIncrementalRefreshVolume37Decoder.TEMPLATE_ID -> onVolume(buffer, bodyOffset);
                case MDIncrementalRefreshDailyStatistics49Decoder.TEMPLATE_ID -> onDaily(buffer, bodyOffset);
                case MDIncrementalRefreshLimitsBanding50Decoder.TEMPLATE_ID -> onLimits(buffer, bodyOffset);
                case MDIncrementalRefreshSessionStatistics51Decoder.TEMPLATE_ID -> onSession(buffer, bodyOffset);
                case SecurityStatus30Decoder.TEMPLATE_ID -> onStatus(buffer, bodyOffset);
                case ChannelReset4Decoder.TEMPLATE_ID -> onReset(buffer, bodyOffset, msgSeqNum);
                case AdminHeartbeat12Decoder.TEMPLATE_ID -> onHeartbeat(position, offset, size, length);
                default -> fail("unexpected template " + templateId);
            };
            assertEquals(size, MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + decoded,
                "MessageSize covers the message");
            position += size;
        }
        if (null != templates)
        {
            packets.add(new Packet(msgSeqNum, sendingTimeNs, templates));
        }
    }

    private int onBook(final DirectBuffer buffer, final int offset)
    {
        book.wrap(buffer, offset, header.blockLength(), header.version());
        final long transactTimeNs = transactTime(book.transactTime());
        int securityId = -1;
        for (final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder entry : book.noMDEntries())
        {
            securityId = entry.securityID();
            final ReferenceBook reference = onEntry(securityId, entry.rptSeq(), transactTimeNs);
            entriesBySecurityId.computeIfAbsent(securityId, (id) -> new long[1])[0]++;
            final Side side = MDEntryTypeBook.Bid == entry.mDEntryType() ? Side.BID : Side.ASK;
            final int level = entry.mDPriceLevel();
            final long price = entry.mDEntryPx().mantissa();
            switch (entry.mDUpdateAction())
            {
                case New -> reference.onNew(side, level, price, entry.mDEntrySize(), entry.numberOfOrders());
                case Change -> reference.onChange(side, level, price, entry.mDEntrySize(), entry.numberOfOrders());
                case Delete -> reference.onDelete(side, level, price);
                default -> fail("unexpected action " + entry.mDUpdateAction());
            }
        }
        book.noOrderIDEntries();
        final boolean lastQuote = book.matchEventIndicator().lastQuoteMsg();
        onEventMessage(securityId, RANK_BOOK, book.matchEventIndicator().endOfEvent());
        assertTrue(lastQuote || !book.matchEventIndicator().endOfEvent(), "the event's last book message");
        bookContinues = !lastQuote;
        return book.encodedLength();
    }

    private int onTrade(final DirectBuffer buffer, final int offset)
    {
        trade.wrap(buffer, offset, header.blockLength(), header.version());
        final long transactTimeNs = transactTime(trade.transactTime());
        assertTrue(trade.matchEventIndicator().lastTradeMsg(), "one trade summary per event, the last");
        int securityId = -1;
        final List<int[]> expectedDetails = new ArrayList<>();
        for (final MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder entry : trade.noMDEntries())
        {
            securityId = entry.securityID();
            final ReferenceBook reference = onEntry(securityId, entry.rptSeq(), transactTimeNs);
            assertTrue(entry.mDEntrySize() > 0 && entry.numberOfOrders() >= 2, "trade entry");
            assertEquals(MDUpdateAction.New, entry.mDUpdateAction());
            final long price = entry.mDEntryPx().mantissa();
            reference.stats.onTrade(price, entry.mDEntrySize());
            expectedDetails.add(new int[]{ entry.numberOfOrders(), entry.mDEntrySize() });
            if (keepTrades)
            {
                final TradeEntry tradeEntry = new TradeEntry(
                    securityId, entry.mDTradeEntryID(), price, entry.mDEntrySize(), transactTimeNs);
                assertNull(tradeEntries.put(key(securityId, entry.mDTradeEntryID()), tradeEntry),
                    () -> "MDTradeEntryID used twice: " + tradeEntry);
            }
            trades++;
        }
        final MDIncrementalRefreshTradeSummary48Decoder.NoOrderIDEntriesDecoder orders = trade.noOrderIDEntries();
        if (orders.count() > 0)
        {
            for (final int[] expected : expectedDetails)
            {
                assertEquals(expected[1], orders.next().lastQty(), "the aggressor's detail comes first, for all");
                long resting = 0;
                for (int i = 1; i < expected[0]; i++)
                {
                    resting += orders.next().lastQty();
                }
                assertEquals(expected[1], resting, "resting orders' fills add up to the entry");
            }
            assertFalse(orders.hasNext(), "NumberOfOrders counts every order detail");
        }
        onEventMessage(securityId, RANK_TRADES, trade.matchEventIndicator().endOfEvent());
        return trade.encodedLength();
    }

    private int onVolume(final DirectBuffer buffer, final int offset)
    {
        volume.wrap(buffer, offset, header.blockLength(), header.version());
        final long transactTimeNs = transactTime(volume.transactTime());
        assertTrue(volume.matchEventIndicator().lastVolumeMsg(), "LastVolumeMsg");
        int securityId = -1;
        for (final MDIncrementalRefreshVolume37Decoder.NoMDEntriesDecoder entry : volume.noMDEntries())
        {
            securityId = entry.securityID();
            onEntry(securityId, entry.rptSeq(), transactTimeNs).stats.onVolume(entry.mDEntrySize());
            statisticCounts.merge('e', 1L, Long::sum);
        }
        onEventMessage(securityId, RANK_VOLUME, volume.matchEventIndicator().endOfEvent());
        return volume.encodedLength();
    }

    private int onDaily(final DirectBuffer buffer, final int offset)
    {
        daily.wrap(buffer, offset, header.blockLength(), header.version());
        final long transactTimeNs = transactTime(daily.transactTime());
        int securityId = -1;
        for (final MDIncrementalRefreshDailyStatistics49Decoder.NoMDEntriesDecoder entry : daily.noMDEntries())
        {
            securityId = entry.securityID();
            final char type = (char)entry.mDEntryTypeRaw();
            onEntry(securityId, entry.rptSeq(), transactTimeNs).stats.onDaily(type, entry.mDEntryPx().mantissa(),
                entry.mDEntrySize(), entry.tradingReferenceDate(), entry.settlPriceType().getRaw());
            statisticCounts.merge(type, 1L, Long::sum);
            if ('6' == type)
            {
                settlementTypes.merge((int)entry.settlPriceType().getRaw(), 1L, Long::sum);
            }
        }
        onEventMessage(securityId, RANK_DAILY, daily.matchEventIndicator().endOfEvent());
        return daily.encodedLength();
    }

    private int onLimits(final DirectBuffer buffer, final int offset)
    {
        limits.wrap(buffer, offset, header.blockLength(), header.version());
        final long transactTimeNs = transactTime(limits.transactTime());
        int securityId = -1;
        for (final MDIncrementalRefreshLimitsBanding50Decoder.NoMDEntriesDecoder entry : limits.noMDEntries())
        {
            securityId = entry.securityID();
            onEntry(securityId, entry.rptSeq(), transactTimeNs).stats.onLimits(entry.highLimitPrice().mantissa(),
                entry.lowLimitPrice().mantissa(), entry.maxPriceVariation().mantissa());
            statisticCounts.merge('g', 1L, Long::sum);
        }
        onEventMessage(securityId, RANK_LIMITS, limits.matchEventIndicator().endOfEvent());
        return limits.encodedLength();
    }

    private int onSession(final DirectBuffer buffer, final int offset)
    {
        session.wrap(buffer, offset, header.blockLength(), header.version());
        final long transactTimeNs = transactTime(session.transactTime());
        assertTrue(session.matchEventIndicator().lastStatsMsg(), "LastStatsMsg");
        int securityId = -1;
        for (final MDIncrementalRefreshSessionStatistics51Decoder.NoMDEntriesDecoder entry : session.noMDEntries())
        {
            securityId = entry.securityID();
            final ReferenceBook reference = onEntry(securityId, entry.rptSeq(), transactTimeNs);
            final char type = (char)entry.mDEntryTypeRaw();
            final long price = entry.mDEntryPx().mantissa();
            final boolean republished = republishing.contains(securityId);
            reference.stats.onSession(type, price, entry.mDEntrySize(), entry.openCloseSettlFlagRaw(),
                republished ? price : reference.best(Side.BID), republished ? price : reference.best(Side.ASK));
            statisticCounts.merge(5 == entry.openCloseSettlFlagRaw() ? 'I' : type, 1L, Long::sum);
        }
        onEventMessage(securityId, RANK_SESSION, session.matchEventIndicator().endOfEvent());
        return session.encodedLength();
    }

    private int onStatus(final DirectBuffer buffer, final int offset)
    {
        status.wrap(buffer, offset, header.blockLength(), header.version());
        final long transactTimeNs = transactTime(status.transactTime());
        assertTrue(status.matchEventIndicator().endOfEvent(), "a status change is an event of its own");
        assertEquals(-1, openEventSecurityId, "a status change does not interrupt an event");
        final int securityId = status.securityID();
        final ReferenceBook reference = book(securityId);
        reference.lastTransactTimeNs = transactTimeNs;
        if (SecurityTradingEvent.ResetStatistics == status.securityTradingEvent())
        {
            reference.stats.resetSession();
        }
        statusChanges.add(new StatusChange(securityId, status.securityTradingStatus(), status.securityTradingEvent(),
            status.tradeDate(), transactTimeNs));
        events++;
        return status.encodedLength();
    }

    private int onReset(final DirectBuffer buffer, final int offset, final long msgSeqNum)
    {
        reset.wrap(buffer, offset, header.blockLength(), header.version());
        transactTime(reset.transactTime());
        assertTrue(reset.matchEventIndicator().endOfEvent(), "a channel reset is an event of its own");
        assertEquals(-1, openEventSecurityId, "a channel reset does not interrupt an event");
        final ChannelReset4Decoder.NoMDEntriesDecoder entries = reset.noMDEntries();
        assertEquals(1, entries.count());
        assertEquals(SimHarness.CHANNEL_ID, entries.next().applID());
        for (final int securityId : books.keySet())
        {
            books.get(securityId).clear();
            republishing.add(securityId);
        }
        channelResetSeqNums.add(msgSeqNum);
        events++;
        return reset.encodedLength();
    }

    private int onHeartbeat(final int position, final int packetOffset, final int size, final int packetLength)
    {
        assertEquals(packetOffset + BinaryPacketHeaderDecoder.ENCODED_LENGTH, position, "a heartbeat packet");
        assertEquals(packetLength, BinaryPacketHeaderDecoder.ENCODED_LENGTH + size, "holds the heartbeat alone");
        assertEquals(-1, openEventSecurityId, "a heartbeat does not interrupt an event");
        heartbeatTimesNs.add(sendingTimeNs);
        heartbeatIdleNs.add(sendingTimeNs - previousSendingTimeNs);
        return 0;
    }

    private long transactTime(final long transactTimeNs)
    {
        assertTrue(transactTimeNs >= lastTransactTimeNs,
            () -> "TransactTime went back: " + transactTimeNs + " after " + lastTransactTimeNs);
        assertTrue(transactTimeNs <= sendingTimeNs, "TransactTime after its packet's SendingTime");
        lastTransactTimeNs = transactTimeNs;
        return transactTimeNs;
    }

    private ReferenceBook onEntry(final int securityId, final long rptSeq, final long transactTimeNs)
    {
        final ReferenceBook reference = book(securityId);
        assertEquals(reference.lastRptSeq + 1, rptSeq, () -> "RptSeq of " + securityId);
        reference.lastRptSeq = rptSeq;
        reference.lastTransactTimeNs = transactTimeNs;
        return reference;
    }

    private void onEventMessage(final int securityId, final int rank, final boolean endOfEvent)
    {
        if (-1 != openEventSecurityId)
        {
            assertEquals(openEventSecurityId, securityId, "an event's messages are consecutive");
            assertTrue(rank >= openEventRank, "an event's messages in CME's order");
            assertTrue(!bookContinues || RANK_BOOK == rank, "book messages continue until LastQuoteMsg");
        }
        openEventRank = rank;
        openEventSecurityId = endOfEvent ? -1 : securityId;
        bookContinues = false;
        if (endOfEvent)
        {
            events++;
            republishing.remove((Integer)securityId);
        }
    }

    static long key(final int securityId, final long mdTradeEntryId)
    {
        return ((long)securityId << 32) | mdTradeEntryId;
    }
}
