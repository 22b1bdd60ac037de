package io.wirespeed.gateway.venue;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;

/**
 * What the gateway's order logic asks of the venue. Implemented by the venue session; called on the gateway's duty
 * cycle thread only.
 * <p>
 * Order identifiers are the gateway's own: {@code orderId} is unique for the life of the venue session (it goes on
 * the wire as ClOrdID / OrderRequestID), {@code venueOrderId} is the id the venue assigned (0 if not yet known).
 * Prices are mantissas with exponent -9, as in the internal schema and iLink 3's PRICE9.
 * <p>
 * Every send returns the venue sequence number the message went out with (&gt; 0), or one of the negative
 * {@code NOT_SENT_*} codes; nothing is queued for later, so a message that was not sent is never sent twice.
 */
public interface VenueSession
{
    /**
     * The session is not established: nothing can be sent.
     */
    long NOT_SENT_NOT_ESTABLISHED = -1;

    /**
     * The transport could not take the message now (socket buffer full).
     */
    long NOT_SENT_BACK_PRESSURED = -2;

    /**
     * The journal could not record the message (its tap is full), so nothing was sent: the gateway sends the venue
     * nothing it could not journal.
     */
    long NOT_SENT_JOURNAL_FULL = -3;

    /**
     * The current state of the session.
     *
     * @return the state.
     */
    SessionState state();

    /**
     * The session's identity on the venue (iLink 3 UUID), for session events; 0 when it has none.
     *
     * @return the UUID.
     */
    default long uuid()
    {
        return 0;
    }

    /**
     * The UUID this session follows (its messages are recovered with LastUUID), for the journal; 0 when none.
     *
     * @return the previous UUID.
     */
    default long previousUuid()
    {
        return 0;
    }

    /**
     * The sequence number the next business message to the venue will carry, for session events.
     *
     * @return the next outbound sequence number, 0 when not known.
     */
    default long nextSentSeqNum()
    {
        return 0;
    }

    /**
     * The sequence number expected on the next message from the venue, for session events.
     *
     * @return the next inbound sequence number, 0 when not known.
     */
    default long nextReceivedSeqNum()
    {
        return 0;
    }

    /**
     * Send a new order.
     *
     * @param orderId             gateway order id, the wire ClOrdID.
     * @param securityId          venue security id.
     * @param side                buy or sell.
     * @param ordType             limit or market.
     * @param timeInForce         time in force.
     * @param price               limit price mantissa (exponent -9), ignored for market orders.
     * @param qty                 quantity in lots.
     * @param triggerRxTimestampNs rx time of the tick that caused the order, for the tick-to-trade stamp, or 0.
     * @return the venue sequence number used, or a {@code NOT_SENT_*} code.
     */
    long sendNewOrder(
        long orderId,
        int securityId,
        Side side,
        OrdType ordType,
        TimeInForce timeInForce,
        long price,
        long qty,
        long triggerRxTimestampNs);

    /**
     * Ask the venue to cancel an order.
     *
     * @param requestId    gateway id of this request, the wire ClOrdID of the cancel.
     * @param origOrderId  gateway order id of the order to cancel.
     * @param venueOrderId venue order id, 0 if not yet known.
     * @param securityId   venue security id.
     * @param side         side of the order.
     * @return the venue sequence number used, or a {@code NOT_SENT_*} code.
     */
    long sendCancel(long requestId, long origOrderId, long venueOrderId, int securityId, Side side);

    /**
     * Ask the venue to change an order's price and/or quantity.
     *
     * @param requestId    gateway id of this request, the order's new wire ClOrdID.
     * @param origOrderId  gateway order id of the order to change.
     * @param venueOrderId venue order id, 0 if not yet known.
     * @param securityId   venue security id.
     * @param side         side of the order.
     * @param ordType      order type.
     * @param timeInForce  time in force.
     * @param price        new limit price mantissa.
     * @param qty          new total quantity.
     * @return the venue sequence number used, or a {@code NOT_SENT_*} code.
     */
    long sendReplace(
        long requestId,
        long origOrderId,
        long venueOrderId,
        int securityId,
        Side side,
        OrdType ordType,
        TimeInForce timeInForce,
        long price,
        long qty);

    /**
     * Ask the venue to cancel every open order of this session, optionally for one instrument only.
     *
     * @param requestId  gateway id of this request.
     * @param securityId venue security id, or 0 for every instrument.
     * @return the venue sequence number used, or a {@code NOT_SENT_*} code.
     */
    long sendMassCancel(long requestId, int securityId);

    /**
     * Ask the venue for the status of one order (answered by an order status report).
     *
     * @param requestId    gateway id of this request.
     * @param venueOrderId venue order id of the order.
     * @return the venue sequence number used, or a {@code NOT_SENT_*} code.
     */
    long sendOrderStatus(long requestId, long venueOrderId);

    /**
     * Ask the venue for the status of every working order of this session in one instrument.
     *
     * @param requestId  gateway id of this request.
     * @param securityId venue security id.
     * @return the venue sequence number used, or a {@code NOT_SENT_*} code.
     */
    long sendMassStatus(long requestId, int securityId);
}
