package io.wirespeed.sim;

/**
 * Side of an order or a book level.
 */
public enum Side
{
    /**
     * Buy orders, bids.
     */
    BID,

    /**
     * Sell orders, offers.
     */
    ASK;

    /**
     * The other side.
     *
     * @return the side an order of this side trades against.
     */
    public Side opposite()
    {
        return this == BID ? ASK : BID;
    }

    /**
     * Whether a price is better than another for this side: higher for bids, lower for asks.
     *
     * @param price the candidate.
     * @param other compared with.
     * @return true when {@code price} is strictly better.
     */
    public boolean isBetter(final long price, final long other)
    {
        return this == BID ? price > other : price < other;
    }
}
