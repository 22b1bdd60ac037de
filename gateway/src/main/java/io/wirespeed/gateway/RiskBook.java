package io.wirespeed.gateway;

/**
 * What pre-trade risk keeps for one strategy or one account: its limits, positions and open quantities per
 * instrument, open orders, rate windows and kill switch latch.
 */
final class RiskBook
{
    final Limits limits;
    final long[] position;
    final long[] openBuyQty;
    final long[] openSellQty;
    final RateThrottle orderRate = new RateThrottle();
    final RateThrottle messageRate = new RateThrottle();
    long openOrders;
    boolean killed;

    RiskBook(final Limits limits, final int instrumentCount)
    {
        this.limits = limits;
        position = new long[instrumentCount];
        openBuyQty = new long[instrumentCount];
        openSellQty = new long[instrumentCount];
    }
}
