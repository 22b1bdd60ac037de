package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.BusinessReject521Decoder;
import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportStatus532Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Decoder;
import io.wirespeed.codecs.ilink3.MassActionResponse;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Decoder;
import io.wirespeed.codecs.ilink3.OrderStatus;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.gateway.venue.VenueListener;
import org.agrona.DirectBuffer;

/**
 * Decodes the venue's iLink 3 business messages into {@link VenueListener} calls, without allocation. Ids are read
 * as {@link OrderEncoder} writes them; a cancel with an ExecRestatementReason, or whose OrderRequestID equals its
 * ClOrdID, is the venue's own (request id 0).
 */
public final class VenueMessageDecoder
{
    /**
     * Decoded and delivered.
     */
    public static final int OK = 0;

    /**
     * Not a business message this decoder knows.
     */
    public static final int UNKNOWN_TEMPLATE = 1;

    /**
     * Shorter than its block.
     */
    public static final int MALFORMED = 2;

    private static final int ID_LENGTH = 20;
    private static final int SESSION_TEMPLATE_FIRST = 500;
    private static final int SESSION_TEMPLATE_LAST = 513;
    private static final int EXEC_ID_LENGTH = 40;

    private final ExecutionReportNew522Decoder newReport = new ExecutionReportNew522Decoder();
    private final ExecutionReportReject523Decoder rejectReport = new ExecutionReportReject523Decoder();
    private final ExecutionReportTradeOutright525Decoder tradeReport = new ExecutionReportTradeOutright525Decoder();
    private final ExecutionReportModify531Decoder modifyReport = new ExecutionReportModify531Decoder();
    private final ExecutionReportCancel534Decoder cancelReport = new ExecutionReportCancel534Decoder();
    private final OrderCancelReject535Decoder cancelReject = new OrderCancelReject535Decoder();
    private final OrderCancelReplaceReject536Decoder replaceReject = new OrderCancelReplaceReject536Decoder();
    private final OrderMassActionReport562Decoder massReport = new OrderMassActionReport562Decoder();
    private final BusinessReject521Decoder businessReject = new BusinessReject521Decoder();
    private final ExecutionReportStatus532Decoder statusReport = new ExecutionReportStatus532Decoder();

    /**
     * Whether a template is of the FIXP session layer (Negotiate 500 to NotApplied 513); every other template from
     * the venue is a sequenced business message, known to this decoder or not.
     *
     * @param templateId iLink 3 template id.
     * @return true for the session-layer messages.
     */
    public static boolean isSessionMessage(final int templateId)
    {
        return templateId >= SESSION_TEMPLATE_FIRST && templateId <= SESSION_TEMPLATE_LAST;
    }

    /**
     * Whether a template is a sequenced business message from the venue, which this decoder handles.
     *
     * @param templateId iLink 3 template id.
     * @return true for the business messages.
     */
    public static boolean isBusinessMessage(final int templateId)
    {
        switch (templateId)
        {
            case ExecutionReportStatus532Decoder.TEMPLATE_ID:
            case ExecutionReportNew522Decoder.TEMPLATE_ID:
            case ExecutionReportReject523Decoder.TEMPLATE_ID:
            case ExecutionReportTradeOutright525Decoder.TEMPLATE_ID:
            case ExecutionReportModify531Decoder.TEMPLATE_ID:
            case ExecutionReportCancel534Decoder.TEMPLATE_ID:
            case OrderCancelReject535Decoder.TEMPLATE_ID:
            case OrderCancelReplaceReject536Decoder.TEMPLATE_ID:
            case OrderMassActionReport562Decoder.TEMPLATE_ID:
            case BusinessReject521Decoder.TEMPLATE_ID:
                return true;
            default:
                return false;
        }
    }

    /**
     * Decode one message and call the listener.
     *
     * @param buffer        holds the message.
     * @param offset        where the message header starts.
     * @param length        bytes of message, header included.
     * @param header        the header, already wrapped at {@code offset}.
     * @param rxTimestampNs when it was read.
     * @param listener      to call.
     * @return {@link #OK}, {@link #UNKNOWN_TEMPLATE} or {@link #MALFORMED}.
     */
    public int decode(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final MessageHeaderDecoder header,
        final long rxTimestampNs,
        final VenueListener listener)
    {
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            return MALFORMED;
        }

        switch (header.templateId())
        {
            case ExecutionReportNew522Decoder.TEMPLATE_ID:
                if (blockLength < ExecutionReportNew522Decoder.BLOCK_LENGTH)
                {
                    return MALFORMED;
                }
                newReport.wrap(buffer, body, blockLength, version);
                listener.onOrderAccepted(
                    id(buffer, body + ExecutionReportNew522Decoder.clOrdIDEncodingOffset()),
                    newReport.orderID(),
                    newReport.transactTime(),
                    rxTimestampNs);
                return OK;

            case ExecutionReportReject523Decoder.TEMPLATE_ID:
                if (blockLength < ExecutionReportReject523Decoder.BLOCK_LENGTH)
                {
                    return MALFORMED;
                }
                rejectReport.wrap(buffer, body, blockLength, version);
                listener.onOrderRejected(
                    id(buffer, body + ExecutionReportReject523Decoder.clOrdIDEncodingOffset()),
                    CmeRejectCodes.orderReject(rejectReport.ordRejReason()),
                    rejectReport.ordRejReason(),
                    rejectReport.transactTime(),
                    rxTimestampNs);
                return OK;

            case ExecutionReportTradeOutright525Decoder.TEMPLATE_ID:
                return onTrade(buffer, body, blockLength, version, rxTimestampNs, listener);

            case ExecutionReportModify531Decoder.TEMPLATE_ID:
                if (blockLength < ExecutionReportModify531Decoder.BLOCK_LENGTH)
                {
                    return MALFORMED;
                }
                modifyReport.wrap(buffer, body, blockLength, version);
                listener.onReplaced(
                    id(buffer, body + ExecutionReportModify531Decoder.clOrdIDEncodingOffset()),
                    modifyReport.orderRequestID(),
                    modifyReport.orderID(),
                    modifyReport.price().mantissa(),
                    modifyReport.orderQty(),
                    modifyReport.leavesQty(),
                    modifyReport.cumQty(),
                    modifyReport.transactTime(),
                    rxTimestampNs);
                return OK;

            case ExecutionReportCancel534Decoder.TEMPLATE_ID:
                return onCancel(buffer, body, blockLength, version, rxTimestampNs, listener);

            case OrderCancelReject535Decoder.TEMPLATE_ID:
                if (blockLength < OrderCancelReject535Decoder.BLOCK_LENGTH)
                {
                    return MALFORMED;
                }
                cancelReject.wrap(buffer, body, blockLength, version);
                listener.onCancelOrReplaceRejected(
                    cancelReject.orderRequestID(),
                    id(buffer, body + OrderCancelReject535Decoder.clOrdIDEncodingOffset()),
                    false,
                    CmeRejectCodes.cancelReject(cancelReject.cxlRejReason()),
                    cancelReject.cxlRejReason(),
                    rxTimestampNs);
                return OK;

            case OrderCancelReplaceReject536Decoder.TEMPLATE_ID:
                if (blockLength < OrderCancelReplaceReject536Decoder.BLOCK_LENGTH)
                {
                    return MALFORMED;
                }
                replaceReject.wrap(buffer, body, blockLength, version);
                listener.onCancelOrReplaceRejected(
                    id(buffer, body + OrderCancelReplaceReject536Decoder.clOrdIDEncodingOffset()),
                    replaceReject.orderRequestID(),
                    true,
                    CmeRejectCodes.cancelReject(replaceReject.cxlRejReason()),
                    replaceReject.cxlRejReason(),
                    rxTimestampNs);
                return OK;

            case OrderMassActionReport562Decoder.TEMPLATE_ID:
                if (blockLength < OrderMassActionReport562Decoder.BLOCK_LENGTH)
                {
                    return MALFORMED;
                }
                massReport.wrap(buffer, body, blockLength, version);
                listener.onMassCancelReport(
                    massReport.orderRequestID(),
                    MassActionResponse.Accepted == massReport.massActionResponse(),
                    (int)massReport.totalAffectedOrders(),
                    rxTimestampNs);
                return OK;

            case ExecutionReportStatus532Decoder.TEMPLATE_ID:
                return onStatus(buffer, body, blockLength, version, rxTimestampNs, listener);

            case BusinessReject521Decoder.TEMPLATE_ID:
                if (blockLength < BusinessReject521Decoder.BLOCK_LENGTH)
                {
                    return MALFORMED;
                }
                businessReject.wrap(buffer, body, blockLength, version);
                listener.onBusinessReject(
                    businessReject.refSeqNum(), businessReject.businessRejectReason(), rxTimestampNs);
                return OK;

            default:
                return UNKNOWN_TEMPLATE;
        }
    }

    private int onTrade(
        final DirectBuffer buffer,
        final int body,
        final int blockLength,
        final int version,
        final long rxTimestampNs,
        final VenueListener listener)
    {
        if (blockLength < ExecutionReportTradeOutright525Decoder.BLOCK_LENGTH)
        {
            return MALFORMED;
        }
        final ExecutionReportTradeOutright525Decoder d = tradeReport.wrap(buffer, body, blockLength, version);
        long execId = AsciiFields.parseDecimal(
            buffer, body + ExecutionReportTradeOutright525Decoder.execIDEncodingOffset(), EXEC_ID_LENGTH);
        if (AsciiFields.NOT_A_NUMBER == execId)
        {
            execId = d.secExecID();
        }
        listener.onFill(
            id(buffer, body + ExecutionReportTradeOutright525Decoder.clOrdIDEncodingOffset()),
            d.orderID(),
            execId,
            d.mDTradeEntryID(),
            d.lastPx().mantissa(),
            d.lastQty(),
            d.leavesQty(),
            d.cumQty(),
            d.transactTime(),
            rxTimestampNs);
        return OK;
    }

    private int onStatus(
        final DirectBuffer buffer,
        final int body,
        final int blockLength,
        final int version,
        final long rxTimestampNs,
        final VenueListener listener)
    {
        if (blockLength < ExecutionReportStatus532Decoder.BLOCK_LENGTH)
        {
            return MALFORMED;
        }
        final ExecutionReportStatus532Decoder d = statusReport.wrap(buffer, body, blockLength, version);
        listener.onOrderStatus(
            id(buffer, body + ExecutionReportStatus532Decoder.clOrdIDEncodingOffset()),
            d.orderID(),
            ordStatus(d.ordStatus()),
            d.price().mantissa(),
            d.orderQty(),
            d.cumQty(),
            d.leavesQty(),
            d.transactTime(),
            rxTimestampNs);
        return OK;
    }

    /**
     * iLink 3 OrdStatus of a status report in the gateway's terms: a replaced order is working (new or partly
     * filled), an expired one is done like a cancelled one, one the venue does not know (Undefined) is NULL_VAL.
     */
    static OrdStatus ordStatus(final OrderStatus status)
    {
        switch (status)
        {
            case New:
                return OrdStatus.NEW;
            case PartiallyFilled:
                return OrdStatus.PARTIALLY_FILLED;
            case Filled:
                return OrdStatus.FILLED;
            case Cancelled:
            case Expired:
                return OrdStatus.CANCELED;
            case Replaced:
                return OrdStatus.REPLACED;
            case Rejected:
                return OrdStatus.REJECTED;
            default:
                return OrdStatus.NULL_VAL;
        }
    }

    private int onCancel(
        final DirectBuffer buffer,
        final int body,
        final int blockLength,
        final int version,
        final long rxTimestampNs,
        final VenueListener listener)
    {
        if (blockLength < ExecutionReportCancel534Decoder.BLOCK_LENGTH)
        {
            return MALFORMED;
        }
        final ExecutionReportCancel534Decoder d = cancelReport.wrap(buffer, body, blockLength, version);
        final long clOrdId = id(buffer, body + ExecutionReportCancel534Decoder.clOrdIDEncodingOffset());
        final long orderRequestId = d.orderRequestID();
        final boolean unsolicited = ExecReason.NULL_VAL != d.execRestatementReason() || clOrdId == orderRequestId;
        listener.onCanceled(
            unsolicited ? 0 : orderRequestId,
            clOrdId,
            d.orderID(),
            d.transactTime(),
            rxTimestampNs);
        return OK;
    }

    private static long id(final DirectBuffer buffer, final int fieldOffset)
    {
        final long id = AsciiFields.parseDecimal(buffer, fieldOffset, ID_LENGTH);
        return AsciiFields.NOT_A_NUMBER == id ? 0 : id;
    }
}
