package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;

/**
 * One live order, pooled and reused: identity, terms, fills and at most one request (cancel or replace) in flight.
 */
final class Order
{
    static final int NO_REQUEST = 0;
    static final int CANCEL_REQUEST = 1;
    static final int REPLACE_REQUEST = 2;

    long orderId;

    /** The gateway order id the order was first sent with: its key in the journal across replaces. */
    long rootOrderId;
    Strategy strategy;
    long clOrdId;
    int securityId;
    int instrument;
    Side side;
    OrdType ordType;
    TimeInForce timeInForce;
    long price;
    long orderQty;
    long leavesQty;
    long cumQty;
    long venueOrderId;
    OrdStatus status;
    long newSeqNum;
    long triggerRxTimestampNs;
    boolean inUse;

    /**
     * The kill switch owes this order a cancel until it finishes; released orders are reset, so a reused one is not.
     */
    boolean killOwed;

    /** Where the order sits in the kill switch's set while {@link #killOwed}. */
    int killIndex;

    int pending;
    long pendingRequestId;
    long pendingClOrdId;
    long pendingSeqNum;
    long pendingPrice;
    long pendingQty;
    OrdType pendingOrdType;
    TimeInForce pendingTimeInForce;

    /**
     * Quantity this order could still add to the position in the worst case: its leaves, or the leaves a pending
     * replace would give it if larger.
     */
    long exposure()
    {
        if (!inUse)
        {
            return 0;
        }
        if (REPLACE_REQUEST == pending)
        {
            return Math.max(leavesQty, Math.max(0, pendingQty - cumQty));
        }
        return leavesQty;
    }

    OrdStatus reportedStatus()
    {
        if (CANCEL_REQUEST == pending)
        {
            return OrdStatus.PENDING_CANCEL;
        }
        if (REPLACE_REQUEST == pending)
        {
            return OrdStatus.PENDING_REPLACE;
        }
        return status;
    }

    /**
     * Forget the client order id a pending replace reserved, when it differs from the order's own.
     */
    void clearPendingClOrdId()
    {
        if (REPLACE_REQUEST == pending && pendingClOrdId != clOrdId)
        {
            strategy.ordersByClOrdId.remove(pendingClOrdId);
        }
    }

    void clearPending()
    {
        pending = NO_REQUEST;
        pendingRequestId = 0;
        pendingClOrdId = 0;
        pendingSeqNum = 0;
        pendingPrice = 0;
        pendingQty = 0;
        pendingOrdType = null;
        pendingTimeInForce = null;
    }

    void reset()
    {
        clearPending();
        orderId = 0;
        rootOrderId = 0;
        strategy = null;
        clOrdId = 0;
        securityId = 0;
        instrument = 0;
        side = null;
        ordType = null;
        timeInForce = null;
        price = 0;
        orderQty = 0;
        leavesQty = 0;
        cumQty = 0;
        venueOrderId = 0;
        status = null;
        newSeqNum = 0;
        triggerRxTimestampNs = 0;
        inUse = false;
        killOwed = false;
    }
}
