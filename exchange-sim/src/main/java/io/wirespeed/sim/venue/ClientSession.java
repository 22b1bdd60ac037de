package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.SideReq;
import org.agrona.collections.Long2LongHashMap;

/**
 * One client of the venue (its Session ID and Firm ID, across the UUIDs it negotiates): where its answers go and its
 * working orders.
 */
final class ClientSession
{
    final long clientId;
    final int index;
    final ClientOrder[] open;
    final Long2LongHashMap netPosition = new Long2LongHashMap(Long.MIN_VALUE);
    int openCount;
    VenueOutbound outbound;

    ClientSession(final long clientId, final int index, final int maxOpenOrders)
    {
        this.clientId = clientId;
        this.index = index;
        this.open = new ClientOrder[maxOpenOrders];
    }

    void add(final ClientOrder order)
    {
        order.sessionIndex = openCount;
        open[openCount++] = order;
    }

    /**
     * A fill of one of this client's orders: bought quantity adds to the client's net position in the instrument,
     * sold quantity takes from it.
     */
    void filled(final ClientOrder order, final long qty)
    {
        netPosition.put(order.securityId, position(order.securityId) + (SideReq.Buy == order.side ? qty : -qty));
    }

    /**
     * The client's net position in an instrument: bought minus sold.
     */
    long position(final int securityId)
    {
        final long position = netPosition.get(securityId);
        return Long.MIN_VALUE == position ? 0 : position;
    }

    void remove(final ClientOrder order)
    {
        final int index = order.sessionIndex;
        final ClientOrder last = open[--openCount];
        open[index] = last;
        last.sessionIndex = index;
        open[openCount] = null;
    }
}
