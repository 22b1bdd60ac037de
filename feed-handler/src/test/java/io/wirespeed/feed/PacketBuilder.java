package io.wirespeed.feed;

import io.wirespeed.codecs.mdp3.AggressorSide;
import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.ChannelReset4Encoder;
import io.wirespeed.codecs.mdp3.MDEntryType;
import io.wirespeed.codecs.mdp3.MDEntryTypeBook;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Encoder;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshTradeSummary48Encoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Encoder;
import io.wirespeed.codecs.mdp3.MDUpdateAction;
import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;
import io.wirespeed.codecs.mdp3.SecurityStatus30Encoder;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Encoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Builds MDP 3.0 packets with the generated encoders, for tests.
 */
final class PacketBuilder
{
    /** One book entry. */
    record Entry(int securityId, long rptSeq, MDUpdateAction action, char type, int level, long price, int qty,
        int orders)
    {
    }

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final BinaryPacketHeaderEncoder packetHeader = new BinaryPacketHeaderEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder();
    private final MDIncrementalRefreshTradeSummary48Encoder trades = new MDIncrementalRefreshTradeSummary48Encoder();
    private final SnapshotFullRefresh52Encoder snapshot = new SnapshotFullRefresh52Encoder();
    private final SecurityStatus30Encoder status = new SecurityStatus30Encoder();
    private final ChannelReset4Encoder reset = new ChannelReset4Encoder();
    private final MDInstrumentDefinitionFuture54Encoder definition = new MDInstrumentDefinitionFuture54Encoder();
    private int limit;

    static Entry bid(final int securityId, final long rptSeq, final MDUpdateAction action, final int level,
        final long price, final int qty, final int orders)
    {
        return new Entry(securityId, rptSeq, action, '0', level, price, qty, orders);
    }

    static Entry ask(final int securityId, final long rptSeq, final MDUpdateAction action, final int level,
        final long price, final int qty, final int orders)
    {
        return new Entry(securityId, rptSeq, action, '1', level, price, qty, orders);
    }

    PacketBuilder begin(final long seqNum)
    {
        packetHeader.wrap(buffer, 0).msgSeqNum(seqNum).sendingTime(1_000_000L * seqNum);
        limit = BinaryPacketHeaderEncoder.ENCODED_LENGTH;
        return this;
    }

    PacketBuilder book(final boolean endOfEvent, final Entry... entries)
    {
        book.wrapAndApplyHeader(buffer, limit + 2, header).transactTime(7);
        book.matchEventIndicator().clear().endOfEvent(endOfEvent);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder group = book.noMDEntriesCount(entries.length);
        for (final Entry e : entries)
        {
            group.next()
                .securityID(e.securityId())
                .rptSeq(e.rptSeq())
                .mDUpdateAction(e.action())
                .mDEntryType(MDEntryTypeBook.get((byte)e.type()))
                .mDPriceLevel((short)e.level())
                .numberOfOrders(e.orders())
                .mDEntrySize(e.qty())
                .mDEntryPx().mantissa(e.price());
        }
        book.noOrderIDEntriesCount(0);
        return finish(book.encodedLength());
    }

    PacketBuilder trade(final int securityId, final long rptSeq, final long price, final int qty,
        final boolean endOfEvent)
    {
        trades.wrapAndApplyHeader(buffer, limit + 2, header).transactTime(7);
        trades.matchEventIndicator().clear().endOfEvent(endOfEvent);
        trades.noMDEntriesCount(1).next()
            .securityID(securityId)
            .rptSeq(rptSeq)
            .mDEntrySize(qty)
            .numberOfOrders(2)
            .aggressorSide(AggressorSide.Buy)
            .mDUpdateAction(MDUpdateAction.New)
            .mDTradeEntryID(1)
            .mDEntryPx().mantissa(price);
        trades.noOrderIDEntriesCount(0);
        return finish(trades.encodedLength());
    }

    PacketBuilder snapshot(final long lastMsgSeqNum, final int securityId, final long rptSeq, final Entry... entries)
    {
        snapshot.wrapAndApplyHeader(buffer, limit + 2, header)
            .lastMsgSeqNumProcessed(lastMsgSeqNum)
            .totNumReports(1)
            .securityID(securityId)
            .rptSeq(rptSeq)
            .transactTime(7)
            .lastUpdateTime(7)
            .tradeDate(1)
            .mDSecurityTradingStatus(SecurityTradingStatus.ReadyToTrade);
        final SnapshotFullRefresh52Encoder.NoMDEntriesEncoder group = snapshot.noMDEntriesCount(entries.length);
        for (final Entry e : entries)
        {
            group.next()
                .mDEntrySize(e.qty())
                .numberOfOrders(e.orders())
                .mDPriceLevel((byte)e.level())
                .mDEntryType(MDEntryType.get((byte)e.type()))
                .mDEntryPx().mantissa(e.price());
        }
        return finish(snapshot.encodedLength());
    }

    PacketBuilder status(final int securityId, final SecurityTradingStatus tradingStatus)
    {
        status.wrapAndApplyHeader(buffer, limit + 2, header)
            .transactTime(7)
            .securityGroup("GR")
            .asset("AS")
            .securityID(securityId)
            .tradeDate(1)
            .securityTradingStatus(tradingStatus);
        status.matchEventIndicator().clear().endOfEvent(true);
        return finish(status.encodedLength());
    }

    PacketBuilder channelReset(final int channelId)
    {
        reset.wrapAndApplyHeader(buffer, limit + 2, header).transactTime(7);
        reset.matchEventIndicator().clear().endOfEvent(true);
        reset.noMDEntriesCount(1).next().applID((short)channelId);
        return finish(reset.encodedLength());
    }

    PacketBuilder definition(final int channelId, final int securityId, final String symbol)
    {
        definition.wrapAndApplyHeader(buffer, limit + 2, header)
            .applID((short)channelId)
            .securityID(securityId)
            .symbol(symbol);
        definition.minPriceIncrement().mantissa(250_000_000L);
        definition.displayFactor().mantissa(1_000_000_000L);
        definition.noEventsCount(0);
        definition.noMDFeedTypesCount(0);
        definition.noInstAttribCount(0);
        definition.noLotTypeRulesCount(0);
        return finish(definition.encodedLength());
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int length()
    {
        return limit;
    }

    byte[] toBytes()
    {
        final byte[] bytes = new byte[limit];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private PacketBuilder finish(final int bodyLength)
    {
        final int size = 2 + MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        buffer.putShort(limit, (short)size, java.nio.ByteOrder.LITTLE_ENDIAN);
        limit += size;
        return this;
    }
}
