package io.wirespeed.latency.order;

import io.wirespeed.codecs.ilink3.BooleanFlag;
import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.OrdStatusTrd;
import io.wirespeed.gateway.session.AsciiFields;
import org.agrona.MutableDirectBuffer;

/**
 * The venue's side of the gateway cost benchmark: iLink 3 execution reports (New, full-fill Trade, Cancel) for the
 * gateway's orders, sequenced from 1 under the established UUID and queued in a {@link SinkVenueTransport} for the
 * session's next poll. Only the fields the gateway reads are filled in.
 */
final class VenueReplies
{
    private static final int ID_LENGTH = 20;
    private static final int EXEC_ID_LENGTH = 40;
    private static final int MAX_MESSAGE_LENGTH = 512;

    private final SinkVenueTransport transport;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportNew522Encoder newReport = new ExecutionReportNew522Encoder();
    private final ExecutionReportTradeOutright525Encoder tradeReport = new ExecutionReportTradeOutright525Encoder();
    private final ExecutionReportCancel534Encoder cancelReport = new ExecutionReportCancel534Encoder();
    private long nextSeqNum = 1;
    private long nextExecId = 1;

    VenueReplies(final SinkVenueTransport transport)
    {
        this.transport = transport;
    }

    /**
     * The venue accepted an order.
     *
     * @param orderId      the gateway's order id (the wire ClOrdID).
     * @param venueOrderId the venue's id for it.
     * @param price        its limit price mantissa.
     * @param nowNs        TransactTime.
     */
    void accepted(final long orderId, final long venueOrderId, final long price, final long nowNs)
    {
        final int at = transport.claim(MAX_MESSAGE_LENGTH);
        final MutableDirectBuffer buffer = transport.inboundBuffer();
        final ExecutionReportNew522Encoder e = newReport.wrapAndApplyHeader(buffer, at, header)
            .seqNum(nextSeqNum++)
            .uUID(transport.sessionUuid())
            .orderID(venueOrderId)
            .transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(orderId)
            .possRetransFlag(BooleanFlag.False);
        e.price().mantissa(price);
        final int body = at + MessageHeaderEncoder.ENCODED_LENGTH;
        AsciiFields.putDecimal(buffer, body + ExecutionReportNew522Encoder.execIDEncodingOffset(), EXEC_ID_LENGTH,
            nextExecId++);
        AsciiFields.putDecimal(buffer, body + ExecutionReportNew522Encoder.clOrdIDEncodingOffset(), ID_LENGTH, orderId);
        transport.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * An order traded in full.
     *
     * @param orderId      the gateway's order id.
     * @param venueOrderId the venue's id for it.
     * @param price        the fill price mantissa.
     * @param qty          the order's quantity, all of it filled.
     * @param nowNs        TransactTime.
     */
    void filled(final long orderId, final long venueOrderId, final long price, final long qty, final long nowNs)
    {
        final int at = transport.claim(MAX_MESSAGE_LENGTH);
        final MutableDirectBuffer buffer = transport.inboundBuffer();
        final long execId = nextExecId++;
        final ExecutionReportTradeOutright525Encoder e = tradeReport.wrapAndApplyHeader(buffer, at, header)
            .seqNum(nextSeqNum++)
            .uUID(transport.sessionUuid())
            .orderID(venueOrderId)
            .transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(orderId)
            .secExecID(execId)
            .orderQty(qty)
            .lastQty(qty)
            .cumQty(qty)
            .leavesQty(0)
            .ordStatus(OrdStatusTrd.Filled)
            .possRetransFlag(BooleanFlag.False);
        e.lastPx().mantissa(price);
        e.price().mantissa(price);
        final int body = at + MessageHeaderEncoder.ENCODED_LENGTH;
        AsciiFields.putDecimal(buffer, body + ExecutionReportTradeOutright525Encoder.execIDEncodingOffset(),
            EXEC_ID_LENGTH, execId);
        AsciiFields.putDecimal(buffer, body + ExecutionReportTradeOutright525Encoder.clOrdIDEncodingOffset(),
            ID_LENGTH, orderId);
        e.noFillsCount(0);
        e.noOrderEventsCount(0);
        transport.commit(e.limit() - at);
    }

    /**
     * An order was canceled at the gateway's request.
     *
     * @param orderId      the gateway's order id.
     * @param requestId    the gateway's id of the cancel request (the wire OrderRequestID).
     * @param venueOrderId the venue's id for the order.
     * @param nowNs        TransactTime.
     */
    void canceled(final long orderId, final long requestId, final long venueOrderId, final long nowNs)
    {
        final int at = transport.claim(MAX_MESSAGE_LENGTH);
        final MutableDirectBuffer buffer = transport.inboundBuffer();
        final ExecutionReportCancel534Encoder e = cancelReport.wrapAndApplyHeader(buffer, at, header)
            .seqNum(nextSeqNum++)
            .uUID(transport.sessionUuid())
            .orderID(venueOrderId)
            .transactTime(nowNs)
            .sendingTimeEpoch(nowNs)
            .orderRequestID(requestId)
            .execRestatementReason(ExecReason.NULL_VAL)
            .possRetransFlag(BooleanFlag.False);
        final int body = at + MessageHeaderEncoder.ENCODED_LENGTH;
        AsciiFields.putDecimal(buffer, body + ExecutionReportCancel534Encoder.execIDEncodingOffset(), EXEC_ID_LENGTH,
            nextExecId++);
        AsciiFields.putDecimal(buffer, body + ExecutionReportCancel534Encoder.clOrdIDEncodingOffset(), ID_LENGTH,
            orderId);
        transport.commit(MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    /**
     * Venue business messages queued so far.
     *
     * @return the count, the last SeqNum used.
     */
    long messagesQueued()
    {
        return nextSeqNum - 1;
    }
}
