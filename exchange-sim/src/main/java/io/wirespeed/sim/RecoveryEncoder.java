package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.GroupSizeEncoder;
import io.wirespeed.codecs.mdp3.MDEntryType;
import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.mdp3.OpenCloseSettlFlag;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Encoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the one-message packets of the snapshot loop: a SnapshotFullRefresh52 per instrument with its book, the
 * statistics the incremental feed has published (electronic volume, session and daily statistics as entries, the
 * limits in the header) and the time of the last event the instrument took part in.
 */
final class RecoveryEncoder
{
    /**
     * The most statistics entries a snapshot carries: opening (or indicative opening), high, low, highest bid,
     * lowest offer, electronic volume, settlement, cleared volume, open interest.
     */
    static final int MAX_STATISTICS_ENTRIES = 9;

    static final int SNAPSHOT_FIXED_LENGTH = BinaryPacketHeaderEncoder.ENCODED_LENGTH +
        MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
        SnapshotFullRefresh52Encoder.BLOCK_LENGTH + GroupSizeEncoder.ENCODED_LENGTH;
    static final int SNAPSHOT_ENTRY_LENGTH = SnapshotFullRefresh52Encoder.NoMDEntriesEncoder.sbeBlockLength();

    private static final byte PRICE_LEVEL_NULL =
        SnapshotFullRefresh52Encoder.NoMDEntriesEncoder.mDPriceLevelNullValue();
    private static final int ORDERS_NULL = SnapshotFullRefresh52Encoder.NoMDEntriesEncoder.numberOfOrdersNullValue();

    private final UnsafeBuffer buffer;
    private final FeedTemplates templates;
    private final BinaryPacketHeaderEncoder packetHeader = new BinaryPacketHeaderEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SnapshotFullRefresh52Encoder snapshot = new SnapshotFullRefresh52Encoder();
    private final StatEntries statistics = new StatEntries();

    RecoveryEncoder(final int maxPayload, final FeedTemplates templates)
    {
        this.buffer = new UnsafeBuffer(new byte[maxPayload]);
        this.templates = templates;
    }

    static int snapshotLength(final int depth)
    {
        return SNAPSHOT_FIXED_LENGTH + (2 * depth + MAX_STATISTICS_ENTRIES) * SNAPSHOT_ENTRY_LENGTH;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * A snapshot packet of one instrument as the incremental feed has published it up to {@code lastMsgSeqNum}.
     *
     * @return the payload length.
     */
    int writeSnapshot(
        final long msgSeqNum,
        final long sendingTimeNs,
        final SimInstrument instrument,
        final int totNumReports,
        final long lastMsgSeqNum,
        final long lastUpdateTimeNs,
        final int tradeDate)
    {
        packetHeader.wrap(buffer, 0).msgSeqNum(msgSeqNum).sendingTime(sendingTimeNs);
        final int messageOffset = BinaryPacketHeaderEncoder.ENCODED_LENGTH;
        final InstrumentStatistics stats = instrument.stats;
        final boolean limits = templates.limitsBanding;
        snapshot.wrapAndApplyHeader(buffer, messageOffset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .lastMsgSeqNumProcessed(lastMsgSeqNum)
            .totNumReports(totNumReports)
            .securityID(instrument.securityId)
            .rptSeq(instrument.rptSeq)
            .transactTime(instrument.lastTransactTimeNs)
            .lastUpdateTime(lastUpdateTimeNs)
            .tradeDate(tradeDate)
            .mDSecurityTradingStatus(instrument.status);
        snapshot.highLimitPrice().mantissa(limits ? stats.highLimit : InstrumentStatistics.NULL_PRICE);
        snapshot.lowLimitPrice().mantissa(limits ? stats.lowLimit : InstrumentStatistics.NULL_PRICE);
        snapshot.maxPriceVariation().mantissa(limits ? stats.maxPriceVariation : InstrumentStatistics.NULL_PRICE);

        final StatEntries entries = statistics;
        entries.reset();
        if (templates.volume)
        {
            stats.volumeEntry(entries);
        }
        if (templates.sessionStatistics)
        {
            stats.sessionEntries(entries);
        }
        if (templates.dailyStatistics)
        {
            stats.settlementEntry(entries);
            stats.clearingEntries(entries);
        }

        final MbpBook mbp = instrument.mbp;
        final int bids = mbp.levelCount(Side.BID);
        final int asks = mbp.levelCount(Side.ASK);
        final SnapshotFullRefresh52Encoder.NoMDEntriesEncoder group =
            snapshot.noMDEntriesCount(bids + asks + entries.count());
        for (int s = 0; s < 2; s++)
        {
            final Side side = 0 == s ? Side.BID : Side.ASK;
            final int count = 0 == s ? bids : asks;
            for (int level = 1; level <= count; level++)
            {
                group.next();
                group.mDEntryPx().mantissa(mbp.price(side, level));
                group.mDEntrySize((int)mbp.qty(side, level))
                    .numberOfOrders(mbp.orderCount(side, level))
                    .mDPriceLevel((byte)level)
                    .tradingReferenceDate(StatEntries.NULL_DATE)
                    .openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL);
                StatisticsEncoder.settlPriceType(group.settlPriceType(), StatEntries.SETTLE_NULL);
                group.mDEntryType(Side.BID == side ? MDEntryType.Bid : MDEntryType.Offer);
            }
        }
        for (int i = 0; i < entries.count(); i++)
        {
            group.next();
            group.mDEntryPx().mantissa(entries.price(i));
            group.mDEntrySize(entries.size(i))
                .numberOfOrders(ORDERS_NULL)
                .mDPriceLevel(PRICE_LEVEL_NULL)
                .tradingReferenceDate(entries.date(i))
                .openCloseSettlFlag(OpenCloseSettlFlag.get(entries.openCloseFlag(i)));
            StatisticsEncoder.settlPriceType(group.settlPriceType(), entries.settlFlags(i));
            group.mDEntryType(MDEntryType.get(entries.type(i)));
        }

        final int messageLength = MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
            snapshot.encodedLength();
        buffer.putShort(messageOffset, (short)messageLength, MessageSizeEncoder.BYTE_ORDER);
        return messageOffset + messageLength;
    }
}
