package io.wirespeed.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated venue's iLink 3 order entry, {@code [sim.order_entry]}: where it listens and the access keys it
 * accepts, each with a reference to its secret.
 */
public final class VenueOrderEntryContext extends ConfigContext<VenueOrderEntryContext>
{
    /**
     * Default address the venue listens on: loopback, for a laptop.
     */
    public static final String HOST_DEFAULT = "127.0.0.1";

    /**
     * Default port, the gateway's default {@code venue_port}.
     */
    public static final int PORT_DEFAULT = GatewayContext.VENUE_PORT_DEFAULT;

    /**
     * Default order-entry connections served at once.
     */
    public static final int MAX_SESSIONS_DEFAULT = 8;

    private static final String ACCESS_KEYS = "access_keys";

    private String host = HOST_DEFAULT;
    private int port = PORT_DEFAULT;
    private int maxSessions = MAX_SESSIONS_DEFAULT;
    private final Map<String, SecretRef> accessKeys = new LinkedHashMap<>();

    /**
     * A context holding the defaults.
     */
    public VenueOrderEntryContext()
    {
        super("sim.order_entry");
    }

    /**
     * Address the venue listens on, {@code host}.
     *
     * @return an IPv4 address or host name.
     */
    public String host()
    {
        return host;
    }

    /**
     * Address the venue listens on, {@code host}: an IPv4 address of this host ({@code 0.0.0.0} for every one) or a
     * host name.
     *
     * @param host to listen on.
     * @return this for a fluent API.
     */
    public VenueOrderEntryContext host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * TCP port the venue listens on, {@code port}.
     *
     * @return the port, 0 for one the kernel picks.
     */
    public int port()
    {
        return port;
    }

    /**
     * TCP port the venue listens on, {@code port}: 1..65535, or 0 for one the kernel picks (the venue prints it).
     *
     * @param port to listen on.
     * @return this for a fluent API.
     */
    public VenueOrderEntryContext port(final int port)
    {
        this.port = port;
        return this;
    }

    /**
     * Order-entry connections served at once, {@code max_sessions}.
     *
     * @return the count.
     */
    public int maxSessions()
    {
        return maxSessions;
    }

    /**
     * Order-entry connections served at once, {@code max_sessions}: 1..1024.
     *
     * @param maxSessions count.
     * @return this for a fluent API.
     */
    public VenueOrderEntryContext maxSessions(final int maxSessions)
    {
        this.maxSessions = maxSessions;
        return this;
    }

    /**
     * Access keys the venue accepts, {@code [sim.order_entry.access_keys]}: access key id to the reference of its
     * secret. Empty means the venue accepts the {@code [gateway]}'s own {@code access_key_id} with its
     * {@code secret_ref}, so one file configures both ends.
     *
     * @return the keys, in file order; read-only.
     */
    public Map<String, SecretRef> accessKeys()
    {
        return Collections.unmodifiableMap(accessKeys);
    }

    /**
     * Accept an access key, {@code access_keys.<id> = "env:NAME"}.
     *
     * @param accessKeyId the key id, as {@code gateway.access_key_id} is written.
     * @param secretRef   where its secret is kept.
     * @return this for a fluent API.
     */
    public VenueOrderEntryContext accessKey(final String accessKeyId, final SecretRef secretRef)
    {
        accessKeys.put(accessKeyId, secretRef);
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.string("host", this::host);
        table.int32("port", this::port);
        table.int32("max_sessions", this::maxSessions);
        final ConfigReader.Table keys = table.table(ACCESS_KEYS);
        for (final String name : keys.names())
        {
            keys.secretRef(name, (secretRef) -> accessKey(name, secretRef));
        }
    }

    @Override
    void validate(final Validator validator)
    {
        if (validator.required("host", host) && !NetworkNames.isHost(host))
        {
            validator.error("host", host, "invalid host (a host name or an IPv4 address)");
        }
        validator.range("port", port, 0, 65535);
        validator.range("max_sessions", maxSessions, 1, 1024);
        final Validator keys = validator.scope(ACCESS_KEYS);
        for (final String accessKeyId : accessKeys.keySet())
        {
            keys.matches(accessKeyId, accessKeyId, GatewayContext.ACCESS_KEY_ID_PATTERN,
                "access key id (1..20 of A-Z a-z 0-9 _ -)");
        }
    }
}
