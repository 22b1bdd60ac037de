package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillDecoder;
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
    private VenueSession venue;

    VenueRecovery(
        final Orders orders,
        final KillSwitch killSwitch,
        final RequestIds requestIds,
        final GatewayOutput output,
        final GatewayCounters counters,
        final int instrumentCount)
    {
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
        output.onControlAck(KillDecoder.TEMPLATE_ID, ControlScope.GLOBAL, 0, ControlRefusal.NONE, 0, 0, 0, false,
            ControlIntake.NO_OPERATOR, nowNs);

        long sent = 0;
        for (int i = 0, capacity = orders.capacity(); i < capacity; i++)
        {
            final Order order = orders.at(i);
            if (order.inUse)
            {
                if (0 != order.venueOrderId)
                {
                    sent += sent(venue.sendOrderStatus(requestIds.next(), order.venueOrderId));
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
