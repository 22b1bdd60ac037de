package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.EventType;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Encoder;
import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.mdp3.SecurityUpdateAction;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the one-message packets of the instrument definition loop: an MDInstrumentDefinitionFuture54 per instrument
 * with the fields a CME future has (contract month, events, tick size and tick value, unit of measure, feed depths,
 * eligibility, lot rules, the prior session's settlement, cleared volume and open interest, the limits).
 * <p>
 * Prices are sent as the configuration gives them, so DisplayFactor is 1 (CME sends some products, ES among them, in
 * hundredths with a DisplayFactor of 0.01; the appliance's prices follow the configured tick size instead).
 */
final class DefinitionEncoder
{
    /**
     * Depth of the implied book (GBI) a CME outright future advertises.
     */
    static final byte IMPLIED_DEPTH = 2;

    private static final long DISPLAY_FACTOR_ONE = 1_000_000_000L;
    private static final int MIN_LOT_SIZE_ONE = 10_000;
    private static final byte LOT_TYPE_ODD_LOT = 1;
    private static final byte[] EXCHANGE = { 'X', 'C', 'M', 'E' };
    private static final byte[] SECURITY_TYPE = { 'F', 'U', 'T', 0, 0, 0 };
    private static final byte[] OUTRIGHT_BOOK = { 'G', 'B', 'X' };
    private static final byte[] IMPLIED_BOOK = { 'G', 'B', 'I' };

    private final UnsafeBuffer buffer;
    private final int channelId;
    private final int depth;
    private final FeedTemplates templates;
    private final BinaryPacketHeaderEncoder packetHeader = new BinaryPacketHeaderEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MDInstrumentDefinitionFuture54Encoder definition = new MDInstrumentDefinitionFuture54Encoder();

    DefinitionEncoder(final int maxPayload, final int channelId, final int depth, final FeedTemplates templates)
    {
        this.buffer = new UnsafeBuffer(new byte[maxPayload]);
        this.channelId = channelId;
        this.depth = depth;
        this.templates = templates;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
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
        final ContractTerms terms = instrument.terms;
        final InstrumentStatistics stats = instrument.stats;
        final MDInstrumentDefinitionFuture54Encoder d = definition;
        d.wrapAndApplyHeader(buffer, messageOffset + MessageSizeEncoder.ENCODED_LENGTH, header);
        d.matchEventIndicator().clear().endOfEvent(true);
        d.totNumReports(totNumReports)
            .securityUpdateAction(SecurityUpdateAction.Add)
            .lastUpdateTime(lastUpdateTimeNs)
            .mDSecurityTradingStatus(instrument.status)
            .applID((short)channelId)
            .marketSegmentID(ClientMarket.MARKET_SEGMENT_ID)
            .underlyingProduct(terms.underlyingProduct)
            .putSecurityExchange(EXCHANGE, 0)
            .putSecurityGroup(instrument.securityGroup, 0)
            .putAsset(instrument.asset, 0)
            .putSymbol(instrument.symbol, 0)
            .securityID(instrument.securityId)
            .putSecurityType(SECURITY_TYPE, 0)
            .putCFICode(terms.cfiCode, 0);
        d.maturityMonthYear().year(terms.maturityYear).month(terms.maturityMonth).day((short)0xFF).week((short)0xFF);
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
            .putUnitOfMeasure(terms.unitOfMeasure, 0);
        d.unitOfMeasureQty().mantissa(instrument.contractMultiplierMantissa);
        d.tradingReferencePrice().mantissa(stats.priorSettlementPrice);
        StatisticsEncoder.settlPriceType(d.settlPriceType(), StatEntries.SETTLE_FINAL | StatEntries.SETTLE_ACTUAL);
        d.openInterestQty(InstrumentStatistics.size(stats.openInterest))
            .clearedVolume(InstrumentStatistics.size(stats.clearedVolume));
        final boolean limits = templates.limitsBanding;
        d.highLimitPrice().mantissa(limits ? stats.highLimit : InstrumentStatistics.NULL_PRICE);
        d.lowLimitPrice().mantissa(limits ? stats.lowLimit : InstrumentStatistics.NULL_PRICE);
        d.maxPriceVariation().mantissa(limits ? stats.maxPriceVariation : InstrumentStatistics.NULL_PRICE);
        d.decayQuantity(MDInstrumentDefinitionFuture54Encoder.decayQuantityNullValue())
            .decayStartDate(MDInstrumentDefinitionFuture54Encoder.decayStartDateNullValue())
            .originalContractSize(MDInstrumentDefinitionFuture54Encoder.originalContractSizeNullValue())
            .contractMultiplier(instrument.contractMultiplier)
            .contractMultiplierUnit(MDInstrumentDefinitionFuture54Encoder.contractMultiplierUnitNullValue())
            .flowScheduleType(MDInstrumentDefinitionFuture54Encoder.flowScheduleTypeNullValue());
        d.minPriceIncrementAmount().mantissa(instrument.tickValueMantissa);
        d.userDefinedInstrument((byte)'N')
            .tradingReferenceDate(stats.priorTradeDate);

        final MDInstrumentDefinitionFuture54Encoder.NoEventsEncoder events =
            d.noEventsCount(terms.hasMaturity() ? 2 : 0);
        if (terms.hasMaturity())
        {
            events.next().eventType(EventType.Activation).eventTime(terms.activationNs);
            events.next().eventType(EventType.LastEligibleTradeDate).eventTime(terms.lastTradeNs);
        }
        final MDInstrumentDefinitionFuture54Encoder.NoMDFeedTypesEncoder feedTypes = d.noMDFeedTypesCount(2);
        feedTypes.next().putMDFeedType(OUTRIGHT_BOOK, 0).marketDepth((byte)depth);
        feedTypes.next().putMDFeedType(IMPLIED_BOOK, 0).marketDepth(IMPLIED_DEPTH);
        d.noInstAttribCount(1).next().instAttribValue().clear()
            .electronicMatchEligible(true)
            .orderCrossEligible(true)
            .blockTradeEligible(true)
            .eFPEligible(true)
            .negativePriceOutrightEligible(terms.negativePricesEligible)
            .zeroPriceOutrightEligible(terms.negativePricesEligible)
            .gTOrdersEligibility(true)
            .impliedMatchingEligibility(true);
        d.noLotTypeRulesCount(1).next().lotType(LOT_TYPE_ODD_LOT).minLotSize().mantissa(MIN_LOT_SIZE_ONE);

        final int messageLength = MessageSizeEncoder.ENCODED_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
            d.encodedLength();
        buffer.putShort(messageOffset, (short)messageLength, MessageSizeEncoder.BYTE_ORDER);
        return messageOffset + messageLength;
    }
}
