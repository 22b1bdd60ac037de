package io.wirespeed.sim.venue;

/**
 * One client of the venue (its Session ID and Firm ID, across the UUIDs it negotiates): where its answers go and its
 * working orders.
 */
final class ClientSession
{
    final long clientId;
    final int index;
    final ClientOrder[] open;

    /**
     * Lots bought less lots sold by the client's orders, over every instrument: the venue's view of its position.
     */
    long netFilledQty;
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

    void remove(final ClientOrder order)
    {
        final int index = order.sessionIndex;
        final ClientOrder last = open[--openCount];
        open[index] = last;
        last.sessionIndex = index;
        open[openCount] = null;
    }
}
