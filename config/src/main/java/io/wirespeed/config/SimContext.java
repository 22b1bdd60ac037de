package io.wirespeed.config;

/**
 * The exchange simulator, {@code [sim]}: its random seed, the market it generates and the CME-like channel it
 * publishes (trading-session schedule, statistics, volume, limits and banding, heartbeats).
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

    /**
     * Default length of the pre-open before the open, compressed for a simulator.
     */
    public static final long PRE_OPEN_MS_DEFAULT = 500;

    /**
     * Default length of the open session: 0, open until the simulator stops, no scheduled close.
     */
    public static final long OPEN_SESSION_MS_DEFAULT = 0;

    /**
     * Default time from the close to the next trading day's start (pre-open), when a close is scheduled.
     */
    public static final long CLOSED_MS_DEFAULT = 1_000;

    /**
     * Default period of the statistics sent besides the trading events (indicative opening, intraday settlement,
     * cleared volume and open interest).
     */
    public static final long STATISTICS_INTERVAL_MS_DEFAULT = 1_000;

    /**
     * Default idle time after which the incremental feed sends a heartbeat.
     */
    public static final long HEARTBEAT_INTERVAL_MS_DEFAULT = 1_000;

    private static final long MAX_SESSION_MS = 86_400_000;
    private static final long MAX_INTERVAL_MS = 3_600_000;
    private static final long MAX_HEARTBEAT_INTERVAL_MS = 60_000;

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
    private long preOpenMs = PRE_OPEN_MS_DEFAULT;
    private long openSessionMs = OPEN_SESSION_MS_DEFAULT;
    private long closedMs = CLOSED_MS_DEFAULT;
    private long statisticsIntervalMs = STATISTICS_INTERVAL_MS_DEFAULT;
    private long heartbeatIntervalMs = HEARTBEAT_INTERVAL_MS_DEFAULT;
    private boolean sendVolume = true;
    private boolean sendSessionStatistics = true;
    private boolean sendDailyStatistics = true;
    private boolean sendLimitsBanding = true;
    private final VenueOrderEntryContext orderEntry = new VenueOrderEntryContext();

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

    /**
     * Pre-open length, {@code pre_open_ms}.
     *
     * @return milliseconds.
     */
    public long preOpenMs()
    {
        return preOpenMs;
    }

    /**
     * Pre-open length, {@code pre_open_ms}: 0..3600000; each trading day starts in PreOpen (an indicative opening
     * price, no trading) and opens (ReadyToTrade) this long after; 0 opens at once.
     *
     * @param preOpenMs milliseconds.
     * @return this for a fluent API.
     */
    public SimContext preOpenMs(final long preOpenMs)
    {
        this.preOpenMs = preOpenMs;
        return this;
    }

    /**
     * Open session length, {@code open_session_ms}.
     *
     * @return milliseconds, 0 for no scheduled close.
     */
    public long openSessionMs()
    {
        return openSessionMs;
    }

    /**
     * Open session length, {@code open_session_ms}: 0..86400000; the market closes (Close, settlement) this long
     * after the open and a new trading day starts {@code closed_ms} later; 0 keeps it open until the simulator stops.
     *
     * @param openSessionMs milliseconds.
     * @return this for a fluent API.
     */
    public SimContext openSessionMs(final long openSessionMs)
    {
        this.openSessionMs = openSessionMs;
        return this;
    }

    /**
     * Time closed between trading days, {@code closed_ms}.
     *
     * @return milliseconds.
     */
    public long closedMs()
    {
        return closedMs;
    }

    /**
     * Time closed between trading days, {@code closed_ms}: 10..3600000, from the close to the next day's pre-open
     * (preliminary settlement at the close, final settlement half way); only with a scheduled close
     * ({@code open_session_ms} above 0).
     *
     * @param closedMs milliseconds.
     * @return this for a fluent API.
     */
    public SimContext closedMs(final long closedMs)
    {
        this.closedMs = closedMs;
        return this;
    }

    /**
     * Period of the periodic statistics, {@code statistics_interval_ms}.
     *
     * @return milliseconds, 0 for none.
     */
    public long statisticsIntervalMs()
    {
        return statisticsIntervalMs;
    }

    /**
     * Period of the periodic statistics, {@code statistics_interval_ms}: 0 for none, else 10..3600000; each period
     * every instrument gets the indicative opening price (pre-open) or an intraday settlement with the prior
     * session's cleared volume and open interest (open), besides the statistics trading itself produces.
     *
     * @param statisticsIntervalMs milliseconds.
     * @return this for a fluent API.
     */
    public SimContext statisticsIntervalMs(final long statisticsIntervalMs)
    {
        this.statisticsIntervalMs = statisticsIntervalMs;
        return this;
    }

    /**
     * Idle time before a heartbeat, {@code heartbeat_interval_ms}.
     *
     * @return milliseconds, 0 for none.
     */
    public long heartbeatIntervalMs()
    {
        return heartbeatIntervalMs;
    }

    /**
     * Idle time before a heartbeat, {@code heartbeat_interval_ms}: 0 for none, else 10..60000; when the incremental
     * feed has sent nothing for this long it sends a packet holding an AdminHeartbeat12.
     *
     * @param heartbeatIntervalMs milliseconds.
     * @return this for a fluent API.
     */
    public SimContext heartbeatIntervalMs(final long heartbeatIntervalMs)
    {
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        return this;
    }

    /**
     * Electronic volume, {@code send_volume}.
     *
     * @return true when sent.
     */
    public boolean sendVolume()
    {
        return sendVolume;
    }

    /**
     * Electronic volume, {@code send_volume}: MDIncrementalRefreshVolume37 after each trade and volume entries in
     * snapshots.
     *
     * @param sendVolume true to send.
     * @return this for a fluent API.
     */
    public SimContext sendVolume(final boolean sendVolume)
    {
        this.sendVolume = sendVolume;
        return this;
    }

    /**
     * Session statistics, {@code send_session_statistics}.
     *
     * @return true when sent.
     */
    public boolean sendSessionStatistics()
    {
        return sendSessionStatistics;
    }

    /**
     * Session statistics, {@code send_session_statistics}: MDIncrementalRefreshSessionStatistics51 (opening and
     * indicative opening price, session high and low trade, highest bid and lowest offer) and their snapshot entries.
     *
     * @param sendSessionStatistics true to send.
     * @return this for a fluent API.
     */
    public SimContext sendSessionStatistics(final boolean sendSessionStatistics)
    {
        this.sendSessionStatistics = sendSessionStatistics;
        return this;
    }

    /**
     * Daily statistics, {@code send_daily_statistics}.
     *
     * @return true when sent.
     */
    public boolean sendDailyStatistics()
    {
        return sendDailyStatistics;
    }

    /**
     * Daily statistics, {@code send_daily_statistics}: MDIncrementalRefreshDailyStatistics49 (settlement price,
     * cleared volume, open interest) and their snapshot entries.
     *
     * @param sendDailyStatistics true to send.
     * @return this for a fluent API.
     */
    public SimContext sendDailyStatistics(final boolean sendDailyStatistics)
    {
        this.sendDailyStatistics = sendDailyStatistics;
        return this;
    }

    /**
     * Limits and banding, {@code send_limits_banding}.
     *
     * @return true when sent.
     */
    public boolean sendLimitsBanding()
    {
        return sendLimitsBanding;
    }

    /**
     * Limits and banding, {@code send_limits_banding}: MDIncrementalRefreshLimitsBanding50 at the start of each day
     * and when the band moves, and the limit prices in snapshots and definitions.
     *
     * @param sendLimitsBanding true to send.
     * @return this for a fluent API.
     */
    public SimContext sendLimitsBanding(final boolean sendLimitsBanding)
    {
        this.sendLimitsBanding = sendLimitsBanding;
        return this;
    }

    /**
     * The venue's order entry, {@code [sim.order_entry]}.
     *
     * @return the context.
     */
    public VenueOrderEntryContext orderEntry()
    {
        return orderEntry;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        orderEntry.read(table.table("order_entry"));
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
        table.integer("pre_open_ms", this::preOpenMs);
        table.integer("open_session_ms", this::openSessionMs);
        table.integer("closed_ms", this::closedMs);
        table.integer("statistics_interval_ms", this::statisticsIntervalMs);
        table.integer("heartbeat_interval_ms", this::heartbeatIntervalMs);
        table.bool("send_volume", this::sendVolume);
        table.bool("send_session_statistics", this::sendSessionStatistics);
        table.bool("send_daily_statistics", this::sendDailyStatistics);
        table.bool("send_limits_banding", this::sendLimitsBanding);
    }

    @Override
    void validate(final Validator validator)
    {
        orderEntry.conclude(validator.scope("order_entry"));
        validator.range("message_rate_per_second", messageRatePerSecond, 1, 10_000_000);
        validator.range("burstiness", burstiness, 0.0, 1.0);
        validator.range("book_depth", bookDepth, 1, 100);
        validator.range("snapshot_interval_ms", snapshotIntervalMs, 10, 3_600_000);
        validator.range("definition_interval_ms", definitionIntervalMs, 10, 3_600_000);
        validator.range("participants", participants, 1, 10_000);
        validator.range("max_client_orders", maxClientOrders, 0, 1_000_000);
        validator.range("pre_open_ms", preOpenMs, 0, MAX_INTERVAL_MS);
        validator.range("open_session_ms", openSessionMs, 0, MAX_SESSION_MS);
        if (validator.range("closed_ms", closedMs, 10, MAX_INTERVAL_MS) && 0 == openSessionMs &&
            CLOSED_MS_DEFAULT != closedMs)
        {
            validator.error("closed_ms", closedMs, "has no effect without a scheduled close (open_session_ms = 0)");
        }
        if (0 != statisticsIntervalMs)
        {
            if (validator.range("statistics_interval_ms", statisticsIntervalMs, 10, MAX_INTERVAL_MS) &&
                !sendSessionStatistics && !sendDailyStatistics)
            {
                validator.error("statistics_interval_ms", statisticsIntervalMs,
                    "no statistics to send (send_session_statistics and send_daily_statistics are false); use 0");
            }
        }
        if (0 != heartbeatIntervalMs)
        {
            validator.range("heartbeat_interval_ms", heartbeatIntervalMs, 10, MAX_HEARTBEAT_INTERVAL_MS);
        }
    }
}
