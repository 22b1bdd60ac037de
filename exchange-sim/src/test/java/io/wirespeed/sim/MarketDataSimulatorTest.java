package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.SimContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.sim.SimHarness.CL;
import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static io.wirespeed.sim.SimHarness.T0_NS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketDataSimulatorTest
{
    private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int[] SECURITY_IDS = { ES, NQ, CL };

    @TempDir
    Path dir;

    @Test
    void booksRebuiltFromTheIncrementalFeedEqualTheSimulatorsAfter100000Packets()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(42)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);

            harness.runUntilMsgSeqNum(100_000, STEP_NS);

            final MarketDataSimulator sim = harness.sim;
            assertEquals(sim.lastMsgSeqNum(), recorder.lastMsgSeqNum);
            for (final int securityId : SECURITY_IDS)
            {
                final MbpBook book = sim.book(securityId);
                recorder.book(securityId).assertEqualTo(book);
                assertEquals(book.hash(), recorder.book(securityId).hash());
                assertEquals(sim.bookHash(securityId), book.hash());
                assertEquals(sim.rptSeq(securityId), recorder.book(securityId).lastRptSeq);
                assertTrue(book.levelCount(Side.BID) > 0 && book.levelCount(Side.ASK) > 0, book::toString);
                assertTrue(book.price(Side.BID, 1) < book.price(Side.ASK, 1), book::toString);
            }
            assertNull(sim.book(2001), "an instrument of another channel");
            assertTrue(recorder.trades > 1000, "trades: " + recorder.trades);
            recorder.assertSnapshotsChecked();
            recorder.assertEventsClosed();
            assertTrue(recorder.snapshotsChecked > 100, "snapshots checked: " + recorder.snapshotsChecked);
            assertEquals(recorder.packetCounts[SimHarness.Feed.A.ordinal()],
                recorder.packetCounts[SimHarness.Feed.B.ordinal()]);
            final SimCounters counters = sim.counters();
            assertEquals(sim.lastMsgSeqNum(), counters.value(SimCounter.INCREMENTAL_PACKETS));
            assertEquals(recorder.snapshots.size(), counters.value(SimCounter.SNAPSHOT_PACKETS));
            assertEquals(recorder.definitions.size(), counters.value(SimCounter.DEFINITION_PACKETS));
            assertEquals(recorder.digests[SimHarness.Feed.A.ordinal()],
                recorder.digests[SimHarness.Feed.B.ordinal()], "feeds A and B carry identical packets");
        }
    }

    @Test
    void theSameSeedGivesTheSamePacketsBitForBitAndAnotherSeedOthers()
    {
        final long[] first = run(dir.resolve("first"), 42);
        final long[] second = run(dir.resolve("second"), 42);
        final long[] other = run(dir.resolve("other"), 43);

        assertArrayEquals(first, second);
        assertNotEquals(first[SimHarness.Feed.A.ordinal()], other[SimHarness.Feed.A.ordinal()]);
        assertNotEquals(first[SimHarness.Feed.SNAPSHOT.ordinal()], other[SimHarness.Feed.SNAPSHOT.ordinal()]);
    }

    @Test
    void theSnapshotLoopCyclesEveryInstrumentWithItsOwnSequence()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(5)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);

            harness.runUntilMsgSeqNum(2_000, STEP_NS);

            recorder.assertSnapshotsChecked();
            final List<RecoveryRecorder.Snapshot> snapshots = recorder.snapshots;
            assertTrue(snapshots.size() >= 9, "snapshots: " + snapshots.size());
            SecurityTradingStatus previous = SecurityTradingStatus.PreOpen;
            for (int i = 0; i < snapshots.size(); i++)
            {
                final RecoveryRecorder.Snapshot snapshot = snapshots.get(i);
                assertEquals(i % 3 + 1, snapshot.msgSeqNum(), "MsgSeqNum restarts each loop");
                assertEquals(SECURITY_IDS[i % 3], snapshot.securityId());
                assertEquals(3, snapshot.totNumReports());
                assertTrue(previous == snapshot.status() || SecurityTradingStatus.ReadyToTrade == snapshot.status(),
                    "pre-open, then open: " + snapshot);
                previous = 2 == i % 3 ? snapshot.status() : previous;
            }
            assertEquals(SecurityTradingStatus.ReadyToTrade, snapshots.get(snapshots.size() - 1).status());
            assertEquals(snapshots.size() / 3, harness.sim.snapshotLoopCount());
            final RecoveryRecorder.Snapshot last = snapshots.get(snapshots.size() - 1);
            assertTrue(last.bids().size() > 0 && last.bids().size() <= 10, last::toString);
        }
    }

    @Test
    void theDefinitionLoopDescribesEveryInstrument()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(5)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);

            harness.step(0);

            assertEquals(List.of(
                new RecoveryRecorder.Definition(1, 3, ES, "ESZ5", 250_000_000L, 1_000_000_000L, 10, 310,
                    50_000_000_000L),
                new RecoveryRecorder.Definition(2, 3, NQ, "NQZ5", 250_000_000L, 1_000_000_000L, 10, 310,
                    20_000_000_000L),
                new RecoveryRecorder.Definition(3, 3, CL, "CLF6", 10_000_000L, 1_000_000_000L, 10, 310,
                    1_000_000_000_000L)),
                recorder.definitions);
            assertEquals(1, harness.sim.definitionLoopCount());

            harness.step(TimeUnit.MILLISECONDS.toNanos(49));
            assertEquals(3, recorder.definitions.size());
            harness.step(TimeUnit.MILLISECONDS.toNanos(1));
            assertEquals(6, recorder.definitions.size());
            assertEquals(1, recorder.definitions.get(3).msgSeqNum(), "MsgSeqNum restarts each loop");
            assertEquals(2, harness.sim.definitionLoopCount());
        }
    }

    @Test
    void aChannelResetRestartsRptSeqContinuesMsgSeqNumAndRepublishesTheBooks()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(11)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);
            harness.runUntilMsgSeqNum(5_000, STEP_NS);
            final long before = harness.sim.lastMsgSeqNum();

            assertTrue(harness.sim.requestChannelReset());
            harness.step(0);

            assertEquals(List.of(before + 1), recorder.channelResetSeqNums);
            assertEquals(1, harness.sim.channelResetCount());
            for (final int securityId : SECURITY_IDS)
            {
                final MbpBook book = harness.sim.book(securityId);
                recorder.book(securityId).assertEqualTo(book);
                assertEquals(harness.sim.rptSeq(securityId), recorder.book(securityId).lastRptSeq,
                    "RptSeq restarted at 1: the book's New entries and the session's statistics");
                assertTrue(harness.sim.rptSeq(securityId) > book.levelCount(Side.BID) + book.levelCount(Side.ASK),
                    "volume, session statistics and limits follow the book");
            }

            harness.runUntilMsgSeqNum(harness.sim.lastMsgSeqNum() + 5_000, STEP_NS);
            for (final int securityId : SECURITY_IDS)
            {
                recorder.book(securityId).assertEqualTo(harness.sim.book(securityId));
            }
            recorder.assertSnapshotsChecked();
        }
    }

    @Test
    void aHaltedInstrumentGetsNoEventsUntilItResumes()
    {
        try (SimHarness harness = new SimHarness(dir, SimHarness.simContext(3)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);
            harness.runUntilMsgSeqNum(1_000, STEP_NS);

            final int changesBefore = recorder.statusChanges.size();
            assertTrue(harness.sim.requestTradingStatus(ES, SecurityTradingStatus.TradingHalt,
                HaltReason.SurveillanceIntervention));
            assertTrue(harness.sim.requestTradingStatus(9999, SecurityTradingStatus.TradingHalt,
                HaltReason.SurveillanceIntervention));
            harness.step(0);
            harness.step(0);

            assertEquals(changesBefore + 1, recorder.statusChanges.size());
            assertEquals(ES, recorder.statusChanges.get(changesBefore).securityId());
            assertEquals(SecurityTradingStatus.TradingHalt, recorder.statusChanges.get(changesBefore).status());
            assertEquals(SecurityTradingStatus.TradingHalt, harness.sim.tradingStatus(ES));
            assertEquals(1, harness.sim.unknownInstrumentCount());
            final long esEntries = recorder.entriesBySecurityId.get(ES)[0];
            final long nqEntries = recorder.entriesBySecurityId.get(NQ)[0];

            harness.runUntilMsgSeqNum(harness.sim.lastMsgSeqNum() + 1_000, STEP_NS);
            assertEquals(esEntries, recorder.entriesBySecurityId.get(ES)[0]);
            assertTrue(recorder.entriesBySecurityId.get(NQ)[0] > nqEntries);
            final RecoveryRecorder.Snapshot esSnapshot = lastSnapshotOf(recorder, ES);
            assertEquals(SecurityTradingStatus.TradingHalt, esSnapshot.status());

            harness.sim.requestTradingStatus(ES, SecurityTradingStatus.ReadyToTrade, HaltReason.GroupSchedule);
            harness.runUntilMsgSeqNum(harness.sim.lastMsgSeqNum() + 1_000, STEP_NS);
            assertEquals(ES, recorder.statusChanges.get(changesBefore + 1).securityId());
            assertEquals(SecurityTradingStatus.ReadyToTrade, recorder.statusChanges.get(changesBefore + 1).status());
            assertTrue(recorder.entriesBySecurityId.get(ES)[0] > esEntries);
            recorder.book(ES).assertEqualTo(harness.sim.book(ES));
        }
    }

    @Test
    void openLoopPacketsCarryTheirIntendedSendTimeHoweverLateTheyLeave()
    {
        final SimContext context = new SimContext().seed(9).messageRatePerSecond(2_500).burstiness(0)
            .snapshotIntervalMs(60_000).definitionIntervalMs(60_000).openLoop(true).preOpenMs(0);
        try (SimHarness harness = new SimHarness(dir, context))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            recorder.keepPackets = true;
            harness.payloadHandler(recorder);
            assertEquals(T0_NS + STEP_NS, harness.sim.nextSlotNs(), "2,500 events/s at 2.5 events a slot: 1 ms");

            harness.step(10 * STEP_NS);

            assertEquals(10, harness.sim.slotCount());
            assertTrue(recorder.packets.size() >= 8, "packets: " + recorder.packets.size());
            long previous = T0_NS;
            for (final FeedRecorder.Packet packet : recorder.packets)
            {
                final long sinceStart = packet.sendingTimeNs() - T0_NS;
                assertEquals(0, sinceStart % STEP_NS, "on the 1 ms grid: " + sinceStart);
                assertTrue(packet.sendingTimeNs() >= previous && packet.sendingTimeNs() <= T0_NS + 10 * STEP_NS);
                previous = packet.sendingTimeNs();
            }
            assertEquals(T0_NS + 11 * STEP_NS, harness.sim.nextSlotNs());

            harness.step(STEP_NS / 2);
            assertEquals(10, harness.sim.slotCount(), "nothing before its time");
            harness.step(STEP_NS / 2);
            assertEquals(11, harness.sim.slotCount());
        }
    }

    @Test
    void packetsHeldByAFullRingKeepTheirIntendedSendTime()
    {
        final SimContext context = new SimContext().seed(9).messageRatePerSecond(2_500).burstiness(0)
            .snapshotIntervalMs(60_000).definitionIntervalMs(60_000).openLoop(true).preOpenMs(0);
        try (SimHarness harness = new SimHarness(dir, context, SimHarness.channel(), 16))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            recorder.keepPackets = true;
            harness.payloadHandler(recorder);

            harness.clock.advance(40 * STEP_NS);
            harness.sim.doWork();
            assertTrue(harness.sim.backPressureCount() > 0, "the 16-slot ring filled");
            assertTrue(harness.sim.slotCount() < 40, "slots wait while packets are held");
            assertTrue(harness.sim.counters().value(SimCounter.SCHEDULE_LAG_NS) > 0, "running behind schedule");
            while (harness.poll() > 0 || harness.sim.doWork() > 0)
            {
                harness.clock.advance(0);
            }

            assertEquals(40, harness.sim.slotCount());
            assertEquals(harness.sim.lastMsgSeqNum(), recorder.lastMsgSeqNum);
            assertTrue(recorder.packets.size() > 16, "packets: " + recorder.packets.size());
            long previous = T0_NS;
            for (final FeedRecorder.Packet packet : recorder.packets)
            {
                assertEquals(0, (packet.sendingTimeNs() - T0_NS) % STEP_NS, "on the 1 ms grid");
                assertTrue(packet.sendingTimeNs() >= previous);
                previous = packet.sendingTimeNs();
            }
            for (final int securityId : SECURITY_IDS)
            {
                recorder.book(securityId).assertEqualTo(harness.sim.book(securityId));
            }
        }
    }

    @Test
    void closedLoopPacketsCarryTheTimeTheyLeaveAndTheScheduleRestartsFromThere()
    {
        final SimContext context = new SimContext().seed(9).messageRatePerSecond(2_500).burstiness(0)
            .snapshotIntervalMs(60_000).definitionIntervalMs(60_000).openLoop(false).preOpenMs(0);
        try (SimHarness harness = new SimHarness(dir, context))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            recorder.keepPackets = true;
            harness.payloadHandler(recorder);

            harness.step(10 * STEP_NS);

            assertEquals(1, harness.sim.slotCount());
            for (final FeedRecorder.Packet packet : recorder.packets)
            {
                if (packet.templateIds().contains(MDIncrementalRefreshBook46Decoder.TEMPLATE_ID))
                {
                    assertEquals(T0_NS + 10 * STEP_NS, packet.sendingTimeNs(), "the slot's packets: when they left");
                }
                else
                {
                    assertEquals(T0_NS, packet.sendingTimeNs(), "the trading day started as the simulator did");
                }
            }
            assertEquals(T0_NS + 11 * STEP_NS, harness.sim.nextSlotNs());
        }
    }

    @Test
    void aDepthWhoseSnapshotsCannotFitAPacketIsRefused()
    {
        final ChannelContext channel = new ChannelContext().id(SimHarness.CHANNEL_ID).incrementalA(SimHarness.A)
            .snapshot(SimHarness.SNAPSHOT).bookDepth(40);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new SimHarness(dir, SimHarness.simContext(1), channel).close());
        assertTrue(ex.getMessage().contains("book_depth 40"), ex.getMessage());
    }

    private long[] run(final Path runDir, final long seed)
    {
        runDir.toFile().mkdirs();
        try (SimHarness harness = new SimHarness(runDir, SimHarness.simContext(seed)))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);
            harness.runUntilMsgSeqNum(20_000, STEP_NS);
            assertEquals(recorder.digests[SimHarness.Feed.A.ordinal()], recorder.digests[SimHarness.Feed.B.ordinal()]);
            final long[] result = recorder.digests.clone();
            final long[] withCounts = new long[result.length * 2];
            for (int i = 0; i < result.length; i++)
            {
                withCounts[2 * i] = result[i];
                withCounts[2 * i + 1] = recorder.packetCounts[i];
            }
            return withCounts;
        }
    }

    private static RecoveryRecorder.Snapshot lastSnapshotOf(final FeedRecorder recorder, final int securityId)
    {
        for (int i = recorder.snapshots.size() - 1; i >= 0; i--)
        {
            if (recorder.snapshots.get(i).securityId() == securityId)
            {
                return recorder.snapshots.get(i);
            }
        }
        throw new AssertionError("no snapshot of " + securityId);
    }
}
