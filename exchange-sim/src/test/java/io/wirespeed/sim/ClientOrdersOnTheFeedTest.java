package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.config.SimContext;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounter;
import io.wirespeed.sim.venue.VenueCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static io.wirespeed.sim.VenueClient.BUY;
import static io.wirespeed.sim.VenueClient.SELL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client orders trade in the books the market-data feed publishes: their trades and book changes go out on the feed
 * like participant events, the whole stays deterministic, and the order path allocates nothing.
 */
class ClientOrdersOnTheFeedTest
{
    private static final long STEP_NS = 100_000;
    private static final long TICK = OrderEntryApplicationTest.TICK;
    private static final short NO_SIDE = 255;
    private static final int MAX_WINDOWS = 5;

    @TempDir
    Path dir;

    @Test
    void clientTradesAndRestingOrdersAppearOnTheIncrementalFeed()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(42)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);
            final OrderEntryApplication app = new OrderEntryApplication(
                harness.sim.clientMarket(), harness.clock, 1_000, false, VenueCounters.inMemory());
            final VenueClient alice = new VenueClient(app, 1001);
            harness.runUntilMsgSeqNum(500, STEP_NS);
            final OrderBook book = harness.sim.orderBook(ES);
            final long ask = book.levelPrice(Side.ASK, 0);
            final long askQty = book.levelQty(Side.ASK, 0);
            final long tradesBefore = recorder.trades;

            alice.newOrder(1, ES, BUY, ask, askQty);
            final long bidBelow = book.levelPrice(Side.BID, 0) - 50 * TICK;
            alice.newOrder(2, ES, BUY, bidBelow, 7);
            harness.step(0);

            assertTrue(app.counters().value(VenueCounter.FILLS) > 0, "the client order traded");
            assertTrue(recorder.trades > tradesBefore, "the client's trade is on the feed");
            recorder.book(ES).assertEqualTo(harness.sim.book(ES));
            assertTrue(harness.sim.counters().value(SimCounter.CLIENT_EVENTS) >= 2);

            alice.cancel(3, 0, ES, BUY);
            alice.massCancel(4, MassActionScope.All, 0, (short)255);
            harness.runUntilMsgSeqNum(harness.sim.lastMsgSeqNum() + 200, STEP_NS);
            for (final int securityId : new int[]{ ES, NQ })
            {
                recorder.book(securityId).assertEqualTo(harness.sim.book(securityId));
            }
            recorder.assertSnapshotsChecked();
            assertEquals(0, app.orders().openOrderCount());
        }
    }

    @Test
    void theSameSeedAndClientOrdersGiveTheSamePacketsAndReports()
    {
        final long[] first = run(dir.resolve("first"), 42);
        final long[] second = run(dir.resolve("second"), 42);
        assertTrue(first[2] > 100, "reports: " + first[2]);
        final long[] other = run(dir.resolve("other"), 43);

        assertArrayEquals(first, second);
        assertNotEquals(first[0], other[0]);
    }

    private static long[] run(final Path dir, final long seed)
    {
        try
        {
            java.nio.file.Files.createDirectories(dir);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(seed)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);
            final OrderEntryApplication app = new OrderEntryApplication(
                harness.sim.clientMarket(), harness.clock, 1_000, false, VenueCounters.inMemory());
            final VenueClient alice = new VenueClient(app, 1001);
            long id = 0;
            for (int i = 0; i < 3_000; i++)
            {
                harness.step(STEP_NS);
                if (i % 10 == 0)
                {
                    final OrderBook book = harness.sim.orderBook(0 == i % 20 ? ES : NQ);
                    final Side side = 0 == i % 30 ? Side.ASK : Side.BID;
                    if (book.levelCount(side) > 0)
                    {
                        alice.newOrder(++id, book.securityId(), Side.BID == side ? SELL : BUY,
                            book.levelPrice(side, 0), 1 + i % 4);
                    }
                    if (0 == i % 50)
                    {
                        alice.massCancel(++id, MassActionScope.All, 0, (short)255);
                    }
                }
            }
            recorder.book(ES).assertEqualTo(harness.sim.book(ES));
            long reports = MbpBook.FNV_OFFSET_BASIS;
            for (int m = 0; m < alice.outbound.messages.size(); m++)
            {
                final var message = alice.outbound.messages.get(m);
                for (int i = 0; i < message.capacity(); i++)
                {
                    reports = (reports ^ (message.getByte(i) & 0xFF)) * 0x100000001B3L;
                }
            }
            assertTrue(app.counters().value(VenueCounter.FILLS) > 10, "client orders traded");
            return new long[]{ recorder.digests[SimHarness.Feed.A.ordinal()], reports, alice.outbound.commits };
        }
    }

    /**
     * Participants are slowed to one message a second so that the measured window holds client activity only: orders,
     * fills against another client, replaces, cancel rejects, mass cancels and their market data on the feed. A
     * window of 140,000 orders must allocate nothing; up to {@value #MAX_WINDOWS} are run, since a late JIT
     * recompilation can allocate a few hundred bytes once, while an allocating order path would allocate in every one.
     */
    @Test
    void theOrderPathAllocatesNothingOverHundredThousandOrders()
    {
        final SimContext quiet = SimHarness.simContext(42).messageRatePerSecond(1).snapshotIntervalMs(10);
        try (SimHarness harness = new SimHarness(dir, quiet))
        {
            final OrderEntryApplication app = new OrderEntryApplication(
                harness.sim.clientMarket(), harness.clock, 1_000, false, VenueCounters.inMemory());
            final VenueClient alice = new VenueClient(app, 1001);
            final VenueClient bob = new VenueClient(app, 2002);
            alice.outbound.record = false;
            bob.outbound.record = false;
            final long price = OrderEntryApplicationTest.P;

            trade(harness, app, alice, bob, price, 100_000);
            final List<Long> windows = new ArrayList<>();
            long allocated = Long.MAX_VALUE;
            for (int window = 0; window < MAX_WINDOWS && 0 != allocated; window++)
            {
                final long before = AllocationMeter.allocatedBytes();
                trade(harness, app, alice, bob, price, 35_000);
                allocated = AllocationMeter.allocatedBytes() - before;
                windows.add(allocated);
            }

            assertEquals(0, allocated, "bytes allocated per window of 140,000 orders: " + windows);
            assertEquals((100_000 + 35_000L * windows.size()) * 4,
                app.counters().value(VenueCounter.ORDERS_RECEIVED));
            assertEquals(0, app.counters().value(VenueCounter.ORDERS_REJECTED));
            assertEquals(0, harness.sim.counters().value(SimCounter.CLIENT_EVENTS_UNPUBLISHED));
            assertEquals(0, harness.sim.slotCount(), "no participant activity");
            alice.massCancel(1, MassActionScope.All, 0, NO_SIDE);
            assertEquals(0, app.orders().openOrderCount());
            assertEquals(0, app.counters().value(VenueCounter.OPEN_ORDERS));
        }
    }

    private static void trade(
        final SimHarness harness,
        final OrderEntryApplication app,
        final VenueClient alice,
        final VenueClient bob,
        final long price,
        final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            final long id = 10L * i;
            alice.newOrder(id + 1, ES, BUY, price, 2);
            bob.newOrder(id + 2, ES, SELL, price, 1);
            alice.replace(id + 3, app.orders().lastOrderId() - 1, ES, BUY, price - TICK, 3);
            bob.newOrder(id + 4, ES, SELL, price - TICK, 2);
            alice.cancel(id + 5, 0, ES, BUY);
            alice.newOrder(id + 6, ES, BUY, price - 2 * TICK, 1);
            if (0 == i % 64)
            {
                alice.massCancel(id + 7, MassActionScope.All, 0, NO_SIDE);
                harness.step(STEP_NS);
            }
        }
    }
}
