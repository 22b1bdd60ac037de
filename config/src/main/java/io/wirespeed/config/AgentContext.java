package io.wirespeed.config;

/**
 * One agent's thread settings, {@code [agents.<role>]}: the core it is pinned to and how it idles.
 */
public final class AgentContext extends ConfigContext<AgentContext>
{
    /**
     * Core value meaning the agent's thread is not pinned.
     */
    public static final int UNPINNED = -1;

    /**
     * Default core: not pinned.
     */
    public static final int CORE_DEFAULT = UNPINNED;

    /**
     * Highest core number accepted.
     */
    public static final int CORE_MAX = 4095;

    /**
     * Default idle strategy: backoff, which is kind to a shared laptop.
     */
    public static final IdleStrategyType IDLE_STRATEGY_DEFAULT = IdleStrategyType.BACKOFF;

    /**
     * Default backoff spins before yielding, as Agrona's BackoffIdleStrategy.
     */
    public static final long MAX_SPINS_DEFAULT = 10;

    /**
     * Default backoff yields before parking, as Agrona's BackoffIdleStrategy.
     */
    public static final long MAX_YIELDS_DEFAULT = 5;

    /**
     * Default shortest backoff park, as Agrona's BackoffIdleStrategy.
     */
    public static final long MIN_PARK_NS_DEFAULT = 1_000;

    /**
     * Default longest backoff park, as Agrona's BackoffIdleStrategy.
     */
    public static final long MAX_PARK_NS_DEFAULT = 1_000_000;

    /**
     * Default sleep period of the sleep idle strategy.
     */
    public static final long SLEEP_NS_DEFAULT = 1_000_000;

    private static final long PARK_NS_MAX = 1_000_000_000;
    private static final long COUNT_MAX = 1_000_000;

    private final AgentRole role;
    private int core = CORE_DEFAULT;
    private IdleStrategyType idleStrategy = IDLE_STRATEGY_DEFAULT;
    private Long maxSpins;
    private Long maxYields;
    private Long minParkNs;
    private Long maxParkNs;
    private Long sleepNs;

    /**
     * A context holding the defaults for a role.
     *
     * @param role of the agent.
     */
    public AgentContext(final AgentRole role)
    {
        super("agents." + role.text());
        this.role = role;
    }

    /**
     * The agent's role.
     *
     * @return the role.
     */
    public AgentRole role()
    {
        return role;
    }

    /**
     * Core the agent's thread is pinned to, {@code core}.
     *
     * @return the core, or {@link #UNPINNED}.
     */
    public int core()
    {
        return core;
    }

    /**
     * Core the agent's thread is pinned to, {@code core}: 0..4095, or -1 for not pinned.
     *
     * @param core to pin to.
     * @return this for a fluent API.
     */
    public AgentContext core(final int core)
    {
        this.core = core;
        return this;
    }

    /**
     * Is the agent's thread pinned to a core?
     *
     * @return true when a core is set.
     */
    public boolean isPinned()
    {
        return core != UNPINNED;
    }

    /**
     * Idle strategy, {@code idle_strategy}.
     *
     * @return the idle strategy.
     */
    public IdleStrategyType idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * Idle strategy, {@code idle_strategy}.
     *
     * @param idleStrategy how the agent waits for work.
     * @return this for a fluent API.
     */
    public AgentContext idleStrategy(final IdleStrategyType idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /**
     * Backoff spins before yielding, {@code max_spins}.
     *
     * @return the spin count.
     */
    public long maxSpins()
    {
        return null == maxSpins ? MAX_SPINS_DEFAULT : maxSpins;
    }

    /**
     * Backoff spins before yielding, {@code max_spins}; backoff only.
     *
     * @param maxSpins 0..1000000.
     * @return this for a fluent API.
     */
    public AgentContext maxSpins(final long maxSpins)
    {
        this.maxSpins = maxSpins;
        return this;
    }

    /**
     * Backoff yields before parking, {@code max_yields}.
     *
     * @return the yield count.
     */
    public long maxYields()
    {
        return null == maxYields ? MAX_YIELDS_DEFAULT : maxYields;
    }

    /**
     * Backoff yields before parking, {@code max_yields}; backoff only.
     *
     * @param maxYields 0..1000000.
     * @return this for a fluent API.
     */
    public AgentContext maxYields(final long maxYields)
    {
        this.maxYields = maxYields;
        return this;
    }

    /**
     * Shortest backoff park, {@code min_park_ns}.
     *
     * @return the period in nanoseconds.
     */
    public long minParkNs()
    {
        return null == minParkNs ? MIN_PARK_NS_DEFAULT : minParkNs;
    }

    /**
     * Shortest backoff park, {@code min_park_ns}; backoff only.
     *
     * @param minParkNs 1..1000000000.
     * @return this for a fluent API.
     */
    public AgentContext minParkNs(final long minParkNs)
    {
        this.minParkNs = minParkNs;
        return this;
    }

    /**
     * Longest backoff park, {@code max_park_ns}.
     *
     * @return the period in nanoseconds.
     */
    public long maxParkNs()
    {
        return null == maxParkNs ? MAX_PARK_NS_DEFAULT : maxParkNs;
    }

    /**
     * Longest backoff park, {@code max_park_ns}; backoff only, at least {@code min_park_ns}.
     *
     * @param maxParkNs 1..1000000000.
     * @return this for a fluent API.
     */
    public AgentContext maxParkNs(final long maxParkNs)
    {
        this.maxParkNs = maxParkNs;
        return this;
    }

    /**
     * Sleep period, {@code sleep_ns}.
     *
     * @return the period in nanoseconds.
     */
    public long sleepNs()
    {
        return null == sleepNs ? SLEEP_NS_DEFAULT : sleepNs;
    }

    /**
     * Sleep period, {@code sleep_ns}; sleep only.
     *
     * @param sleepNs 1..1000000000.
     * @return this for a fluent API.
     */
    public AgentContext sleepNs(final long sleepNs)
    {
        this.sleepNs = sleepNs;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.int32("core", this::core);
        table.enumeration("idle_strategy", IdleStrategyType.class, this::idleStrategy);
        table.integer("max_spins", this::maxSpins);
        table.integer("max_yields", this::maxYields);
        table.integer("min_park_ns", this::minParkNs);
        table.integer("max_park_ns", this::maxParkNs);
        table.integer("sleep_ns", this::sleepNs);
    }

    @Override
    void validate(final Validator validator)
    {
        validator.range("core", core, UNPINNED, CORE_MAX);
        if (!validator.required("idle_strategy", idleStrategy))
        {
            return;
        }

        checkParameter(validator, "max_spins", maxSpins, IdleStrategyType.BACKOFF, 0, COUNT_MAX);
        checkParameter(validator, "max_yields", maxYields, IdleStrategyType.BACKOFF, 0, COUNT_MAX);
        checkParameter(validator, "min_park_ns", minParkNs, IdleStrategyType.BACKOFF, 1, PARK_NS_MAX);
        if (checkParameter(validator, "max_park_ns", maxParkNs, IdleStrategyType.BACKOFF, 1, PARK_NS_MAX) &&
            maxParkNs() < minParkNs())
        {
            validator.error("max_park_ns", maxParkNs(), "less than min_park_ns (" + minParkNs() + ")");
        }
        checkParameter(validator, "sleep_ns", sleepNs, IdleStrategyType.SLEEP, 1, PARK_NS_MAX);
    }

    private boolean checkParameter(
        final Validator validator,
        final String name,
        final Long value,
        final IdleStrategyType owner,
        final long min,
        final long max)
    {
        if (null == value)
        {
            return true;
        }
        if (owner != idleStrategy)
        {
            validator.error(name, value, "applies only to idle_strategy = \"" + owner.text() + "\"");
            return false;
        }

        return validator.range(name, value, min, max);
    }
}
