package io.wirespeed.gateway;

import java.util.Arrays;

/**
 * Live reference prices per instrument for the price collar: the mid of the best bid and offer, else the last
 * trade, fed from normalized market data.
 */
final class ReferencePrices
{
    static final long NULL_PRICE = Long.MIN_VALUE;

    private final long[] bid;
    private final long[] ask;
    private final long[] last;

    ReferencePrices(final int instrumentCount)
    {
        bid = new long[instrumentCount];
        ask = new long[instrumentCount];
        last = new long[instrumentCount];
        Arrays.fill(bid, NULL_PRICE);
        Arrays.fill(ask, NULL_PRICE);
        Arrays.fill(last, NULL_PRICE);
    }

    void onTopOfBook(final int instrument, final long bidPrice, final long askPrice)
    {
        bid[instrument] = bidPrice;
        ask[instrument] = askPrice;
    }

    void onTrade(final int instrument, final long price)
    {
        last[instrument] = price;
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
}
