package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.sim.ClientMarket;

/**
 * Cancels a session's working orders that match a filter (instrument, side), each with its ExecutionReportCancel,
 * and publishes the book changes as one event per instrument.
 */
final class MassCancel
{
    static final int ANY_SECURITY = Integer.MIN_VALUE;

    private static final int MAX_TOUCHED = 64;

    private final ClientMarket market;
    private final ClientOrders orders;
    private final ExecutionReports reports;
    private final VenueCounters counters;
    private final int[] touched = new int[MAX_TOUCHED];
    private int touchedCount;

    MassCancel(
        final ClientMarket market,
        final ClientOrders orders,
        final ExecutionReports reports,
        final VenueCounters counters)
    {
        this.market = market;
        this.orders = orders;
        this.reports = reports;
        this.counters = counters;
    }

    int count(final ClientSession session, final int securityId, final SideReq side)
    {
        int count = 0;
        for (int i = 0; i < session.openCount; i++)
        {
            if (matches(session.open[i], securityId, side))
            {
                count++;
            }
        }
        return count;
    }

    void cancel(
        final ClientSession session,
        final int securityId,
        final SideReq side,
        final long orderRequestId,
        final long nowNs)
    {
        for (int i = session.openCount - 1; i >= 0; i--)
        {
            final ClientOrder order = session.open[i];
            if (matches(order, securityId, side))
            {
                order.orderRequestId = orderRequestId;
                cancel(order, ExecReason.NULL_VAL, nowNs);
            }
        }
        publishTouched(nowNs);
    }

    void cancelAll(final ClientSession session, final ExecReason reason, final long nowNs)
    {
        for (int i = session.openCount - 1; i >= 0; i--)
        {
            cancel(session.open[i], reason, nowNs);
        }
        publishTouched(nowNs);
    }

    private void cancel(final ClientOrder order, final ExecReason reason, final long nowNs)
    {
        market.cancel(order.securityId, order.bookOrderId);
        touch(order.securityId, nowNs);
        counters.increment(VenueCounter.CANCELS);
        reports.onCancel(order, reason, nowNs);
        orders.close(order);
        counters.add(VenueCounter.OPEN_ORDERS, -1);
    }

    private static boolean matches(final ClientOrder order, final int securityId, final SideReq side)
    {
        return (ANY_SECURITY == securityId || order.securityId == securityId) &&
            (SideReq.NULL_VAL == side || order.side == side);
    }

    private void touch(final int securityId, final long nowNs)
    {
        for (int i = 0; i < touchedCount; i++)
        {
            if (touched[i] == securityId)
            {
                return;
            }
        }
        if (touchedCount == MAX_TOUCHED)
        {
            publishTouched(nowNs);
        }
        touched[touchedCount++] = securityId;
    }

    private void publishTouched(final long nowNs)
    {
        for (int i = 0; i < touchedCount; i++)
        {
            market.publish(touched[i], nowNs);
        }
        touchedCount = 0;
    }
}
