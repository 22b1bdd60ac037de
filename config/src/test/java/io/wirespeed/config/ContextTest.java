package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contexts built in code, as other modules' tests build them.
 */
final class ContextTest
{
    @Test
    void shouldConcludeValidChannelBuiltInCode()
    {
        final ChannelContext channel = new ChannelContext()
            .id(310)
            .incrementalA(Endpoint.parse("239.1.1.1:14310"))
            .snapshot(new Endpoint("239.1.3.1", 14310))
            .bookDepth(5)
            .conclude();

        assertTrue(channel.isConcluded());
        assertEquals(5, channel.bookDepth());
        assertEquals(ChannelContext.GAP_TIMEOUT_MS_DEFAULT, channel.gapTimeoutMs());
        assertEquals(new Endpoint("239.1.1.1", 14310), channel.endpoint(FeedName.A));
        assertEquals(null, channel.endpoint(FeedName.B));
    }

    @Test
    void shouldReportEveryInvalidValueOfContextBuiltInCode()
    {
        final ChannelContext channel = new ChannelContext().bookDepth(0);

        final ConfigException ex = assertThrows(ConfigException.class, channel::conclude);

        assertEquals(
            List.of(
                new ConfigError("channel.id", null, "missing required key", ConfigLocation.NONE),
                new ConfigError("channel.incremental_a", null, "missing required key", ConfigLocation.NONE),
                new ConfigError("channel.snapshot", null, "missing required key", ConfigLocation.NONE),
                new ConfigError("channel.book_depth", "0", "out of range (1..100)", ConfigLocation.NONE)),
            ex.errors());
        assertEquals("channel.book_depth = 0: out of range (1..100)", ex.errors().get(3).format());
    }

    @Test
    void shouldConcludeOnlyOnce()
    {
        final AgentContext agent = new AgentContext(AgentRole.FEED).core(2).idleStrategy(IdleStrategyType.BUSY_SPIN);
        agent.conclude();

        final IllegalStateException ex = assertThrows(IllegalStateException.class, agent::conclude);
        assertEquals("AgentContext is already concluded", ex.getMessage());
    }

    @Test
    void shouldConcludeOnlyOnceEvenAfterFailing()
    {
        final JournalContext journal = new JournalContext().retentionCycles(-1);
        assertThrows(ConfigException.class, journal::conclude);

        assertTrue(journal.isConcluded());
        assertThrows(IllegalStateException.class, journal::conclude);
    }

    @Test
    void shouldRejectIdleParameterOfAnotherStrategy()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> new AgentContext(AgentRole.GATEWAY).idleStrategy(IdleStrategyType.YIELD).maxParkNs(10).conclude());

        assertEquals(
            List.of(new ConfigError("agents.gateway.max_park_ns", "10", "applies only to idle_strategy = \"backoff\"",
                ConfigLocation.NONE)),
            ex.errors());
    }

    @Test
    void shouldFillPerUserDefaults()
    {
        final String user = Defaults.user();

        assertEquals(Path.of("wirespeed-aeron-" + user), new AeronContext().conclude().dir().getFileName());
        assertEquals(Path.of("wirespeed-nic-" + user), new ShmNicContext().conclude().path().getFileName());
        assertEquals(Path.of("wirespeed-journal-" + user), new JournalContext().conclude().dir().getFileName());
    }

    @Test
    void shouldConcludeWholeConfigurationBuiltInCode()
    {
        final WirespeedConfig config = gatewayReady(new WirespeedConfig())
            .addChannel(new ChannelContext()
                .id(1)
                .incrementalA(Endpoint.parse("239.1.1.1:1"))
                .snapshot(Endpoint.parse("239.1.1.2:1")))
            .addInstrument(new InstrumentContext().symbol("X").securityId(9).channel(1).tickSize(new BigDecimal("0.5")))
            .addStrategy(new StrategyContext().id(1).name("s1").account("A1"))
            .addFault(new FaultContext(1, FeedName.A).enabled(true).lossRate(0.5).seed(3));
        config.risk().strategy("s1").maxPosition(5).maxOrderQty(5);
        config.conclude();

        assertEquals(5, config.risk().limitsForStrategy("s1").maxPosition());
        assertEquals(RiskContext.MAX_POSITION_DEFAULT, config.risk().limitsForStrategy("other").maxPosition());
        assertEquals(0.5, config.fault(1, FeedName.A).lossRate());
        assertEquals(500_000_000L, config.instruments().get(0).tickSizeMantissa());
    }

    @Test
    void shouldReportCrossSectionErrorsOfConfigurationBuiltInCode()
    {
        final WirespeedConfig config = gatewayReady(new WirespeedConfig())
            .addInstrument(new InstrumentContext().symbol("X").securityId(9).channel(7).tickSize(BigDecimal.ONE))
            .addStrategy(new StrategyContext().id(1).name("s1").account("A1").instruments(List.of("Y")))
            .addFault(new FaultContext(7, FeedName.B));

        final ConfigException ex = assertThrows(ConfigException.class, config::conclude);

        assertEquals(
            List.of(
                new ConfigError("channel", null,
                    "missing: at least one [[channel]] is needed (the feed handler and the venue read it)",
                    ConfigLocation.NONE),
                new ConfigError("instrument.0.channel", "7", "dangling reference (no [[channel]] has id 7)",
                    ConfigLocation.NONE),
                new ConfigError("fault.7.b", null, "dangling reference (no [[channel]] has id 7)", ConfigLocation.NONE),
                new ConfigError("strategy.0.instruments", "[\"Y\"]",
                    "dangling reference (no [[instrument]] has symbol \"Y\")", ConfigLocation.NONE)),
            ex.errors());
    }

    @Test
    void shouldParseAndValidateValueTypes()
    {
        assertEquals("group \"239.1.1\" is not an IPv4 address",
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("239.1.1:5")).getMessage());
        assertEquals("invalid endpoint, expected \"group:port\"",
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("239.1.1.1")).getMessage());
        assertEquals("port \"x\" is not a number",
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("239.1.1.1:x")).getMessage());
        assertEquals("239.255.0.1:65535", Endpoint.parse("239.255.0.1:65535").toString());
        assertEquals(14310, Endpoint.parse("239.1.1.1:14310").toSocketAddress().getPort());

        assertEquals(new SecretRef(SecretRef.Kind.ENV, "VENUE_SECRET"), SecretRef.parse("env:VENUE_SECRET"));
        assertEquals("secret file path must be absolute",
            assertThrows(IllegalArgumentException.class, () -> SecretRef.parse("file:venue.secret")).getMessage());
        assertEquals("invalid environment variable name in secret reference",
            assertThrows(IllegalArgumentException.class, () -> SecretRef.parse("env:1X")).getMessage());
    }

    @Test
    void shouldResolveSecrets(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("venue.secret");
        Files.writeString(file, "s3cr3t\n");

        assertEquals("s3cr3t", SecretRef.parse("file:" + file).resolve());
        assertEquals("value", SecretRef.parse("env:VENUE_SECRET").resolve(Map.of("VENUE_SECRET", "value")::get));
        assertEquals("environment variable VENUE_SECRET is not set",
            assertThrows(IllegalStateException.class,
                () -> SecretRef.parse("env:VENUE_SECRET").resolve(Map.<String, String>of()::get)).getMessage());
    }

    @Test
    void shouldSuggestCloseNamesOnly()
    {
        assertEquals("book_depth", DidYouMean.suggest("book_dept", List.of("book_depth", "id")));
        assertEquals("nic", DidYouMean.suggest("nci", WirespeedConfig.SECTIONS));
        assertEquals("gap_timeout_ms", DidYouMean.suggest("gap_timeout", List.of("gap_timeout_ms")));
        assertEquals(null, DidYouMean.suggest("root", WirespeedConfig.SECTIONS));
        assertFalse(JournalRollCycle.FAST_HOURLY.isLegacy());
        assertTrue(JournalRollCycle.HOURLY.isLegacy());
    }

    private static WirespeedConfig gatewayReady(final WirespeedConfig config)
    {
        config.gateway().sessionId("ABC").firmId("F1").accessKeyId("k").secretRef(SecretRef.parse("env:X"));
        return config;
    }
}
