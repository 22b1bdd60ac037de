package io.wirespeed.config;

import java.math.BigDecimal;

/**
 * One instrument the appliance trades or follows, an {@code [[instrument]]} table.
 */
public final class InstrumentContext extends ConfigContext<InstrumentContext>
{
    /**
     * Value of {@link #securityId()} and {@link #channel()} when not set.
     */
    public static final int NULL_ID = 0;

    /**
     * Default price exponent: MDP3 PRICE9, prices as a mantissa times 10^-9.
     */
    public static final int PRICE_EXPONENT_DEFAULT = -9;

    /**
     * Default smallest order quantity.
     */
    public static final long MIN_ORDER_QTY_DEFAULT = 1;

    /**
     * Default largest order quantity: no instrument limit, pre-trade risk still applies.
     */
    public static final long MAX_ORDER_QTY_DEFAULT = Integer.MAX_VALUE;

    /**
     * Default contract multiplier for notional: price times quantity times multiplier.
     */
    public static final BigDecimal CONTRACT_MULTIPLIER_DEFAULT = BigDecimal.ONE;

    private static final BigDecimal TICK_SIZE_MAX = BigDecimal.valueOf(1_000_000);

    private String symbol;
    private Integer securityId;
    private Integer channel;
    private BigDecimal tickSize;
    private int priceExponent = PRICE_EXPONENT_DEFAULT;
    private long minOrderQty = MIN_ORDER_QTY_DEFAULT;
    private long maxOrderQty = MAX_ORDER_QTY_DEFAULT;
    private BigDecimal contractMultiplier = CONTRACT_MULTIPLIER_DEFAULT;

    /**
     * A context holding the defaults; symbol, security_id, channel and tick_size must be set.
     */
    public InstrumentContext()
    {
        super("instrument");
    }

    /**
     * Venue symbol, {@code symbol}.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * Venue symbol, {@code symbol}: 1..20 printable ASCII characters, unique; required.
     *
     * @param symbol e.g. {@code ESZ5}.
     * @return this for a fluent API.
     */
    public InstrumentContext symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    /**
     * Venue security id, {@code security_id}.
     *
     * @return the id, or {@link #NULL_ID} when not set.
     */
    public int securityId()
    {
        return null == securityId ? NULL_ID : securityId;
    }

    /**
     * Venue security id, {@code security_id}: positive, unique; required.
     *
     * @param securityId as in the venue's instrument definitions.
     * @return this for a fluent API.
     */
    public InstrumentContext securityId(final int securityId)
    {
        this.securityId = securityId;
        return this;
    }

    /**
     * Id of the channel carrying this instrument, {@code channel}.
     *
     * @return the channel id, or {@link #NULL_ID} when not set.
     */
    public int channel()
    {
        return null == channel ? NULL_ID : channel;
    }

    /**
     * Id of the channel carrying this instrument, {@code channel}: must be a {@code [[channel]]} id; required.
     *
     * @param channel id.
     * @return this for a fluent API.
     */
    public InstrumentContext channel(final int channel)
    {
        this.channel = channel;
        return this;
    }

    /**
     * Minimum price increment, {@code tick_size}.
     *
     * @return the tick size.
     */
    public BigDecimal tickSize()
    {
        return tickSize;
    }

    /**
     * Minimum price increment, {@code tick_size}: a decimal string ({@code "0.25"}) or number; positive and
     * representable with the price exponent; required.
     *
     * @param tickSize increment.
     * @return this for a fluent API.
     */
    public InstrumentContext tickSize(final BigDecimal tickSize)
    {
        this.tickSize = tickSize;
        return this;
    }

    /**
     * The tick size as a price mantissa.
     *
     * @return tick size times 10^-priceExponent.
     */
    public long tickSizeMantissa()
    {
        return tickSize.movePointRight(-priceExponent).longValueExact();
    }

    /**
     * Price exponent, {@code price_exponent}.
     *
     * @return the exponent.
     */
    public int priceExponent()
    {
        return priceExponent;
    }

    /**
     * Price exponent, {@code price_exponent}: -18..0; prices are a mantissa times 10^exponent.
     *
     * @param priceExponent exponent.
     * @return this for a fluent API.
     */
    public InstrumentContext priceExponent(final int priceExponent)
    {
        this.priceExponent = priceExponent;
        return this;
    }

    /**
     * Smallest order quantity, {@code min_order_qty}.
     *
     * @return the quantity.
     */
    public long minOrderQty()
    {
        return minOrderQty;
    }

    /**
     * Smallest order quantity, {@code min_order_qty}: at least 1.
     *
     * @param minOrderQty quantity.
     * @return this for a fluent API.
     */
    public InstrumentContext minOrderQty(final long minOrderQty)
    {
        this.minOrderQty = minOrderQty;
        return this;
    }

    /**
     * Largest order quantity the venue accepts, {@code max_order_qty}.
     *
     * @return the quantity.
     */
    public long maxOrderQty()
    {
        return maxOrderQty;
    }

    /**
     * Largest order quantity the venue accepts, {@code max_order_qty}: min_order_qty..2147483647.
     *
     * @param maxOrderQty quantity.
     * @return this for a fluent API.
     */
    public InstrumentContext maxOrderQty(final long maxOrderQty)
    {
        this.maxOrderQty = maxOrderQty;
        return this;
    }

    /**
     * Contract multiplier, {@code contract_multiplier}.
     *
     * @return the multiplier.
     */
    public BigDecimal contractMultiplier()
    {
        return contractMultiplier;
    }

    /**
     * Contract multiplier, {@code contract_multiplier}: positive; notional is price x quantity x multiplier.
     *
     * @param contractMultiplier e.g. 50 for ES.
     * @return this for a fluent API.
     */
    public InstrumentContext contractMultiplier(final BigDecimal contractMultiplier)
    {
        this.contractMultiplier = contractMultiplier;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.string("symbol", this::symbol);
        table.int32("security_id", this::securityId);
        table.int32("channel", this::channel);
        table.decimal("tick_size", this::tickSize);
        table.int32("price_exponent", this::priceExponent);
        table.integer("min_order_qty", this::minOrderQty);
        table.integer("max_order_qty", this::maxOrderQty);
        table.decimal("contract_multiplier", this::contractMultiplier);
    }

    @Override
    void validate(final Validator validator)
    {
        if (validator.required("symbol", symbol))
        {
            validator.matches("symbol", symbol, "[!-~]{1,20}", "symbol (1..20 printable ASCII characters)");
        }
        if (validator.required("security_id", securityId))
        {
            validator.range("security_id", securityId, 1, Integer.MAX_VALUE);
        }
        validator.required("channel", channel);
        final boolean exponentValid = validator.range("price_exponent", priceExponent, -18, 0);
        if (validator.required("tick_size", tickSize))
        {
            if (tickSize.signum() <= 0 || tickSize.compareTo(TICK_SIZE_MAX) > 0)
            {
                validator.error("tick_size", tickSize, "out of range (greater than 0, at most " + TICK_SIZE_MAX + ")");
            }
            else if (exponentValid && tickSize.stripTrailingZeros().scale() > -priceExponent)
            {
                validator.error("tick_size", tickSize,
                    "finer than price_exponent " + priceExponent + " can represent");
            }
        }
        if (validator.range("min_order_qty", minOrderQty, 1, Integer.MAX_VALUE))
        {
            validator.range("max_order_qty", maxOrderQty, minOrderQty, Integer.MAX_VALUE);
        }
        if (validator.required("contract_multiplier", contractMultiplier) && contractMultiplier.signum() <= 0)
        {
            validator.error("contract_multiplier", contractMultiplier, "out of range (greater than 0)");
        }
    }
}
