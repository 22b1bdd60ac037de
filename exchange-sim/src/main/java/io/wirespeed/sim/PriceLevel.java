package io.wirespeed.sim;

/**
 * One price of one side of an {@link OrderBook}: its orders in time priority and their aggregate.
 */
final class PriceLevel
{
    long price;
    long qty;
    int orderCount;
    Order head;
    Order tail;

    void append(final Order order)
    {
        order.level = this;
        order.next = null;
        order.previous = tail;
        if (null == tail)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        qty += order.qty;
        orderCount++;
    }

    void remove(final Order order)
    {
        if (null == order.previous)
        {
            head = order.next;
        }
        else
        {
            order.previous.next = order.next;
        }
        if (null == order.next)
        {
            tail = order.previous;
        }
        else
        {
            order.next.previous = order.previous;
        }
        qty -= order.qty;
        orderCount--;
        order.level = null;
        order.previous = null;
        order.next = null;
    }
}
