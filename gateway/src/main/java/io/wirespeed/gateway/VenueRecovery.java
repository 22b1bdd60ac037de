package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.gateway.venue.VenueSession;

/**
 * The order logic's answer to a venue that refused to retransmit: reports are lost, so positions and open orders
 * may be wrong. It latches the global kill switch (new orders and replaces refused until an operator resumes) and
 * asks the venue for the status of every open order: OrderStatusRequest by venue order id, or an
 * OrderMassStatusRequest for the instrument of an order whose acknowledgement was lost (it has no venue order id
 * yet). The answers reconcile order state in {@link OrderEvents#onOrderStatus}.
 * <p>
 * The scope is global because the gateway has one venue session and every strategy's orders go through it: any of
 * them may have lost reports. Open orders are not cancelled: a cancel racing the status answers would hide what
 * happened to them, and an operator's kill does that when wanted.
 * <p>
 * After a restart from the journal ({@link #beginRestore()}) it holds new orders off until the restored state is
 * reconciled with the venue: first the session recovers every venue message beyond the restored last-processed
 * SeqNum (the venue session is RETRANSMITTING until then, and those reports are applied and published once), then,
 * on the first duty cycle the session is ESTABLISHED, it asks the status of every open order (by venue order id, or
 * by instrument when the venue's acknowledgement is still missing) and waits for an answer to each by-id request.
 * Only the by-id answers are counted: a mass status answer has no end marker the order logic sees, and an order still
 * unacknowledged after the retransmission was never applied by the venue (it answers a NewOrderSingle before the
 * EstablishmentAck, and a SeqNum it never received is reported NotApplied, which rejects the order).
 */
final class VenueRecovery
{
    private final Orders orders;
    private final KillSwitch killSwitch;
    private final RequestIds requestIds;
    private final GatewayOutput output;
    private final GatewayCounters counters;
    private final int[] massStatusSecurityIds;
    private final boolean[] massStatusWanted;
    private final StateJournal journal;
    private VenueSession venue;
    private long byIdSent;
    private boolean restoring;
    private boolean restoreStatusSent;
    private long restoreAnswersOwed;

    VenueRecovery(
        final Orders orders,
        final KillSwitch killSwitch,
        final RequestIds requestIds,
        final GatewayOutput output,
        final GatewayCounters counters,
        final int instrumentCount,
        final StateJournal journal)
    {
        this.journal = journal;
        this.orders = orders;
        this.killSwitch = killSwitch;
        this.requestIds = requestIds;
        this.output = output;
        this.counters = counters;
        this.massStatusSecurityIds = new int[instrumentCount];
        this.massStatusWanted = new boolean[instrumentCount];
    }

    void venue(final VenueSession venue)
    {
        this.venue = venue;
    }

    /**
     * The venue refused to retransmit: latch the kill switch and ask for the status of every open order.
     *
     * @return status requests sent.
     */
    long onRetransmitRejected(final long nowNs)
    {
        counters.increment(GatewayCounter.RECOVERY_KILLS);
        killSwitch.latchGlobal();
        journal.killLatch(ControlScope.GLOBAL, 0, true, nowNs);
        output.onControlAck(KillDecoder.TEMPLATE_ID, ControlScope.GLOBAL, 0, ControlRefusal.NONE, 0, 0, 0, false,
            ControlIntake.NO_OPERATOR, nowNs);

        return requestStatusOfOpenOrders();
    }

    /**
     * The order logic was restored from the journal: new orders wait until the venue's view is reconciled.
     */
    void beginRestore()
    {
        restoring = true;
        restoreStatusSent = false;
        restoreAnswersOwed = 0;
    }

    /**
     * Whether a restore is still being reconciled with the venue (new orders and replaces are refused meanwhile).
     */
    boolean isReconciling()
    {
        return restoring;
    }

    /**
     * Once per duty cycle: when the session is established with nothing left to recover, ask the status of the
     * restored open orders.
     *
     * @return work done.
     */
    int poll(final long nowNs)
    {
        if (!restoring || restoreStatusSent || SessionState.ESTABLISHED != venue.state())
        {
            return 0;
        }
        restoreStatusSent = true;
        requestStatusOfOpenOrders();
        restoreAnswersOwed = byIdSent;
        if (0 == restoreAnswersOwed)
        {
            endRestore();
        }
        return 1;
    }

    /**
     * The session changed state: a connection lost before the answers came asks again on the next establishment.
     */
    void onSessionState(final SessionState state, final long nowNs)
    {
        if (restoring && SessionState.DISCONNECTED == state)
        {
            restoreStatusSent = false;
            restoreAnswersOwed = 0;
        }
    }

    /**
     * The venue answered a status request.
     */
    void onStatusAnswer()
    {
        if (restoring && restoreStatusSent && restoreAnswersOwed > 0 && 0 == --restoreAnswersOwed)
        {
            endRestore();
        }
    }

    /**
     * A venue application message was applied; nothing to do yet, kept for the order of calls it documents.
     */
    void onVenueMessageProcessed(final long uuid, final long seqNum, final long nowNs)
    {
    }

    private void endRestore()
    {
        restoring = false;
        counters.increment(GatewayCounter.RESTORES_RECONCILED);
    }

    private long requestStatusOfOpenOrders()
    {
        byIdSent = 0;
        long sent = 0;
        for (int i = 0, capacity = orders.capacity(); i < capacity; i++)
        {
            final Order order = orders.at(i);
            if (order.inUse)
            {
                if (0 != order.venueOrderId)
                {
                    final long one = sent(venue.sendOrderStatus(requestIds.next(), order.venueOrderId));
                    byIdSent += one;
                    sent += one;
                }
                else
                {
                    massStatusWanted[order.instrument] = true;
                    massStatusSecurityIds[order.instrument] = order.securityId;
                }
            }
        }
        for (int i = 0; i < massStatusWanted.length; i++)
        {
            if (massStatusWanted[i])
            {
                massStatusWanted[i] = false;
                sent += sent(venue.sendMassStatus(requestIds.next(), massStatusSecurityIds[i]));
            }
        }
        return sent;
    }

    private long sent(final long seqNum)
    {
        if (seqNum > 0)
        {
            counters.increment(GatewayCounter.STATUS_REQUESTS_SENT);
            return 1;
        }
        counters.increment(GatewayCounter.STATUS_REQUESTS_NOT_SENT);
        return 0;
    }
}
