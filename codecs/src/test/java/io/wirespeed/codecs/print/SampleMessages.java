package io.wirespeed.codecs.print;

import org.agrona.MutableDirectBuffer;

import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.ExecMode;
import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.Negotiate500Encoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Encoder;
import io.wirespeed.codecs.ilink3.OrdStatusTrd;
import io.wirespeed.codecs.ilink3.OrderEventType;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.OrderTypeReq;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;
import io.wirespeed.codecs.mdp3.ChannelReset4Encoder;
import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.MDEntryTypeBook;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Encoder;
import io.wirespeed.codecs.mdp3.MDInstrumentDefinitionFuture54Encoder;
import io.wirespeed.codecs.mdp3.MDUpdateAction;
import io.wirespeed.codecs.mdp3.OrderUpdateAction;
import io.wirespeed.codecs.mdp3.SecurityStatus30Encoder;
import io.wirespeed.codecs.mdp3.SecurityTradingEvent;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.codecs.mdp3.SecurityUpdateAction;

/**
 * Venue messages encoded with the generated subset codecs, each written at an offset and returning its length with
 * the message header.
 */
final class SampleMessages
{
    static final int MDP3_HEADER_LENGTH = io.wirespeed.codecs.mdp3.MessageHeaderEncoder.ENCODED_LENGTH;
    static final int ILINK3_HEADER_LENGTH = io.wirespeed.codecs.ilink3.MessageHeaderEncoder.ENCODED_LENGTH;
    static final long TRANSACT_TIME = 1_700_000_000_123_456_789L;

    private SampleMessages()
    {
    }

    static int mdp3Book(final MutableDirectBuffer buffer, final int offset)
    {
        final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder()
            .wrapAndApplyHeader(buffer, offset, new io.wirespeed.codecs.mdp3.MessageHeaderEncoder())
            .transactTime(TRANSACT_TIME);
        book.matchEventIndicator().lastQuoteMsg(true).endOfEvent(true);

        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder entries = book.noMDEntriesCount(2);
        entries.next().mDEntryPx().mantissa(4_500_250_000_000L);
        entries.mDEntrySize(10).securityID(42).rptSeq(7)
            .numberOfOrders(MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder.numberOfOrdersNullValue())
            .mDPriceLevel((short) 1).mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeBook.Bid);
        entries.next().mDEntryPx().mantissa(-1_000_000_000L);
        entries.mDEntrySize(3).securityID(42).rptSeq(8).numberOfOrders(2)
            .mDPriceLevel((short) 2).mDUpdateAction(MDUpdateAction.Change).mDEntryType(MDEntryTypeBook.Offer);

        book.noOrderIDEntriesCount(1).next()
            .orderID(123_456_789_012L)
            .mDOrderPriority(MDIncrementalRefreshBook46Encoder.NoOrderIDEntriesEncoder.mDOrderPriorityNullValue())
            .mDDisplayQty(5).referenceID((short) 1).orderUpdateAction(OrderUpdateAction.New);

        return MDP3_HEADER_LENGTH + book.encodedLength();
    }

    static int mdp3SecurityStatus(final MutableDirectBuffer buffer, final int offset)
    {
        final SecurityStatus30Encoder status = new SecurityStatus30Encoder()
            .wrapAndApplyHeader(buffer, offset, new io.wirespeed.codecs.mdp3.MessageHeaderEncoder())
            .transactTime(TRANSACT_TIME)
            .securityGroup("ES")
            .asset("ES")
            .securityID(SecurityStatus30Encoder.securityIDNullValue())
            .tradeDate(20_000);
        status.matchEventIndicator().endOfEvent(true);
        status.securityTradingStatus(SecurityTradingStatus.ReadyToTrade)
            .haltReason(HaltReason.GroupSchedule)
            .securityTradingEvent(SecurityTradingEvent.NoEvent);

        return MDP3_HEADER_LENGTH + status.encodedLength();
    }

    static int mdp3ChannelReset(final MutableDirectBuffer buffer, final int offset)
    {
        final ChannelReset4Encoder reset = new ChannelReset4Encoder()
            .wrapAndApplyHeader(buffer, offset, new io.wirespeed.codecs.mdp3.MessageHeaderEncoder())
            .transactTime(TRANSACT_TIME);
        reset.matchEventIndicator().endOfEvent(true);
        reset.noMDEntriesCount(1).next().applID((short) 310);

        return MDP3_HEADER_LENGTH + reset.encodedLength();
    }

    static int mdp3FutureDefinition(final MutableDirectBuffer buffer, final int offset)
    {
        final MDInstrumentDefinitionFuture54Encoder definition = new MDInstrumentDefinitionFuture54Encoder()
            .wrapAndApplyHeader(buffer, offset, new io.wirespeed.codecs.mdp3.MessageHeaderEncoder())
            .totNumReports(MDInstrumentDefinitionFuture54Encoder.totNumReportsNullValue())
            .securityUpdateAction(SecurityUpdateAction.Add)
            .symbol("ESZ4")
            .securityID(42)
            .matchAlgorithm((byte) 'F');
        definition.maturityMonthYear().year(2024).month((short) 12)
            .day(io.wirespeed.codecs.mdp3.MaturityMonthYearEncoder.dayNullValue())
            .week(io.wirespeed.codecs.mdp3.MaturityMonthYearEncoder.weekNullValue());
        definition.displayFactor().mantissa(10_000_000L);
        definition.unitOfMeasureQty().mantissa(io.wirespeed.codecs.mdp3.Decimal9NULLEncoder.mantissaNullValue());
        definition.noEventsCount(0);
        definition.noMDFeedTypesCount(0);
        definition.noInstAttribCount(1).next().instAttribValue()
            .electronicMatchEligible(true)
            .gTOrdersEligibility(true);
        definition.noLotTypeRulesCount(1).next().lotType((byte) 2).minLotSize().mantissa(10_000);

        return MDP3_HEADER_LENGTH + definition.encodedLength();
    }

    static int ilink3NewOrder(final MutableDirectBuffer buffer, final int offset)
    {
        final NewOrderSingle514Encoder order = new NewOrderSingle514Encoder()
            .wrapAndApplyHeader(buffer, offset, new io.wirespeed.codecs.ilink3.MessageHeaderEncoder());
        order.price().mantissa(4_500_250_000_000L);
        order.orderQty(5).securityID(42).side(SideReq.Buy).seqNum(1)
            .senderID("TRADER1").clOrdID("ORD-1").partyDetailsListReqID(77).orderRequestID(1)
            .sendingTimeEpoch(TRANSACT_TIME);
        order.stopPx().mantissa(io.wirespeed.codecs.ilink3.PRICENULL9Encoder.mantissaNullValue());
        order.location("US,IL")
            .minQty(NewOrderSingle514Encoder.minQtyNullValue())
            .displayQty(NewOrderSingle514Encoder.displayQtyNullValue())
            .expireDate(NewOrderSingle514Encoder.expireDateNullValue())
            .ordType(OrderTypeReq.Limit)
            .timeInForce(TimeInForce.Day)
            .manualOrderIndicator(ManualOrdIndReq.Automated);
        order.execInst().aON(false);
        order.executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(io.wirespeed.codecs.ilink3.BooleanNULL.NULL_VAL)
            .managedOrder(io.wirespeed.codecs.ilink3.BooleanNULL.NULL_VAL)
            .shortSaleType(io.wirespeed.codecs.ilink3.ShortSaleType.NULL_VAL);

        return ILINK3_HEADER_LENGTH + order.encodedLength();
    }

    static int ilink3Negotiate(final MutableDirectBuffer buffer, final int offset)
    {
        final Negotiate500Encoder negotiate = new Negotiate500Encoder()
            .wrapAndApplyHeader(buffer, offset, new io.wirespeed.codecs.ilink3.MessageHeaderEncoder())
            .hMACSignature("0123456789abcdef0123456789abcdef")
            .accessKeyID("KEY")
            .uUID(1_700_000_000_000L)
            .requestTimestamp(TRANSACT_TIME)
            .session("ABC")
            .firm("F1")
            .credentials("s3cr\"t");

        return ILINK3_HEADER_LENGTH + negotiate.encodedLength();
    }

    static int ilink3Fill(final MutableDirectBuffer buffer, final int offset)
    {
        final ExecutionReportTradeOutright525Encoder fill = new ExecutionReportTradeOutright525Encoder()
            .wrapAndApplyHeader(buffer, offset, new io.wirespeed.codecs.ilink3.MessageHeaderEncoder())
            .seqNum(9).uUID(1_700_000_000_000L).execID("E9").senderID("TRADER1").clOrdID("ORD-1");
        fill.lastPx().mantissa(4_500_250_000_000L);
        fill.orderID(55);
        fill.price().mantissa(4_500_250_000_000L);
        fill.stopPx().mantissa(io.wirespeed.codecs.ilink3.PRICENULL9Encoder.mantissaNullValue());
        fill.transactTime(TRANSACT_TIME).location("US,IL").securityID(42).orderQty(5).lastQty(2).cumQty(2)
            .leavesQty(3).ordStatus(OrdStatusTrd.PartiallyFilled).ordType(OrderType.Limit).side(SideReq.Buy);

        final ExecutionReportTradeOutright525Encoder.NoFillsEncoder fills = fill.noFillsCount(2);
        fills.next().fillPx().mantissa(4_500_250_000_000L);
        fills.fillQty(1).fillExecID("A1").fillYieldType((short) 0);
        fills.next().fillPx().mantissa(4_500_500_000_000L);
        fills.fillQty(1).fillExecID("A2").fillYieldType((short) 0);

        final ExecutionReportTradeOutright525Encoder.NoOrderEventsEncoder events = fill.noOrderEventsCount(1);
        events.next().orderEventPx().mantissa(4_500_250_000_000L);
        events.orderEventText("").orderEventExecID(3).orderEventQty(2)
            .orderEventType(OrderEventType.PartiallyFilled).orderEventReason((short) 0);

        return ILINK3_HEADER_LENGTH + fill.encodedLength();
    }
}
