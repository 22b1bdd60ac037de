package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The simulator's order-entry and channel keys: defaults, values read from a file and validation.
 */
final class SimContextTest
{
    @Test
    void shouldDefaultToKeepingOrdersOnDisconnectAndTenThousandClientOrders()
    {
        final SimContext sim = WirespeedConfig.loadDefault().sim();

        assertEquals(SimContext.MAX_CLIENT_ORDERS_DEFAULT, sim.maxClientOrders());
        assertEquals(10_000, sim.maxClientOrders());
        assertFalse(sim.cancelOnDisconnect());
    }

    @Test
    void shouldReadOrderEntryKeys()
    {
        final WirespeedConfig config = WirespeedConfig.parse(
            Fixtures.VALID + "[sim]\nmax_client_orders = 1_500\ncancel_on_disconnect = true\n", "test.toml",
            new Properties());

        assertEquals(1_500, config.sim().maxClientOrders());
        assertTrue(config.sim().cancelOnDisconnect());
    }

    @Test
    void shouldRejectNegativeMaxClientOrders()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> new SimContext().maxClientOrders(-1).conclude());

        assertEquals(
            List.of(new ConfigError("sim.max_client_orders", "-1", "out of range (0..1000000)", ConfigLocation.NONE)),
            ex.errors());
    }

    @Test
    void shouldDefaultToARealLookingChannel()
    {
        final SimContext sim = WirespeedConfig.loadDefault().sim();

        assertEquals(500, sim.preOpenMs());
        assertEquals(0, sim.openSessionMs());
        assertEquals(1_000, sim.closedMs());
        assertEquals(1_000, sim.statisticsIntervalMs());
        assertEquals(1_000, sim.heartbeatIntervalMs());
        assertTrue(sim.sendVolume());
        assertTrue(sim.sendSessionStatistics());
        assertTrue(sim.sendDailyStatistics());
        assertTrue(sim.sendLimitsBanding());
    }

    @Test
    void shouldReadChannelKeys()
    {
        final WirespeedConfig config = WirespeedConfig.parse(Fixtures.VALID + """
            [sim]
            pre_open_ms = 0
            open_session_ms = 60_000
            closed_ms = 2_000
            statistics_interval_ms = 0
            heartbeat_interval_ms = 0
            send_volume = false
            send_session_statistics = false
            send_daily_statistics = false
            send_limits_banding = false
            """, "test.toml", new Properties());

        final SimContext sim = config.sim();
        assertEquals(0, sim.preOpenMs());
        assertEquals(60_000, sim.openSessionMs());
        assertEquals(2_000, sim.closedMs());
        assertEquals(0, sim.statisticsIntervalMs());
        assertEquals(0, sim.heartbeatIntervalMs());
        assertFalse(sim.sendVolume());
        assertFalse(sim.sendSessionStatistics());
        assertFalse(sim.sendDailyStatistics());
        assertFalse(sim.sendLimitsBanding());
    }

    @Test
    void shouldRejectChannelKeysOutOfRangeNamingEach()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> new SimContext().preOpenMs(-1)
            .openSessionMs(86_400_001).statisticsIntervalMs(5).heartbeatIntervalMs(60_001).conclude());

        assertEquals(List.of(
            new ConfigError("sim.pre_open_ms", "-1", "out of range (0..3600000)", ConfigLocation.NONE),
            new ConfigError("sim.open_session_ms", "86400001", "out of range (0..86400000)", ConfigLocation.NONE),
            new ConfigError("sim.statistics_interval_ms", "5", "out of range (10..3600000)", ConfigLocation.NONE),
            new ConfigError("sim.heartbeat_interval_ms", "60001", "out of range (10..60000)", ConfigLocation.NONE)),
            ex.errors());
    }

    @Test
    void shouldRefuseAClosedTimeWithoutAScheduledClose()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> new SimContext().closedMs(5_000).conclude());

        assertEquals(List.of(new ConfigError("sim.closed_ms", "5000",
            "has no effect without a scheduled close (open_session_ms = 0)", ConfigLocation.NONE)), ex.errors());
    }

    @Test
    void shouldRefusePeriodicStatisticsWhenNoStatisticsAreSent()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> new SimContext()
            .sendSessionStatistics(false).sendDailyStatistics(false).conclude());

        assertEquals(List.of(new ConfigError("sim.statistics_interval_ms", "1000",
            "no statistics to send (send_session_statistics and send_daily_statistics are false); use 0",
            ConfigLocation.NONE)), ex.errors());
    }

    @Test
    void shouldListenOnTheGatewaysDefaultEndpointAndAcceptTheGatewaysKeyByDefault()
    {
        final VenueOrderEntryContext orderEntry = WirespeedConfig.loadDefault().sim().orderEntry();

        assertEquals("127.0.0.1", orderEntry.host());
        assertEquals(GatewayContext.VENUE_PORT_DEFAULT, orderEntry.port());
        assertEquals(8, orderEntry.maxSessions());
        assertTrue(orderEntry.accessKeys().isEmpty());
    }

    @Test
    void shouldReadTheVenuesOrderEntryEndpointAndAccessKeys()
    {
        final WirespeedConfig config = WirespeedConfig.parse(Fixtures.VALID + """
            [sim.order_entry]
            host = "0.0.0.0"
            port = 0
            max_sessions = 2

            [sim.order_entry.access_keys]
            firm-a = "env:FIRM_A_SECRET"
            firm_b = "file:/etc/venue/firm_b.secret"
            """, "test.toml", new Properties());

        final VenueOrderEntryContext orderEntry = config.sim().orderEntry();
        assertEquals("0.0.0.0", orderEntry.host());
        assertEquals(0, orderEntry.port());
        assertEquals(2, orderEntry.maxSessions());
        assertEquals(List.of("firm-a", "firm_b"), List.copyOf(orderEntry.accessKeys().keySet()));
        assertEquals(new SecretRef(SecretRef.Kind.ENV, "FIRM_A_SECRET"), orderEntry.accessKeys().get("firm-a"));
        assertEquals(new SecretRef(SecretRef.Kind.FILE, "/etc/venue/firm_b.secret"),
            orderEntry.accessKeys().get("firm_b"));
    }

    @Test
    void shouldRefuseABadOrderEntryEndpointAndAccessKeyNamingEach()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> new VenueOrderEntryContext()
            .host("no such host!").port(70_000).maxSessions(0)
            .accessKey("not a key id", new SecretRef(SecretRef.Kind.ENV, "X")).conclude());

        assertEquals(List.of(
            new ConfigError("sim.order_entry.host", "\"no such host!\"",
            "invalid host (a host name or an IPv4 address)", ConfigLocation.NONE),
            new ConfigError("sim.order_entry.port", "70000", "out of range (0..65535)", ConfigLocation.NONE),
            new ConfigError("sim.order_entry.max_sessions", "0", "out of range (1..1024)", ConfigLocation.NONE),
            new ConfigError("sim.order_entry.access_keys.not a key id", "\"not a key id\"",
            "invalid access key id (1..20 of A-Z a-z 0-9 _ -)", ConfigLocation.NONE)), ex.errors());
    }

    @Test
    void shouldRefuseAnAccessKeyThatIsNotASecretReference()
    {
        final List<ConfigError> errors = Fixtures.errors(Fixtures.VALID + """
            [sim.order_entry.access_keys]
            firm-a = "hunter2"
            """);

        assertEquals(1, errors.size(), errors::toString);
        assertEquals("sim.order_entry.access_keys.firm-a", errors.get(0).key());
        assertFalse(errors.get(0).toString().contains("hunter2"), "a secret written in the file is never echoed");
    }
}
