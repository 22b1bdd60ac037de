package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.ChannelReset4Decoder;
import io.wirespeed.codecs.mdp3.MDEntryType;
import io.wirespeed.codecs.mdp3.MDEntryTypeBook;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.wirespeed.codecs.mdp3.MessageHeaderDecoder;
import io.wirespeed.codecs.mdp3.MessageSizeDecoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Decoder;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Decoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Decodes every payload the simulator sends with the generated MDP3 decoders, checks the feed's invariants as it goes
 * and rebuilds each instrument's MBP book from the incremental feed A.
 */
final class FeedRecorder implements SimHarness.PayloadHandler
{
    record Snapshot(long msgSeqNum, long lastMsgSeqNumProcessed, long totNumReports, int securityId, long rptSeq,
        SecurityTradingStatus status, List<ReferenceBook.Level> bids, List<ReferenceBook.Level> asks)
    {
    }

    record Definition(long msgSeqNum, long totNumReports, int securityId, String symbol, long minPriceIncrement,
        long displayFactor, int marketDepth, int applId, long unitOfMeasureQty)
    {
    }

    record Packet(long msgSeqNum, long sendingTimeNs, List<Integer> templateIds)
    {
    }

    final int depth;
    final Int2ObjectHashMap<ReferenceBook> books = new Int2ObjectHashMap<>();
    final long[] digests = new long[SimHarness.Feed.values().length];
    final long[] packetCounts = new long[SimHarness.Feed.values().length];
    final List<Snapshot> snapshots = new ArrayList<>();
    final List<Definition> definitions = new ArrayList<>();
    final List<Packet> packets = new ArrayList<>();
    final List<Long> channelResetSeqNums = new ArrayList<>();
    final List<int[]> statusChanges = new ArrayList<>();
    final Int2ObjectHashMap<long[]> entriesBySecurityId = new Int2ObjectHashMap<>();
    boolean keepPackets;
    long lastMsgSeqNum;
    long trades;
    long snapshotsChecked;

    private final List<Snapshot> pendingSnapshots = new ArrayList<>();
    private final BinaryPacketHeaderDecoder packetHeader = new BinaryPacketHeaderDecoder();
    private final MessageSizeDecoder messageSize = new MessageSizeDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MDIncrementalRefreshBook46Decoder book = new MDIncrementalRefreshBook46Decoder();
    private final MDIncrementalRefreshTradeSummary48Decoder trade = new MDIncrementalRefreshTradeSummary48Decoder();
    private final SecurityStatus30Decoder status = new SecurityStatus30Decoder();
    private final ChannelReset4Decoder reset = new ChannelReset4Decoder();
    private final SnapshotFullRefresh52Decoder snapshot = new SnapshotFullRefresh52Decoder();
    private final MDInstrumentDefinitionFuture54Decoder definition = new MDInstrumentDefinitionFuture54Decoder();
    private int openEventSecurityId = -1;

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
            onRecovery(buffer, offset, length, true);
        }
        else if (SimHarness.Feed.DEFINITION == feed)
        {
            onRecovery(buffer, offset, length, false);
        }
    }

    /**
     * Every snapshot received has been compared with the rebuilt book at its LastMsgSeqNumProcessed.
     */
    void assertSnapshotsChecked()
    {
        checkSnapshots(lastMsgSeqNum);
        assertTrue(pendingSnapshots.isEmpty(), () -> "snapshots ahead of the incremental feed: " + pendingSnapshots);
    }

    private void onIncremental(final DirectBuffer buffer, final int offset, final int length)
    {
        packetHeader.wrap(buffer, offset);
        final long msgSeqNum = packetHeader.msgSeqNum();
        assertEquals(lastMsgSeqNum + 1, msgSeqNum, "MsgSeqNum");
        checkSnapshots(lastMsgSeqNum);
        lastMsgSeqNum = msgSeqNum;

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
            if (null != templates)
            {
                templates.add(templateId);
            }
            final int decoded = switch (templateId)
            {
                case MDIncrementalRefreshBook46Decoder.TEMPLATE_ID -> onBook(buffer, bodyOffset);
                case MDIncrementalRefreshTradeSummary48Decoder.TEMPLATE_ID -> onTrade(buffer, bodyOffset);
                case SecurityStatus30Decoder.TEMPLATE_ID -> onStatus(buffer, bodyOffset);
                case ChannelReset4Decoder.TEMPLATE_ID -> onReset(buffer, bodyOffset, msgSeqNum);
                default -> fail("unexpected template " + templateId);
            };
            assertEquals(size, MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + decoded,
                "MessageSize covers the message");
            position += size;
        }
        if (null != templates)
        {
            packets.add(new Packet(msgSeqNum, packetHeader.sendingTime(), templates));
        }
    }

    private int onBook(final DirectBuffer buffer, final int offset)
    {
        book.wrap(buffer, offset, header.blockLength(), header.version());
        int securityId = -1;
        for (final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder entry : book.noMDEntries())
        {
            securityId = entry.securityID();
            final ReferenceBook reference = book(securityId);
            assertEquals(reference.lastRptSeq + 1, entry.rptSeq(), "RptSeq of " + securityId);
            reference.lastRptSeq = entry.rptSeq();
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
        onEventMessage(securityId, book.matchEventIndicator().endOfEvent());
        return book.encodedLength();
    }

    private int onTrade(final DirectBuffer buffer, final int offset)
    {
        trade.wrap(buffer, offset, header.blockLength(), header.version());
        int securityId = -1;
        for (final MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder entry : trade.noMDEntries())
        {
            securityId = entry.securityID();
            final ReferenceBook reference = book(securityId);
            assertEquals(reference.lastRptSeq + 1, entry.rptSeq(), "RptSeq of " + securityId);
            reference.lastRptSeq = entry.rptSeq();
            assertTrue(entry.mDEntrySize() > 0 && entry.numberOfOrders() >= 2, "trade entry");
            trades++;
        }
        for (final MDIncrementalRefreshTradeSummary48Decoder.NoOrderIDEntriesDecoder order : trade.noOrderIDEntries())
        {
            assertTrue(order.lastQty() > 0, "fill quantity");
        }
        onEventMessage(securityId, trade.matchEventIndicator().endOfEvent());
        return trade.encodedLength();
    }

    private int onStatus(final DirectBuffer buffer, final int offset)
    {
        status.wrap(buffer, offset, header.blockLength(), header.version());
        assertTrue(status.matchEventIndicator().endOfEvent(), "a status change is an event of its own");
        statusChanges.add(new int[]{ status.securityID(), status.securityTradingStatus().value() });
        return status.encodedLength();
    }

    private int onReset(final DirectBuffer buffer, final int offset, final long msgSeqNum)
    {
        reset.wrap(buffer, offset, header.blockLength(), header.version());
        assertTrue(reset.matchEventIndicator().endOfEvent(), "a channel reset is an event of its own");
        final ChannelReset4Decoder.NoMDEntriesDecoder entries = reset.noMDEntries();
        assertEquals(1, entries.count());
        assertEquals(SimHarness.CHANNEL_ID, entries.next().applID());
        for (final ReferenceBook reference : books.values())
        {
            reference.clear();
        }
        channelResetSeqNums.add(msgSeqNum);
        return reset.encodedLength();
    }

    private void onEventMessage(final int securityId, final boolean endOfEvent)
    {
        if (-1 != openEventSecurityId)
        {
            assertEquals(openEventSecurityId, securityId, "an event's messages are consecutive");
        }
        openEventSecurityId = endOfEvent ? -1 : securityId;
    }

    private void onRecovery(final DirectBuffer buffer, final int offset, final int length, final boolean isSnapshot)
    {
        packetHeader.wrap(buffer, offset);
        final int position = offset + BinaryPacketHeaderDecoder.ENCODED_LENGTH;
        final int size = messageSize.wrap(buffer, position).msgSize();
        assertEquals(length - BinaryPacketHeaderDecoder.ENCODED_LENGTH, size, "one message per recovery packet");
        header.wrap(buffer, position + MessageSizeDecoder.ENCODED_LENGTH);
        final int bodyOffset = position + MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH;
        if (isSnapshot)
        {
            assertEquals(SnapshotFullRefresh52Decoder.TEMPLATE_ID, header.templateId());
            snapshot.wrap(buffer, bodyOffset, header.blockLength(), header.version());
            final List<ReferenceBook.Level> bids = new ArrayList<>();
            final List<ReferenceBook.Level> asks = new ArrayList<>();
            for (final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder entry : snapshot.noMDEntries())
            {
                final List<ReferenceBook.Level> levels = MDEntryType.Bid == entry.mDEntryType() ? bids : asks;
                assertEquals(levels.size() + 1, entry.mDPriceLevel(), "snapshot levels in order");
                levels.add(new ReferenceBook.Level(
                    entry.mDEntryPx().mantissa(), entry.mDEntrySize(), entry.numberOfOrders()));
            }
            final Snapshot received = new Snapshot(packetHeader.msgSeqNum(), snapshot.lastMsgSeqNumProcessed(),
                snapshot.totNumReports(), snapshot.securityID(), snapshot.rptSeq(),
                snapshot.mDSecurityTradingStatus(), bids, asks);
            snapshots.add(received);
            pendingSnapshots.add(received);
            assertEquals(size, MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH +
                snapshot.encodedLength());
        }
        else
        {
            assertEquals(MDInstrumentDefinitionFuture54Decoder.TEMPLATE_ID, header.templateId());
            final MDInstrumentDefinitionFuture54Decoder d = definition;
            d.wrap(buffer, bodyOffset, header.blockLength(), header.version());
            final long totNumReports = d.totNumReports();
            final int securityId = d.securityID();
            final String symbol = d.symbol().trim();
            final long minPriceIncrement = d.minPriceIncrement().mantissa();
            final long displayFactor = d.displayFactor().mantissa();
            final long unitOfMeasureQty = d.unitOfMeasureQty().mantissa();
            final int applId = d.applID();
            assertEquals(0, d.noEvents().count());
            final MDInstrumentDefinitionFuture54Decoder.NoMDFeedTypesDecoder feedTypes = d.noMDFeedTypes();
            assertEquals(1, feedTypes.count());
            final int marketDepth = feedTypes.next().marketDepth();
            final MDInstrumentDefinitionFuture54Decoder.NoInstAttribDecoder attributes = d.noInstAttrib();
            assertEquals(1, attributes.count());
            assertTrue(attributes.next().instAttribValue().electronicMatchEligible());
            final MDInstrumentDefinitionFuture54Decoder.NoLotTypeRulesDecoder lotTypes = d.noLotTypeRules();
            assertEquals(1, lotTypes.count());
            assertEquals(10_000, lotTypes.next().minLotSize().mantissa());
            definitions.add(new Definition(packetHeader.msgSeqNum(), totNumReports, securityId, symbol,
                minPriceIncrement, displayFactor, marketDepth, applId, unitOfMeasureQty));
            assertEquals(size, MessageSizeDecoder.ENCODED_LENGTH + MessageHeaderDecoder.ENCODED_LENGTH +
                d.encodedLength());
        }
    }

    private void checkSnapshots(final long appliedMsgSeqNum)
    {
        final Iterator<Snapshot> iterator = pendingSnapshots.iterator();
        while (iterator.hasNext())
        {
            final Snapshot pending = iterator.next();
            if (pending.lastMsgSeqNumProcessed() == appliedMsgSeqNum)
            {
                final ReferenceBook reference = book(pending.securityId());
                assertEquals(reference.side(Side.BID), pending.bids(), () -> "snapshot bids " + pending);
                assertEquals(reference.side(Side.ASK), pending.asks(), () -> "snapshot asks " + pending);
                assertEquals(reference.lastRptSeq, pending.rptSeq(), () -> "snapshot RptSeq " + pending);
                snapshotsChecked++;
                iterator.remove();
            }
            else
            {
                assertTrue(pending.lastMsgSeqNumProcessed() > appliedMsgSeqNum,
                    () -> "snapshot behind the feed: " + pending + " at " + appliedMsgSeqNum);
            }
        }
    }
}
