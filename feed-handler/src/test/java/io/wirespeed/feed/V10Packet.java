package io.wirespeed.feed;

import io.wirespeed.feed.v10.MDEntryType;
import io.wirespeed.feed.v10.MDEntryTypeBook;
import io.wirespeed.feed.v10.MDIncrementalRefreshBook46Encoder;
import io.wirespeed.feed.v10.MDUpdateAction;
import io.wirespeed.feed.v10.MessageHeaderEncoder;
import io.wirespeed.feed.v10.SecurityTradingStatus;
import io.wirespeed.feed.v10.SnapshotFullRefresh52Encoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Builds MDP 3.0 packets of the tests' own schema version 10 (mdp3-v10-test.xml), every field and group that version
 * adds filled in, with the codecs generated from it.
 */
final class V10Packet
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder();
    private final SnapshotFullRefresh52Encoder snapshot = new SnapshotFullRefresh52Encoder();
    private final PacketBuilder packet = new PacketBuilder();
    private int limit;

    V10Packet begin(final long seqNum)
    {
        buffer.putInt(0, (int)seqNum, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(4, 1_000_000L * seqNum, ByteOrder.LITTLE_ENDIAN);
        limit = Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
        return this;
    }

    /**
     * A book message of one New entry, its version 10 fields and two entries of the version 10 group set.
     */
    V10Packet book(final int securityId, final long rptSeq, final char type, final long price, final int qty)
    {
        book.wrapAndApplyHeader(buffer, limit + 2, header).transactTime(7).batchTotalMessages(3);
        book.matchEventIndicator().clear().endOfEvent(true);
        book.noMDEntriesCount(1).next()
            .securityID(securityId)
            .rptSeq(rptSeq)
            .mDUpdateAction(MDUpdateAction.New)
            .mDEntryType(MDEntryTypeBook.get((byte)type))
            .mDPriceLevel((short)1)
            .numberOfOrders(1)
            .mDEntrySize(qty)
            .tradeableSize(qty * 2)
            .mDEntryPx().mantissa(price);
        book.noOrderIDEntriesCount(0);
        final MDIncrementalRefreshBook46Encoder.NoVenueTagsEncoder tags = book.noVenueTagsCount(2);
        tags.next().venueTag(0x7777_7777_7777_7777L).venueTagKind(1);
        tags.next().venueTag(-1L).venueTagKind(2);
        return finish(book.encodedLength());
    }

    /**
     * A snapshot of one bid level, its version 10 fields set.
     */
    V10Packet snapshot(
        final long lastMsgSeqNum, final int securityId, final long rptSeq, final long price, final int qty)
    {
        snapshot.wrapAndApplyHeader(buffer, limit + 2, header)
            .lastMsgSeqNumProcessed(lastMsgSeqNum)
            .totNumReports(1)
            .securityID(securityId)
            .rptSeq(rptSeq)
            .transactTime(7)
            .lastUpdateTime(7)
            .tradeDate(1)
            .mDSecurityTradingStatus(SecurityTradingStatus.ReadyToTrade)
            .lastTradeTime(99);
        snapshot.highLimitPrice().mantissa(Long.MAX_VALUE);
        snapshot.lowLimitPrice().mantissa(Long.MAX_VALUE);
        snapshot.maxPriceVariation().mantissa(Long.MAX_VALUE);
        snapshot.noMDEntriesCount(1).next()
            .mDEntrySize(qty)
            .numberOfOrders(1)
            .mDPriceLevel((byte)1)
            .mDEntryType(MDEntryType.Bid)
            .entryFlags(0xFFFF_FFFEL)
            .mDEntryPx().mantissa(price);
        return finish(snapshot.encodedLength());
    }

    /**
     * The packet, as a {@link PacketBuilder} a fixture takes.
     */
    PacketBuilder toPacket()
    {
        return packet.copyOf(buffer, limit);
    }

    private V10Packet finish(final int bodyLength)
    {
        final int size = 2 + MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        buffer.putShort(limit, (short)size, ByteOrder.LITTLE_ENDIAN);
        limit += size;
        return this;
    }
}
