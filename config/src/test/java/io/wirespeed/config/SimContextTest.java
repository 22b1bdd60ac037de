package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The simulator's order-entry keys: defaults, values read from a file and validation.
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
}
