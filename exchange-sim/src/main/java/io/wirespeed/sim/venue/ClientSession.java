package io.wirespeed.sim.venue;

/**
 * One client session (UUID) of the venue: where its answers go and its working orders.
 */
final class ClientSession
{
    final long uuid;
    final int index;
    final ClientOrder[] open;
    int openCount;
    VenueOutbound outbound;

    ClientSession(final long uuid, final int index, final int maxOpenOrders)
    {
        this.uuid = uuid;
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
