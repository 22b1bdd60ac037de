package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.sim.venue.VenueCounter;
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
        assertEquals(SessionState.ESTABLISHED, s1.venueState(), "the gateway publishes the venue session's state");
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
        assertEquals(0, rig.venue.orders.orders().openOrderCount());
    }

    @Test
    void newThenCanceled()
    {
        final long price = s1.book(ES).bestBid() - 10 * OrderPathRig.TICK;
        final long buy = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 3, 0);
        final StrategyOrder order = s1.orders().order(buy);
        rig.pumpUntil(() -> OrdStatus.NEW == order.status(), "the buy acknowledged");
        assertEquals(1, rig.venue.orders.orders().openOrderCount());

        assertTrue(s1.orderEntry().cancel(buy, 0) > 0);
        rig.pumpUntil(() -> OrdStatus.CANCELED == order.status(), "the buy canceled");
        assertEquals(0, rig.venue.orders.orders().openOrderCount());
        assertEquals(0, s1.orders().position(ES));
    }

    @Test
    void replaceChangesPriceAndQuantityAtTheVenue()
    {
        final long price = s1.book(ES).bestBid() - 10 * OrderPathRig.TICK;
        final long buy = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 3, 0);
        final StrategyOrder order = s1.orders().order(buy);
        rig.pumpUntil(() -> OrdStatus.NEW == order.status(), "the buy acknowledged");

        final long newPrice = price - 2 * OrderPathRig.TICK;
        final long replace = s1.orderEntry().replace(buy, newPrice, 7, 0);
        assertTrue(replace > 0, "replace sent: " + replace);
        rig.pumpUntil(() -> newPrice == order.price() && !order.isPending(), "the replace applied");
        assertEquals(7, order.orderQty(), order::toString);
        assertEquals(7, order.leavesQty(), order::toString);
        assertEquals(1, rig.venue.orders.orders().openOrderCount());

        // the order, under its new id, still cancels at the venue
        assertTrue(s1.orderEntry().cancel(order.clOrdId(), 0) > 0);
        rig.pumpUntil(() -> OrdStatus.CANCELED == order.status(), "the replaced order canceled");
        assertEquals(0, rig.venue.orders.orders().openOrderCount());
    }

    @Test
    void venueRejectReachesTheStrategyWithTheVenueReason()
    {
        rig.venue.orders.faults().rejectNextOrders(1, 19);
        final long price = s1.book(ES).bestBid() - 10 * OrderPathRig.TICK;
        final long buy = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 3, 0);
        final StrategyOrder order = s1.orders().order(buy);
        rig.pumpUntil(() -> OrdStatus.REJECTED == order.status(), "the venue reject");
        assertEquals(RejectReason.VENUE_REJECT, order.rejectReason());
        assertEquals(0, rig.venue.orders.orders().openOrderCount());

        final long again = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 3, 0);
        final StrategyOrder second = s1.orders().order(again);
        rig.pumpUntil(() -> OrdStatus.NEW == second.status(), "the next order accepted");
    }

    @Test
    void cancelOfAnOrderFilledMeanwhileIsRejectedAndTheFillStands()
    {
        final long price = s1.book(ES).bestBid() + OrderPathRig.TICK < s1.book(ES).bestAsk() ?
            s1.book(ES).bestBid() + OrderPathRig.TICK : s1.book(ES).bestBid();
        final long buy = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 2, 0);
        final StrategyOrder order = s1.orders().order(buy);
        rig.pumpUntil(() -> OrdStatus.NEW == order.status(), "the buy resting");

        // the venue holds its answers back, so s1 still sees its order open when it asks to cancel it
        rig.venue.orders.faults().delayResponses(TimeUnit.MILLISECONDS.toNanos(50));
        final long sell = s2.orderEntry().newOrder(ES, Side.SELL, OrdType.LIMIT, TimeInForce.IOC, price, 2, 0);
        assertTrue(sell > 0);
        rig.pumpUntil(() -> 0 == rig.venue.orders.orders().openOrderCount(), "s1's buy filled at the venue");
        assertEquals(OrdStatus.NEW, order.status(), "the fill report is still held by the venue");
        assertTrue(s1.orderEntry().cancel(buy, 0) > 0);
        rig.pumpUntil(() -> OrdStatus.FILLED == order.status() && !order.isPending(),
            () -> "fill, then cancel reject: " + order);
        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, order.rejectReason());
        assertEquals(2, s1.orders().position(ES));
        assertEquals(1, rig.appliance.gateway.counters().get(GatewayCounter.CANCELS_SENT));
        rig.pumpUntil(() -> 1 == rig.venue.orders.counters().value(VenueCounter.CANCEL_REJECTS),
            "the venue refused the cancel of a filled order");
        rig.venue.orders.faults().clear();
    }
}
