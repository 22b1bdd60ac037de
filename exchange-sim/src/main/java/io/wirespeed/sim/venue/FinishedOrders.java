package io.wirespeed.sim.venue;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The last orders that finished (filled or canceled), kept in a preallocated ring so a status request or a late
 * cancel about them gets a true answer; the oldest is forgotten when the ring is full.
 */
final class FinishedOrders
{
    private final ClientOrder[] ring;
    private final Long2ObjectHashMap<ClientOrder> byOrderId;
    private int next;

    FinishedOrders(final int capacity)
    {
        ring = new ClientOrder[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ring[i] = new ClientOrder();
        }
        byOrderId = new Long2ObjectHashMap<>(Math.max(8, capacity * 2), 0.6f);
    }

    /**
     * Keep the final state of an order that is done.
     */
    void add(final ClientOrder order)
    {
        final ClientOrder slot = ring[next];
        if (0 != slot.orderId)
        {
            byOrderId.remove(slot.orderId);
        }
        slot.copyFinished(order);
        byOrderId.put(slot.orderId, slot);
        next = next + 1 == ring.length ? 0 : next + 1;
    }

    /**
     * A finished order by OrderID.
     *
     * @return its final state, or null if it is not kept.
     */
    ClientOrder get(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    /**
     * Whether a finished order was filled in full; otherwise it was canceled (or expired).
     */
    static boolean isFilled(final ClientOrder order)
    {
        return order.cumQty > 0 && order.cumQty >= order.orderQty;
    }
}
