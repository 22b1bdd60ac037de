package io.wirespeed.sim;

/**
 * Told when a simulated participant's order trades against a resting client order.
 */
@FunctionalInterface
public interface ClientFillListener
{
    /**
     * A resting client order traded with a simulated participant's aggressive order.
     *
     * @param securityId     of the instrument.
     * @param bookOrderId    the client order's id in the {@link OrderBook}.
     * @param price          the fill price mantissa.
     * @param qty            the fill quantity.
     * @param done           true when the order is fully filled and left the book.
     * @param transactTimeNs the event's TransactTime on the market-data feed.
     * @param mdTradeEntryId the MDTradeEntryID of the feed's trade summary entry this fill is part of.
     */
    void onPassiveFill(
        int securityId, long bookOrderId, long price, long qty, boolean done, long transactTimeNs, long mdTradeEntryId);
}
