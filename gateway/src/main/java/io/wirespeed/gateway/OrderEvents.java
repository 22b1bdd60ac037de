package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportEncoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.gateway.venue.VenueSession;

/**
 * Applies the venue's reports to order state, positions and open quantities, and reports each change to the
 * strategy that owns the order. A fill whose cumulative quantity shows earlier fills the gateway never saw (lost with
 * a refused retransmission), and an order status answer, report the missed quantity as a fill of unknown price
 * before anything else.
 */
final class OrderEvents implements VenueListener
{
    private static final long NULL_PRICE = ExecutionReportEncoder.priceNullValue();
    private static final long NO_TRADE_ENTRY_ID = ExecutionReportEncoder.mdTradeEntryIdNullValue();

    private final Orders orders;
    private final GatewayOutput output;
    private final GatewayCounters counters;
    private final KillSwitch killSwitch;
    private final Execution execution;
    private final VenueRecovery recovery;
    private final StateJournal journal;
    private VenueSession venue;
    private SessionState sessionState = SessionState.DISCONNECTED;
    private long messageUuid;
    private long messageSeqNum;

    OrderEvents(
        final Orders orders,
        final GatewayOutput output,
        final GatewayCounters counters,
        final KillSwitch killSwitch,
        final Execution execution,
        final VenueRecovery recovery,
        final StateJournal journal)
    {
        this.journal = journal;
        this.orders = orders;
        this.output = output;
        this.counters = counters;
        this.killSwitch = killSwitch;
        this.execution = execution;
        this.recovery = recovery;
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderAccepted(final long orderId, final long venueOrderId, final long transactTimeNs, final long rxNs)
    {
        final Order order = find(orderId);
        if (null != order)
        {
            order.venueOrderId = venueOrderId;
            if (OrdStatus.PENDING_NEW == order.status)
            {
                order.status = OrdStatus.NEW;
            }
            report(order, ExecType.NEW, order.clOrdId, 0, RejectReason.NONE, 0, transactTimeNs, rxNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFill(
        final long orderId,
        final long venueOrderId,
        final long execId,
        final long mdTradeEntryId,
        final long lastPrice,
        final long lastQty,
        final long leavesQty,
        final long cumQty,
        final long transactTimeNs,
        final long rxNs)
    {
        final Order order = find(orderId);
        if (null == order)
        {
            return;
        }
        final long cumBefore = cumQty - lastQty;
        if (cumBefore > order.cumQty)
        {
            fillMissed(order, cumBefore, leavesQty + lastQty, transactTimeNs, rxNs);
        }
        applyFill(order, venueOrderId, execId, mdTradeEntryId, lastPrice, lastQty, leavesQty, cumQty,
            transactTimeNs, rxNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderStatus(
        final long orderId,
        final long venueOrderId,
        final OrdStatus status,
        final long price,
        final long orderQty,
        final long cumQty,
        final long leavesQty,
        final long transactTimeNs,
        final long rxNs)
    {
        recovery.onStatusAnswer();
        final Order order = findForStatus(orderId, venueOrderId);
        if (null == order || OrdStatus.NULL_VAL == status)
        {
            counters.increment(GatewayCounter.UNKNOWN_VENUE_ORDERS);
            return;
        }
        if (0 != venueOrderId)
        {
            order.venueOrderId = venueOrderId;
        }
        if (cumQty > order.cumQty)
        {
            fillMissed(order, cumQty, leavesQty, transactTimeNs, rxNs);
            if (!order.inUse)
            {
                counters.increment(GatewayCounter.ORDERS_RECONCILED);
                return;
            }
        }
        switch (status)
        {
            case CANCELED:
                counters.increment(GatewayCounter.ORDERS_RECONCILED);
                onCanceled(0, order.orderId, order.venueOrderId, transactTimeNs, rxNs);
                break;
            case REJECTED:
                counters.increment(GatewayCounter.ORDERS_RECONCILED);
                rejectOrder(order, RejectReason.VENUE_REJECT, 0, transactTimeNs, rxNs);
                break;
            default:
                if (OrdStatus.PENDING_NEW == order.status)
                {
                    counters.increment(GatewayCounter.ORDERS_RECONCILED);
                    order.status = OrdStatus.NEW;
                    report(order, ExecType.NEW, order.clOrdId, 0, RejectReason.NONE, 0, transactTimeNs, rxNs);
                }
                break;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCanceled(
        final long requestId,
        final long orderId,
        final long venueOrderId,
        final long transactTimeNs,
        final long rxNs)
    {
        final Order order = find(orderId);
        if (null == order)
        {
            return;
        }
        counters.increment(GatewayCounter.CANCELED);
        final boolean requested = Order.CANCEL_REQUEST == order.pending && requestId == order.pendingRequestId &&
            order.pendingClOrdId != order.clOrdId;
        final long clOrdId = requested ? order.pendingClOrdId : order.clOrdId;
        final long origClOrdId = requested ? order.clOrdId : 0;
        order.venueOrderId = venueOrderId;
        order.status = OrdStatus.CANCELED;
        order.clearPendingClOrdId();
        order.clearPending();
        final long exposure = order.exposure();
        order.leavesQty = 0;
        OrderGatewayLogic.adjustOpen(order, -exposure);
        report(order, ExecType.CANCELED, clOrdId, origClOrdId, RejectReason.NONE, 0, transactTimeNs, rxNs);
        release(order);
    }

    /**
     * {@inheritDoc}
     */
    public void onReplaced(
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final long price,
        final long orderQty,
        final long leavesQty,
        final long cumQty,
        final long transactTimeNs,
        final long rxNs)
    {
        final Order order = find(origOrderId);
        if (null == order)
        {
            return;
        }
        counters.increment(GatewayCounter.REPLACED);
        final long exposureBefore = order.exposure();
        final boolean requested = Order.REPLACE_REQUEST == order.pending && requestId == order.pendingRequestId;
        final long oldClOrdId = order.clOrdId;
        if (requested)
        {
            if (order.pendingClOrdId != oldClOrdId)
            {
                order.strategy.ordersByClOrdId.remove(oldClOrdId);
                order.clOrdId = order.pendingClOrdId;
            }
            order.ordType = order.pendingOrdType;
            order.timeInForce = order.pendingTimeInForce;
            order.clearPending();
        }
        order.orderId = requestId;
        orders.reindex(origOrderId, order);
        order.venueOrderId = venueOrderId;
        order.price = price;
        order.orderQty = orderQty;
        order.leavesQty = leavesQty;
        order.cumQty = cumQty;
        if (OrdStatus.PENDING_NEW == order.status)
        {
            order.status = OrdStatus.NEW;
        }
        OrderGatewayLogic.adjustOpen(order, order.exposure() - exposureBefore);
        report(order, ExecType.REPLACED, order.clOrdId, oldClOrdId, RejectReason.NONE, 0, transactTimeNs, rxNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderRejected(
        final long orderId,
        final RejectReason reason,
        final int venueReasonCode,
        final long transactTimeNs,
        final long rxNs)
    {
        final Order order = find(orderId);
        if (null != order)
        {
            rejectOrder(order, reason, venueReasonCode, transactTimeNs, rxNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCancelOrReplaceRejected(
        final long requestId,
        final long origOrderId,
        final boolean replace,
        final RejectReason reason,
        final int venueReasonCode,
        final long rxNs)
    {
        final Order order = find(origOrderId);
        if (null != order && order.pendingRequestId == requestId)
        {
            requestRejected(order, reason, venueReasonCode, rxNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMassCancelReport(
        final long requestId, final boolean accepted, final int totalAffected, final long rxTimestampNs)
    {
        killSwitch.onMassCancelReport(requestId, accepted, rxTimestampNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onBusinessReject(final long refSeqNum, final int venueReasonCode, final long rxTimestampNs)
    {
        settleNotApplied(refSeqNum, refSeqNum, venueReasonCode, rxTimestampNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onNotApplied(final long fromSeqNum, final int count, final long rxTimestampNs)
    {
        if (count > 0)
        {
            settleNotApplied(fromSeqNum, fromSeqNum + count - 1, 0, rxTimestampNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionState(final SessionState state, final int venueReasonCode, final long timestampNs)
    {
        if (state != sessionState)
        {
            sessionState = state;
            counters.increment(GatewayCounter.SESSION_STATE_CHANGES);
            killSwitch.onSessionState(state);
            if (null != venue)
            {
                journal.session(venue.uuid(), venue.previousUuid(), venue.nextSentSeqNum(),
                    venue.nextReceivedSeqNum(), state, timestampNs);
                output.onSessionEvent(state, venue.uuid(), venue.nextSentSeqNum(), venue.nextReceivedSeqNum(),
                    venueReasonCode, timestampNs, SessionAlarm.NONE, 0);
            }
            recovery.onSessionState(state, timestampNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionAlarm(final SessionAlarm alarm, final long value, final long timestampNs)
    {
        counters.increment(GatewayCounter.SESSION_ALARMS);
        if (null != venue)
        {
            output.onSessionEvent(venue.state(), venue.uuid(), venue.nextSentSeqNum(), venue.nextReceivedSeqNum(),
                0, timestampNs, alarm, value);
        }
        if (SessionAlarm.RETRANSMIT_REJECTED == alarm)
        {
            recovery.onRetransmitRejected(timestampNs);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onVenueMessage(final long uuid, final long seqNum)
    {
        messageUuid = uuid;
        messageSeqNum = seqNum;
    }

    /**
     * {@inheritDoc}
     */
    public void onVenueMessageProcessed(final long uuid, final long seqNum, final long rxTimestampNs)
    {
        journal.processed(uuid, seqNum, rxTimestampNs);
        recovery.onVenueMessageProcessed(uuid, seqNum, rxTimestampNs);
        messageUuid = 0;
        messageSeqNum = 0;
    }

    /**
     * The venue session these events come from, for the session events published on each state change.
     *
     * @param venue the session.
     */
    void venue(final VenueSession venue)
    {
        this.venue = venue;
    }

    SessionState sessionState()
    {
        return sessionState;
    }

    /**
     * Settle every request carried by venue sequence numbers the venue did not apply.
     */
    private void settleNotApplied(
        final long fromSeqNum, final long toSeqNum, final int venueReasonCode, final long rxNs)
    {
        for (int i = 0, capacity = orders.capacity(); i < capacity; i++)
        {
            final Order order = orders.at(i);
            if (order.inUse)
            {
                if (OrdStatus.PENDING_NEW == order.status && order.newSeqNum >= fromSeqNum &&
                    order.newSeqNum <= toSeqNum)
                {
                    rejectOrder(order, RejectReason.VENUE_REJECT, venueReasonCode, 0, rxNs);
                }
                else if (Order.NO_REQUEST != order.pending && order.pendingSeqNum >= fromSeqNum &&
                    order.pendingSeqNum <= toSeqNum)
                {
                    requestRejected(order, RejectReason.VENUE_REJECT, venueReasonCode, rxNs);
                }
            }
        }
        killSwitch.onNotApplied(fromSeqNum, toSeqNum, rxNs);
    }

    private void rejectOrder(
        final Order order,
        final RejectReason reason,
        final int venueReasonCode,
        final long transactTimeNs,
        final long rxNs)
    {
        counters.increment(GatewayCounter.VENUE_REJECTS);
        final long exposure = order.exposure();
        order.status = OrdStatus.REJECTED;
        order.clearPendingClOrdId();
        order.clearPending();
        order.leavesQty = 0;
        OrderGatewayLogic.adjustOpen(order, -exposure);
        report(order, ExecType.REJECTED, order.clOrdId, 0, reason, venueReasonCode, transactTimeNs, rxNs);
        release(order);
    }

    private void requestRejected(
        final Order order, final RejectReason reason, final int venueReasonCode, final long rxNs)
    {
        final boolean replace = Order.REPLACE_REQUEST == order.pending;
        final long clOrdId = order.pendingClOrdId;
        final long exposureBefore = order.exposure();
        order.clearPendingClOrdId();
        order.clearPending();
        OrderGatewayLogic.adjustOpen(order, order.exposure() - exposureBefore);
        counters.increment(GatewayCounter.VENUE_REJECTS);
        report(order, replace ? ExecType.REPLACE_REJECTED : ExecType.CANCEL_REJECTED, clOrdId, order.clOrdId,
            reason, venueReasonCode, 0, rxNs);
    }

    private Order find(final long orderId)
    {
        final Order order = orders.get(orderId);
        if (null == order)
        {
            counters.increment(GatewayCounter.UNKNOWN_VENUE_ORDERS);
        }
        return order;
    }

    private void release(final Order order)
    {
        order.strategy.recentlyDone.add(order.clOrdId);
        order.strategy.ordersByClOrdId.remove(order.clOrdId);
        order.strategy.book.openOrders--;
        order.strategy.account.book.openOrders--;
        orders.release(order);
    }

    /**
     * Report the quantity an order filled that the gateway never saw: a fill of unknown price that brings its
     * cumulative quantity to the venue's.
     */
    private void fillMissed(
        final Order order, final long venueCumQty, final long leavesQty, final long transactTimeNs, final long rxNs)
    {
        counters.increment(GatewayCounter.MISSED_FILLS);
        applyFill(order, order.venueOrderId, 0, NO_TRADE_ENTRY_ID, NULL_PRICE, venueCumQty - order.cumQty, leavesQty,
            venueCumQty, transactTimeNs, rxNs);
    }

    private void applyFill(
        final Order order,
        final long venueOrderId,
        final long execId,
        final long mdTradeEntryId,
        final long lastPrice,
        final long lastQty,
        final long leavesQty,
        final long cumQty,
        final long transactTimeNs,
        final long rxNs)
    {
        counters.increment(GatewayCounter.FILLS);
        final long exposureBefore = order.exposure();
        final long signedQty = Side.BUY == order.side ? lastQty : -lastQty;
        order.strategy.book.position[order.instrument] += signedQty;
        order.strategy.account.book.position[order.instrument] += signedQty;
        order.venueOrderId = venueOrderId;
        order.cumQty = cumQty;
        order.leavesQty = Math.max(0, leavesQty);
        order.status = 0 == order.leavesQty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
        OrderGatewayLogic.adjustOpen(order, order.exposure() - exposureBefore);

        if (OrdStatus.FILLED == order.status && 0 != order.pending)
        {
            // a cancel or replace in flight can no longer succeed: settle it before the fill that ends the order, so
            // the strategy sees the request refused and then the order filled; the venue's own reject, when it
            // comes, finds no order and is only counted
            final boolean replace = Order.REPLACE_REQUEST == order.pending;
            final long requestClOrdId = order.pendingClOrdId;
            final long exposureWithRequest = order.exposure();
            order.clearPendingClOrdId();
            order.clearPending();
            OrderGatewayLogic.adjustOpen(order, order.exposure() - exposureWithRequest);
            report(order, replace ? ExecType.REPLACE_REJECTED : ExecType.CANCEL_REJECTED, requestClOrdId,
                order.clOrdId, RejectReason.TOO_LATE_TO_CANCEL, 0, transactTimeNs, rxNs);
        }
        execution.lastPrice = lastPrice;
        execution.lastQty = lastQty;
        execution.execId = execId;
        execution.mdTradeEntryId = mdTradeEntryId;
        report(order, ExecType.TRADE, order.clOrdId, 0, RejectReason.NONE, 0, transactTimeNs, rxNs);
        if (OrdStatus.FILLED == order.status)
        {
            order.clearPendingClOrdId();
            release(order);
        }
    }

    /**
     * The order a status report is about: by its current ClOrdID, else (a replace whose acknowledgement was lost
     * gave it a new one) by venue order id, a scan of the pool on this rare path.
     */
    private Order findForStatus(final long orderId, final long venueOrderId)
    {
        final Order order = orders.get(orderId);
        if (null != order || 0 == venueOrderId)
        {
            return order;
        }
        for (int i = 0, capacity = orders.capacity(); i < capacity; i++)
        {
            final Order candidate = orders.at(i);
            if (candidate.inUse && candidate.venueOrderId == venueOrderId)
            {
                return candidate;
            }
        }
        return null;
    }

    private void report(
        final Order order,
        final ExecType execType,
        final long clOrdId,
        final long origClOrdId,
        final RejectReason reason,
        final int venueRejectCode,
        final long transactTimeNs,
        final long rxNs)
    {
        final Execution report = execution;
        report.strategyId = order.strategy.id;
        report.clOrdId = clOrdId;
        report.origClOrdId = origClOrdId;
        report.venueOrderId = order.venueOrderId;
        report.securityId = order.securityId;
        report.side = order.side;
        report.execType = execType;
        report.ordStatus = ExecType.REPLACED == execType ? OrdStatus.REPLACED : order.reportedStatus();
        report.rejectReason = reason;
        report.venueRejectCode = venueRejectCode;
        report.price = order.price;
        report.orderQty = order.orderQty;
        if (ExecType.TRADE != execType)
        {
            report.lastPrice = NULL_PRICE;
            report.lastQty = 0;
            report.execId = 0;
            report.mdTradeEntryId = NO_TRADE_ENTRY_ID;
        }
        report.leavesQty = order.leavesQty;
        report.cumQty = order.cumQty;
        report.venueTransactTimeNs = transactTimeNs;
        report.triggerRxTimestampNs = order.triggerRxTimestampNs;
        report.gatewayRxTimestampNs = rxNs;
        output.onExecutionReport(report);
        final boolean trade = ExecType.TRADE == execType;
        journal.order(order, order.status, trade ? report.lastQty : 0, trade ? report.lastPrice : NULL_PRICE,
            messageUuid, messageSeqNum, rxNs);
    }
}
