package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.SecurityTradingEvent;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.config.SimContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.sim.SimHarness.CL;
import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's channel as a receiver sees it over a long run of compressed trading days, read with the generated
 * MDP3 decoders by {@link FeedRecorder}, which checks on every message what CME documents: RptSeq contiguous per
 * instrument across every template, events in CME's order with EndOfEvent on their last message, no SendingTime or
 * TransactTime going backwards, statistics that agree with the trades and books they follow, snapshots that agree
 * with the incremental feed.
 */
class RealisticChannelTest
{
    private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int[] SECURITY_IDS = { ES, NQ, CL };

    @TempDir
    Path dir;

    @Test
    void aMillionPacketsCarryEveryTemplateWithContiguousRptSeqAndTimesThatNeverGoBack()
    {
        final SimContext context = SimHarness.simContext(42).preOpenMs(500).openSessionMs(5_000).closedMs(3_000);
        try (SimHarness harness = new SimHarness(dir, context))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);

            harness.runUntilMsgSeqNum(500_000, STEP_NS);
            assertTrue(harness.sim.requestChannelReset());
            harness.runUntilMsgSeqNum(1_000_000, STEP_NS);

            recorder.assertSnapshotsChecked();
            recorder.assertEventsClosed();
            assertTrue(recorder.snapshotsChecked > 1_000, "snapshots checked: " + recorder.snapshotsChecked);
            assertEquals(Set.of(4, 12, 30, 37, 46, 48, 49, 50, 51), recorder.templateCounts.keySet(),
                "templates sent: " + recorder.templateCounts);
            assertEquals(Set.of('4', 'I', '6', '7', '8', 'B', 'C', 'N', 'O', 'e', 'g'),
                recorder.statisticCounts.keySet(), "statistics sent: " + recorder.statisticCounts);
            assertEquals(Set.of(
                StatEntries.SETTLE_ACTUAL,
                StatEntries.SETTLE_FINAL | StatEntries.SETTLE_ACTUAL,
                StatEntries.SETTLE_INTRADAY | StatEntries.SETTLE_ACTUAL,
                StatEntries.SETTLE_INTRADAY),
                recorder.settlementTypes.keySet(),
                "settlements: preliminary, final, intraday (actual; theoretical before the day's first trade)");

            final int days = tradingDays(recorder);
            assertTrue(days >= 4, "trading days: " + days);
            assertTrue(recorder.statisticCounts.get('g') > 3L * days, "the band moved: " + recorder.statisticCounts);
            assertTrue(recorder.heartbeatTimesNs.size() >= days, "heartbeats: " + recorder.heartbeatTimesNs.size());
            for (final long idleNs : recorder.heartbeatIdleNs)
            {
                assertTrue(idleNs >= TimeUnit.MILLISECONDS.toNanos(context.heartbeatIntervalMs()),
                    "a heartbeat only on an idle feed: " + idleNs);
            }
            for (final int securityId : SECURITY_IDS)
            {
                final ReferenceBook reference = recorder.book(securityId);
                reference.assertEqualTo(harness.sim.book(securityId));
                assertEquals(harness.sim.rptSeq(securityId), reference.lastRptSeq, "RptSeq of " + securityId);
            }
            assertEquals(0, harness.sim.counters().value(SimCounter.CLIENT_EVENTS_UNPUBLISHED));
            for (final int securityId : SECURITY_IDS)
            {
                final RecoveryRecorder.Terms terms = recorder.recovery.terms.get(securityId);
                assertEquals(2, terms.events().size(), "activation and last trade: " + terms);
                assertEquals(List.of("GBX:10", "GBI:2"), terms.feedTypes());
                assertTrue(terms.tickValue() > 0 && terms.maturityYear() >= 2025, terms::toString);
            }
        }
    }

    @Test
    void anIdleChannelSendsAHeartbeatEveryIntervalAndABusyOneNone()
    {
        final SimContext context = SimHarness.simContext(7).statisticsIntervalMs(0).heartbeatIntervalMs(250);
        try (SimHarness harness = new SimHarness(dir, context))
        {
            final FeedRecorder recorder = new FeedRecorder(10);
            harness.payloadHandler(recorder);
            harness.runUntilMsgSeqNum(20_000, STEP_NS);
            assertEquals(List.of(), recorder.heartbeatTimesNs, "a busy channel needs no heartbeat");

            harness.sim.stopParticipants();
            final long lastBusyNs = recorder.lastSendingTimeNs;
            for (int i = 0; i < 1_000; i++)
            {
                harness.step(STEP_NS);
            }

            final List<Long> heartbeats = recorder.heartbeatTimesNs;
            final long intervalNs = TimeUnit.MILLISECONDS.toNanos(250);
            assertEquals(4, heartbeats.size(), "one heartbeat each 250 ms of a second's silence: " + heartbeats);
            assertTrue(heartbeats.get(0) - lastBusyNs >= intervalNs && heartbeats.get(0) - lastBusyNs < intervalNs +
                STEP_NS, "the first 250 ms after the last packet: " + (heartbeats.get(0) - lastBusyNs));
            for (int i = 1; i < heartbeats.size(); i++)
            {
                assertEquals(intervalNs, heartbeats.get(i) - heartbeats.get(i - 1), "then every 250 ms");
            }
            assertEquals(heartbeats.size(), harness.sim.counters().value(SimCounter.HEARTBEATS));
            recorder.assertEventsClosed();
        }
    }

    private static int tradingDays(final FeedRecorder recorder)
    {
        final List<SecurityTradingStatus> expectedCycle = List.of(
            SecurityTradingStatus.PreOpen, SecurityTradingStatus.ReadyToTrade, SecurityTradingStatus.Close);
        int days = 0;
        for (final int securityId : SECURITY_IDS)
        {
            int index = 0;
            int tradeDate = -1;
            int instrumentDays = 0;
            for (final FeedRecorder.StatusChange change : recorder.statusChanges)
            {
                if (change.securityId() != securityId)
                {
                    continue;
                }
                assertEquals(expectedCycle.get(index % 3), change.status(), "the schedule's order: " + change);
                if (SecurityTradingStatus.PreOpen == change.status())
                {
                    assertEquals(SecurityTradingEvent.ResetStatistics, change.event(), "a new day resets statistics");
                    assertTrue(-1 == tradeDate || tradeDate + 1 == change.tradeDate(), "the next trade date");
                    tradeDate = change.tradeDate();
                    instrumentDays++;
                }
                else
                {
                    assertEquals(tradeDate, change.tradeDate(), "the day's trade date");
                }
                index++;
            }
            days = 0 == days ? instrumentDays : Math.min(days, instrumentDays);
        }
        return days;
    }
}
