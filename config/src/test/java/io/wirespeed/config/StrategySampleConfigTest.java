package io.wirespeed.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The sample-strategy keys of {@code [[strategy]]}: defaults, file values and their validation.
 */
final class StrategySampleConfigTest
{
    private static final String STRATEGY = """
        [[strategy]]
        id = 1
        name = "s1"
        account = "A1"
        """;

    @Test
    void shouldDefaultSampleKeys()
    {
        final StrategyContext strategy = new StrategyContext().id(1).name("s1").account("A1").conclude();

        assertEquals(StrategySample.NONE, strategy.sample());
        assertEquals(StrategyContext.ORDER_QTY_DEFAULT, strategy.orderQty());
        assertEquals(StrategyContext.QUOTE_WIDTH_TICKS_DEFAULT, strategy.quoteWidthTicks());
        assertEquals(StrategyContext.TRIGGER_EVERY_N_DEFAULT, strategy.triggerEveryN());
    }

    @Test
    void shouldReadSampleKeysFromFile()
    {
        final WirespeedConfig config = Fixtures.parse(Fixtures.GATEWAY + STRATEGY + """
            sample = "tick-responder"
            order_qty = 3
            quote_width_ticks = 4
            trigger_every_n = 5
            """ + Fixtures.CHANNEL);

        final StrategyContext strategy = config.strategies().get(0);
        assertEquals(StrategySample.TICK_RESPONDER, strategy.sample());
        assertEquals(3, strategy.orderQty());
        assertEquals(4, strategy.quoteWidthTicks());
        assertEquals(5, strategy.triggerEveryN());
        assertEquals(StrategySample.MARKET_MAKER,
            Fixtures.parse(Fixtures.GATEWAY + STRATEGY + Fixtures.CHANNEL,
                Fixtures.properties("wirespeed.strategy.0.sample", "market-maker")).strategies().get(0).sample());
    }

    @Test
    void shouldRejectInvalidSampleKeys()
    {
        final List<ConfigError> errors = Fixtures.errors(Fixtures.GATEWAY + STRATEGY + """
            sample = "market_maker"
            order_qty = 0
            quote_width_ticks = 0
            trigger_every_n = -1
            """ + Fixtures.CHANNEL);

        assertEquals(List.of(
            "bad.toml:10:1: strategy.0.sample = \"market_maker\": invalid value, expected one of " +
                "\"none\", \"tick-responder\", \"market-maker\" (did you mean \"market-maker\"?)",
            "bad.toml:11:1: strategy.0.order_qty = 0: out of range (1..1000000)",
            "bad.toml:12:1: strategy.0.quote_width_ticks = 0: out of range (1..10000)",
            "bad.toml:13:1: strategy.0.trigger_every_n = -1: out of range (0..1000000)"),
            errors.stream().map(ConfigError::format).toList());
    }
}
