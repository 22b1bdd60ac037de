package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.gateway.venue.VenueSession;

/**
 * Blocks new orders globally, per account or per strategy until an explicit resume, and owes every open order in a
 * killed scope a cancel: the orders are latched in a set swept every duty cycle until each is finished at the venue,
 * sending (again after a refusal, a lost message or a new venue session) any cancel that is not outstanding.
 */
final class KillSwitch
{
    /** Cancels sent for one order within one established venue session before the sweep waits for the next. */
    static final int MAX_CANCELS_PER_SESSION = 3;

    private final Orders orders;
    private VenueSession venue;
    private final PreTradeRisk risk;
    private final GatewayCounters counters;
    private final RequestIds requestIds;
    private final KillProgress progress;
    private final Order[] owed;
    private final int[] cancelsThisSession;
    private final boolean[] cancelEverSent;
    private final int[] kills;
    private int owedCount;
    private boolean global;
    private long massCancelRequestId;
    private long massCancelSeqNum;

    KillSwitch(
        final Orders orders,
        final PreTradeRisk risk,
        final GatewayCounters counters,
        final RequestIds requestIds,
        final GatewayOutput output)
    {
        this.orders = orders;
        this.risk = risk;
        this.counters = counters;
        this.requestIds = requestIds;
        this.progress = new KillProgress(output);
        owed = new Order[orders.capacity()];
        cancelsThisSession = new int[orders.capacity()];
        cancelEverSent = new boolean[orders.capacity()];
        kills = new int[orders.capacity()];
    }

    void venue(final VenueSession venue)
    {
        this.venue = venue;
    }

    /**
     * A newly established venue session starts a fresh round of cancels for every owed order, and an outstanding
     * mass cancel is not trusted across it.
     */
    void onSessionState(final SessionState state)
    {
        if (SessionState.ESTABLISHED == state)
        {
            massCancelRequestId = 0;
            massCancelSeqNum = 0;
            for (int i = 0; i < owedCount; i++)
            {
                cancelsThisSession[i] = 0;
            }
        }
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
     * Orders the kill switch still owes a cancel.
     *
     * @return orders latched and not yet finished.
     */
    int owedCount()
    {
        return owedCount;
    }

    /**
     * Latch the global kill and owe every open order a cancel, sent as one mass cancel, falling back to one cancel
     * per order when the mass cancel cannot be sent or is refused; answer the kill with its progress.
     */
    void killGlobal(final byte[] operator, final long nowNs)
    {
        global = true;
        final int record = progress.open(KillDecoder.TEMPLATE_ID, ControlScope.GLOBAL, 0, operator);
        latch(null, null, record);
        if (0 == massCancelRequestId && owedCount > 0 && SessionState.ESTABLISHED == venue.state())
        {
            final long requestId = requestIds.next();
            final long seqNum = venue.sendMassCancel(requestId, 0);
            if (seqNum > 0)
            {
                counters.increment(GatewayCounter.MASS_CANCELS_SENT);
                risk.recordGatewaySent(nowNs);
                massCancelRequestId = requestId;
                massCancelSeqNum = seqNum;
                for (int i = 0; i < owedCount; i++)
                {
                    markSent(i);
                }
            }
        }
        sweep(nowNs);
        progress.acknowledge(record, nowNs);
    }

    /**
     * Owe every open order of a strategy or an account a cancel and answer the kill with its progress.
     */
    void kill(
        final ControlScope scope,
        final long targetId,
        final Strategy strategy,
        final Account account,
        final byte[] operator,
        final long nowNs)
    {
        final int record = progress.open(KillDecoder.TEMPLATE_ID, scope, targetId, operator);
        latch(strategy, account, record);
        sweep(nowNs);
        progress.acknowledge(record, nowNs);
    }

    /**
     * Owe every open order of a strategy a cancel without latching or answering anything (cancel on disconnect).
     */
    void cancelOpenOrders(final Strategy strategy, final long nowNs)
    {
        latch(strategy, null, KillProgress.NONE);
        sweep(nowNs);
    }

    /**
     * The venue answered a mass cancel; after a refusal the sweep sends one cancel per owed order.
     */
    void onMassCancelReport(final long requestId, final boolean accepted, final long nowNs)
    {
        if (requestId == massCancelRequestId)
        {
            massCancelRequestId = 0;
            massCancelSeqNum = 0;
            if (!accepted)
            {
                sweep(nowNs);
            }
        }
    }

    /**
     * Venue sequence numbers not applied that carried the outstanding mass cancel leave its orders to the sweep.
     */
    void onNotApplied(final long fromSeqNum, final long toSeqNum, final long nowNs)
    {
        if (0 != massCancelSeqNum && massCancelSeqNum >= fromSeqNum && massCancelSeqNum <= toSeqNum)
        {
            onMassCancelReport(massCancelRequestId, false, nowNs);
        }
    }

    /**
     * Send every owed cancel that is not outstanding while the venue session is established, and drop the orders
     * that finished, answering each kill whose orders all finished.
     *
     * @param nowNs current time.
     * @return cancels sent plus orders finished.
     */
    int sweep(final long nowNs)
    {
        if (0 == owedCount)
        {
            return 0;
        }
        final boolean established = SessionState.ESTABLISHED == venue.state();
        int work = 0;
        int i = 0;
        while (i < owedCount)
        {
            final Order order = owed[i];
            if (!order.killOwed)
            {
                progress.onFinished(kills[i]);
                removeAt(i);
                work++;
                continue;
            }
            if (established && 0 == massCancelRequestId && Order.CANCEL_REQUEST != order.pending &&
                cancelsThisSession[i] < MAX_CANCELS_PER_SESSION && sendCancel(order, nowNs))
            {
                cancelsThisSession[i]++;
                markSent(i);
                work++;
            }
            i++;
        }
        if (work > 0)
        {
            progress.publishFinished(nowNs);
        }
        return work;
    }

    private void latch(final Strategy strategy, final Account account, final int record)
    {
        for (int i = 0, capacity = orders.capacity(); i < capacity; i++)
        {
            final Order order = orders.at(i);
            if (order.inUse && (null == strategy || order.strategy == strategy) &&
                (null == account || order.strategy.account == account))
            {
                if (!order.killOwed)
                {
                    order.killOwed = true;
                    order.killIndex = owedCount;
                    owed[owedCount] = order;
                    cancelsThisSession[owedCount] = 0;
                    cancelEverSent[owedCount] = Order.CANCEL_REQUEST == order.pending;
                    kills[owedCount] = 0;
                    owedCount++;
                }
                final int index = order.killIndex;
                kills[index] |= progress.onLatched(record, kills[index], cancelEverSent[index]);
            }
        }
    }

    private void markSent(final int index)
    {
        if (!cancelEverSent[index])
        {
            cancelEverSent[index] = true;
            progress.onCancelSent(kills[index]);
        }
    }

    private void removeAt(final int index)
    {
        final int last = --owedCount;
        owed[index] = owed[last];
        owed[index].killIndex = index;
        cancelsThisSession[index] = cancelsThisSession[last];
        cancelEverSent[index] = cancelEverSent[last];
        kills[index] = kills[last];
        owed[last] = null;
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
}
