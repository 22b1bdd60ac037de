package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.gateway.venue.VenueSession;

/**
 * Blocks new orders globally, per account or per strategy until an explicit resume, and cancels the open orders in
 * a scope: one venue mass cancel for everything, else one cancel per order.
 */
final class KillSwitch
{
    private final Orders orders;
    private VenueSession venue;
    private final PreTradeRisk risk;
    private final GatewayCounters counters;
    private final RequestIds requestIds;
    private boolean global;
    private long massCancelRequestId;
    private long massCancelSeqNum;

    KillSwitch(
        final Orders orders,
        final PreTradeRisk risk,
        final GatewayCounters counters,
        final RequestIds requestIds)
    {
        this.orders = orders;
        this.risk = risk;
        this.counters = counters;
        this.requestIds = requestIds;
    }

    void venue(final VenueSession venue)
    {
        this.venue = venue;
    }

    boolean isGlobal()
    {
        return global;
    }

    boolean blocks(final Strategy strategy)
    {
        return global || strategy.book.killed || strategy.account.book.killed;
    }

    void resumeGlobal()
    {
        global = false;
    }

    /**
     * Latch the global kill without cancelling anything: new orders and replaces are refused until resumed.
     */
    void latchGlobal()
    {
        global = true;
    }

    /**
     * Latch the global kill and cancel every open order with one mass cancel, falling back to one cancel per order
     * when the mass cancel cannot be sent.
     *
     * @return the open orders asked to be canceled.
     */
    long killGlobal(final long nowNs)
    {
        global = true;
        final long requestId = requestIds.next();
        final long seqNum = venue.sendMassCancel(requestId, 0);
        if (seqNum > 0)
        {
            counters.increment(GatewayCounter.MASS_CANCELS_SENT);
            risk.recordGatewaySent(nowNs);
            massCancelRequestId = requestId;
            massCancelSeqNum = seqNum;
            return countOpen();
        }
        return cancelOpenOrders(null, null, nowNs);
    }

    /**
     * The venue answered a mass cancel; a refused one is followed by one cancel per open order.
     */
    void onMassCancelReport(final long requestId, final boolean accepted, final long nowNs)
    {
        if (requestId == massCancelRequestId)
        {
            massCancelRequestId = 0;
            massCancelSeqNum = 0;
            if (!accepted)
            {
                cancelOpenOrders(null, null, nowNs);
            }
        }
    }

    /**
     * Whether venue sequence numbers not applied carried the outstanding mass cancel; if so it is retried as one
     * cancel per open order.
     */
    void onNotApplied(final long fromSeqNum, final long toSeqNum, final long nowNs)
    {
        if (0 != massCancelSeqNum && massCancelSeqNum >= fromSeqNum && massCancelSeqNum <= toSeqNum)
        {
            onMassCancelReport(massCancelRequestId, false, nowNs);
        }
    }

    /**
     * Send a cancel for every open order of a strategy, of an account, or of everyone (both null), skipping those
     * already being canceled.
     *
     * @return cancels sent.
     */
    long cancelOpenOrders(final Strategy strategy, final Account account, final long nowNs)
    {
        long sent = 0;
        for (int i = 0, capacity = orders.capacity(); i < capacity; i++)
        {
            final Order order = orders.at(i);
            if (order.inUse && Order.CANCEL_REQUEST != order.pending &&
                (null == strategy || order.strategy == strategy) &&
                (null == account || order.strategy.account == account))
            {
                if (sendCancel(order, nowNs))
                {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean sendCancel(final Order order, final long nowNs)
    {
        final long requestId = requestIds.next();
        final long seqNum = venue.sendCancel(
            requestId, order.orderId, order.venueOrderId, order.securityId, order.side);
        if (seqNum <= 0)
        {
            return false;
        }
        final long exposureBefore = order.exposure();
        order.clearPendingClOrdId();
        order.clearPending();
        order.pending = Order.CANCEL_REQUEST;
        order.pendingRequestId = requestId;
        order.pendingClOrdId = order.clOrdId;
        order.pendingSeqNum = seqNum;
        OrderGatewayLogic.adjustOpen(order, order.exposure() - exposureBefore);
        counters.increment(GatewayCounter.CANCELS_SENT);
        risk.recordGatewaySent(nowNs);
        return true;
    }

    private long countOpen()
    {
        long open = 0;
        for (int i = 0, capacity = orders.capacity(); i < capacity; i++)
        {
            final Order order = orders.at(i);
            if (order.inUse && OrdStatus.FILLED != order.status)
            {
                open++;
            }
        }
        return open;
    }
}
