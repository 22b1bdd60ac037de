package io.wirespeed.config;

import static io.wirespeed.config.Fixtures.VALID;
import static io.wirespeed.config.Fixtures.errors;
import static io.wirespeed.config.Fixtures.properties;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class OverridesTest
{
    private static final String BOOK_DEPTH_PROPERTY = "wirespeed.channel.0.book_depth";

    @AfterEach
    void clearSystemProperties()
    {
        System.clearProperty(BOOK_DEPTH_PROPERTY);
    }

    @Test
    void shouldApplyTypedOverridesToAnyKey()
    {
        final WirespeedConfig config = Fixtures.parse(VALID, properties(
            "wirespeed.nic.backend", "kernel",
            "wirespeed.nic.kernel.interface", "10.0.0.5",
            BOOK_DEPTH_PROPERTY, "5",
            "wirespeed.agents.feed.core", "1",
            "wirespeed.agents.feed.idle_strategy", "busy-spin",
            "wirespeed.appliance.name", "123",
            "wirespeed.journal.roll_cycle", "\"FAST_DAILY\"",
            "wirespeed.fault.310.a.enabled", "true",
            "wirespeed.fault.310.a.loss_rate", "0.01",
            "wirespeed.fault.310.a.loss_positions", "[7, 3]",
            "wirespeed.root", "/belongs/to/the/build",
            "unrelated.property", "x"));

        assertEquals(NicBackend.KERNEL, config.nic().backend());
        assertEquals("10.0.0.5", config.nic().kernel().interfaceName());
        assertEquals(5, config.channel(310).bookDepth());
        assertEquals(1, config.agent(AgentRole.FEED).core());
        assertEquals(IdleStrategyType.BUSY_SPIN, config.agent(AgentRole.FEED).idleStrategy());
        assertEquals("123", config.appliance().name());
        assertEquals(JournalRollCycle.FAST_DAILY, config.journal().rollCycle());

        final FaultContext fault = config.fault(310, FeedName.A);
        assertTrue(fault.enabled());
        assertEquals(0.01, fault.lossRate());
        assertArrayEquals(new long[]{ 3, 7 }, fault.lossPositions());
    }

    @Test
    void shouldNameThePropertyOfAnInvalidOverride()
    {
        final List<ConfigError> errors = errors(VALID, properties(BOOK_DEPTH_PROPERTY, "deep"));

        assertEquals(
            List.of(new ConfigError("channel.0.book_depth", "\"deep\"", "wrong type (expected integer, found string)",
                ConfigLocation.property(BOOK_DEPTH_PROPERTY))),
            errors);
        assertEquals(
            "-Dwirespeed.channel.0.book_depth: channel.0.book_depth = \"deep\": wrong type (expected integer, " +
            "found string)",
            errors.get(0).format());
    }

    @Test
    void shouldCheckOverriddenValuesLikeFileValues()
    {
        final List<ConfigError> errors = errors(VALID, properties(BOOK_DEPTH_PROPERTY, "500"));

        assertEquals(
            List.of(new ConfigError("channel.0.book_depth", "500", "out of range (1..100)",
                ConfigLocation.property(BOOK_DEPTH_PROPERTY))),
            errors);
    }

    @Test
    void shouldRejectOverridesOfKeysThatDoNotExist()
    {
        final List<ConfigError> errors = errors(VALID, properties(
            "wirespeed.nic.backnd", "kernel",
            "wirespeed.nci.backend", "kernel",
            "wirespeed.channel.3.book_depth", "5",
            "wirespeed.nic.shm", "big"));

        assertEquals(
            List.of(
                new ConfigError("nci", null, "unknown table (did you mean \"nic\"?)",
                    ConfigLocation.property("wirespeed.nci.backend")),
                new ConfigError("channel.3.book_depth", "5",
                    "no [[channel]] table at index 3 (the file defines 1, indexed from 0)",
                    ConfigLocation.property("wirespeed.channel.3.book_depth")),
                new ConfigError("nic.backnd", "\"kernel\"", "unknown key (did you mean \"backend\"?)",
                    ConfigLocation.property("wirespeed.nic.backnd")),
                new ConfigError("nic.shm", "\"big\"", "cannot override a table, only the keys in it",
                    ConfigLocation.property("wirespeed.nic.shm"))),
            errors);
    }

    @Test
    void shouldRefuseUnknownPropertiesFarFromAnySectionAndLeaveTheBuildsAlone()
    {
        final List<ConfigError> errors = errors(VALID, properties(
            "wirespeed.venue_host", "10.0.0.1",
            "wirespeed.root", "/belongs/to/the/build",
            "wirespeed.excludedGroups", "privileged",
            "wirespeed.dist.dir", "/tmp/dist"));

        assertEquals(
            List.of(new ConfigError("venue_host", null, "unknown table (the configuration's tables are " +
                String.join(", ", WirespeedConfig.SECTIONS) + ")", ConfigLocation.property("wirespeed.venue_host"))),
            errors);
    }

    @Test
    void shouldApplySystemPropertyOverrides()
    {
        System.setProperty(BOOK_DEPTH_PROPERTY, "7");

        assertEquals(7, WirespeedConfig.loadDefault().channels().get(0).bookDepth());
        assertEquals(7, WirespeedConfig.load(Fixtures.PRODUCTION_SAMPLE).channels().get(0).bookDepth());
    }

    @Test
    void shouldRejectInvalidSystemPropertyOverride()
    {
        System.setProperty(BOOK_DEPTH_PROPERTY, "0");

        final ConfigException ex = assertThrows(ConfigException.class, WirespeedConfig::loadDefault);

        assertEquals(
            List.of(new ConfigError("channel.0.book_depth", "0", "out of range (1..100)",
                ConfigLocation.property(BOOK_DEPTH_PROPERTY))),
            ex.errors());
    }
}
