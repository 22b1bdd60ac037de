package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.sim.venue.VenueCounter;
import io.wirespeed.strategy.StrategyOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.RiskRig.S1;
import static io.wirespeed.deploy.RiskRig.S2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate controls end to end: a strategy's order rate, its message rate (cancels and replaces count) and the venue
 * session's order rate across strategies, each over seeded bursts separated by an emptied one-second window; every
 * request over a limit is refused with its reason, told to its strategy, and never reaches the venue.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class RateLimitSystemTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;

    private RiskRig rig;
    private long venueBefore;

    private void start(final Consumer<WirespeedConfig> adjust)
    {
        rig = new RiskRig(dir, (config) ->
        {
            config.risk().defaults().maxOrderNotional(new BigDecimal("1000000000000"));
            adjust.accept(config);
        });
        venueBefore = rig.venueReceived();
    }

    @AfterEach
    void stop()
    {
        if (null != rig)
        {
            rig.close();
        }
    }

    @Test
    void orderRate()
    {
        final int maxRate = 10;
        start((config) -> config.risk().strategy("s1").maxOrdersPerSecond(maxRate));
        final Random random = new Random(107);
        final Set<Long> good = new LinkedHashSet<>();
        final Set<Long> breaching = new LinkedHashSet<>();
        int sent = 0;
        for (int burst = 0; burst < 4; burst++)
        {
            final int size = 5 + random.nextInt(12);
            for (int i = 0; i < size; i++)
            {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long clOrdId = rig.s1.send(ES, side, rig.passive(side, 10 + random.nextInt(5)), 1);
                (i < maxRate ? good : breaching).add(clOrdId);
                rig.rig.pumpOnce();
            }
            sent += size;
            rig.awaitDecisions(sent);
            rig.skip(SECOND_NS + SECOND_NS / 10);  // the one-second window empties
        }

        assertFalse(breaching.isEmpty());
        rig.assertRefused(rig.s1, breaching, RejectReason.ORDER_RATE);
        rig.assertAccepted(rig.s1, good);
        for (final long clOrdId : breaching)
        {
            assertEquals(maxRate, rig.tap.decision(S1, clOrdId).limitValue());
        }
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }


    @Test
    void messageRateCountsCancelsAndReplaces()
    {
        final int maxMessages = 12;
        start((config) -> config.risk().strategy("s1").maxOrdersPerSecond(maxMessages)
            .maxMessagesPerSecond(maxMessages));
        final long venueCancelsBefore = rig.counter(VenueCounter.CANCELS);
        final long venueReplacesBefore = rig.counter(VenueCounter.REPLACES);
        final Random random = new Random(108);
        final Map<Long, RejectReason> refused = new HashMap<>();
        final Set<Long> good = new LinkedHashSet<>();
        int acceptedCancels = 0;
        int acceptedReplaces = 0;
        for (int burst = 0; burst < 3; burst++)
        {
            int windowMessages = 0;
            int windowOrders = 0;
            final List<StrategyOrder> live = new ArrayList<>();
            final List<Long> burstOrders = new ArrayList<>();
            final int orders = 3 + random.nextInt(4);
            for (int i = 0; i < orders; i++)
            {
                final long clOrdId = rig.s1.buy(rig.passive(Side.BUY, 10 + i), 1);
                windowMessages++;
                windowOrders++;
                good.add(clOrdId);
                burstOrders.add(clOrdId);
                live.add(rig.s1.client.orders().order(clOrdId));
            }
            rig.pumpUntil(() -> rig.s1.acknowledged.containsAll(burstOrders), "orders acknowledged by the venue");
            final int requests = 8 + random.nextInt(8);
            for (int i = 0; i < requests; i++)
            {
                final boolean allowed = windowMessages < maxMessages;
                final long requestId;
                final BooleanSupplier answered;
                if (live.isEmpty())
                {
                    requestId = rig.s1.buy(rig.passive(Side.BUY, 10), 1);
                    final RejectReason reason = windowOrders < maxMessages ?
                        RejectReason.MESSAGE_RATE : RejectReason.ORDER_RATE;
                    if (allowed)
                    {
                        windowOrders++;
                        live.add(rig.s1.client.orders().order(requestId));
                    }
                    else
                    {
                        refused.put(requestId, reason);
                    }
                    answered = () -> rig.s1.acknowledged.contains(requestId) ||
                        rig.s1.rejected.containsKey(requestId);
                }
                else
                {
                    final StrategyOrder order = live.get(random.nextInt(live.size()));
                    final long origClOrdId = order.clOrdId();
                    if (random.nextInt(3) == 0)
                    {
                        requestId = rig.s1.client.orderEntry().cancel(origClOrdId, 0);
                        if (allowed)
                        {
                            live.remove(order);
                            acceptedCancels++;
                        }
                        answered = () -> rig.s1.canceled.contains(origClOrdId) ||
                            rig.s1.rejected.containsKey(requestId);
                    }
                    else
                    {
                        requestId = rig.s1.client.orderEntry().replace(
                            origClOrdId, order.price(), order.orderQty() + 1, 0);
                        acceptedReplaces += allowed ? 1 : 0;
                        answered = () -> (order.clOrdId() == requestId && !order.isPending()) ||
                            rig.s1.rejected.containsKey(requestId);
                    }
                    assertTrue(requestId > 0, "request sent: " + requestId + " on " + order);
                    if (!allowed)
                    {
                        refused.put(requestId, RejectReason.MESSAGE_RATE);
                    }
                }
                if (allowed)
                {
                    windowMessages++;
                    good.add(requestId);
                }
                rig.pumpUntil(answered, "request " + requestId + " answered");
            }
            rig.skip(SECOND_NS + SECOND_NS / 10);
        }

        assertFalse(refused.isEmpty());
        for (final Map.Entry<Long, RejectReason> entry : refused.entrySet())
        {
            rig.assertRefused(rig.s1, Set.of(entry.getKey()), entry.getValue());
        }
        for (final long clOrdId : good)
        {
            final RiskRig.Decision decision = rig.tap.decision(S1, clOrdId);
            assertNotNull(decision, "decision on " + clOrdId);
            assertEquals(RiskResult.ACCEPTED, decision.result(), decision::toString);
        }
        assertTrue(acceptedCancels > 0 && acceptedReplaces > 0);
        assertEquals(acceptedCancels, rig.counter(VenueCounter.CANCELS) - venueCancelsBefore,
            "cancels that reached the venue");
        assertEquals(acceptedReplaces, rig.counter(VenueCounter.REPLACES) - venueReplacesBefore,
            "replaces that reached the venue");
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }


    @Test
    void venueSessionThrottleAcrossStrategies()
    {
        final int venueMax = 8;
        start((config) -> config.gateway().venueMaxOrdersPerSecond(venueMax));
        final Random random = new Random(109);
        final Map<RiskRig.Key, Boolean> expected = new HashMap<>();
        int sent = 0;
        for (int burst = 0; burst < 4; burst++)
        {
            final int size = 4 + random.nextInt(12);
            for (int i = 0; i < size; i++)
            {
                final Trader trader = random.nextBoolean() ? rig.s1 : rig.s2;
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long clOrdId = trader.send(ES, side, rig.passive(side, 10 + random.nextInt(5)), 1);
                expected.put(new RiskRig.Key(trader == rig.s1 ? S1 : S2, clOrdId), i < venueMax);
                rig.rig.pumpOnce();
            }
            sent += size;
            rig.awaitDecisions(sent);
            rig.skip(SECOND_NS + SECOND_NS / 10);
        }

        int refused = 0;
        for (final Map.Entry<RiskRig.Key, Boolean> entry : expected.entrySet())
        {
            final RiskRig.Key key = entry.getKey();
            final Trader trader = S1 == key.strategyId() ? rig.s1 : rig.s2;
            if (entry.getValue())
            {
                rig.assertAccepted(trader, Set.of(key.clOrdId()));
            }
            else
            {
                refused++;
                rig.assertRefused(trader, Set.of(key.clOrdId()), RejectReason.VENUE_MESSAGE_RATE);
                assertEquals(venueMax, rig.tap.decision(key.strategyId(), key.clOrdId()).limitValue());
            }
        }
        assertTrue(refused > 0);
        assertTrue(rig.s1.rejected.containsValue(RejectReason.VENUE_MESSAGE_RATE) &&
            rig.s2.rejected.containsValue(RejectReason.VENUE_MESSAGE_RATE), "both strategies throttled");
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }
}
