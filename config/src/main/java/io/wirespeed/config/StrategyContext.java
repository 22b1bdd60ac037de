package io.wirespeed.config;

import java.util.List;

/**
 * One strategy allowed to trade through the gateway, a {@code [[strategy]]} table.
 */
public final class StrategyContext extends ConfigContext<StrategyContext>
{
    /**
     * Value of {@link #id()} when not set.
     */
    public static final int NULL_ID = 0;

    /**
     * Default sample strategy: none, the strategy is user code.
     */
    public static final StrategySample SAMPLE_DEFAULT = StrategySample.NONE;

    /**
     * Default quantity of each order a sample strategy sends.
     */
    public static final long ORDER_QTY_DEFAULT = 1;

    /**
     * Default distance of the market maker's quotes from mid, in ticks.
     */
    public static final int QUOTE_WIDTH_TICKS_DEFAULT = 2;

    /**
     * Default trigger of the tick responder: 0 fires whenever the best bid or ask price changes.
     */
    public static final int TRIGGER_EVERY_N_DEFAULT = 0;

    static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,32}";
    static final String ACCOUNT_PATTERN = "[A-Za-z0-9_-]{1,12}";

    private Integer id;
    private String name;
    private String account;
    private List<String> instruments = List.of();
    private StrategySample sample = SAMPLE_DEFAULT;
    private long orderQty = ORDER_QTY_DEFAULT;
    private int quoteWidthTicks = QUOTE_WIDTH_TICKS_DEFAULT;
    private int triggerEveryN = TRIGGER_EVERY_N_DEFAULT;

    /**
     * A context holding the defaults; id, name and account must be set.
     */
    public StrategyContext()
    {
        super("strategy");
    }

    /**
     * Strategy id, {@code id}.
     *
     * @return the id, or {@link #NULL_ID} when not set.
     */
    public int id()
    {
        return null == id ? NULL_ID : id;
    }

    /**
     * Strategy id, {@code id}: 1..65535, unique; carried on every order; required.
     *
     * @param id of the strategy.
     * @return this for a fluent API.
     */
    public StrategyContext id(final int id)
    {
        this.id = id;
        return this;
    }

    /**
     * Strategy name, {@code name}.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * Strategy name, {@code name}: 1..32 letters, digits, '_' or '-', unique; keys {@code [risk.strategy.<name>]};
     * required.
     *
     * @param name of the strategy.
     * @return this for a fluent API.
     */
    public StrategyContext name(final String name)
    {
        this.name = name;
        return this;
    }

    /**
     * Trading account, {@code account}.
     *
     * @return the account.
     */
    public String account()
    {
        return account;
    }

    /**
     * Trading account, {@code account}: 1..12 letters, digits, '_' or '-'; keys {@code [risk.account.<account>]};
     * required.
     *
     * @param account the strategy's orders are booked to.
     * @return this for a fluent API.
     */
    public StrategyContext account(final String account)
    {
        this.account = account;
        return this;
    }

    /**
     * Symbols the strategy may trade, {@code instruments}.
     *
     * @return the symbols; empty means every configured instrument.
     */
    public List<String> instruments()
    {
        return instruments;
    }

    /**
     * Symbols the strategy may trade, {@code instruments}: each an {@code [[instrument]]} symbol; empty for all.
     *
     * @param instruments symbols.
     * @return this for a fluent API.
     */
    public StrategyContext instruments(final List<String> instruments)
    {
        this.instruments = List.copyOf(instruments);
        return this;
    }

    /**
     * Sample strategy run by {@code StrategyMain}, {@code sample}.
     *
     * @return the sample.
     */
    public StrategySample sample()
    {
        return sample;
    }

    /**
     * Sample strategy run by {@code StrategyMain}, {@code sample}: "none", "tick-responder" or "market-maker".
     *
     * @param sample to run.
     * @return this for a fluent API.
     */
    public StrategyContext sample(final StrategySample sample)
    {
        this.sample = sample;
        return this;
    }

    /**
     * Quantity of each order a sample strategy sends, {@code order_qty}.
     *
     * @return the quantity in lots.
     */
    public long orderQty()
    {
        return orderQty;
    }

    /**
     * Quantity of each order a sample strategy sends, {@code order_qty}: 1..1000000 lots.
     *
     * @param orderQty in lots.
     * @return this for a fluent API.
     */
    public StrategyContext orderQty(final long orderQty)
    {
        this.orderQty = orderQty;
        return this;
    }

    /**
     * Distance of the market maker's quotes from mid, {@code quote_width_ticks}.
     *
     * @return the distance in ticks.
     */
    public int quoteWidthTicks()
    {
        return quoteWidthTicks;
    }

    /**
     * Distance of the market maker's quotes from mid, {@code quote_width_ticks}: 1..10000 ticks.
     *
     * @param quoteWidthTicks distance in ticks.
     * @return this for a fluent API.
     */
    public StrategyContext quoteWidthTicks(final int quoteWidthTicks)
    {
        this.quoteWidthTicks = quoteWidthTicks;
        return this;
    }

    /**
     * Tick responder trigger, {@code trigger_every_n}.
     *
     * @return every how many TopOfBook messages it fires, 0 for every best price change.
     */
    public int triggerEveryN()
    {
        return triggerEveryN;
    }

    /**
     * Tick responder trigger, {@code trigger_every_n}: 0 fires whenever the best bid or ask price changes, N in
     * 1..1000000 fires on every Nth TopOfBook of the instrument.
     *
     * @param triggerEveryN 0 or N.
     * @return this for a fluent API.
     */
    public StrategyContext triggerEveryN(final int triggerEveryN)
    {
        this.triggerEveryN = triggerEveryN;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.int32("id", this::id);
        table.string("name", this::name);
        table.string("account", this::account);
        table.strings("instruments", this::instruments);
        table.enumeration("sample", StrategySample.class, this::sample);
        table.integer("order_qty", this::orderQty);
        table.int32("quote_width_ticks", this::quoteWidthTicks);
        table.int32("trigger_every_n", this::triggerEveryN);
    }

    @Override
    void validate(final Validator validator)
    {
        if (validator.required("id", id))
        {
            validator.range("id", id, 1, 65535);
        }
        if (validator.required("name", name))
        {
            validator.matches("name", name, NAME_PATTERN, "name (1..32 letters, digits, _ or -)");
        }
        if (validator.required("account", account))
        {
            validator.matches("account", account, ACCOUNT_PATTERN, "account (1..12 letters, digits, _ or -)");
        }
        validator.required("sample", sample);
        validator.range("order_qty", orderQty, 1, 1_000_000);
        validator.range("quote_width_ticks", quoteWidthTicks, 1, 10_000);
        validator.range("trigger_every_n", triggerEveryN, 0, 1_000_000);
    }
}
