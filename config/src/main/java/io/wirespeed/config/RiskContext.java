package io.wirespeed.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pre-trade risk, {@code [risk]}: default limits, with {@code [risk.strategy.<name>]} and
 * {@code [risk.account.<account>]} tables overriding any of them.
 */
public final class RiskContext extends ConfigContext<RiskContext>
{
    /**
     * Default price collar: 20 ticks from the reference price.
     */
    public static final long PRICE_COLLAR_TICKS_DEFAULT = 20;

    /**
     * Default largest order quantity.
     */
    public static final long MAX_ORDER_QTY_DEFAULT = 10;

    /**
     * Default largest order notional.
     */
    public static final BigDecimal MAX_ORDER_NOTIONAL_DEFAULT = BigDecimal.valueOf(1_000_000);

    /**
     * Default largest absolute position per instrument.
     */
    public static final long MAX_POSITION_DEFAULT = 50;

    /**
     * Default most resting orders.
     */
    public static final long MAX_OPEN_ORDERS_DEFAULT = 50;

    /**
     * Default most new orders per second.
     */
    public static final long MAX_ORDERS_PER_SECOND_DEFAULT = 100;

    /**
     * Default most messages per second.
     */
    public static final long MAX_MESSAGES_PER_SECOND_DEFAULT = 500;

    /**
     * Default: a breach trips the kill switch.
     */
    public static final boolean AUTO_KILL_ON_BREACH_DEFAULT = true;

    /**
     * The defaults as complete limits.
     */
    public static final RiskLimits LIMITS_DEFAULT = new RiskLimits(
        PRICE_COLLAR_TICKS_DEFAULT,
        RiskLimits.NONE,
        MAX_ORDER_QTY_DEFAULT,
        MAX_ORDER_NOTIONAL_DEFAULT,
        MAX_POSITION_DEFAULT,
        MAX_OPEN_ORDERS_DEFAULT,
        MAX_ORDERS_PER_SECOND_DEFAULT,
        MAX_MESSAGES_PER_SECOND_DEFAULT,
        AUTO_KILL_ON_BREACH_DEFAULT);

    private final RiskLimitsContext defaults = new RiskLimitsContext("risk");
    private final Map<String, RiskLimitsContext> strategies = new LinkedHashMap<>();
    private final Map<String, RiskLimitsContext> accounts = new LinkedHashMap<>();
    private RiskLimits limits = LIMITS_DEFAULT;

    /**
     * A context holding the defaults and no overrides.
     */
    public RiskContext()
    {
        super("risk");
    }

    /**
     * The limits in {@code [risk]} itself, which strategies and accounts inherit; unset ones take the defaults.
     *
     * @return the context of the default limits.
     */
    public RiskLimitsContext defaults()
    {
        return defaults;
    }

    /**
     * The overrides for a strategy, {@code [risk.strategy.<name>]}, created empty on first use.
     *
     * @param name of a {@code [[strategy]]}.
     * @return the overrides.
     */
    public RiskLimitsContext strategy(final String name)
    {
        return strategies.computeIfAbsent(name, (key) -> new RiskLimitsContext("risk.strategy." + key));
    }

    /**
     * Every strategy override, by strategy name.
     *
     * @return an unmodifiable view.
     */
    public Map<String, RiskLimitsContext> strategies()
    {
        return Collections.unmodifiableMap(strategies);
    }

    /**
     * The limits for an account, {@code [risk.account.<account>]}, applied to all its strategies together; created
     * empty on first use.
     *
     * @param account of a {@code [[strategy]]}.
     * @return the overrides.
     */
    public RiskLimitsContext account(final String account)
    {
        return accounts.computeIfAbsent(account, (key) -> new RiskLimitsContext("risk.account." + key));
    }

    /**
     * Every account's limits, by account.
     *
     * @return an unmodifiable view.
     */
    public Map<String, RiskLimitsContext> accounts()
    {
        return Collections.unmodifiableMap(accounts);
    }

    /**
     * The effective {@code [risk]} limits.
     *
     * @return the limits after conclude; the built-in defaults before.
     */
    public RiskLimits limits()
    {
        return limits;
    }

    /**
     * The effective limits of one strategy.
     *
     * @param name of the strategy.
     * @return its overrides over the {@code [risk]} limits.
     */
    public RiskLimits limitsForStrategy(final String name)
    {
        final RiskLimitsContext overrides = strategies.get(name);
        return null == overrides ? limits : overrides.over(limits);
    }

    /**
     * The effective limits of one account, across its strategies.
     *
     * @param account name.
     * @return its limits over the {@code [risk]} limits.
     */
    public RiskLimits limitsForAccount(final String account)
    {
        final RiskLimitsContext overrides = accounts.get(account);
        return null == overrides ? limits : overrides.over(limits);
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        defaults.read(table);
        final ConfigReader.Table strategyTable = table.table("strategy");
        for (final String name : strategyTable.names())
        {
            strategy(name).read(strategyTable.table(name));
        }

        final ConfigReader.Table accountTable = table.table("account");
        for (final String name : accountTable.names())
        {
            account(name).read(accountTable.table(name));
        }
    }

    @Override
    void validate(final Validator validator)
    {
        defaults.conclude(validator);
        limits = defaults.over(LIMITS_DEFAULT);
        defaults.validateEffective(validator, limits, true);
        validateOverrides(validator.scope("strategy"), strategies, StrategyContext.NAME_PATTERN, "strategy name");
        validateOverrides(validator.scope("account"), accounts, StrategyContext.ACCOUNT_PATTERN, "account");
    }

    private void validateOverrides(
        final Validator validator,
        final Map<String, RiskLimitsContext> overrides,
        final String pattern,
        final String description)
    {
        for (final Map.Entry<String, RiskLimitsContext> entry : overrides.entrySet())
        {
            final String name = entry.getKey();
            final RiskLimitsContext context = entry.getValue();
            if (!name.matches(pattern))
            {
                validator.error(name, null, "invalid " + description + " (letters, digits, _ or -)");
            }

            final Validator scope = validator.scope(name);
            context.conclude(scope);
            context.validateEffective(scope, context.over(limits), false);
        }
    }
}
