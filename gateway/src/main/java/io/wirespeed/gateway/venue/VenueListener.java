package io.wirespeed.gateway.venue;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;

/**
 * What a venue session reports to the gateway's order logic, decoded from the venue's messages. Called on the
 * gateway's duty cycle thread. Every callback carries {@code rxTimestampNs}, when the venue's frame was read.
 * <p>
 * Ids are the gateway's ({@code orderId}, {@code requestId}) as sent through {@link VenueSession}, and the venue's
 * ({@code venueOrderId}, {@code execId}). Prices are mantissas with exponent -9.
 */
public interface VenueListener
{
    /**
     * The venue accepted a new order (ExecutionReportNew).
     *
     * @param orderId         gateway order id.
     * @param venueOrderId    venue order id.
     * @param transactTimeNs  venue transaction time.
     * @param rxTimestampNs   when the report was read.
     */
    void onOrderAccepted(long orderId, long venueOrderId, long transactTimeNs, long rxTimestampNs);

    /**
     * An order traded (ExecutionReportTrade).
     *
     * @param orderId        gateway order id (the order's current ClOrdID).
     * @param venueOrderId   venue order id.
     * @param execId         venue execution id, unique per fill.
     * @param mdTradeEntryId the trade's id on the market-data feed (iLink 3 MDTradeEntryID).
     * @param lastPrice      fill price mantissa.
     * @param lastQty        fill quantity.
     * @param leavesQty      quantity still open after the fill.
     * @param cumQty         quantity filled so far.
     * @param transactTimeNs venue transaction time.
     * @param rxTimestampNs  when the report was read.
     */
    void onFill(
        long orderId,
        long venueOrderId,
        long execId,
        long mdTradeEntryId,
        long lastPrice,
        long lastQty,
        long leavesQty,
        long cumQty,
        long transactTimeNs,
        long rxTimestampNs);

    /**
     * An order was canceled (ExecutionReportCancel), on request, by mass action, or by the venue.
     *
     * @param requestId      gateway id of the cancel or mass-cancel request, or 0 if the venue canceled on its own.
     * @param orderId        gateway order id of the canceled order.
     * @param venueOrderId   venue order id.
     * @param transactTimeNs venue transaction time.
     * @param rxTimestampNs  when the report was read.
     */
    void onCanceled(long requestId, long orderId, long venueOrderId, long transactTimeNs, long rxTimestampNs);

    /**
     * An order was changed (ExecutionReportModify).
     *
     * @param requestId      gateway id of the replace request, the order's new ClOrdID.
     * @param origOrderId    gateway order id the order had before.
     * @param venueOrderId   venue order id.
     * @param price          new price mantissa.
     * @param orderQty       new total quantity.
     * @param leavesQty      quantity open after the change.
     * @param cumQty         quantity filled so far.
     * @param transactTimeNs venue transaction time.
     * @param rxTimestampNs  when the report was read.
     */
    void onReplaced(
        long requestId,
        long origOrderId,
        long venueOrderId,
        long price,
        long orderQty,
        long leavesQty,
        long cumQty,
        long transactTimeNs,
        long rxTimestampNs);

    /**
     * The venue rejected a new order (ExecutionReportReject).
     *
     * @param orderId         gateway order id.
     * @param reason          what the venue's code means (VENUE_REJECT when it has no closer meaning).
     * @param venueReasonCode the venue's reject reason code (iLink 3 OrdRejReason).
     * @param transactTimeNs  venue transaction time.
     * @param rxTimestampNs   when the report was read.
     */
    void onOrderRejected(
        long orderId, RejectReason reason, int venueReasonCode, long transactTimeNs, long rxTimestampNs);

    /**
     * The venue refused a cancel (OrderCancelReject) or a replace (OrderCancelReplaceReject).
     *
     * @param requestId       gateway id of the refused request.
     * @param origOrderId     gateway order id of the order it was for.
     * @param replace         true for a refused replace, false for a refused cancel.
     * @param reason          what the venue's code means (VENUE_REJECT when it has no closer meaning).
     * @param venueReasonCode the venue's reason code (iLink 3 CxlRejReason, not OrdRejReason).
     * @param rxTimestampNs   when the report was read.
     */
    void onCancelOrReplaceRejected(
        long requestId,
        long origOrderId,
        boolean replace,
        RejectReason reason,
        int venueReasonCode,
        long rxTimestampNs);

    /**
     * The venue reported an order's status (ExecutionReportStatus), answering an order status request.
     *
     * @param orderId        gateway order id (the order's current ClOrdID).
     * @param venueOrderId   venue order id.
     * @param status         the order's status at the venue; NULL_VAL when the venue does not know it.
     * @param price          limit price mantissa, or the null price.
     * @param orderQty       total quantity.
     * @param cumQty         quantity filled so far.
     * @param leavesQty      quantity still open.
     * @param transactTimeNs venue transaction time.
     * @param rxTimestampNs  when the report was read.
     */
    void onOrderStatus(
        long orderId,
        long venueOrderId,
        OrdStatus status,
        long price,
        long orderQty,
        long cumQty,
        long leavesQty,
        long transactTimeNs,
        long rxTimestampNs);

    /**
     * The session raised an alarm: something an operator must know (it is also counted and in the error log).
     *
     * @param alarm       which alarm.
     * @param value       what it concerns: a UUID or a sequence number, else 0.
     * @param timestampNs when it was raised.
     */
    void onSessionAlarm(SessionAlarm alarm, long value, long timestampNs);

    /**
     * The venue answered a mass cancel (OrderMassActionReport).
     *
     * @param requestId         gateway id of the mass cancel request.
     * @param accepted          whether the venue accepted it.
     * @param totalAffected     number of orders the venue canceled.
     * @param rxTimestampNs     when the report was read.
     */
    void onMassCancelReport(long requestId, boolean accepted, int totalAffected, long rxTimestampNs);

    /**
     * The venue did not apply a message of this session (BusinessReject naming our message's sequence number).
     *
     * @param refSeqNum       venue sequence number of our message it refers to.
     * @param venueReasonCode the venue's reason code.
     * @param rxTimestampNs   when the report was read.
     */
    void onBusinessReject(long refSeqNum, int venueReasonCode, long rxTimestampNs);

    /**
     * The venue reports that it never received our messages {@code fromSeqNum} to
     * {@code fromSeqNum + count - 1} (NotApplied). The session does not resend them; the order logic settles each
     * order they carried.
     *
     * @param fromSeqNum    first venue sequence number not applied.
     * @param count         how many.
     * @param rxTimestampNs when the report was read.
     */
    void onNotApplied(long fromSeqNum, int count, long rxTimestampNs);

    /**
     * The session changed state.
     *
     * @param state           the new state.
     * @param venueReasonCode the venue's reason code where the change came with one, else 0.
     * @param timestampNs     when it changed.
     */
    void onSessionState(SessionState state, int venueReasonCode, long timestampNs);

    /**
     * An application message from the venue is about to be applied: the callbacks up to
     * {@link #onVenueMessageProcessed} are its effects (the order logic journals them with its UUID and SeqNum).
     *
     * @param uuid   the session UUID it came on.
     * @param seqNum its venue SeqNum.
     */
    default void onVenueMessage(final long uuid, final long seqNum)
    {
    }

    /**
     * The application message announced by {@link #onVenueMessage} has had all its effects.
     *
     * @param uuid          the session UUID it came on.
     * @param seqNum        its venue SeqNum.
     * @param rxTimestampNs when it was read.
     */
    default void onVenueMessageProcessed(final long uuid, final long seqNum, final long rxTimestampNs)
    {
    }
}
