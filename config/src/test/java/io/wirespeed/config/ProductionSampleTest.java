package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

final class ProductionSampleTest
{
    @Test
    void shouldLoadProductionSampleClean()
    {
        final WirespeedConfig config = WirespeedConfig.load(Fixtures.PRODUCTION_SAMPLE);

        assertEquals("ws-prod-ny4", config.appliance().name());
        assertEquals(ThreadingMode.DEDICATED, config.appliance().threadingMode());
        for (final AgentRole role : List.of(AgentRole.FEED, AgentRole.GATEWAY, AgentRole.STRATEGY))
        {
            assertTrue(config.agent(role).isPinned(), role.text());
            assertEquals(IdleStrategyType.BUSY_SPIN, config.agent(role).idleStrategy(), role.text());
        }
        assertEquals(2, config.agent(AgentRole.FEED).core());
        assertEquals(100_000, config.agent(AgentRole.JOURNAL).maxParkNs());

        final AfXdpNicContext afXdp = config.nic().afXdp();
        assertEquals(NicBackend.AF_XDP, config.nic().backend());
        assertEquals("ens1f0", afXdp.interfaceName());
        assertEquals(XdpMode.NATIVE, afXdp.xdpMode());
        assertEquals(XdpBindMode.ZERO_COPY, afXdp.bind());
        assertEquals(32L * 1024 * 1024, afXdp.umemSizeBytes());
        assertTrue(afXdp.hugePages());

        assertEquals(2, config.channels().size());
        final ChannelContext channel = config.channel(320);
        assertEquals(new Endpoint("224.0.31.2", 14311), channel.incrementalA());
        assertEquals(5, channel.bookDepth());
        assertEquals(4, config.instruments().size());
        assertEquals(new BigDecimal("0.015625"), config.instruments().get(2).tickSize());

        final FaultContext fault = config.fault(310, FeedName.A);
        assertNotNull(fault);
        assertFalse(fault.enabled());
        assertArrayEquals(new long[]{ 1000, 1001, 5000 }, fault.lossPositions());
        assertNull(config.fault(310, FeedName.B));

        assertTrue(config.journal().enabled());
        assertEquals(Path.of("/var/lib/wirespeed/journal"), config.journal().dir());
        assertFalse(config.aeron().embeddedDriver());
        assertEquals(SecretRef.Kind.FILE, config.gateway().secretRef().kind());

        final RiskLimits esMm = config.risk().limitsForStrategy("es-mm");
        assertEquals(50, esMm.maxOrderQty());
        assertEquals(200, esMm.maxPosition());
        assertEquals(8, esMm.priceCollarTicks());
        final RiskLimits ratesArb = config.risk().limitsForStrategy("rates-arb");
        assertEquals(RiskLimits.NONE, ratesArb.priceCollarTicks());
        assertEquals(5, ratesArb.priceCollarBps());
        assertEquals(300, config.risk().limitsForAccount("ACC1").maxPosition());
        assertEquals(100, config.risk().limitsForAccount("ACC2").maxPosition());
    }
}
