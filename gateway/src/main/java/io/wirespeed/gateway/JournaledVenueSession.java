package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.gateway.venue.VenueSession;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The venue session as the order logic uses it when it journals: before every request that is not a new order
 * (cancel, replace, mass cancel, status requests: the kill switch's and the recovery's too) it journals the session's
 * next sent SeqNum one above the one the request takes, so a restart never sends a SeqNum the venue may have seen,
 * even if the transport's VENUE_OUT record of it was lost. A new order's own state record carries its SeqNum
 * ({@link OrderGatewayLogic#onNewOrder}). A request that is not sent after all leaves a gap the venue answers with
 * NotApplied, which settles nothing: no order was sent with it.
 */
final class JournaledVenueSession implements VenueSession
{
    private final VenueSession venue;
    private final StateJournal journal;
    private final EpochNanoClock clock;

    JournaledVenueSession(final VenueSession venue, final StateJournal journal, final EpochNanoClock clock)
    {
        this.venue = venue;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     */
    public SessionState state()
    {
        return venue.state();
    }

    /**
     * {@inheritDoc}
     */
    public long uuid()
    {
        return venue.uuid();
    }

    /**
     * {@inheritDoc}
     */
    public long previousUuid()
    {
        return venue.previousUuid();
    }

    /**
     * {@inheritDoc}
     */
    public long nextSentSeqNum()
    {
        return venue.nextSentSeqNum();
    }

    /**
     * {@inheritDoc}
     */
    public long nextReceivedSeqNum()
    {
        return venue.nextReceivedSeqNum();
    }

    /**
     * {@inheritDoc}
     */
    public long sendNewOrder(
        final long orderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty,
        final long triggerRxTimestampNs)
    {
        return venue.sendNewOrder(orderId, securityId, side, ordType, timeInForce, price, qty, triggerRxTimestampNs);
    }

    /**
     * {@inheritDoc}
     */
    public long sendCancel(
        final long requestId, final long origOrderId, final long venueOrderId, final int securityId, final Side side)
    {
        beforeRequest();
        return venue.sendCancel(requestId, origOrderId, venueOrderId, securityId, side);
    }

    /**
     * {@inheritDoc}
     */
    public long sendReplace(
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        beforeRequest();
        return venue.sendReplace(
            requestId, origOrderId, venueOrderId, securityId, side, ordType, timeInForce, price, qty);
    }

    /**
     * {@inheritDoc}
     */
    public long sendMassCancel(final long requestId, final int securityId)
    {
        beforeRequest();
        return venue.sendMassCancel(requestId, securityId);
    }

    /**
     * {@inheritDoc}
     */
    public long sendOrderStatus(final long requestId, final long venueOrderId)
    {
        beforeRequest();
        return venue.sendOrderStatus(requestId, venueOrderId);
    }

    /**
     * {@inheritDoc}
     */
    public long sendMassStatus(final long requestId, final int securityId)
    {
        beforeRequest();
        return venue.sendMassStatus(requestId, securityId);
    }

    private void beforeRequest()
    {
        if (SessionState.ESTABLISHED == venue.state() || SessionState.RETRANSMITTING == venue.state())
        {
            journal.session(venue.uuid(), venue.previousUuid(), venue.nextSentSeqNum() + 1,
                venue.nextReceivedSeqNum(), venue.state(), clock.nanoTime());
        }
    }
}
