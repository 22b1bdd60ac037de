package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The gateway's venue session switch (on by default, off for market data only, a boolean) and its cancel on shutdown
 * (on by default, read from a file or an override, a boolean).
 */
final class GatewayContextTest
{
    @Test
    void shouldRunTheVenueSessionByDefault()
    {
        assertTrue(WirespeedConfig.loadDefault().gateway().venueSession());
        assertTrue(WirespeedConfig.load(Fixtures.PRODUCTION_SAMPLE).gateway().venueSession());
    }

    @Test
    void shouldReadVenueSessionOffFromAFileOrAnOverride()
    {
        assertFalse(Fixtures.parse(Fixtures.VALID.replace("[gateway]\n", "[gateway]\nvenue_session = false\n"))
            .gateway().venueSession());
        assertFalse(Fixtures.parse(Fixtures.VALID, Fixtures.properties("wirespeed.gateway.venue_session", "false"))
            .gateway().venueSession());
    }

    @Test
    void shouldRefuseAVenueSessionThatIsNotABoolean()
    {
        final List<ConfigError> errors = Fixtures.errors(
            Fixtures.VALID.replace("[gateway]\n", "[gateway]\nvenue_session = \"off\"\n"));

        assertEquals(1, errors.size(), errors::toString);
        assertEquals("gateway.venue_session", errors.get(0).key());
    }

    @Test
    void shouldCancelOnShutdownByDefaultAndReadItFromAFileOrAnOverride()
    {
        assertTrue(WirespeedConfig.loadDefault().gateway().cancelOnShutdown());
        assertTrue(WirespeedConfig.load(Fixtures.PRODUCTION_SAMPLE).gateway().cancelOnShutdown());
        assertFalse(Fixtures.parse(Fixtures.VALID.replace("[gateway]\n", "[gateway]\ncancel_on_shutdown = false\n"))
            .gateway().cancelOnShutdown());
        assertFalse(Fixtures.parse(Fixtures.VALID,
            Fixtures.properties("wirespeed.gateway.cancel_on_shutdown", "false")).gateway().cancelOnShutdown());
    }

    @Test
    void shouldRefuseACancelOnShutdownThatIsNotABoolean()
    {
        final List<ConfigError> errors = Fixtures.errors(
            Fixtures.VALID.replace("[gateway]\n", "[gateway]\ncancel_on_shutdown = \"yes\"\n"));

        assertEquals(1, errors.size(), errors::toString);
        assertEquals("gateway.cancel_on_shutdown", errors.get(0).key());
    }
}
