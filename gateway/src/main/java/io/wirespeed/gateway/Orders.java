package io.wirespeed.gateway;

import org.agrona.collections.Hashing;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * A preallocated pool of orders and the index of live ones by gateway order id (the order's current ClOrdID on
 * the wire).
 */
final class Orders
{
    private final Order[] pool;
    private final Order[] free;
    private final Long2ObjectHashMap<Order> byOrderId;
    private int freeCount;

    Orders(final int capacity)
    {
        pool = new Order[capacity];
        free = new Order[capacity];
        for (int i = 0; i < capacity; i++)
        {
            pool[i] = new Order();
        }
        for (int i = 0; i < capacity; i++)
        {
            free[i] = pool[capacity - 1 - i];
        }
        freeCount = capacity;
        byOrderId = new Long2ObjectHashMap<>(capacity * 2, Hashing.DEFAULT_LOAD_FACTOR);
    }

    int capacity()
    {
        return pool.length;
    }

    int liveCount()
    {
        return pool.length - freeCount;
    }

    /**
     * An order from the pool, or null when every order is live.
     */
    Order acquire()
    {
        if (0 == freeCount)
        {
            return null;
        }
        final Order order = free[--freeCount];
        free[freeCount] = null;
        order.inUse = true;
        return order;
    }

    void index(final Order order)
    {
        byOrderId.put(order.orderId, order);
    }

    void reindex(final long oldOrderId, final Order order)
    {
        byOrderId.remove(oldOrderId);
        byOrderId.put(order.orderId, order);
    }

    Order get(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    void release(final Order order)
    {
        if (byOrderId.get(order.orderId) == order)
        {
            byOrderId.remove(order.orderId);
        }
        order.reset();
        free[freeCount++] = order;
    }

    /**
     * An order of the pool by position, live or not, for the rare scans (kill switch, not applied).
     */
    Order at(final int position)
    {
        return pool[position];
    }
}
