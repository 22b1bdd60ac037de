package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.ilink3.BusinessReject521Encoder;
import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.MassActionResponse;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Encoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Encoder;
import io.wirespeed.sim.venue.VenueOutbound;
import org.agrona.MutableDirectBuffer;

/**
 * Test-side encoders of the venue's business reports, written to one client session through its
 * {@link VenueOutbound} as a venue application would, with ids as the tests give them.
 */
final class VenueReports
{
    private final VenueOutbound outbound;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    VenueReports(final VenueOutbound outbound)
    {
        this.outbound = outbound;
    }

    void accepted(final long clOrdId, final long orderId, final long transactTime)
    {
        final ExecutionReportNew522Encoder e = new ExecutionReportNew522Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).clOrdID(Long.toString(clOrdId))
            .orderID(orderId).transactTime(transactTime).orderRequestID(clOrdId);
        commit(e.encodedLength());
    }

    void rejected(final long clOrdId, final int reason, final long transactTime)
    {
        final ExecutionReportReject523Encoder e = new ExecutionReportReject523Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).clOrdID(Long.toString(clOrdId))
            .ordRejReason(reason).transactTime(transactTime).orderRequestID(clOrdId);
        commit(e.encodedLength());
    }

    void trade(
        final long clOrdId,
        final long orderId,
        final String execId,
        final long lastPx,
        final long lastQty,
        final long leavesQty,
        final long cumQty,
        final long transactTime)
    {
        final ExecutionReportTradeOutright525Encoder e = new ExecutionReportTradeOutright525Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).execID(execId).clOrdID(Long.toString(clOrdId))
            .orderID(orderId).transactTime(transactTime).orderRequestID(clOrdId).secExecID(77)
            .lastQty(lastQty).leavesQty(leavesQty).cumQty(cumQty);
        e.lastPx().mantissa(lastPx);
        e.noFillsCount(0);
        e.noOrderEventsCount(0);
        commit(e.encodedLength());
    }

    void modified(
        final long clOrdId,
        final long origClOrdId,
        final long orderId,
        final long price,
        final long orderQty,
        final long leavesQty,
        final long cumQty,
        final long transactTime)
    {
        final ExecutionReportModify531Encoder e = new ExecutionReportModify531Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).clOrdID(Long.toString(clOrdId))
            .orderID(orderId).transactTime(transactTime).orderRequestID(origClOrdId)
            .orderQty(orderQty).leavesQty(leavesQty).cumQty(cumQty);
        e.price().mantissa(price);
        commit(e.encodedLength());
    }

    void canceled(
        final long clOrdId, final long orderRequestId, final long orderId, final ExecReason reason, final long time)
    {
        final ExecutionReportCancel534Encoder e = new ExecutionReportCancel534Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).clOrdID(Long.toString(clOrdId))
            .orderID(orderId).transactTime(time).orderRequestID(orderRequestId).execRestatementReason(reason);
        commit(e.encodedLength());
    }

    void cancelRejected(final long clOrdId, final long orderRequestId, final int reason)
    {
        final OrderCancelReject535Encoder e = new OrderCancelReject535Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).clOrdID(Long.toString(clOrdId))
            .orderRequestID(orderRequestId).cxlRejReason(reason);
        commit(e.encodedLength());
    }

    void replaceRejected(final long clOrdId, final long orderRequestId, final int reason)
    {
        final OrderCancelReplaceReject536Encoder e = new OrderCancelReplaceReject536Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).clOrdID(Long.toString(clOrdId))
            .orderRequestID(orderRequestId).cxlRejReason(reason);
        commit(e.encodedLength());
    }

    void massActionReport(final long orderRequestId, final boolean accepted, final long totalAffected)
    {
        final OrderMassActionReport562Encoder e = new OrderMassActionReport562Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).orderRequestID(orderRequestId)
            .massActionResponse(accepted ? MassActionResponse.Accepted : MassActionResponse.Rejected)
            .totalAffectedOrders(totalAffected);
        e.noAffectedOrdersCount(0);
        commit(e.encodedLength());
    }

    void businessReject(final long refSeqNum, final int reason)
    {
        final BusinessReject521Encoder e = new BusinessReject521Encoder()
            .wrapAndApplyHeader(buffer(), outbound.offset(), header);
        e.seqNum(outbound.nextSeqNum()).uUID(outbound.uuid()).refSeqNum(refSeqNum).businessRejectReason(reason);
        commit(e.encodedLength());
    }

    private MutableDirectBuffer buffer()
    {
        return outbound.buffer();
    }

    private void commit(final int bodyLength)
    {
        outbound.commit(MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
