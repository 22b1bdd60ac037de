package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Decoder;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounter;
import io.wirespeed.sim.venue.VenueCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static io.wirespeed.sim.VenueClient.BUY;
import static io.wirespeed.sim.VenueClient.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's fills and the market-data feed tell the same story: each fill's execution report names, by
 * MDTradeEntryID, the trade summary entry it is part of, at its price and for a size that includes it; and client
 * events interleaved with participant events never make the feed's times go backwards.
 */
class ClientFillsOnTheFeedTest
{
    private static final long STEP_NS = 100_000;

    @TempDir
    Path dir;

    @Test
    void everyClientFillNamesItsTradeEntryOnTheFeed()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(42)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            recorder.keepTrades = true;
            harness.payloadHandler(recorder);
            final OrderEntryApplication app = new OrderEntryApplication(
                harness.sim.clientMarket(), harness.clock, 1_000, false, VenueCounters.inMemory());
            final VenueClient alice = new VenueClient(app, 1001);
            final VenueClient bob = new VenueClient(app, 2002);
            harness.runUntilMsgSeqNum(1_000, STEP_NS);

            long id = 0;
            for (int i = 0; i < 4_000; i++)
            {
                harness.step(STEP_NS);
                if (0 == i % 20)
                {
                    final OrderBook book = harness.sim.orderBook(0 == i % 40 ? ES : NQ);
                    if (book.levelCount(Side.ASK) > 0 && book.levelCount(Side.BID) > 0)
                    {
                        alice.newOrder(++id, book.securityId(), BUY, book.levelPrice(Side.ASK, 0), 1 + i % 7);
                        alice.newOrder(++id, book.securityId(), SELL, book.levelPrice(Side.ASK, 0), 2);
                        bob.newOrder(++id, book.securityId(), BUY, book.levelPrice(Side.BID, 0), 3);
                        bob.newOrder(++id, book.securityId(), BUY, book.levelPrice(Side.ASK, 0), 1);
                    }
                }
            }
            harness.step(STEP_NS);

            final Map<Long, Long> filledByTradeEntry = new HashMap<>();
            int aggressive = 0;
            int passive = 0;
            for (final VenueClient client : List.of(alice, bob))
            {
                for (final UnsafeBuffer message : client.outbound.messages)
                {
                    if (ExecutionReportTradeOutright525Decoder.TEMPLATE_ID !=
                        new MessageHeaderDecoder().wrap(message, 0).templateId())
                    {
                        continue;
                    }
                    final ExecutionReportTradeOutright525Decoder fill = VenueClient.asTrade(message);
                    final long key = FeedRecorder.key(fill.securityID(), fill.mDTradeEntryID());
                    final FeedRecorder.TradeEntry entry = recorder.tradeEntries.get(key);
                    assertNotNull(entry, () -> "no trade entry " + fill.mDTradeEntryID() + " on the feed for " + fill);
                    assertEquals(entry.price(), fill.lastPx().mantissa(), "the fill's price is the entry's");
                    filledByTradeEntry.merge(key, fill.lastQty(), Long::sum);
                    assertTrue(filledByTradeEntry.get(key) <= 2L * entry.size(),
                        "an entry's size counts each side of its fills once: " + entry);
                    assertTrue(fill.lastQty() <= entry.size(), "the entry's size includes the fill");
                    if (1 == fill.aggressorIndicatorRaw())
                    {
                        aggressive++;
                    }
                    else
                    {
                        passive++;
                    }
                }
            }
            assertTrue(aggressive > 50 && passive > 50,
                "fills: " + aggressive + " aggressive, " + passive + " passive");
            assertEquals(aggressive + passive, app.counters().value(VenueCounter.FILLS));
            recorder.assertEventsClosed();
        }
    }

    @Test
    void slotsRunningLateBehindAClientOrderTakeItsTimeAndSnapshotsNeverSayZero()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(9).preOpenMs(100)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            recorder.keepPackets = true;
            harness.payloadHandler(recorder);
            final OrderEntryApplication app = new OrderEntryApplication(
                harness.sim.clientMarket(), harness.clock, 1_000, false, VenueCounters.inMemory());
            final VenueClient alice = new VenueClient(app, 1001);
            harness.step(0);
            assertTrue(recorder.snapshots.size() >= 3, "the first snapshot loop, before any trading");
            harness.runUntilMsgSeqNum(2_000, STEP_NS);

            harness.clock.advance(20 * STEP_NS);
            final long clientTimeNs = harness.clock.nanoTime();
            final OrderBook book = harness.sim.orderBook(ES);
            alice.newOrder(1, ES, BUY, book.levelPrice(Side.ASK, 0), 1);
            final int packetsBefore = recorder.packets.size();
            harness.step(0);

            assertTrue(harness.sim.slotCount() > 0 && recorder.packets.size() > packetsBefore + 1, "late slots ran");
            for (int i = packetsBefore; i < recorder.packets.size(); i++)
            {
                assertEquals(clientTimeNs, recorder.packets.get(i).sendingTimeNs(),
                    "a slot intended before the client's order is stamped with its time");
            }
            harness.runUntilMsgSeqNum(harness.sim.lastMsgSeqNum() + 2_000, STEP_NS);
            recorder.assertSnapshotsChecked();
            for (final RecoveryRecorder.Snapshot snapshot : recorder.snapshots)
            {
                assertTrue(snapshot.transactTimeNs() >= SimHarness.T0_NS, snapshot::toString);
            }
        }
    }
}
