package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.SetLimitEncoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.GatewayCounter;
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
import java.util.function.Consumer;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.OrderPathRig.TICK;
import static io.wirespeed.deploy.RiskRig.S1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pre-trade risk control end to end: a seeded mix of good and breaching orders from scripted strategies through
 * the real gateway to the simulator; every breaching order is refused with its reason, told to its strategy, and
 * never reaches the venue, while the good ones do.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class RiskControlSystemTest
{
    private static final int UNCONFIGURED_STRATEGY = 99;

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
    void priceCollarInTicks()
    {
        final long collarTicks = 8;
        start((config) -> config.risk().strategy("s1").priceCollarTicks(collarTicks));
        final Random random = new Random(101);
        final Set<Long> good = new LinkedHashSet<>();
        final Set<Long> breaching = new LinkedHashSet<>();
        while (good.size() + breaching.size() < 40)
        {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long mid = rig.mid();
            final long price = awayFromMid(mid, side, random.nextInt((int)collarTicks * 3) * TICK);
            final long distance = Math.abs(price - mid);
            final long ticks = (distance + TICK - 1) / TICK;
            if (ticks > collarTicks - 2 && ticks < collarTicks + 2)
            {
                continue;  // a tick of market drift must not change the expected outcome
            }
            final long clOrdId = rig.s1.send(ES, side, price, 1 + random.nextInt(3));
            (ticks > collarTicks ? breaching : good).add(clOrdId);
            rig.rig.pumpOnce();
        }
        rig.awaitDecisions(40);

        rig.assertRefused(rig.s1, breaching, RejectReason.PRICE_COLLAR);
        rig.assertAccepted(rig.s1, good);
        for (final long clOrdId : breaching)
        {
            final RiskRig.Decision decision = rig.tap.decision(S1, clOrdId);
            assertEquals(collarTicks, decision.limitValue());
            assertTrue(decision.observedValue() > collarTicks, decision::toString);
        }
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    @Test
    void priceCollarInBasisPoints()
    {
        final long collarBps = 25;
        start((config) ->
        {
            config.risk().strategy("s1").priceCollarBps(collarBps);
            config.risk().account("ACC").priceCollarBps(10_000);
        });
        final Random random = new Random(102);
        final Set<Long> good = new LinkedHashSet<>();
        final Set<Long> breaching = new LinkedHashSet<>();
        final long mid0 = rig.mid();
        final long collarTicks = mid0 * collarBps / 10_000 / TICK;
        assertTrue(collarTicks >= 4, "collar of " + collarBps + " bps at " + mid0 + " is " + collarTicks + " ticks");
        while (good.size() + breaching.size() < 40)
        {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long mid = rig.mid();
            final long price = awayFromMid(mid, side, random.nextInt((int)collarTicks * 3) * TICK);
            final double bps = Math.abs(price - mid) * 10_000.0 / mid;
            final double marginBps = 2.0 * TICK * 10_000.0 / mid;
            if (Math.abs(bps - collarBps) < marginBps)
            {
                continue;
            }
            final long clOrdId = rig.s1.send(ES, side, price, 1 + random.nextInt(3));
            (bps > collarBps ? breaching : good).add(clOrdId);
            rig.rig.pumpOnce();
        }
        rig.awaitDecisions(40);

        rig.assertRefused(rig.s1, breaching, RejectReason.PRICE_COLLAR);
        rig.assertAccepted(rig.s1, good);
        for (final long clOrdId : breaching)
        {
            assertEquals(collarBps, rig.tap.decision(S1, clOrdId).limitValue());
        }
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    @Test
    void maxOrderQty()
    {
        start((config) -> config.risk().strategy("s1").maxOrderQty(5));
        final Random random = new Random(103);
        final Set<Long> good = new LinkedHashSet<>();
        final Set<Long> breaching = new LinkedHashSet<>();
        for (int i = 0; i < 40; i++)
        {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long qty = 1 + random.nextInt(10);
            final long clOrdId = rig.s1.send(ES, side, rig.passive(side, 5 + random.nextInt(5)), qty);
            (qty > 5 ? breaching : good).add(clOrdId);
            rig.rig.pumpOnce();
        }
        rig.awaitDecisions(40);

        rig.assertRefused(rig.s1, breaching, RejectReason.MAX_ORDER_QTY);
        rig.assertAccepted(rig.s1, good);
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    @Test
    void maxOrderNotional()
    {
        final long maxNotional = 1_000_000;
        start((config) -> config.risk().strategy("s1").maxOrderNotional(BigDecimal.valueOf(maxNotional)));
        final long multiplier = rig.rig.config.instruments().get(0).contractMultiplier().longValue();
        final Random random = new Random(104);
        final Set<Long> good = new LinkedHashSet<>();
        final Set<Long> breaching = new LinkedHashSet<>();
        final long lotNotional = rig.mid() / 1_000_000_000L * multiplier;
        final int maxQty = (int)Math.max(2, 2 * maxNotional / lotNotional);
        for (int i = 0; i < 40; i++)
        {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long qty = 1 + random.nextInt(maxQty);
            final long price = rig.passive(side, 5 + random.nextInt(5));
            final BigDecimal notional = BigDecimal.valueOf(price).movePointLeft(9)
                .multiply(BigDecimal.valueOf(qty * multiplier));
            final long clOrdId = rig.s1.send(ES, side, price, qty);
            (notional.compareTo(BigDecimal.valueOf(maxNotional)) > 0 ? breaching : good).add(clOrdId);
            rig.rig.pumpOnce();
        }
        rig.awaitDecisions(40);

        assertFalse(good.isEmpty() || breaching.isEmpty(), "a mix: " + good.size() + " good");
        rig.assertRefused(rig.s1, breaching, RejectReason.MAX_ORDER_NOTIONAL);
        rig.assertAccepted(rig.s1, good);
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    @Test
    void positionLimitCountsOpenOrdersAtWorstCase()
    {
        final long maxPosition = 20;
        start((config) -> config.risk().strategy("s1").maxOrderQty(8).maxPosition(maxPosition));
        final Random random = new Random(105);
        final Set<Long> good = new LinkedHashSet<>();
        final Set<Long> breaching = new LinkedHashSet<>();
        long openBuy = 0;
        long openSell = 0;
        for (int i = 0; i < 40; i++)
        {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long qty = 1 + random.nextInt(8);
            final long clOrdId = rig.s1.send(ES, side, rig.passive(side, 10 + random.nextInt(5)), qty);
            final long worst = (Side.BUY == side ? openBuy : openSell) + qty;
            if (worst > maxPosition)
            {
                breaching.add(clOrdId);
            }
            else
            {
                good.add(clOrdId);
                openBuy += Side.BUY == side ? qty : 0;
                openSell += Side.SELL == side ? qty : 0;
            }
            rig.rig.pumpOnce();
        }
        rig.awaitDecisions(40);

        assertFalse(breaching.isEmpty());
        rig.assertRefused(rig.s1, breaching, RejectReason.POSITION_LIMIT);
        rig.assertAccepted(rig.s1, good);
        assertEquals(openBuy, rig.rig.appliance.gateway.logic().state().openQty(S1, ES, Side.BUY));
        assertEquals(openSell, rig.rig.appliance.gateway.logic().state().openQty(S1, ES, Side.SELL));
        assertEquals(0, rig.rig.appliance.gateway.logic().state().position(S1, ES), "resting orders only");
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    @Test
    void maxOpenOrders()
    {
        final int maxOpen = 6;
        start((config) -> config.risk().strategy("s1").maxOpenOrders(maxOpen));
        final Random random = new Random(106);
        final Set<Long> good = new LinkedHashSet<>();
        final Set<Long> breaching = new LinkedHashSet<>();
        final List<Long> open = new ArrayList<>();
        int decisions = 0;
        for (int round = 0; round < 6; round++)
        {
            final int burst = 1 + random.nextInt(6);
            for (int i = 0; i < burst; i++)
            {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long clOrdId = rig.s1.send(ES, side, rig.passive(side, 10 + random.nextInt(5)), 1);
                if (open.size() < maxOpen)
                {
                    open.add(clOrdId);
                    good.add(clOrdId);
                }
                else
                {
                    breaching.add(clOrdId);
                }
                rig.rig.pumpOnce();
            }
            decisions += burst;
            rig.awaitDecisions(decisions);
            final int toCancel = random.nextInt(open.size() + 1);
            final List<Long> canceling = new ArrayList<>();
            for (int i = 0; i < toCancel; i++)
            {
                final long clOrdId = open.remove(random.nextInt(open.size()));
                canceling.add(clOrdId);
                final long cancelId = rig.s1.client.orderEntry().cancel(clOrdId, 0);
                assertTrue(cancelId > 0, "cancel sent: " + cancelId);
                decisions++;
            }
            rig.pumpUntil(() -> rig.s1.canceled.containsAll(canceling), "cancels confirmed");
            assertEquals(open.size(), rig.rig.appliance.gateway.logic().state().openOrders(S1));
        }

        assertFalse(breaching.isEmpty());
        rig.assertRefused(rig.s1, breaching, RejectReason.MAX_OPEN_ORDERS);
        rig.assertAccepted(rig.s1, good);
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    @Test
    void duplicateClientOrderId()
    {
        start((config) -> {});
        final Random random = new Random(110);
        final List<Long> live = new ArrayList<>();
        final List<RejectReason> expected = new ArrayList<>();
        long nextId = 1;
        for (int i = 0; i < 30; i++)
        {
            final boolean duplicate = !live.isEmpty() && random.nextInt(3) == 0;
            final long clOrdId = duplicate ? live.get(random.nextInt(live.size())) : nextId++;
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            rig.rawNewOrder(S1, clOrdId, ES, side, rig.passive(side, 10 + random.nextInt(5)), 1);
            if (!duplicate)
            {
                live.add(clOrdId);
            }
            expected.add(duplicate ? RejectReason.DUPLICATE_CLORDID : RejectReason.NONE);
            rig.rig.pumpOnce();
        }
        rig.awaitDecisions(30);

        final List<RejectReason> actual = new ArrayList<>();
        for (final RiskRig.Decision decision : rig.tap.decisions)
        {
            assertEquals(S1, decision.strategyId());
            actual.add(decision.reason());
            assertEquals(RejectReason.NONE == decision.reason() ? RiskResult.ACCEPTED : RiskResult.REJECTED,
                decision.result());
        }
        assertEquals(expected, actual, "decisions in order of the requests");
        assertTrue(expected.contains(RejectReason.DUPLICATE_CLORDID));
        assertEquals(live.size(), rig.tap.sent.size(), "only the first of each id sent");
        assertEquals(expected.stream().filter((r) -> RejectReason.DUPLICATE_CLORDID == r).count(),
            rig.counter(GatewayCounter.REJECTED_DUPLICATE));
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
        assertEquals(live.size(), rig.rig.appliance.gateway.logic().state().openOrders(S1));
    }

    @Test
    void anotherPublicationCannotActForAStrategy()
    {
        start((config) -> {});
        final long live = rig.s1.buy(rig.passive(Side.BUY, 10), 1);
        rig.pumpUntil(() -> rig.s1.acknowledged.contains(live), "order resting");
        final long venueAfterFirst = rig.venueReceived();

        // a second publication claims s1's id and reuses its live ClOrdID
        rig.rawNewOrder(S1, live, ES, Side.BUY, rig.passive(Side.BUY, 11), 2);
        rig.awaitDecisions(2);
        final RiskRig.Decision refused = rig.tap.decisions.get(1);
        assertEquals(RejectReason.UNKNOWN_STRATEGY, refused.reason());
        assertEquals(0, refused.strategyId(), "refused as unidentified, so s1's own order table is not touched");
        assertEquals(1, rig.counter(GatewayCounter.IMPERSONATIONS));
        rig.pumpFor(OrderPathRig.STEP_NS * 100);
        assertEquals(venueAfterFirst, rig.venueReceived(), "nothing from the impostor reached the venue");
        assertEquals(1, rig.venueOpen(), "s1's order still rests at the venue");
        assertEquals(1, rig.rig.appliance.gateway.logic().state().openOrders(S1), "and in the gateway");
        assertTrue(!rig.s1.rejected.containsKey(live), "and s1 still sees it live");
    }

    @Test
    void validationRejects()
    {
        start((config) -> {});
        final Random random = new Random(111);
        final Map<RiskRig.Key, RejectReason> expected = new HashMap<>();
        long rawId = 1;
        for (int i = 0; i < 40; i++)
        {
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long price = rig.passive(side, 10 + random.nextInt(5));
            final int kind = random.nextInt(5);
            switch (kind)
            {
                case 0:
                    expected.put(new RiskRig.Key(S1, rig.s1.send(4242, side, price, 1)),
                        RejectReason.UNKNOWN_INSTRUMENT);
                    break;
                case 1:
                    expected.put(new RiskRig.Key(S1, rig.s1.send(ES, side, price + TICK / 5, 1)),
                        RejectReason.PRICE_NOT_ON_TICK);
                    break;
                case 2:
                    expected.put(new RiskRig.Key(S1, rig.s1.send(ES, side, price, 0)),
                        RejectReason.INVALID_QUANTITY);
                    break;
                case 3:
                    rig.rawNewOrder(UNCONFIGURED_STRATEGY, rawId, ES, side, price, 1);
                    expected.put(new RiskRig.Key(UNCONFIGURED_STRATEGY, rawId++), RejectReason.UNKNOWN_STRATEGY);
                    break;
                default:
                    expected.put(new RiskRig.Key(S1, rig.s1.send(ES, side, price, 1 + random.nextInt(3))),
                        RejectReason.NONE);
                    break;
            }
            rig.rig.pumpOnce();
        }
        rig.awaitDecisions(40);

        for (final Map.Entry<RiskRig.Key, RejectReason> entry : expected.entrySet())
        {
            final RiskRig.Key key = entry.getKey();
            final RiskRig.Decision decision = rig.tap.decision(key.strategyId(), key.clOrdId());
            assertNotNull(decision, "decision on " + key);
            assertEquals(entry.getValue(), decision.reason(), decision::toString);
            if (S1 == key.strategyId())
            {
                if (RejectReason.NONE == entry.getValue())
                {
                    rig.assertAccepted(rig.s1, Set.of(key.clOrdId()));
                }
                else
                {
                    rig.assertRefused(rig.s1, Set.of(key.clOrdId()), entry.getValue());
                }
            }
        }
        assertTrue(expected.containsValue(RejectReason.UNKNOWN_STRATEGY));
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    @Test
    void limitsChangeAtRunTimeOverTheControlStream()
    {
        start((config) -> {});
        final long before = rig.s1.buy(rig.passive(Side.BUY, 10), 8);
        rig.awaitDecisions(1);
        rig.assertAccepted(rig.s1, Set.of(before));

        rig.setLimit(ControlScope.STRATEGY, S1, LimitType.MAX_ORDER_QTY, 5);
        rig.pumpUntil(() -> rig.tap.acks.size() == 1, "SetLimit acknowledged");
        assertEquals(new RiskRig.Ack(SetLimitEncoder.TEMPLATE_ID, ControlScope.STRATEGY, S1, true, 0),
            rig.tap.lastAck());
        assertEquals(5, rig.rig.appliance.gateway.logic().state().limit(ControlScope.STRATEGY, S1,
            LimitType.MAX_ORDER_QTY));

        final long tooBig = rig.s1.buy(rig.passive(Side.BUY, 10), 8);
        final long atLimit = rig.s1.buy(rig.passive(Side.BUY, 10), 5);
        final long s2Big = rig.s2.buy(rig.passive(Side.BUY, 10), 8);
        rig.awaitDecisions(4);
        rig.assertRefused(rig.s1, Set.of(tooBig), RejectReason.MAX_ORDER_QTY);
        assertEquals(5, rig.tap.decision(S1, tooBig).limitValue());
        assertEquals(8, rig.tap.decision(S1, tooBig).observedValue());
        rig.assertAccepted(rig.s1, Set.of(atLimit));
        rig.assertAccepted(rig.s2, Set.of(s2Big));

        rig.setLimit(ControlScope.STRATEGY, S1, LimitType.MAX_ORDER_QTY, 0);
        rig.setLimit(ControlScope.STRATEGY, UNCONFIGURED_STRATEGY, LimitType.MAX_ORDER_QTY, 5);
        rig.pumpUntil(() -> rig.tap.acks.size() == 3, "bad SetLimits answered");
        assertFalse(rig.tap.acks.get(1).applied(), "a zero quantity limit is refused");
        assertFalse(rig.tap.acks.get(2).applied(), "an unknown strategy is refused");
        assertEquals(5, rig.rig.appliance.gateway.logic().state().limit(ControlScope.STRATEGY, S1,
            LimitType.MAX_ORDER_QTY));

        final int acc2 = rig.rig.appliance.gateway.logic().state().accountId("ACC2");
        rig.setLimit(ControlScope.ACCOUNT, acc2, LimitType.MAX_ORDER_QTY, 3);
        rig.setLimit(ControlScope.GLOBAL, 0, LimitType.MAX_ORDERS_PER_SECOND, 1_234);
        rig.pumpUntil(() -> rig.tap.acks.size() == 5, "account and global SetLimits answered");
        assertTrue(rig.tap.acks.get(3).applied() && rig.tap.acks.get(4).applied(), rig.tap.acks::toString);
        assertEquals(1_234, rig.rig.appliance.gateway.logic().state().limit(ControlScope.GLOBAL, 0,
            LimitType.MAX_ORDERS_PER_SECOND));
        final long s2TooBig = rig.s2.buy(rig.passive(Side.BUY, 10), 4);
        rig.awaitDecisions(5);
        rig.assertRefused(rig.s2, Set.of(s2TooBig), RejectReason.MAX_ORDER_QTY);
        assertEquals(3, rig.counter(GatewayCounter.LIMITS_SET));
        assertEquals(2, rig.counter(GatewayCounter.CONTROL_REFUSED));
        rig.assertOnlyAcceptedReachedVenue(venueBefore);
    }

    private static long awayFromMid(final long mid, final Side side, final long distance)
    {
        return Side.BUY == side ?
            Math.floorDiv(mid - distance, TICK) * TICK :
            -Math.floorDiv(-(mid + distance), TICK) * TICK;
    }
}
