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

    static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,32}";
    static final String ACCOUNT_PATTERN = "[A-Za-z0-9_-]{1,12}";

    private Integer id;
    private String name;
    private String account;
    private List<String> instruments = List.of();

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

    @Override
    void read(final ConfigReader.Table table)
    {
        table.int32("id", this::id);
        table.string("name", this::name);
        table.string("account", this::account);
        table.strings("instruments", this::instruments);
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
    }
}
