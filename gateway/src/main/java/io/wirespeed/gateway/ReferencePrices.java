package io.wirespeed.gateway;

import java.util.Arrays;

/**
 * Live reference prices per instrument for the price collar: the mid of the best bid and offer, else the last
 * trade, fed from normalized market data, with when each was last updated and whether the feed marked the book
 * STALE.
 */
final class ReferencePrices
{
    static final long NULL_PRICE = Long.MIN_VALUE;

    private final long[] bid;
    private final long[] ask;
    private final long[] last;
    private final long[] updatedNs;
    private final boolean[] stale;

    ReferencePrices(final int instrumentCount)
    {
        bid = new long[instrumentCount];
        ask = new long[instrumentCount];
        last = new long[instrumentCount];
        updatedNs = new long[instrumentCount];
        stale = new boolean[instrumentCount];
        Arrays.fill(bid, NULL_PRICE);
        Arrays.fill(ask, NULL_PRICE);
        Arrays.fill(last, NULL_PRICE);
    }

    void onTopOfBook(final int instrument, final long bidPrice, final long askPrice, final long nowNs)
    {
        bid[instrument] = bidPrice;
        ask[instrument] = askPrice;
        updatedNs[instrument] = nowNs;
    }

    void onTrade(final int instrument, final long price, final long nowNs)
    {
        last[instrument] = price;
        updatedNs[instrument] = nowNs;
    }

    /**
     * The feed handler said whether an instrument's book can be trusted; a book that turns OK again is trusted
     * from its next update on.
     */
    void onFeedState(final int instrument, final boolean isStale)
    {
        stale[instrument] = isStale;
    }

    /**
     * The reference price of an instrument.
     *
     * @param instrument index.
     * @return the mid when both sides are present and not crossed, else the last trade, else {@link #NULL_PRICE}.
     */
    long reference(final int instrument)
    {
        final long bidPrice = bid[instrument];
        final long askPrice = ask[instrument];
        if (NULL_PRICE != bidPrice && NULL_PRICE != askPrice && bidPrice <= askPrice)
        {
            return bidPrice + (askPrice - bidPrice) / 2;
        }
        return last[instrument];
    }

    /**
     * Whether an instrument's reference price cannot be trusted: its book is STALE, or it is older than an age.
     *
     * @param instrument index.
     * @param maxAgeNs   oldest a reference may be, 0 for no limit.
     * @param nowNs      current time.
     * @return true when it must not be used.
     */
    boolean isStale(final int instrument, final long maxAgeNs, final long nowNs)
    {
        return stale[instrument] || (0 != maxAgeNs && nowNs - updatedNs[instrument] > maxAgeNs);
    }
}
