package io.wirespeed.config;

import java.math.BigDecimal;

/**
 * A set of pre-trade risk limits, any of them unset: {@code [risk]} defaults, or a strategy's or account's overrides.
 */
public final class RiskLimitsContext extends ConfigContext<RiskLimitsContext>
{
    private static final long COUNT_MAX = 1_000_000_000L;

    private Long priceCollarTicks;
    private Long priceCollarBps;
    private Long maxOrderQty;
    private BigDecimal maxOrderNotional;
    private Long maxPosition;
    private Long maxOpenOrders;
    private Long maxOrdersPerSecond;
    private Long maxMessagesPerSecond;
    private Boolean autoKillOnBreach;

    /**
     * A context with every limit unset, so each is inherited.
     */
    public RiskLimitsContext()
    {
        super("risk");
    }

    RiskLimitsContext(final String sectionKey)
    {
        super(sectionKey);
    }

    /**
     * Price collar in ticks from the reference price, {@code price_collar_ticks}.
     *
     * @return the collar, or null when unset.
     */
    public Long priceCollarTicks()
    {
        return priceCollarTicks;
    }

    /**
     * Price collar in ticks from the reference price, {@code price_collar_ticks}: 0..100000; set this or
     * {@code price_collar_bps}, not both.
     *
     * @param priceCollarTicks collar.
     * @return this for a fluent API.
     */
    public RiskLimitsContext priceCollarTicks(final long priceCollarTicks)
    {
        this.priceCollarTicks = priceCollarTicks;
        return this;
    }

    /**
     * Price collar in basis points of the reference price, {@code price_collar_bps}.
     *
     * @return the collar, or null when unset.
     */
    public Long priceCollarBps()
    {
        return priceCollarBps;
    }

    /**
     * Price collar in basis points of the reference price, {@code price_collar_bps}: 0..10000; set this or
     * {@code price_collar_ticks}, not both.
     *
     * @param priceCollarBps collar.
     * @return this for a fluent API.
     */
    public RiskLimitsContext priceCollarBps(final long priceCollarBps)
    {
        this.priceCollarBps = priceCollarBps;
        return this;
    }

    /**
     * Largest quantity of one order, {@code max_order_qty}.
     *
     * @return the limit, or null when unset.
     */
    public Long maxOrderQty()
    {
        return maxOrderQty;
    }

    /**
     * Largest quantity of one order, {@code max_order_qty}: 1..1000000000, at most max_position.
     *
     * @param maxOrderQty limit.
     * @return this for a fluent API.
     */
    public RiskLimitsContext maxOrderQty(final long maxOrderQty)
    {
        this.maxOrderQty = maxOrderQty;
        return this;
    }

    /**
     * Largest notional of one order, {@code max_order_notional}.
     *
     * @return the limit, or null when unset.
     */
    public BigDecimal maxOrderNotional()
    {
        return maxOrderNotional;
    }

    /**
     * Largest notional of one order, {@code max_order_notional}: a positive decimal string or number.
     *
     * @param maxOrderNotional limit, in the instrument's currency.
     * @return this for a fluent API.
     */
    public RiskLimitsContext maxOrderNotional(final BigDecimal maxOrderNotional)
    {
        this.maxOrderNotional = maxOrderNotional;
        return this;
    }

    /**
     * Largest absolute net position per instrument, {@code max_position}.
     *
     * @return the limit, or null when unset.
     */
    public Long maxPosition()
    {
        return maxPosition;
    }

    /**
     * Largest absolute net position per instrument, {@code max_position}: 1..1000000000.
     *
     * @param maxPosition limit.
     * @return this for a fluent API.
     */
    public RiskLimitsContext maxPosition(final long maxPosition)
    {
        this.maxPosition = maxPosition;
        return this;
    }

    /**
     * Most orders resting at once, {@code max_open_orders}.
     *
     * @return the limit, or null when unset.
     */
    public Long maxOpenOrders()
    {
        return maxOpenOrders;
    }

    /**
     * Most orders resting at once, {@code max_open_orders}: 1..1000000000.
     *
     * @param maxOpenOrders limit.
     * @return this for a fluent API.
     */
    public RiskLimitsContext maxOpenOrders(final long maxOpenOrders)
    {
        this.maxOpenOrders = maxOpenOrders;
        return this;
    }

    /**
     * Most new orders per second, {@code max_orders_per_second}.
     *
     * @return the limit, or null when unset.
     */
    public Long maxOrdersPerSecond()
    {
        return maxOrdersPerSecond;
    }

    /**
     * Most new orders in any one-second window, {@code max_orders_per_second}: 1..1000000000.
     *
     * @param maxOrdersPerSecond limit.
     * @return this for a fluent API.
     */
    public RiskLimitsContext maxOrdersPerSecond(final long maxOrdersPerSecond)
    {
        this.maxOrdersPerSecond = maxOrdersPerSecond;
        return this;
    }

    /**
     * Most messages per second, {@code max_messages_per_second}.
     *
     * @return the limit, or null when unset.
     */
    public Long maxMessagesPerSecond()
    {
        return maxMessagesPerSecond;
    }

    /**
     * Most messages (orders, cancels, replaces) in any one-second window, {@code max_messages_per_second}:
     * 1..1000000000, at least max_orders_per_second.
     *
     * @param maxMessagesPerSecond limit.
     * @return this for a fluent API.
     */
    public RiskLimitsContext maxMessagesPerSecond(final long maxMessagesPerSecond)
    {
        this.maxMessagesPerSecond = maxMessagesPerSecond;
        return this;
    }

    /**
     * Trip the kill switch on a breach, {@code auto_kill_on_breach}.
     *
     * @return the setting, or null when unset.
     */
    public Boolean autoKillOnBreach()
    {
        return autoKillOnBreach;
    }

    /**
     * Trip the kill switch on a breach rather than only rejecting the order, {@code auto_kill_on_breach}.
     *
     * @param autoKillOnBreach true to kill.
     * @return this for a fluent API.
     */
    public RiskLimitsContext autoKillOnBreach(final boolean autoKillOnBreach)
    {
        this.autoKillOnBreach = autoKillOnBreach;
        return this;
    }

    /**
     * These limits with every unset value taken from a base.
     *
     * @param base complete limits to inherit from.
     * @return the effective limits.
     */
    public RiskLimits over(final RiskLimits base)
    {
        final boolean ownCollar = null != priceCollarTicks || null != priceCollarBps;
        return new RiskLimits(
            ownCollar ? orNone(priceCollarTicks) : base.priceCollarTicks(),
            ownCollar ? orNone(priceCollarBps) : base.priceCollarBps(),
            null != maxOrderQty ? maxOrderQty : base.maxOrderQty(),
            null != maxOrderNotional ? maxOrderNotional : base.maxOrderNotional(),
            null != maxPosition ? maxPosition : base.maxPosition(),
            null != maxOpenOrders ? maxOpenOrders : base.maxOpenOrders(),
            null != maxOrdersPerSecond ? maxOrdersPerSecond : base.maxOrdersPerSecond(),
            null != maxMessagesPerSecond ? maxMessagesPerSecond : base.maxMessagesPerSecond(),
            null != autoKillOnBreach ? autoKillOnBreach : base.autoKillOnBreach());
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.integer("price_collar_ticks", this::priceCollarTicks);
        table.integer("price_collar_bps", this::priceCollarBps);
        table.integer("max_order_qty", this::maxOrderQty);
        table.decimal("max_order_notional", this::maxOrderNotional);
        table.integer("max_position", this::maxPosition);
        table.integer("max_open_orders", this::maxOpenOrders);
        table.integer("max_orders_per_second", this::maxOrdersPerSecond);
        table.integer("max_messages_per_second", this::maxMessagesPerSecond);
        table.bool("auto_kill_on_breach", this::autoKillOnBreach);
    }

    @Override
    void validate(final Validator validator)
    {
        if (null != priceCollarTicks && null != priceCollarBps)
        {
            validator.error("price_collar_bps", priceCollarBps, "conflicts with price_collar_ticks (set only one)");
        }
        range(validator, "price_collar_ticks", priceCollarTicks, 0, 100_000);
        range(validator, "price_collar_bps", priceCollarBps, 0, 10_000);
        range(validator, "max_order_qty", maxOrderQty, 1, COUNT_MAX);
        if (null != maxOrderNotional && maxOrderNotional.signum() <= 0)
        {
            validator.error("max_order_notional", maxOrderNotional, "out of range (greater than 0)");
        }
        range(validator, "max_position", maxPosition, 1, COUNT_MAX);
        range(validator, "max_open_orders", maxOpenOrders, 1, COUNT_MAX);
        range(validator, "max_orders_per_second", maxOrdersPerSecond, 1, COUNT_MAX);
        range(validator, "max_messages_per_second", maxMessagesPerSecond, 1, COUNT_MAX);
    }

    /**
     * Check limits that only make sense together, on the effective values; report against these overrides only
     * when they set one of the pair, since otherwise the inherited values are at fault.
     */
    void validateEffective(final Validator validator, final RiskLimits limits, final boolean isBase)
    {
        if ((isBase || null != maxMessagesPerSecond || null != maxOrdersPerSecond) &&
            limits.maxMessagesPerSecond() < limits.maxOrdersPerSecond())
        {
            if (isBase || null != maxMessagesPerSecond)
            {
                validator.error("max_messages_per_second", limits.maxMessagesPerSecond(),
                    "less than max_orders_per_second (" + limits.maxOrdersPerSecond() + "): orders are messages");
            }
            else
            {
                validator.error("max_orders_per_second", limits.maxOrdersPerSecond(),
                    "more than max_messages_per_second (" + limits.maxMessagesPerSecond() + "): orders are messages");
            }
        }
        if ((isBase || null != maxOrderQty || null != maxPosition) && limits.maxOrderQty() > limits.maxPosition())
        {
            if (isBase || null != maxOrderQty)
            {
                validator.error("max_order_qty", limits.maxOrderQty(),
                    "more than max_position (" + limits.maxPosition() + "): no such order could pass");
            }
            else
            {
                validator.error("max_position", limits.maxPosition(),
                    "less than max_order_qty (" + limits.maxOrderQty() + "): no such order could pass");
            }
        }
    }

    private static void range(final Validator validator, final String name, final Long value, final long min,
        final long max)
    {
        if (null != value)
        {
            validator.range(name, value, min, max);
        }
    }

    private static long orNone(final Long value)
    {
        return null == value ? RiskLimits.NONE : value;
    }
}
