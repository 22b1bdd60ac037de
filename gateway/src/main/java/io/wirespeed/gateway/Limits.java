package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.config.RiskLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Pre-trade risk limits of one strategy or account as the gateway holds them: mutable at run time by SetLimit.
 */
public final class Limits
{
    /**
     * A collar that is not used.
     */
    public static final long NONE = RiskLimits.NONE;

    long priceCollarTicks;
    long priceCollarBps;
    long maxOrderQty;
    long maxOrderNotional;
    long maxPosition;
    long maxOpenOrders;
    long maxOrdersPerSecond;
    long maxMessagesPerSecond;
    boolean autoKillOnBreach;

    /**
     * Limits from configuration.
     *
     * @param limits effective limits; the notional is held in whole currency units, rounded down.
     */
    public Limits(final RiskLimits limits)
    {
        priceCollarTicks = limits.priceCollarTicks();
        priceCollarBps = limits.priceCollarBps();
        maxOrderQty = limits.maxOrderQty();
        maxOrderNotional = wholeUnits(limits.maxOrderNotional());
        maxPosition = limits.maxPosition();
        maxOpenOrders = limits.maxOpenOrders();
        maxOrdersPerSecond = limits.maxOrdersPerSecond();
        maxMessagesPerSecond = limits.maxMessagesPerSecond();
        autoKillOnBreach = limits.autoKillOnBreach();
    }

    /**
     * Change one limit; setting one price collar clears the other.
     *
     * @param type  which limit.
     * @param value the new value: a collar 0 or more, or {@link #NONE}; any other limit 1 or more.
     * @return true if applied, false if the type is unknown or the value out of range.
     */
    public boolean set(final LimitType type, final long value)
    {
        if (LimitType.PRICE_COLLAR_TICKS == type || LimitType.PRICE_COLLAR_BPS == type)
        {
            if (value < NONE)
            {
                return false;
            }
            priceCollarTicks = LimitType.PRICE_COLLAR_TICKS == type ? value : NONE;
            priceCollarBps = LimitType.PRICE_COLLAR_BPS == type ? value : NONE;
            return true;
        }
        if (value < 1)
        {
            return false;
        }
        switch (type)
        {
            case MAX_ORDER_QTY:
                maxOrderQty = value;
                return true;
            case MAX_ORDER_NOTIONAL:
                maxOrderNotional = value;
                return true;
            case MAX_POSITION:
                maxPosition = value;
                return true;
            case MAX_OPEN_ORDERS:
                maxOpenOrders = value;
                return true;
            case MAX_ORDERS_PER_SECOND:
                maxOrdersPerSecond = value;
                return true;
            case MAX_MESSAGES_PER_SECOND:
                maxMessagesPerSecond = value;
                return true;
            default:
                return false;
        }
    }

    /**
     * The current value of one limit.
     *
     * @param type which limit.
     * @return its value, or {@link #NONE} for an unused collar or an unknown type.
     */
    public long get(final LimitType type)
    {
        switch (type)
        {
            case PRICE_COLLAR_TICKS:
                return priceCollarTicks;
            case PRICE_COLLAR_BPS:
                return priceCollarBps;
            case MAX_ORDER_QTY:
                return maxOrderQty;
            case MAX_ORDER_NOTIONAL:
                return maxOrderNotional;
            case MAX_POSITION:
                return maxPosition;
            case MAX_OPEN_ORDERS:
                return maxOpenOrders;
            case MAX_ORDERS_PER_SECOND:
                return maxOrdersPerSecond;
            case MAX_MESSAGES_PER_SECOND:
                return maxMessagesPerSecond;
            default:
                return NONE;
        }
    }

    /**
     * Whether a breach of these limits trips the kill switch.
     *
     * @return true to kill on breach.
     */
    public boolean autoKillOnBreach()
    {
        return autoKillOnBreach;
    }

    /**
     * Set whether a breach of these limits trips the kill switch.
     *
     * @param autoKillOnBreach true to kill on breach.
     */
    public void autoKillOnBreach(final boolean autoKillOnBreach)
    {
        this.autoKillOnBreach = autoKillOnBreach;
    }

    private static long wholeUnits(final BigDecimal value)
    {
        final BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
        return whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : whole.longValueExact();
    }
}
