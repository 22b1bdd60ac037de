package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.BooleanFlag;
import io.wirespeed.codecs.ilink3.BooleanNULL;
import io.wirespeed.codecs.ilink3.ExecMode;
import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import io.wirespeed.codecs.ilink3.OrdStatusTrd;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.ShortSaleType;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.SplitMsg;
import io.wirespeed.codecs.ilink3.TimeInForce;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the execution reports of client orders (New, Reject, Trade, Modify, Cancel) through the
 * {@link ResponseWriter}, with unique ExecIDs; every optional field the venue does not use is set to its null value.
 */
final class ExecutionReports
{
    private static final long UINT64_NULL = -1L;
    private static final long UINT32_NULL = 0xFFFF_FFFFL;
    private static final int UINT16_NULL = 0xFFFF;
    private static final short UINT8_NULL = 0xFF;
    private static final long PRICE_NULL = Long.MAX_VALUE;
    private static final int EXEC_ID_LENGTH = 40;

    private final ResponseWriter writer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportNew522Encoder newReport = new ExecutionReportNew522Encoder();
    private final ExecutionReportReject523Encoder rejectReport = new ExecutionReportReject523Encoder();
    private final ExecutionReportTradeOutright525Encoder tradeReport = new ExecutionReportTradeOutright525Encoder();
    private final ExecutionReportModify531Encoder modifyReport = new ExecutionReportModify531Encoder();
    private final ExecutionReportCancel534Encoder cancelReport = new ExecutionReportCancel534Encoder();
    private final byte[] execId = new byte[EXEC_ID_LENGTH];
    private final byte[] scratch20 = new byte[ClientOrder.CL_ORD_ID_LENGTH];
    private final byte[] scratch5 = new byte[ClientOrder.LOCATION_LENGTH];
    private long execIdSequence;
    private long sideTradeIdSequence;

    ExecutionReports(final ResponseWriter writer)
    {
        this.writer = writer;
    }

    void onNew(final ClientOrder order, final long nowNs)
    {
        writer.begin(order.session, nowNs);
        final MutableDirectBuffer buffer = clear(ExecutionReportNew522Encoder.BLOCK_LENGTH);
        final ExecutionReportNew522Encoder e = newReport.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putExecID(nextExecId(), 0)
            .putSenderID(order.senderId, 0)
            .putClOrdID(order.clOrdId, 0)
            .partyDetailsListReqID(order.partyDetailsListReqId)
            .orderID(order.orderId);
        e.price().mantissa(order.price);
        e.stopPx().mantissa(PRICE_NULL);
        e.transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(order.orderRequestId)
            .crossID(UINT64_NULL)
            .hostCrossID(UINT64_NULL)
            .putLocation(order.location, 0)
            .securityID(order.securityId)
            .orderQty(order.orderQty)
            .minQty(UINT32_NULL)
            .displayQty(UINT32_NULL)
            .expireDate(UINT16_NULL)
            .delayDuration(UINT16_NULL)
            .ordType(order.ordType)
            .side(order.side)
            .timeInForce(order.timeInForce)
            .manualOrderIndicator(order.manualOrderIndicator)
            .possRetransFlag(BooleanFlag.False)
            .splitMsg(SplitMsg.NULL_VAL)
            .crossType(UINT8_NULL)
            .executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL)
            .delayToTime(UINT64_NULL);
        e.execInst().clear();
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void onReject(
        final ClientSession session,
        final NewOrderSingle514Decoder request,
        final OrderType ordType,
        final SideReq side,
        final TimeInForce timeInForce,
        final int reason,
        final long nowNs)
    {
        writer.begin(session, nowNs);
        final MutableDirectBuffer buffer = clear(ExecutionReportReject523Encoder.BLOCK_LENGTH);
        final ExecutionReportReject523Encoder e = rejectReport.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putText(OrdRejReasons.text(reason), 0)
            .putExecID(nextExecId(), 0);
        request.getSenderID(scratch20, 0);
        e.putSenderID(scratch20, 0);
        request.getClOrdID(scratch20, 0);
        e.putClOrdID(scratch20, 0)
            .partyDetailsListReqID(request.partyDetailsListReqID())
            .orderID(0);
        e.price().mantissa(request.price().mantissa());
        e.stopPx().mantissa(PRICE_NULL);
        request.getLocation(scratch5, 0);
        e.transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(request.orderRequestID())
            .crossID(UINT64_NULL)
            .hostCrossID(UINT64_NULL)
            .putLocation(scratch5, 0)
            .securityID(request.securityID())
            .orderQty(request.orderQty())
            .minQty(UINT32_NULL)
            .displayQty(UINT32_NULL)
            .ordRejReason(reason)
            .expireDate(UINT16_NULL)
            .delayDuration(UINT16_NULL)
            .ordType(ordType)
            .side(side)
            .timeInForce(timeInForce)
            .manualOrderIndicator(manualOrderIndicator(request.manualOrderIndicatorRaw()))
            .possRetransFlag(BooleanFlag.False)
            .splitMsg(SplitMsg.NULL_VAL)
            .crossType(UINT8_NULL)
            .executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL)
            .delayToTime(UINT64_NULL);
        e.execInst().clear();
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void onFill(
        final ClientOrder order,
        final long lastPx,
        final long lastQty,
        final boolean aggressor,
        final int tradeDate,
        final long nowNs,
        final long mdTradeEntryId)
    {
        writer.begin(order.session, nowNs);
        final MutableDirectBuffer buffer = clear(ExecutionReportTradeOutright525Encoder.BLOCK_LENGTH);
        final long execIdNumber = execIdSequence + 1;
        final ExecutionReportTradeOutright525Encoder e = tradeReport.wrapAndApplyHeader(
            buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putExecID(nextExecId(), 0)
            .putSenderID(order.senderId, 0)
            .putClOrdID(order.clOrdId, 0)
            .partyDetailsListReqID(order.partyDetailsListReqId);
        e.lastPx().mantissa(lastPx);
        e.orderID(order.orderId);
        e.price().mantissa(order.price);
        e.stopPx().mantissa(PRICE_NULL);
        e.transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(order.orderRequestId)
            .secExecID(execIdNumber)
            .crossID(UINT64_NULL)
            .hostCrossID(UINT64_NULL)
            .putLocation(order.location, 0)
            .securityID(order.securityId)
            .orderQty(order.orderQty)
            .lastQty(lastQty)
            .cumQty(order.cumQty)
            .mDTradeEntryID(mdTradeEntryId)
            .sideTradeID(++sideTradeIdSequence & 0xFFFF_FFFFL)
            .tradeLinkID(UINT32_NULL)
            .leavesQty(order.leavesQty)
            .tradeDate(tradeDate)
            .expireDate(UINT16_NULL)
            .ordStatus(0 == order.leavesQty ? OrdStatusTrd.Filled : OrdStatusTrd.PartiallyFilled)
            .ordType(order.ordType)
            .side(order.side)
            .timeInForce(order.timeInForce)
            .manualOrderIndicator(order.manualOrderIndicator)
            .possRetransFlag(BooleanFlag.False)
            .aggressorIndicator(aggressor ? BooleanFlag.True : BooleanFlag.False)
            .crossType(UINT8_NULL)
            .executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL)
            .ownership((short)0);
        e.execInst().clear();
        final ExecutionReportTradeOutright525Encoder.NoFillsEncoder fills = e.noFillsCount(1).next();
        fills.fillPx().mantissa(lastPx);
        fills.fillQty(lastQty).putFillExecID((byte)'1', (byte)0).fillYieldType((short)0);
        e.noOrderEventsCount(0);
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void onModify(final ClientOrder order, final long nowNs)
    {
        writer.begin(order.session, nowNs);
        final MutableDirectBuffer buffer = clear(ExecutionReportModify531Encoder.BLOCK_LENGTH);
        final ExecutionReportModify531Encoder e = modifyReport.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putExecID(nextExecId(), 0)
            .putSenderID(order.senderId, 0)
            .putClOrdID(order.clOrdId, 0)
            .partyDetailsListReqID(order.partyDetailsListReqId)
            .orderID(order.orderId);
        e.price().mantissa(order.price);
        e.stopPx().mantissa(PRICE_NULL);
        e.transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(order.orderRequestId)
            .crossID(UINT64_NULL)
            .hostCrossID(UINT64_NULL)
            .putLocation(order.location, 0)
            .securityID(order.securityId)
            .orderQty(order.orderQty)
            .cumQty(order.cumQty)
            .leavesQty(order.leavesQty)
            .minQty(UINT32_NULL)
            .displayQty(UINT32_NULL)
            .expireDate(UINT16_NULL)
            .delayDuration(UINT16_NULL)
            .ordType(order.ordType)
            .side(order.side)
            .timeInForce(order.timeInForce)
            .manualOrderIndicator(order.manualOrderIndicator)
            .possRetransFlag(BooleanFlag.False)
            .splitMsg(SplitMsg.NULL_VAL)
            .crossType(UINT8_NULL)
            .executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL)
            .delayToTime(UINT64_NULL);
        e.execInst().clear();
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void onCancel(final ClientOrder order, final ExecReason reason, final long nowNs)
    {
        writer.begin(order.session, nowNs);
        final MutableDirectBuffer buffer = clear(ExecutionReportCancel534Encoder.BLOCK_LENGTH);
        final ExecutionReportCancel534Encoder e = cancelReport.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putExecID(nextExecId(), 0)
            .putSenderID(order.senderId, 0)
            .putClOrdID(order.clOrdId, 0)
            .partyDetailsListReqID(order.partyDetailsListReqId)
            .orderID(order.orderId);
        e.price().mantissa(order.price);
        e.stopPx().mantissa(PRICE_NULL);
        e.transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(order.orderRequestId)
            .crossID(UINT64_NULL)
            .hostCrossID(UINT64_NULL)
            .putLocation(order.location, 0)
            .securityID(order.securityId)
            .orderQty(order.orderQty)
            .cumQty(order.cumQty)
            .minQty(UINT32_NULL)
            .displayQty(UINT32_NULL)
            .expireDate(UINT16_NULL)
            .delayDuration(UINT16_NULL)
            .ordType(order.ordType)
            .side(order.side)
            .timeInForce(order.timeInForce)
            .manualOrderIndicator(order.manualOrderIndicator)
            .possRetransFlag(BooleanFlag.False)
            .splitMsg(SplitMsg.NULL_VAL)
            .execRestatementReason(reason)
            .crossType(UINT8_NULL)
            .executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL)
            .delayToTime(UINT64_NULL);
        e.execInst().clear();
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static ManualOrdIndReq manualOrderIndicator(final short raw)
    {
        return 1 == raw ? ManualOrdIndReq.Manual : ManualOrdIndReq.Automated;
    }

    private MutableDirectBuffer clear(final int blockLength)
    {
        final MutableDirectBuffer buffer = writer.buffer();
        buffer.setMemory(writer.offset(), MessageHeaderEncoder.ENCODED_LENGTH + blockLength, (byte)0);
        return buffer;
    }

    /**
     * The next ExecID: a decimal number, unique for the application's life, NUL padded.
     */
    private byte[] nextExecId()
    {
        long value = ++execIdSequence;
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }
        for (int i = digits; i < EXEC_ID_LENGTH; i++)
        {
            execId[i] = 0;
        }
        for (int i = digits - 1; i >= 0; i--)
        {
            execId[i] = (byte)('0' + value % 10);
            value /= 10;
        }
        return execId;
    }
}
