package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Properties;

import org.junit.jupiter.api.Test;

final class DefaultConfigTest
{
    @Test
    void shouldLoadDefaultForLaptopDemo()
    {
        final WirespeedConfig config = WirespeedConfig.loadDefault(new Properties());

        assertTrue(config.isConcluded());
        assertEquals("wirespeed-default.toml", config.sourceName());
        assertEquals(ThreadingMode.COMPACT, config.appliance().threadingMode());
        assertEquals(NicBackend.SHM, config.nic().backend());
        assertNotNull(config.nic().shm().path());
        for (final AgentRole role : AgentRole.values())
        {
            final AgentContext agent = config.agent(role);
            assertFalse(agent.isPinned(), role.text());
            assertTrue(agent.idleStrategy() != IdleStrategyType.BUSY_SPIN, role.text());
        }
        assertEquals(IdleStrategyType.BACKOFF, config.agent(AgentRole.FEED).idleStrategy());
        assertEquals(100_000, config.agent(AgentRole.FEED).maxParkNs());
        assertEquals(IdleStrategyType.YIELD, config.agent(AgentRole.STRATEGY).idleStrategy());

        assertEquals(1, config.channels().size());
        final int channelId = config.channels().get(0).id();
        assertTrue(config.instruments().size() >= 2);
        for (final InstrumentContext instrument : config.instruments())
        {
            assertEquals(channelId, instrument.channel());
            assertEquals(-9, instrument.priceExponent());
        }
        assertEquals(new BigDecimal("0.25"), config.instruments().get(0).tickSize());
        assertEquals(250_000_000L, config.instruments().get(0).tickSizeMantissa());

        assertTrue(config.aeron().embeddedDriver());
        assertEquals(DriverThreadingMode.INVOKER, config.aeron().driverThreadingMode());
        assertTrue(config.aeron().dir().getFileName().toString().startsWith("wirespeed-aeron-"));
        assertTrue(config.journal().enabled());
        assertEquals(JournalRollCycle.FAST_HOURLY, config.journal().rollCycle());
        assertEquals(SecretRef.Kind.ENV, config.gateway().secretRef().kind());
        assertEquals(2, config.strategies().size());
        assertEquals(StrategySample.MARKET_MAKER, config.strategies().get(0).sample());
        assertEquals(StrategySample.TICK_RESPONDER, config.strategies().get(1).sample());
        assertEquals(5_000, config.risk().limitsForStrategy("demo-mm").maxOrdersPerSecond());
        assertEquals(RiskContext.LIMITS_DEFAULT.maxOrdersPerSecond(),
            config.risk().limitsForStrategy("demo-t2t").maxOrdersPerSecond());
        assertEquals(5_000, config.risk().limitsForAccount("DEMO").maxOrdersPerSecond());
        assertTrue(config.faults().isEmpty());
    }

    @Test
    void shouldReadDefaultUnconcludedForCodeToAdjust()
    {
        final WirespeedConfig config = WirespeedConfig.readDefault();
        assertFalse(config.isConcluded());

        config.nic().backend(NicBackend.KERNEL);
        config.channels().get(0).bookDepth(3);
        config.conclude();

        assertEquals(NicBackend.KERNEL, config.nic().backend());
        assertEquals(KernelNicContext.INTERFACE_DEFAULT, config.nic().kernel().interfaceName());
        assertEquals(3, config.channel(310).bookDepth());
    }
}
