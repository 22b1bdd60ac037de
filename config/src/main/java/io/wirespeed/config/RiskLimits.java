package io.wirespeed.config;

import java.math.BigDecimal;

/**
 * Effective pre-trade risk limits for a strategy or an account, with every inherited value resolved.
 *
 * @param priceCollarTicks     furthest an order price may be from the reference price in ticks, or {@link #NONE}.
 * @param priceCollarBps       the same in basis points of the reference price, or {@link #NONE}.
 * @param maxOrderQty          largest quantity of one order.
 * @param maxOrderNotional     largest notional of one order: price x quantity x contract multiplier.
 * @param maxPosition          largest absolute net position per instrument.
 * @param maxOpenOrders        most orders resting at once.
 * @param maxOrdersPerSecond   most new orders in any one-second window.
 * @param maxMessagesPerSecond most messages (orders, cancels, replaces) in any one-second window.
 * @param autoKillOnBreach     trip the kill switch on a breach rather than only rejecting the order.
 */
public record RiskLimits(
    long priceCollarTicks,
    long priceCollarBps,
    long maxOrderQty,
    BigDecimal maxOrderNotional,
    long maxPosition,
    long maxOpenOrders,
    long maxOrdersPerSecond,
    long maxMessagesPerSecond,
    boolean autoKillOnBreach)
{
    /**
     * Value of the price collar that is not used.
     */
    public static final long NONE = -1;
}
