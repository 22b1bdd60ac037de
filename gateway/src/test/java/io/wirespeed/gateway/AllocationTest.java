package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import org.agrona.CloseHelper;
import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.BETA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationTest
{
    private GatewayFixture fixture;
    private long clOrdId;
    private long published;
    private boolean refusing;
    private boolean delivering;
    private Runnable drainRing;

    @Test
    void steadyStateOfAcceptFillAndCancelAllocatesNothing()
    {
        fixture = new GatewayFixture(GatewayFixture.lenientRisk(), (buffer, offset, length) ->
        {
            published++;
            return true;
        }, 1024);
        fixture.venue.recording = false;
        fixture.quote(ES, ES_PRICE);

        final long bytes = AllocationMeter.leastOverWindows(() -> run(200_000), () -> run(100_000), 3);

        assertEquals(0, bytes);
        assertEquals(500_000 * 2, fixture.venue.newOrders);
        assertEquals(500_000, fixture.venue.cancels);
        assertEquals(0, fixture.logic.state().liveOrders());
        assertEquals(500_000 * 2, fixture.counters.get(GatewayCounter.ORDERS_ACCEPTED));
        assertEquals(500_000 * 2, fixture.counters.get(GatewayCounter.FILLS));
        assertEquals(0, fixture.counters.get(GatewayCounter.OFFER_FAILURES));
        assertEquals(500_000 * 3, fixture.counters.get(GatewayCounter.RISK_DECISIONS_PUBLISHED));
        assertEquals(500_000 * 5, fixture.counters.get(GatewayCounter.EXEC_REPORTS_PUBLISHED));
        assertEquals(500_000 * 10 + 3, published, "two control acks and a session event from the fixture set up");
    }

    @Test
    void journalingEveryStateChangeThroughATapAllocatesNothing(@TempDir final Path dir)
    {
        final CountersFile countersFile = CountersFile.create(dir.resolve("counters"), 16);
        final TapRing ring = TapRing.create(dir.resolve("tap"), 1 << 20);
        try
        {
            final JournalTap tap = new JournalTap(ring, countersFile.newCounter(1, "tap: records lost"));
            final long[] journaled = new long[1];
            final MessageHandler drain = (type, buffer, index, length) -> journaled[0]++;
            drainRing = () ->
            {
                ring.ring().read(drain);
                ring.ring().read(drain);
            };
            fixture = new GatewayFixture(GatewayFixture.lenientRisk(), (buffer, offset, length) ->
            {
                published++;
                return true;
            }, 1024, tap);
            fixture.venue.recording = false;
            fixture.quote(ES, ES_PRICE);

            final long bytes = AllocationMeter.leastOverWindows(() -> run(200_000), () -> run(100_000), 3);

            assertEquals(0, bytes);
            assertEquals(0, tap.lostRecords(), "every state change journaled");
            assertTrue(journaled[0] >= 500_000 * 9L, "order states journaled: " + journaled[0]);
            assertEquals(500_000 * 2, fixture.counters.get(GatewayCounter.FILLS));
        }
        finally
        {
            drainRing = null;
            CloseHelper.closeAll(ring, countersFile);
        }
    }

    @Test
    void answersHeldForStrategiesThatCannotTakeThemAndDeliveredLaterAllocateNothing()
    {
        fixture = new GatewayFixture(GatewayFixture.lenientRisk(), (buffer, offset, length) ->
        {
            if (refusing)
            {
                return false;
            }
            published++;
            return true;
        }, 1024, 64);
        fixture.venue.recording = false;
        fixture.quote(ES, ES_PRICE);
        delivering = true;

        final long bytes = AllocationMeter.leastOverWindows(() -> run(200_000), () -> run(100_000), 3);

        assertEquals(0, bytes);
        assertEquals(500_000 * 2, fixture.counters.get(GatewayCounter.FILLS));
        assertEquals(0, fixture.counters.get(GatewayCounter.ANSWERS_LOST));
        assertEquals(0, fixture.counters.get(GatewayCounter.STRATEGIES_CUT_OFF));
        final long held = fixture.counters.get(GatewayCounter.ANSWERS_HELD);
        assertTrue(held > 100_000, "answers were held: " + held);
        assertEquals(held, fixture.counters.get(GatewayCounter.ANSWERS_DELIVERED_LATE));
        assertEquals(500_000 * 10 + 3, published, "every answer delivered, late or not");
    }

    private void run(final int cycles)
    {
        final TestVenue venue = fixture.venue;
        final OrderGatewayLogic logic = fixture.logic;
        for (int i = 0; i < cycles; i++)
        {
            final int strategy = 0 == (i & 1) ? ALPHA : BETA;
            final Side side = 0 == (i & 2) ? Side.BUY : Side.SELL;
            final long filledClOrdId = ++clOrdId;
            logic.onNewOrder(strategy, filledClOrdId, ES, side, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE, 2, 1, 2);
            final long filledId = venue.lastOrderId;
            venue.listener.onOrderAccepted(filledId, filledId, 3, 4);
            venue.listener.onFill(filledId, filledId, i, 0, ES_PRICE, 1, 1, 1, 5, 6);
            venue.listener.onFill(filledId, filledId, i, 0, ES_PRICE, 1, 0, 2, 5, 6);

            final long canceledClOrdId = ++clOrdId;
            logic.onNewOrder(strategy, canceledClOrdId, ES, side, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE, 1, 1, 2);
            final long canceledId = venue.lastOrderId;
            venue.listener.onOrderAccepted(canceledId, canceledId, 3, 4);
            logic.onCancelOrder(strategy, ++clOrdId, canceledClOrdId, ES, 0);
            venue.listener.onCanceled(venue.lastRequestId, canceledId, canceledId, 5, 6);
            fixture.clock.advance(5_000);
            if (null != drainRing)
            {
                drainRing.run();
            }
            if (delivering)
            {
                refusing = 2 == (i & 7);
                logic.deliverHeldAnswers();
            }
        }
    }
}
