package io.wirespeed.config;

/**
 * The exchange simulator, {@code [sim]}: its random seed and the market it generates.
 */
public final class SimContext extends ConfigContext<SimContext>
{
    /**
     * Default random seed.
     */
    public static final long SEED_DEFAULT = 42;

    /**
     * Default market-data messages per second across all instruments.
     */
    public static final long MESSAGE_RATE_PER_SECOND_DEFAULT = 10_000;

    /**
     * Default burstiness: evenly paced.
     */
    public static final double BURSTINESS_DEFAULT = 0.0;

    /**
     * Default price levels per side the simulator's books hold.
     */
    public static final int BOOK_DEPTH_DEFAULT = 10;

    /**
     * Default period of the snapshot loop.
     */
    public static final long SNAPSHOT_INTERVAL_MS_DEFAULT = 1_000;

    /**
     * Default period of the instrument definition loop.
     */
    public static final long DEFINITION_INTERVAL_MS_DEFAULT = 5_000;

    /**
     * Default: open loop, sending on schedule whether or not the appliance keeps up.
     */
    public static final boolean OPEN_LOOP_DEFAULT = true;

    /**
     * Default simulated participants resting and taking liquidity.
     */
    public static final int PARTICIPANTS_DEFAULT = 8;

    /**
     * Default most client orders resting at once per instrument.
     */
    public static final int MAX_CLIENT_ORDERS_DEFAULT = 10_000;

    /**
     * Default: a client's orders stay on the book when its order-entry session disconnects, as on iLink 3 without
     * cancel on disconnect.
     */
    public static final boolean CANCEL_ON_DISCONNECT_DEFAULT = false;

    private long seed = SEED_DEFAULT;
    private long messageRatePerSecond = MESSAGE_RATE_PER_SECOND_DEFAULT;
    private double burstiness = BURSTINESS_DEFAULT;
    private int bookDepth = BOOK_DEPTH_DEFAULT;
    private long snapshotIntervalMs = SNAPSHOT_INTERVAL_MS_DEFAULT;
    private long definitionIntervalMs = DEFINITION_INTERVAL_MS_DEFAULT;
    private boolean openLoop = OPEN_LOOP_DEFAULT;
    private int participants = PARTICIPANTS_DEFAULT;
    private int maxClientOrders = MAX_CLIENT_ORDERS_DEFAULT;
    private boolean cancelOnDisconnect = CANCEL_ON_DISCONNECT_DEFAULT;

    /**
     * A context holding the defaults.
     */
    public SimContext()
    {
        super("sim");
    }

    /**
     * Random seed, {@code seed}.
     *
     * @return the seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * Random seed, {@code seed}: the same seed gives the same market.
     *
     * @param seed any value.
     * @return this for a fluent API.
     */
    public SimContext seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /**
     * Market-data messages per second, {@code message_rate_per_second}.
     *
     * @return the rate.
     */
    public long messageRatePerSecond()
    {
        return messageRatePerSecond;
    }

    /**
     * Market-data messages per second across all instruments, {@code message_rate_per_second}: 1..10000000.
     *
     * @param messageRatePerSecond rate.
     * @return this for a fluent API.
     */
    public SimContext messageRatePerSecond(final long messageRatePerSecond)
    {
        this.messageRatePerSecond = messageRatePerSecond;
        return this;
    }

    /**
     * Burstiness, {@code burstiness}.
     *
     * @return 0..1.
     */
    public double burstiness()
    {
        return burstiness;
    }

    /**
     * Burstiness, {@code burstiness}: 0 paces messages evenly, 1 sends them at exponentially distributed (Poisson)
     * gaps, values between blend the two.
     *
     * @param burstiness 0..1.
     * @return this for a fluent API.
     */
    public SimContext burstiness(final double burstiness)
    {
        this.burstiness = burstiness;
        return this;
    }

    /**
     * Price levels per side, {@code book_depth}.
     *
     * @return the depth.
     */
    public int bookDepth()
    {
        return bookDepth;
    }

    /**
     * Price levels per side the simulator's books hold, {@code book_depth}: 1..100.
     *
     * @param bookDepth levels.
     * @return this for a fluent API.
     */
    public SimContext bookDepth(final int bookDepth)
    {
        this.bookDepth = bookDepth;
        return this;
    }

    /**
     * Snapshot loop period, {@code snapshot_interval_ms}.
     *
     * @return the period in milliseconds.
     */
    public long snapshotIntervalMs()
    {
        return snapshotIntervalMs;
    }

    /**
     * Snapshot loop period, {@code snapshot_interval_ms}: 10..3600000.
     *
     * @param snapshotIntervalMs period.
     * @return this for a fluent API.
     */
    public SimContext snapshotIntervalMs(final long snapshotIntervalMs)
    {
        this.snapshotIntervalMs = snapshotIntervalMs;
        return this;
    }

    /**
     * Instrument definition loop period, {@code definition_interval_ms}.
     *
     * @return the period in milliseconds.
     */
    public long definitionIntervalMs()
    {
        return definitionIntervalMs;
    }

    /**
     * Instrument definition loop period, {@code definition_interval_ms}: 10..3600000.
     *
     * @param definitionIntervalMs period.
     * @return this for a fluent API.
     */
    public SimContext definitionIntervalMs(final long definitionIntervalMs)
    {
        this.definitionIntervalMs = definitionIntervalMs;
        return this;
    }

    /**
     * Open-loop load, {@code open_loop}.
     *
     * @return true for open loop.
     */
    public boolean openLoop()
    {
        return openLoop;
    }

    /**
     * Open-loop load, {@code open_loop}: send on schedule whether or not the appliance keeps up, so latency is
     * measured without coordinated omission.
     *
     * @param openLoop true for open loop.
     * @return this for a fluent API.
     */
    public SimContext openLoop(final boolean openLoop)
    {
        this.openLoop = openLoop;
        return this;
    }

    /**
     * Simulated participants, {@code participants}.
     *
     * @return the count.
     */
    public int participants()
    {
        return participants;
    }

    /**
     * Simulated participants resting and taking liquidity, {@code participants}: 1..10000.
     *
     * @param participants count.
     * @return this for a fluent API.
     */
    public SimContext participants(final int participants)
    {
        this.participants = participants;
        return this;
    }

    /**
     * Most client orders resting at once per instrument, {@code max_client_orders}.
     *
     * @return the count.
     */
    public int maxClientOrders()
    {
        return maxClientOrders;
    }

    /**
     * Most orders of order-entry clients resting at once per instrument, {@code max_client_orders}: 0..1000000; the
     * venue rejects a client order that would rest beyond it.
     *
     * @param maxClientOrders count.
     * @return this for a fluent API.
     */
    public SimContext maxClientOrders(final int maxClientOrders)
    {
        this.maxClientOrders = maxClientOrders;
        return this;
    }

    /**
     * Cancel on disconnect, {@code cancel_on_disconnect}.
     *
     * @return true when a session's orders are cancelled as it disconnects.
     */
    public boolean cancelOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    /**
     * Cancel on disconnect, {@code cancel_on_disconnect}: cancel every order of an order-entry session when its
     * connection is lost or terminated; off by default, so orders stay and their reports wait for the reconnect.
     *
     * @param cancelOnDisconnect true to cancel.
     * @return this for a fluent API.
     */
    public SimContext cancelOnDisconnect(final boolean cancelOnDisconnect)
    {
        this.cancelOnDisconnect = cancelOnDisconnect;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.integer("seed", this::seed);
        table.integer("message_rate_per_second", this::messageRatePerSecond);
        table.number("burstiness", this::burstiness);
        table.int32("book_depth", this::bookDepth);
        table.integer("snapshot_interval_ms", this::snapshotIntervalMs);
        table.integer("definition_interval_ms", this::definitionIntervalMs);
        table.bool("open_loop", this::openLoop);
        table.int32("participants", this::participants);
        table.int32("max_client_orders", this::maxClientOrders);
        table.bool("cancel_on_disconnect", this::cancelOnDisconnect);
    }

    @Override
    void validate(final Validator validator)
    {
        validator.range("message_rate_per_second", messageRatePerSecond, 1, 10_000_000);
        validator.range("burstiness", burstiness, 0.0, 1.0);
        validator.range("book_depth", bookDepth, 1, 100);
        validator.range("snapshot_interval_ms", snapshotIntervalMs, 10, 3_600_000);
        validator.range("definition_interval_ms", definitionIntervalMs, 10, 3_600_000);
        validator.range("participants", participants, 1, 10_000);
        validator.range("max_client_orders", maxClientOrders, 0, 1_000_000);
    }
}
