package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.BooleanFlag;
import io.wirespeed.codecs.ilink3.BooleanNULL;
import io.wirespeed.codecs.ilink3.ExecMode;
import io.wirespeed.codecs.ilink3.ExecutionReportStatus532Encoder;
import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.OrderStatus;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.ShortSaleType;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes ExecutionReportStatus (ExecType I) through the {@link ResponseWriter}: the state of one order, or the
 * answer that no order matches (OrdStatus U, Undefined). OrdStatusReqID or MassStatusReqID is echoed, the other
 * null; ExecID is "0", as FIX has it for status reports.
 */
final class StatusReports
{
    private static final long UINT64_NULL = -1L;
    private static final long UINT32_NULL = 0xFFFF_FFFFL;
    private static final int UINT16_NULL = 0xFFFF;
    private static final short UINT8_NULL = 0xFF;
    private static final long PRICE_NULL = Long.MAX_VALUE;
    private static final byte[] EXEC_ID = Ascii.padded("0", 40);
    private static final byte[] NO_TEXT = new byte[256];
    private static final byte[] NO_CL_ORD_ID = new byte[ClientOrder.CL_ORD_ID_LENGTH];

    private final ResponseWriter writer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportStatus532Encoder status = new ExecutionReportStatus532Encoder();

    StatusReports(final ResponseWriter writer)
    {
        this.writer = writer;
    }

    /**
     * The state of an order, working or finished.
     *
     * @param session          the client asking.
     * @param order            the order (or a finished order's final state).
     * @param ordStatus        its status.
     * @param ordStatusReqId   OrdStatusReqID to echo, or null for a mass status.
     * @param massStatusReqId  MassStatusReqID to echo, or null for a single status.
     * @param lastRptRequested True on the last report of a mass status, False on the others, null otherwise.
     * @param nowNs            the stamp.
     */
    void onOrder(
        final ClientSession session,
        final ClientOrder order,
        final OrderStatus ordStatus,
        final long ordStatusReqId,
        final long massStatusReqId,
        final BooleanNULL lastRptRequested,
        final long nowNs)
    {
        final ExecutionReportStatus532Encoder e = begin(session, NO_TEXT, nowNs);
        e.putSenderID(order.senderId, 0)
            .putClOrdID(order.clOrdId, 0)
            .partyDetailsListReqID(order.partyDetailsListReqId)
            .orderID(order.orderId);
        e.price().mantissa(order.price);
        e.stopPx().mantissa(PRICE_NULL);
        e.transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(order.orderRequestId)
            .ordStatusReqID(ordStatusReqId)
            .massStatusReqID(massStatusReqId)
            .crossID(UINT64_NULL)
            .hostCrossID(UINT64_NULL)
            .putLocation(order.location, 0)
            .securityID(order.securityId)
            .orderQty(order.orderQty)
            .cumQty(order.cumQty)
            .leavesQty(order.leavesQty)
            .ordStatus(ordStatus)
            .ordType(order.ordType)
            .side(order.side)
            .timeInForce(order.timeInForce)
            .manualOrderIndicator(order.manualOrderIndicator)
            .lastRptRequested(lastRptRequested);
        commit(e);
    }

    /**
     * No order matches: OrdStatus U, with a text saying why.
     *
     * @param session         the client asking.
     * @param senderId        holds the request's SenderID (20 bytes).
     * @param senderIdOffset  where it starts.
     * @param orderId         the OrderID asked about, 0 for a mass status.
     * @param ordStatusReqId  OrdStatusReqID to echo, or null.
     * @param massStatusReqId MassStatusReqID to echo, or null.
     * @param text            the Text, 256 bytes.
     * @param nowNs           the stamp.
     */
    void onNoOrder(
        final ClientSession session,
        final DirectBuffer senderId,
        final int senderIdOffset,
        final long orderId,
        final long ordStatusReqId,
        final long massStatusReqId,
        final byte[] text,
        final long nowNs)
    {
        final ExecutionReportStatus532Encoder e = begin(session, text, nowNs);
        e.buffer().putBytes(e.offset() + ExecutionReportStatus532Encoder.senderIDEncodingOffset(), senderId,
            senderIdOffset, ExecutionReportStatus532Encoder.senderIDLength());
        e.putClOrdID(NO_CL_ORD_ID, 0)
            .partyDetailsListReqID(0)
            .orderID(orderId);
        e.price().mantissa(PRICE_NULL);
        e.stopPx().mantissa(PRICE_NULL);
        e.transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(0)
            .ordStatusReqID(ordStatusReqId)
            .massStatusReqID(massStatusReqId)
            .crossID(UINT64_NULL)
            .hostCrossID(UINT64_NULL)
            .securityID(0)
            .orderQty(0)
            .cumQty(0)
            .leavesQty(0)
            .ordStatus(OrderStatus.Undefined)
            .ordType(OrderType.NULL_VAL)
            .side(SideReq.NULL_VAL)
            .timeInForce(TimeInForce.NULL_VAL)
            .manualOrderIndicator(ManualOrdIndReq.NULL_VAL)
            .lastRptRequested(UINT64_NULL == massStatusReqId ? BooleanNULL.NULL_VAL : BooleanNULL.True);
        commit(e);
    }

    private ExecutionReportStatus532Encoder begin(final ClientSession session, final byte[] text, final long nowNs)
    {
        writer.begin(session, nowNs);
        final MutableDirectBuffer buffer = writer.buffer();
        buffer.setMemory(writer.offset(),
            MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportStatus532Encoder.BLOCK_LENGTH, (byte)0);
        return status.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putText(text, 0)
            .putExecID(EXEC_ID, 0)
            .minQty(UINT32_NULL)
            .displayQty(UINT32_NULL)
            .expireDate(UINT16_NULL)
            .possRetransFlag(BooleanFlag.False)
            .crossType(UINT8_NULL)
            .executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL);
    }

    private void commit(final ExecutionReportStatus532Encoder e)
    {
        e.execInst().clear();
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }
}
