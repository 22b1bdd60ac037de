package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.GroupSizeEncoder;
import io.wirespeed.codecs.mdp3.MDEntryType;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Encoder;
import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.mdp3.OpenCloseSettlFlag;
import io.wirespeed.codecs.mdp3.PRICENULL9Encoder;
import io.wirespeed.codecs.mdp3.SecurityUpdateAction;
import io.wirespeed.codecs.mdp3.SnapshotFullRefresh52Encoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the one-message packets of the snapshot loop (SnapshotFullRefresh52) and the instrument definition loop
 * (MDInstrumentDefinitionFuture54).
 */
final class RecoveryEncoder
{
    static final int SNAPSHOT_FIXED_LENGTH = BinaryPacketHeaderEncoder.ENCODED_LENGTH +
        MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
        SnapshotFullRefresh52Encoder.BLOCK_LENGTH + GroupSizeEncoder.ENCODED_LENGTH;
    static final int SNAPSHOT_ENTRY_LENGTH = SnapshotFullRefresh52Encoder.NoMDEntriesEncoder.sbeBlockLength();

    private static final int TRADING_REFERENCE_DATE_NULL =
        SnapshotFullRefresh52Encoder.NoMDEntriesEncoder.tradingReferenceDateNullValue();
    private static final long DISPLAY_FACTOR_ONE = 1_000_000_000L;
    private static final int MIN_LOT_SIZE_ONE = 10_000;
    private static final byte[] EXCHANGE = { 'X', 'C', 'M', 'E' };
    private static final byte[] SECURITY_TYPE = { 'F', 'U', 'T', 0, 0, 0 };
    private static final byte[] CFI_CODE = { 'F', 'F', 'I', 'C', 'S', 'X' };
    private static final byte[] UNIT_OF_MEASURE = padded("IPNT", 30);
    private static final byte[] FEED_TYPE = { 'G', 'B', 'X' };

    private final UnsafeBuffer buffer;
    private final int channelId;
    private final int depth;
    private final BinaryPacketHeaderEncoder packetHeader = new BinaryPacketHeaderEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SnapshotFullRefresh52Encoder snapshot = new SnapshotFullRefresh52Encoder();
    private final MDInstrumentDefinitionFuture54Encoder definition = new MDInstrumentDefinitionFuture54Encoder();

    RecoveryEncoder(final int maxPayload, final int channelId, final int depth)
    {
        this.buffer = new UnsafeBuffer(new byte[maxPayload]);
        this.channelId = channelId;
        this.depth = depth;
    }

    static int snapshotLength(final int depth)
    {
        return SNAPSHOT_FIXED_LENGTH + 2 * depth * SNAPSHOT_ENTRY_LENGTH;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * A snapshot packet of one instrument's book as the incremental feed has published it up to
     * {@code lastMsgSeqNum}.
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
        snapshot.wrapAndApplyHeader(buffer, messageOffset + MessageSizeEncoder.ENCODED_LENGTH, header)
            .lastMsgSeqNumProcessed(lastMsgSeqNum)
            .totNumReports(totNumReports)
            .securityID(instrument.securityId)
            .rptSeq(instrument.rptSeq)
            .transactTime(instrument.lastTransactTimeNs)
            .lastUpdateTime(lastUpdateTimeNs)
            .tradeDate(tradeDate)
            .mDSecurityTradingStatus(instrument.status);
        snapshot.highLimitPrice().mantissa(PRICENULL9Encoder.mantissaNullValue());
        snapshot.lowLimitPrice().mantissa(PRICENULL9Encoder.mantissaNullValue());
        snapshot.maxPriceVariation().mantissa(PRICENULL9Encoder.mantissaNullValue());

        final MbpBook mbp = instrument.mbp;
        final int bids = mbp.levelCount(Side.BID);
        final int asks = mbp.levelCount(Side.ASK);
        final SnapshotFullRefresh52Encoder.NoMDEntriesEncoder group = snapshot.noMDEntriesCount(bids + asks);
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
                    .tradingReferenceDate(TRADING_REFERENCE_DATE_NULL)
                    .openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL);
                group.settlPriceType().clear();
                group.mDEntryType(Side.BID == side ? MDEntryType.Bid : MDEntryType.Offer);
            }
        }
        return finish(messageOffset, snapshot.encodedLength());
    }

    /**
     * A definition packet of one instrument.
     *
     * @return the payload length.
     */
    int writeDefinition(
        final long msgSeqNum,
        final long sendingTimeNs,
        final SimInstrument instrument,
        final int totNumReports,
        final long lastUpdateTimeNs)
    {
        packetHeader.wrap(buffer, 0).msgSeqNum(msgSeqNum).sendingTime(sendingTimeNs);
        final int messageOffset = BinaryPacketHeaderEncoder.ENCODED_LENGTH;
        final MDInstrumentDefinitionFuture54Encoder d = definition;
        d.wrapAndApplyHeader(buffer, messageOffset + MessageSizeEncoder.ENCODED_LENGTH, header);
        d.matchEventIndicator().clear().endOfEvent(true);
        d.totNumReports(totNumReports)
            .securityUpdateAction(SecurityUpdateAction.Add)
            .lastUpdateTime(lastUpdateTimeNs)
            .mDSecurityTradingStatus(instrument.status)
            .applID((short)channelId)
            .marketSegmentID((short)0)
            .underlyingProduct((short)2)
            .putSecurityExchange(EXCHANGE, 0)
            .putSecurityGroup(instrument.securityGroup, 0)
            .putAsset(instrument.asset, 0)
            .putSymbol(instrument.symbol, 0)
            .securityID(instrument.securityId)
            .putSecurityType(SECURITY_TYPE, 0)
            .putCFICode(CFI_CODE, 0);
        d.maturityMonthYear().year(0xFFFF).month((short)0xFF).day((short)0xFF).week((short)0xFF);
        d.putCurrency((byte)'U', (byte)'S', (byte)'D')
            .putSettlCurrency((byte)'U', (byte)'S', (byte)'D')
            .matchAlgorithm((byte)'F')
            .minTradeVol(instrument.context.minOrderQty())
            .maxTradeVol(instrument.context.maxOrderQty());
        d.minPriceIncrement().mantissa(instrument.tickMantissa);
        d.displayFactor().mantissa(DISPLAY_FACTOR_ONE);
        d.mainFraction(MDInstrumentDefinitionFuture54Encoder.mainFractionNullValue())
            .subFraction(MDInstrumentDefinitionFuture54Encoder.subFractionNullValue())
            .priceDisplayFormat(MDInstrumentDefinitionFuture54Encoder.priceDisplayFormatNullValue())
            .putUnitOfMeasure(UNIT_OF_MEASURE, 0);
        d.unitOfMeasureQty().mantissa(instrument.contractMultiplierMantissa);
        d.tradingReferencePrice().mantissa(PRICENULL9Encoder.mantissaNullValue());
        d.settlPriceType().clear();
        d.openInterestQty(MDInstrumentDefinitionFuture54Encoder.openInterestQtyNullValue())
            .clearedVolume(MDInstrumentDefinitionFuture54Encoder.clearedVolumeNullValue());
        d.highLimitPrice().mantissa(PRICENULL9Encoder.mantissaNullValue());
        d.lowLimitPrice().mantissa(PRICENULL9Encoder.mantissaNullValue());
        d.maxPriceVariation().mantissa(PRICENULL9Encoder.mantissaNullValue());
        d.decayQuantity(MDInstrumentDefinitionFuture54Encoder.decayQuantityNullValue())
            .decayStartDate(MDInstrumentDefinitionFuture54Encoder.decayStartDateNullValue())
            .originalContractSize(MDInstrumentDefinitionFuture54Encoder.originalContractSizeNullValue())
            .contractMultiplier(MDInstrumentDefinitionFuture54Encoder.contractMultiplierNullValue())
            .contractMultiplierUnit(MDInstrumentDefinitionFuture54Encoder.contractMultiplierUnitNullValue())
            .flowScheduleType(MDInstrumentDefinitionFuture54Encoder.flowScheduleTypeNullValue());
        d.minPriceIncrementAmount().mantissa(instrument.tickValueMantissa);
        d.userDefinedInstrument((byte)'N')
            .tradingReferenceDate(MDInstrumentDefinitionFuture54Encoder.tradingReferenceDateNullValue());
        d.noEventsCount(0);
        d.noMDFeedTypesCount(1).next().putMDFeedType(FEED_TYPE, 0).marketDepth((byte)depth);
        d.noInstAttribCount(1).next().instAttribValue().clear().electronicMatchEligible(true);
        d.noLotTypeRulesCount(1).next().lotType((byte)1).minLotSize().mantissa(MIN_LOT_SIZE_ONE);
        return finish(messageOffset, d.encodedLength());
    }

    private static byte[] padded(final String text, final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < text.length(); i++)
        {
            bytes[i] = (byte)text.charAt(i);
        }
        return bytes;
    }

    private int finish(final int messageOffset, final int bodyLength)
    {
        final int messageLength = MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        buffer.putShort(messageOffset, (short)messageLength, MessageSizeEncoder.BYTE_ORDER);
        return messageOffset + messageLength;
    }
}
