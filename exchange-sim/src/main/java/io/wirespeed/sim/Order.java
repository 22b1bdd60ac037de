package io.wirespeed.sim;

/**
 * A resting order, pooled by its {@link OrderBook} and linked into its price level in time priority.
 */
final class Order
{
    long orderId;
    long priority;
    int participant;
    Side side;
    long price;
    long qty;
    int liveIndex;
    PriceLevel level;
    Order previous;
    Order next;
}
