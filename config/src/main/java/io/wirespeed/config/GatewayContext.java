package io.wirespeed.config;

import java.nio.file.Path;

/**
 * The order gateway's venue session, {@code [gateway]}: where the venue is and the session's identity.
 */
public final class GatewayContext extends ConfigContext<GatewayContext>
{
    /**
     * Default venue host: the exchange simulator on this host.
     */
    public static final String VENUE_HOST_DEFAULT = "127.0.0.1";

    /**
     * Default venue order-entry port.
     */
    public static final int VENUE_PORT_DEFAULT = 9010;

    /**
     * Default keepalive interval proposed to the venue.
     */
    public static final long KEEPALIVE_INTERVAL_MS_DEFAULT = 5_000;

    /**
     * Default wait before reconnecting after a disconnect.
     */
    public static final long RECONNECT_BACKOFF_MS_DEFAULT = 1_000;

    /**
     * Default wait for a TCP connection and session establishment.
     */
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = 5_000;

    /**
     * Default: the venue cancels resting orders when the session drops.
     */
    public static final boolean CANCEL_ON_DISCONNECT_DEFAULT = true;

    /**
     * Default of {@code cancel_on_shutdown}: an orderly stop cancels every open order at the venue first.
     */
    public static final boolean CANCEL_ON_SHUTDOWN_DEFAULT = true;

    /**
     * Default of {@code venue_max_orders_per_second}: new orders and replaces the session may send in any second.
     */
    public static final long VENUE_MAX_ORDERS_PER_SECOND_DEFAULT = 1_000;

    /**
     * Default of {@code venue_max_messages_per_second}: business messages the session may send in any second.
     */
    public static final long VENUE_MAX_MESSAGES_PER_SECOND_DEFAULT = 2_000;

    /**
     * Default: the gateway runs and holds a session with the venue.
     */
    public static final boolean VENUE_SESSION_DEFAULT = true;

    /**
     * Default of {@code reference_price_max_age_ms}: 0, a reference price is used however old, unless its book is
     * STALE.
     */
    public static final long REFERENCE_PRICE_MAX_AGE_MS_DEFAULT = 0;

    /**
     * The form of an access key id: 1..20 letters, digits, {@code _} or {@code -}.
     */
    public static final String ACCESS_KEY_ID_PATTERN = "[A-Za-z0-9_-]{1,20}";

    private boolean venueSession = VENUE_SESSION_DEFAULT;
    private String venueHost = VENUE_HOST_DEFAULT;
    private int venuePort = VENUE_PORT_DEFAULT;
    private String sessionId;
    private String firmId;
    private String accessKeyId;
    private SecretRef secretRef;
    private long keepaliveIntervalMs = KEEPALIVE_INTERVAL_MS_DEFAULT;
    private long reconnectBackoffMs = RECONNECT_BACKOFF_MS_DEFAULT;
    private long connectTimeoutMs = CONNECT_TIMEOUT_MS_DEFAULT;
    private boolean cancelOnDisconnect = CANCEL_ON_DISCONNECT_DEFAULT;
    private boolean cancelOnShutdown = CANCEL_ON_SHUTDOWN_DEFAULT;
    private long venueMaxOrdersPerSecond = VENUE_MAX_ORDERS_PER_SECOND_DEFAULT;
    private long venueMaxMessagesPerSecond = VENUE_MAX_MESSAGES_PER_SECOND_DEFAULT;
    private long referencePriceMaxAgeMs = REFERENCE_PRICE_MAX_AGE_MS_DEFAULT;
    private Path controlKeyFile;

    /**
     * A context holding the defaults; session_id, firm_id, access_key_id and secret_ref must be set.
     */
    public GatewayContext()
    {
        super("gateway");
    }

    /**
     * Whether the appliance runs the gateway and its venue session, {@code venue_session}.
     *
     * @return true to trade with the venue.
     */
    public boolean venueSession()
    {
        return venueSession;
    }

    /**
     * Whether the appliance runs the gateway and its venue session, {@code venue_session}: false for market data only
     * (a capture replayed offline, a feed handler for other hosts); no order then leaves the appliance and the
     * secret is not read.
     *
     * @param venueSession true to trade with the venue.
     * @return this for a fluent API.
     */
    public GatewayContext venueSession(final boolean venueSession)
    {
        this.venueSession = venueSession;
        return this;
    }

    /**
     * Venue host, {@code venue_host}.
     *
     * @return a host name or IPv4 address.
     */
    public String venueHost()
    {
        return venueHost;
    }

    /**
     * Venue host, {@code venue_host}: a host name or IPv4 address.
     *
     * @param venueHost host.
     * @return this for a fluent API.
     */
    public GatewayContext venueHost(final String venueHost)
    {
        this.venueHost = venueHost;
        return this;
    }

    /**
     * Venue order-entry port, {@code venue_port}.
     *
     * @return the port.
     */
    public int venuePort()
    {
        return venuePort;
    }

    /**
     * Venue order-entry port, {@code venue_port}: 1..65535.
     *
     * @param venuePort port.
     * @return this for a fluent API.
     */
    public GatewayContext venuePort(final int venuePort)
    {
        this.venuePort = venuePort;
        return this;
    }

    /**
     * Session id, {@code session_id}.
     *
     * @return the session id.
     */
    public String sessionId()
    {
        return sessionId;
    }

    /**
     * Session id, {@code session_id}: exactly 3 upper-case letters or digits, as the venue assigned; required.
     *
     * @param sessionId e.g. {@code ABC}.
     * @return this for a fluent API.
     */
    public GatewayContext sessionId(final String sessionId)
    {
        this.sessionId = sessionId;
        return this;
    }

    /**
     * Firm id, {@code firm_id}.
     *
     * @return the firm id.
     */
    public String firmId()
    {
        return firmId;
    }

    /**
     * Firm id, {@code firm_id}: 1..5 upper-case letters or digits; required.
     *
     * @param firmId as the venue assigned.
     * @return this for a fluent API.
     */
    public GatewayContext firmId(final String firmId)
    {
        this.firmId = firmId;
        return this;
    }

    /**
     * Access key id, {@code access_key_id}.
     *
     * @return the key id.
     */
    public String accessKeyId()
    {
        return accessKeyId;
    }

    /**
     * Access key id, {@code access_key_id}: 1..20 letters, digits, '_' or '-'; it names the key, it is not secret;
     * required.
     *
     * @param accessKeyId key id.
     * @return this for a fluent API.
     */
    public GatewayContext accessKeyId(final String accessKeyId)
    {
        this.accessKeyId = accessKeyId;
        return this;
    }

    /**
     * Where the session's secret key is kept, {@code secret_ref}.
     *
     * @return the reference.
     */
    public SecretRef secretRef()
    {
        return secretRef;
    }

    /**
     * Where the session's secret key is kept, {@code secret_ref}: {@code "env:NAME"} or {@code "file:/path"},
     * never the secret itself; required.
     *
     * @param secretRef reference.
     * @return this for a fluent API.
     */
    public GatewayContext secretRef(final SecretRef secretRef)
    {
        this.secretRef = secretRef;
        return this;
    }

    /**
     * Keepalive interval, {@code keepalive_interval_ms}.
     *
     * @return the interval in milliseconds.
     */
    public long keepaliveIntervalMs()
    {
        return keepaliveIntervalMs;
    }

    /**
     * Keepalive interval proposed to the venue, {@code keepalive_interval_ms}: 100..60000.
     *
     * @param keepaliveIntervalMs interval.
     * @return this for a fluent API.
     */
    public GatewayContext keepaliveIntervalMs(final long keepaliveIntervalMs)
    {
        this.keepaliveIntervalMs = keepaliveIntervalMs;
        return this;
    }

    /**
     * Wait before reconnecting, {@code reconnect_backoff_ms}.
     *
     * @return the wait in milliseconds.
     */
    public long reconnectBackoffMs()
    {
        return reconnectBackoffMs;
    }

    /**
     * Wait before reconnecting after a disconnect, {@code reconnect_backoff_ms}: 10..600000.
     *
     * @param reconnectBackoffMs wait.
     * @return this for a fluent API.
     */
    public GatewayContext reconnectBackoffMs(final long reconnectBackoffMs)
    {
        this.reconnectBackoffMs = reconnectBackoffMs;
        return this;
    }

    /**
     * Wait for a connection and session establishment, {@code connect_timeout_ms}.
     *
     * @return the timeout in milliseconds.
     */
    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    /**
     * Wait for a connection and session establishment, {@code connect_timeout_ms}: 100..600000.
     *
     * @param connectTimeoutMs timeout.
     * @return this for a fluent API.
     */
    public GatewayContext connectTimeoutMs(final long connectTimeoutMs)
    {
        this.connectTimeoutMs = connectTimeoutMs;
        return this;
    }

    /**
     * Ask the venue to cancel resting orders when the session drops, {@code cancel_on_disconnect}.
     *
     * @return true to cancel on disconnect.
     */
    public boolean cancelOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    /**
     * Ask the venue to cancel resting orders when the session drops, {@code cancel_on_disconnect}.
     *
     * @param cancelOnDisconnect true to cancel on disconnect.
     * @return this for a fluent API.
     */
    public GatewayContext cancelOnDisconnect(final boolean cancelOnDisconnect)
    {
        this.cancelOnDisconnect = cancelOnDisconnect;
        return this;
    }

    /**
     * Cancel every open order at the venue when the appliance stops in order (SIGINT, SIGTERM, the end of its time),
     * before the session is terminated, {@code cancel_on_shutdown}.
     *
     * @return true to cancel on shutdown.
     */
    public boolean cancelOnShutdown()
    {
        return cancelOnShutdown;
    }

    /**
     * Cancel every open order at the venue on an orderly stop, {@code cancel_on_shutdown}; false leaves them resting
     * (new orders are still refused from the stop on).
     *
     * @param cancelOnShutdown true to cancel on shutdown.
     * @return this for a fluent API.
     */
    public GatewayContext cancelOnShutdown(final boolean cancelOnShutdown)
    {
        this.cancelOnShutdown = cancelOnShutdown;
        return this;
    }

    /**
     * Venue-session order throttle, {@code venue_max_orders_per_second}: new orders and replaces sent to the venue
     * in any one-second window, across all strategies.
     *
     * @return orders per second.
     */
    public long venueMaxOrdersPerSecond()
    {
        return venueMaxOrdersPerSecond;
    }

    /**
     * Set the venue-session order throttle.
     *
     * @param venueMaxOrdersPerSecond orders per second.
     * @return this for a fluent API.
     */
    public GatewayContext venueMaxOrdersPerSecond(final long venueMaxOrdersPerSecond)
    {
        this.venueMaxOrdersPerSecond = venueMaxOrdersPerSecond;
        return this;
    }

    /**
     * Venue-session message throttle, {@code venue_max_messages_per_second}: business messages (orders, cancels,
     * replaces, mass actions) sent to the venue in any one-second window.
     *
     * @return messages per second.
     */
    public long venueMaxMessagesPerSecond()
    {
        return venueMaxMessagesPerSecond;
    }

    /**
     * Set the venue-session message throttle.
     *
     * @param venueMaxMessagesPerSecond messages per second.
     * @return this for a fluent API.
     */
    public GatewayContext venueMaxMessagesPerSecond(final long venueMaxMessagesPerSecond)
    {
        this.venueMaxMessagesPerSecond = venueMaxMessagesPerSecond;
        return this;
    }

    /**
     * Oldest reference price the price collar uses, {@code reference_price_max_age_ms}: an older one, or one from a
     * book the feed marked STALE, refuses the order with STALE_REFERENCE_PRICE; 0 for no age limit.
     *
     * @return milliseconds.
     */
    public long referencePriceMaxAgeMs()
    {
        return referencePriceMaxAgeMs;
    }

    /**
     * Set the oldest reference price the price collar uses.
     *
     * @param referencePriceMaxAgeMs milliseconds, 0 for no age limit.
     * @return this for a fluent API.
     */
    public GatewayContext referencePriceMaxAgeMs(final long referencePriceMaxAgeMs)
    {
        this.referencePriceMaxAgeMs = referencePriceMaxAgeMs;
        return this;
    }

    /**
     * The operator key file, {@code control_key_file}: control messages (kill, resume, limits) must carry its
     * HMAC-SHA256; it must be readable by the operators' group only (no access for others). Unset: the appliance
     * makes a fresh key readable by its own user only, in its Aeron directory.
     *
     * @return the path, or null when unset.
     */
    public Path controlKeyFile()
    {
        return controlKeyFile;
    }

    /**
     * Set the operator key file.
     *
     * @param controlKeyFile the path, or null for a fresh key per run.
     * @return this for a fluent API.
     */
    public GatewayContext controlKeyFile(final Path controlKeyFile)
    {
        this.controlKeyFile = controlKeyFile;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.bool("venue_session", this::venueSession);
        table.string("venue_host", this::venueHost);
        table.int32("venue_port", this::venuePort);
        table.string("session_id", this::sessionId);
        table.string("firm_id", this::firmId);
        table.string("access_key_id", this::accessKeyId);
        table.secretRef("secret_ref", this::secretRef);
        table.integer("keepalive_interval_ms", this::keepaliveIntervalMs);
        table.integer("reconnect_backoff_ms", this::reconnectBackoffMs);
        table.integer("connect_timeout_ms", this::connectTimeoutMs);
        table.bool("cancel_on_disconnect", this::cancelOnDisconnect);
        table.bool("cancel_on_shutdown", this::cancelOnShutdown);
        table.integer("venue_max_orders_per_second", this::venueMaxOrdersPerSecond);
        table.integer("venue_max_messages_per_second", this::venueMaxMessagesPerSecond);
        table.integer("reference_price_max_age_ms", this::referencePriceMaxAgeMs);
        table.path("control_key_file", this::controlKeyFile);
    }

    @Override
    void validate(final Validator validator)
    {
        if (validator.required("venue_host", venueHost) && !NetworkNames.isHost(venueHost))
        {
            validator.error("venue_host", venueHost, "invalid host (a host name or an IPv4 address)");
        }
        validator.range("venue_port", venuePort, 1, 65535);
        if (validator.required("session_id", sessionId))
        {
            validator.matches("session_id", sessionId, "[A-Z0-9]{3}", "session id (exactly 3 of A-Z, 0-9)");
        }
        if (validator.required("firm_id", firmId))
        {
            validator.matches("firm_id", firmId, "[A-Z0-9]{1,5}", "firm id (1..5 of A-Z, 0-9)");
        }
        if (validator.required("access_key_id", accessKeyId))
        {
            validator.matches("access_key_id", accessKeyId, ACCESS_KEY_ID_PATTERN,
                "access key id (1..20 letters, digits, _ or -)");
        }
        validator.required("secret_ref", secretRef);
        validator.range("keepalive_interval_ms", keepaliveIntervalMs, 100, 60_000);
        validator.range("reconnect_backoff_ms", reconnectBackoffMs, 10, 600_000);
        validator.range("connect_timeout_ms", connectTimeoutMs, 100, 600_000);
        validator.range("venue_max_orders_per_second", venueMaxOrdersPerSecond, 1, 1_000_000);
        validator.range("venue_max_messages_per_second", venueMaxMessagesPerSecond, 1, 1_000_000);
        validator.range("reference_price_max_age_ms", referencePriceMaxAgeMs, 0, 86_400_000);
        if (venueMaxMessagesPerSecond < venueMaxOrdersPerSecond)
        {
            validator.error("venue_max_messages_per_second", venueMaxMessagesPerSecond,
                "must be at least venue_max_orders_per_second (" + venueMaxOrdersPerSecond +
                "): every order is also a message");
        }
    }
}
