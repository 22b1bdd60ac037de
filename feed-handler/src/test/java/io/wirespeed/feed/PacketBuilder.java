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

import java.nio.ByteOrder;

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

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

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
        snapshot.highLimitPrice().mantissa(Long.MAX_VALUE);
        snapshot.lowLimitPrice().mantissa(Long.MAX_VALUE);
        snapshot.maxPriceVariation().mantissa(Long.MAX_VALUE);
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
        return definition(channelId, securityId, symbol, -1, -1);
    }

    /**
     * A definition with MarketDepth entries: GBX (outright book depth) and GBI (implied book depth), each left out
     * when negative.
     */
    PacketBuilder definition(final int channelId, final int securityId, final String symbol, final int gbxDepth,
        final int gbiDepth)
    {
        definition.wrapAndApplyHeader(buffer, limit + 2, header)
            .applID((short)channelId)
            .securityID(securityId)
            .symbol(symbol);
        definition.minPriceIncrement().mantissa(250_000_000L);
        definition.displayFactor().mantissa(1_000_000_000L);
        definition.noEventsCount(0);
        final MDInstrumentDefinitionFuture54Encoder.NoMDFeedTypesEncoder feedTypes =
            definition.noMDFeedTypesCount((gbxDepth >= 0 ? 1 : 0) + (gbiDepth >= 0 ? 1 : 0));
        if (gbxDepth >= 0)
        {
            feedTypes.next().mDFeedType("GBX").marketDepth((byte)gbxDepth);
        }
        if (gbiDepth >= 0)
        {
            feedTypes.next().mDFeedType("GBI").marketDepth((byte)gbiDepth);
        }
        definition.noInstAttribCount(0);
        definition.noLotTypeRulesCount(0);
        return finish(definition.encodedLength());
    }

    /**
     * MDIncrementalRefreshVolume37, one entry, written byte by byte from CME's layout (not the generated encoder).
     */
    PacketBuilder volume(final boolean endOfEvent, final int securityId, final long rptSeq, final int volume,
        final int action)
    {
        final int group = rawMessage(37, endOfEvent, 16, 1);
        buffer.putInt(group, volume, LE);
        buffer.putInt(group + 4, securityId, LE);
        buffer.putInt(group + 8, (int)rptSeq, LE);
        buffer.putByte(group + 12, (byte)action);
        return rawFinish(group + 16);
    }

    /**
     * MDIncrementalRefreshDailyStatistics49, one entry (settlement, cleared volume, open interest, fixing), byte by
     * byte from CME's layout.
     */
    PacketBuilder dailyStatistic(final boolean endOfEvent, final int securityId, final long rptSeq, final int action,
        final char type, final long price, final int size, final int settlPriceType, final int tradingDate)
    {
        final int group = rawMessage(49, endOfEvent, 32, 1);
        buffer.putLong(group, price, LE);
        buffer.putInt(group + 8, size, LE);
        buffer.putInt(group + 12, securityId, LE);
        buffer.putInt(group + 16, (int)rptSeq, LE);
        buffer.putShort(group + 20, (short)tradingDate, LE);
        buffer.putByte(group + 22, (byte)settlPriceType);
        buffer.putByte(group + 23, (byte)action);
        buffer.putByte(group + 24, (byte)type);
        return rawFinish(group + 32);
    }

    /**
     * MDIncrementalRefreshLimitsBanding50, one entry, byte by byte from CME's layout; a null price deletes that value.
     */
    PacketBuilder limitsBanding(final boolean endOfEvent, final int securityId, final long rptSeq,
        final long highLimit, final long lowLimit, final long maxVariation)
    {
        final int group = rawMessage(50, endOfEvent, 32, 1);
        buffer.putLong(group, highLimit, LE);
        buffer.putLong(group + 8, lowLimit, LE);
        buffer.putLong(group + 16, maxVariation, LE);
        buffer.putInt(group + 24, securityId, LE);
        buffer.putInt(group + 28, (int)rptSeq, LE);
        return rawFinish(group + 32);
    }

    /**
     * MDIncrementalRefreshSessionStatistics51, one entry (open, high, low, highest bid, lowest offer, indicative
     * open), byte by byte from CME's layout.
     */
    PacketBuilder sessionStatistic(final boolean endOfEvent, final int securityId, final long rptSeq,
        final int action, final char type, final long price, final int openCloseSettlFlag, final int size)
    {
        final int group = rawMessage(51, endOfEvent, 24, 1);
        buffer.putLong(group, price, LE);
        buffer.putInt(group + 8, securityId, LE);
        buffer.putInt(group + 12, (int)rptSeq, LE);
        buffer.putByte(group + 16, (byte)openCloseSettlFlag);
        buffer.putByte(group + 17, (byte)action);
        buffer.putByte(group + 18, (byte)type);
        buffer.putInt(group + 19, size, LE);
        return rawFinish(group + 24);
    }

    /**
     * A SecurityStatus30 of a schema version of choice, byte by byte from CME's layout (30-byte block).
     */
    PacketBuilder rawStatus(final int version, final int securityId, final int tradingStatus)
    {
        final int body = rawHeader(30, 30, version);
        buffer.setMemory(body, 30, (byte)0);
        buffer.putLong(body, 7, LE);
        buffer.putInt(body + 20, securityId, LE);
        buffer.putShort(body + 24, (short)1, LE);
        buffer.putByte(body + 26, (byte)0x80);
        buffer.putByte(body + 27, (byte)tradingStatus);
        return rawFinish(body + 30);
    }

    /** One entry of a raw snapshot: a book level (type 0, 1, E, F) or a statistic (4, 6, 7, 8, B, C, N, O, W, e). */
    record SnapshotEntry(char type, int level, long price, int size, int orders, int openCloseSettlFlag,
        int settlPriceType, int tradingDate)
    {
    }

    static SnapshotEntry level(final char type, final int level, final long price, final int size, final int orders)
    {
        return new SnapshotEntry(type, level, price, size, orders, 255, 0, 65535);
    }

    static SnapshotEntry stat(final char type, final long price, final int size, final int openCloseSettlFlag,
        final int settlPriceType, final int tradingDate)
    {
        return new SnapshotEntry(type, 127, price, size, 2147483647, openCloseSettlFlag, settlPriceType, tradingDate);
    }

    /**
     * SnapshotFullRefresh52 byte by byte from CME's layout (59-byte root with the limits, 22-byte entries).
     */
    PacketBuilder rawSnapshot(final long lastMsgSeqNum, final int securityId, final long rptSeq,
        final long highLimit, final long lowLimit, final long maxVariation, final SnapshotEntry... entries)
    {
        final int body = rawHeader(52, 59, 9);
        buffer.putInt(body, (int)lastMsgSeqNum, LE);
        buffer.putInt(body + 4, 1, LE);
        buffer.putInt(body + 8, securityId, LE);
        buffer.putInt(body + 12, (int)rptSeq, LE);
        buffer.putLong(body + 16, 77, LE);
        buffer.putLong(body + 24, 7, LE);
        buffer.putShort(body + 32, (short)1, LE);
        buffer.putByte(body + 34, (byte)17);
        buffer.putLong(body + 35, highLimit, LE);
        buffer.putLong(body + 43, lowLimit, LE);
        buffer.putLong(body + 51, maxVariation, LE);
        buffer.putShort(body + 59, (short)22, LE);
        buffer.putByte(body + 61, (byte)entries.length);
        int entry = body + 62;
        for (final SnapshotEntry e : entries)
        {
            buffer.putLong(entry, e.price(), LE);
            buffer.putInt(entry + 8, e.size(), LE);
            buffer.putInt(entry + 12, e.orders(), LE);
            buffer.putByte(entry + 16, (byte)e.level());
            buffer.putShort(entry + 17, (short)e.tradingDate(), LE);
            buffer.putByte(entry + 19, (byte)e.openCloseSettlFlag());
            buffer.putByte(entry + 20, (byte)e.settlPriceType());
            buffer.putByte(entry + 21, (byte)e.type());
            entry += 22;
        }
        return rawFinish(entry);
    }

    /**
     * Overwrite the schema version of every message in the packet so far.
     */
    PacketBuilder version(final int version)
    {
        int position = BinaryPacketHeaderEncoder.ENCODED_LENGTH;
        while (position < limit)
        {
            buffer.putShort(position + 2 + 6, (short)version, LE);
            position += buffer.getShort(position, LE) & 0xFFFF;
        }
        return this;
    }

    /**
     * This builder holding a copy of a packet built elsewhere.
     */
    PacketBuilder copyOf(final org.agrona.DirectBuffer packet, final int length)
    {
        buffer.putBytes(0, packet, 0, length);
        limit = length;
        return this;
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

    private int rawHeader(final int templateId, final int blockLength, final int version)
    {
        final int header = limit + 2;
        buffer.putShort(header, (short)blockLength, LE);
        buffer.putShort(header + 2, (short)templateId, LE);
        buffer.putShort(header + 4, (short)1, LE);
        buffer.putShort(header + 6, (short)version, LE);
        return header + 8;
    }

    /**
     * Message header, the 11-byte incremental root (TransactTime, MatchEventIndicator) and a groupSize header.
     *
     * @return offset of the first group entry.
     */
    private int rawMessage(final int templateId, final boolean endOfEvent, final int entryLength, final int entries)
    {
        final int body = rawHeader(templateId, 11, 9);
        buffer.putLong(body, 7, LE);
        buffer.putByte(body + 8, (byte)(endOfEvent ? 0x80 : 0));
        buffer.putShort(body + 11, (short)entryLength, LE);
        buffer.putByte(body + 13, (byte)entries);
        buffer.setMemory(body + 14, entryLength * entries, (byte)0);
        return body + 14;
    }

    private PacketBuilder rawFinish(final int end)
    {
        buffer.putShort(limit, (short)(end - limit), LE);
        limit = end;
        return this;
    }

    private PacketBuilder finish(final int bodyLength)
    {
        final int size = 2 + MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        buffer.putShort(limit, (short)size, java.nio.ByteOrder.LITTLE_ENDIAN);
        limit += size;
        return this;
    }
}
