package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.BooleanFlag;
import io.wirespeed.codecs.ilink3.BooleanNULL;
import io.wirespeed.codecs.ilink3.BusinessReject521Encoder;
import io.wirespeed.codecs.ilink3.ManualOrdInd;
import io.wirespeed.codecs.ilink3.MassActionOrdTyp;
import io.wirespeed.codecs.ilink3.MassActionResponse;
import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.codecs.ilink3.MassCancelTIF;
import io.wirespeed.codecs.ilink3.MassCxlReqTyp;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceRequest515Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelRequest516Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Encoder;
import io.wirespeed.codecs.ilink3.OrderMassActionRequest529Decoder;
import io.wirespeed.codecs.ilink3.SideNULL;
import io.wirespeed.codecs.ilink3.SplitMsg;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the answers to requests about orders rather than the orders' own reports: OrderCancelReject,
 * OrderCancelReplaceReject, OrderMassActionReport and BusinessReject.
 */
final class RequestRejects
{
    private static final long UINT64_NULL = -1L;
    private static final long UINT32_NULL = 0xFFFF_FFFFL;
    private static final int UINT16_NULL = 0xFFFF;
    private static final short UINT8_NULL = 0xFF;
    private static final byte[] EXEC_ID = new byte[40];

    private final ResponseWriter writer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderCancelReject535Encoder cancelReject = new OrderCancelReject535Encoder();
    private final OrderCancelReplaceReject536Encoder replaceReject = new OrderCancelReplaceReject536Encoder();
    private final OrderMassActionReport562Encoder massReport = new OrderMassActionReport562Encoder();
    private final BusinessReject521Encoder businessReject = new BusinessReject521Encoder();
    private final byte[] scratch20 = new byte[20];
    private final byte[] scratch6 = new byte[6];
    private final byte[] scratch5 = new byte[5];
    private final byte[] text = new byte[256];
    private long massActionReportId;

    RequestRejects(final ResponseWriter writer)
    {
        this.writer = writer;
    }

    void onCancelReject(
        final ClientSession session,
        final OrderCancelRequest516Decoder request,
        final CxlRejReason reason,
        final long nowNs)
    {
        writer.begin(session, nowNs);
        final MutableDirectBuffer buffer = clear(OrderCancelReject535Encoder.BLOCK_LENGTH);
        final OrderCancelReject535Encoder e = cancelReject.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putText(reason.text(), 0)
            .putExecID(EXEC_ID, 0);
        request.getSenderID(scratch20, 0);
        e.putSenderID(scratch20, 0);
        request.getClOrdID(scratch20, 0);
        request.getLocation(scratch5, 0);
        e.putClOrdID(scratch20, 0)
            .partyDetailsListReqID(request.partyDetailsListReqID())
            .orderID(request.orderID())
            .transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(request.orderRequestID())
            .putLocation(scratch5, 0)
            .cxlRejReason(reason.code())
            .delayDuration(UINT16_NULL)
            .manualOrderIndicator(ExecutionReports.manualOrderIndicator(request.manualOrderIndicatorRaw()))
            .possRetransFlag(BooleanFlag.False)
            .splitMsg(SplitMsg.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .delayToTime(UINT64_NULL);
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    void onReplaceReject(
        final ClientSession session,
        final OrderCancelReplaceRequest515Decoder request,
        final CxlRejReason reason,
        final long nowNs)
    {
        writer.begin(session, nowNs);
        final MutableDirectBuffer buffer = clear(OrderCancelReplaceReject536Encoder.BLOCK_LENGTH);
        final OrderCancelReplaceReject536Encoder e = replaceReject.wrapAndApplyHeader(
            buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putText(reason.text(), 0)
            .putExecID(EXEC_ID, 0);
        request.getSenderID(scratch20, 0);
        e.putSenderID(scratch20, 0);
        request.getClOrdID(scratch20, 0);
        request.getLocation(scratch5, 0);
        e.putClOrdID(scratch20, 0)
            .partyDetailsListReqID(request.partyDetailsListReqID())
            .orderID(request.orderID())
            .transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(request.orderRequestID())
            .putLocation(scratch5, 0)
            .cxlRejReason(reason.code())
            .delayDuration(UINT16_NULL)
            .manualOrderIndicator(ExecutionReports.manualOrderIndicator(request.manualOrderIndicatorRaw()))
            .possRetransFlag(BooleanFlag.False)
            .splitMsg(SplitMsg.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .delayToTime(UINT64_NULL);
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * The report of a mass action, in one message without the affected orders group: each affected order gets its
     * own ExecutionReportCancel.
     */
    void onMassActionReport(
        final ClientSession session,
        final OrderMassActionRequest529Decoder request,
        final MassActionScope scope,
        final long affectedOrders,
        final int rejectReason,
        final long nowNs)
    {
        writer.begin(session, nowNs);
        final MutableDirectBuffer buffer = clear(OrderMassActionReport562Encoder.BLOCK_LENGTH);
        final boolean accepted = rejectReason < 0;
        request.getSenderID(scratch20, 0);
        request.getSecurityGroup(scratch6, 0);
        request.getLocation(scratch5, 0);
        final OrderMassActionReport562Encoder e = massReport.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putSenderID(scratch20, 0)
            .partyDetailsListReqID(request.partyDetailsListReqID())
            .transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(request.orderRequestID())
            .massActionReportID(++massActionReportId)
            .putSecurityGroup(scratch6, 0)
            .putLocation(scratch5, 0)
            .securityID(request.securityID())
            .delayDuration(UINT16_NULL)
            .massActionResponse(accepted ? MassActionResponse.Accepted : MassActionResponse.Rejected)
            .manualOrderIndicator(ExecutionReports.manualOrderIndicator(request.manualOrderIndicatorRaw()))
            .massActionScope(scope)
            .totalAffectedOrders(affectedOrders)
            .lastFragment(BooleanFlag.True)
            .massActionRejectReason(accepted ? UINT8_NULL : (short)rejectReason)
            .marketSegmentID(request.marketSegmentID())
            .massCancelRequestType(massCancelRequestType(request.massCancelRequestTypeRaw()))
            .side(side(request.sideRaw()))
            .ordType(ordType(request.ordTypeRaw()))
            .timeInForce(timeInForce(request.timeInForceRaw()))
            .splitMsg(SplitMsg.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .possRetransFlag(BooleanFlag.False)
            .delayToTime(UINT64_NULL);
        e.noAffectedOrdersCount(0);
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * BusinessReject of a message the application cannot handle.
     */
    void onBusinessReject(
        final ClientSession session,
        final long refSeqNum,
        final int templateId,
        final int reason,
        final byte[] reasonText,
        final long nowNs)
    {
        writer.begin(session, nowNs);
        final MutableDirectBuffer buffer = clear(BusinessReject521Encoder.BLOCK_LENGTH);
        System.arraycopy(reasonText, 0, text, 0, Math.min(reasonText.length, text.length));
        final BusinessReject521Encoder e = businessReject.wrapAndApplyHeader(buffer, writer.offset(), header)
            .seqNum(writer.seqNum())
            .uUID(writer.uuid())
            .putText(text, 0)
            .partyDetailsListReqID(UINT64_NULL)
            .sendingTimeEpoch(nowNs)
            .businessRejectRefID(UINT64_NULL)
            .refSeqNum(refSeqNum & UINT32_NULL)
            .refTagID(UINT16_NULL)
            .businessRejectReason(reason)
            .possRetransFlag(BooleanFlag.False)
            .manualOrderIndicator(ManualOrdInd.NULL_VAL)
            .splitMsg(SplitMsg.NULL_VAL);
        e.putRefMsgType((byte)0, (byte)0);
        writer.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    private MutableDirectBuffer clear(final int blockLength)
    {
        final MutableDirectBuffer buffer = writer.buffer();
        buffer.setMemory(writer.offset(), MessageHeaderEncoder.ENCODED_LENGTH + blockLength, (byte)0);
        return buffer;
    }

    private static SideNULL side(final short raw)
    {
        return 1 == raw ? SideNULL.Buy : 2 == raw ? SideNULL.Sell : SideNULL.NULL_VAL;
    }

    private static MassActionOrdTyp ordType(final byte raw)
    {
        return '2' == raw ? MassActionOrdTyp.Limit :
            '4' == raw ? MassActionOrdTyp.StopLimit : MassActionOrdTyp.NULL_VAL;
    }

    private static MassCancelTIF timeInForce(final short raw)
    {
        switch (raw)
        {
            case 0:
                return MassCancelTIF.Day;
            case 1:
                return MassCancelTIF.GoodTillCancel;
            case 6:
                return MassCancelTIF.GoodTillDate;
            default:
                return MassCancelTIF.NULL_VAL;
        }
    }

    private static MassCxlReqTyp massCancelRequestType(final short raw)
    {
        return 100 == raw ? MassCxlReqTyp.SenderSubID : 101 == raw ? MassCxlReqTyp.Account : MassCxlReqTyp.NULL_VAL;
    }
}
