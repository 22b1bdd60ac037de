package io.wirespeed.deploy;

import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.sample.MarketMaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample market maker against a busy simulated market through the whole appliance.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class SampleStrategiesSystemTest
{
    @TempDir
    Path dir;

    /**
     * The quotes trade, move with the market, and the only refusals are replaces racing a fill: the fill's trade
     * reaches the strategy on the market-data stream before its execution report does, so the strategy may replace
     * a quote the gateway already knows is filled (refused as TOO_LATE_TO_CANCEL, at most one per fill).
     */
    @Test
    void marketMakerQuotesAndRequotesAndOnlyRacesItsOwnFills()
    {
        try (OrderPathRig rig = new OrderPathRig(dir, (config) -> config.sim().messageRatePerSecond(5_000)))
        {
            final StrategyClient mm = rig.strategy("s1", (c) -> new MarketMaker(c, ES, 2, 1, 50));
            rig.awaitReady();
            rig.pumpFor(TimeUnit.SECONDS.toNanos(2));
            final GatewayAgentCounters counters = new GatewayAgentCounters(rig);
            assertTrue(counters.get(GatewayCounter.REPLACES_SENT) > 10, counters::toString);
            assertTrue(counters.get(GatewayCounter.FILLS) > 10, counters::toString);
            assertTrue(counters.get(GatewayCounter.REJECTED_UNKNOWN_ORDER) <= counters.get(GatewayCounter.FILLS),
                counters::toString);
            for (final GatewayCounter refusal : new GatewayCounter[]{ GatewayCounter.REJECTED_VALIDATION,
                GatewayCounter.REJECTED_DUPLICATE, GatewayCounter.REJECTED_RISK, GatewayCounter.REJECTED_RATE,
                GatewayCounter.REJECTED_KILL_SWITCH, GatewayCounter.REJECTED_SESSION, GatewayCounter.VENUE_REJECTS,
                GatewayCounter.UNKNOWN_VENUE_ORDERS })
            {
                assertEquals(0, counters.get(refusal), refusal + ": " + counters);
            }
            assertTrue(Math.abs(mm.orders().position(ES)) <= 50);
        }
    }

    /**
     * The gateway's counters, printable.
     */
    static final class GatewayAgentCounters
    {
        private final OrderPathRig rig;

        GatewayAgentCounters(final OrderPathRig rig)
        {
            this.rig = rig;
        }

        long get(final GatewayCounter counter)
        {
            return rig.appliance.gateway.counters().get(counter);
        }

        public String toString()
        {
            final StringBuilder text = new StringBuilder();
            for (final GatewayCounter counter : GatewayCounter.values())
            {
                final long value = get(counter);
                if (0 != value)
                {
                    text.append(counter).append('=').append(value).append(' ');
                }
            }
            return text.toString();
        }
    }
}
