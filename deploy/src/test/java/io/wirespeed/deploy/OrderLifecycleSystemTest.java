package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order lifecycles end to end: scripted strategy → Aeron IPC → gateway (validation, risk, order state) → iLink 3
 * session over TCP → the simulator's matching engine, and its execution reports back to the strategy.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class OrderLifecycleSystemTest
{
    @TempDir
    Path dir;

    private OrderPathRig rig;
    private StrategyClient s1;
    private StrategyClient s2;

    @BeforeEach
    void start()
    {
        rig = new OrderPathRig(dir, (config) -> {});
        s1 = rig.strategy("s1");
        s2 = rig.strategy("s2");
        rig.awaitReady();
    }

    @AfterEach
    void stop()
    {
        rig.close();
    }

    @Test
    void newThenPartialThenFilled()
    {
        final long bestAsk = s1.book(ES).bestAsk();
        final long askQty = s1.book(ES).quantity(1, 1);
        final long qty = askQty + 5;
        final long buy = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, bestAsk, qty, 0);
        assertTrue(buy > 0, "sent: " + buy);
        final StrategyOrder order = s1.orders().order(buy);
        rig.pumpUntil(() -> OrdStatus.PARTIALLY_FILLED == order.status(), "partial fill of the buy");
        assertEquals(askQty, order.cumQty(), order::toString);
        assertEquals(5, order.leavesQty(), order::toString);

        final long sell = s2.orderEntry().newOrder(ES, Side.SELL, OrdType.LIMIT, TimeInForce.IOC, bestAsk, 5, 0);
        assertTrue(sell > 0);
        rig.pumpUntil(() -> OrdStatus.FILLED == order.status(), "the buy filled by s2's sell");
        assertEquals(qty, order.cumQty());
        assertEquals(qty, s1.orders().position(ES));
        rig.pumpUntil(() -> -5 == s2.orders().position(ES), "s2 short 5");
        assertEquals(0, rig.appliance.venueOrders.orders().openOrderCount());
    }
}
