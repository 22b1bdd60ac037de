package io.wirespeed.sim;

import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.config.SimContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketDataSimulatorAllocationTest
{
    private static final long STEP_NS = 100_000;
    private static final long WARM_UP_PACKETS = 1_000_000;
    private static final long WINDOW_PACKETS = 400_000;
    private static final int WINDOWS = 3;

    @TempDir
    Path dir;

    /**
     * The warm-up runs until the rare paths (a side swept empty, commands, trading days closing and starting,
     * heartbeats in the closed hours) have been taken and compiled; then three windows of 400,000 packets are
     * measured and the cleanest counts: a path that allocates per packet or per event allocates in every window, a
     * late JIT deoptimisation in one.
     */
    @Test
    void steadyStateAllocatesNothingOverAMillionPackets()
    {
        final SimContext context = new SimContext().seed(42).messageRatePerSecond(1_000_000).burstiness(0.5)
            .snapshotIntervalMs(10).definitionIntervalMs(10).openSessionMs(400).closedMs(100)
            .statisticsIntervalMs(50).heartbeatIntervalMs(10);
        try (SimHarness harness = new SimHarness(dir, context))
        {
            harness.runUntilMsgSeqNum(300_000, STEP_NS);
            harness.sim.requestChannelReset();
            harness.sim.requestTradingStatus(SimHarness.ES, SecurityTradingStatus.TradingHalt, HaltReason.MarketEvent);
            harness.runUntilMsgSeqNum(400_000, STEP_NS);
            harness.sim.requestTradingStatus(SimHarness.ES, SecurityTradingStatus.ReadyToTrade, HaltReason.MarketEvent);
            harness.runUntilMsgSeqNum(WARM_UP_PACKETS, STEP_NS);

            final long loopsBefore = harness.sim.snapshotLoopCount();
            final long heartbeatsBefore = harness.sim.counters().value(SimCounter.HEARTBEATS);
            final long statisticsBefore = harness.sim.counters().value(SimCounter.STATISTICS_EVENTS);
            final Runnable window = () -> harness.runUntilMsgSeqNum(harness.sim.lastMsgSeqNum() + WINDOW_PACKETS,
                STEP_NS);
            final long allocated = AllocationMeter.leastOverWindows(() -> {}, window, WINDOWS);

            assertEquals(0, allocated, "bytes allocated in the cleanest of " + WINDOWS + " windows of " +
                WINDOW_PACKETS + " packets");
            assertTrue(harness.sim.snapshotLoopCount() > loopsBefore, "snapshot loops ran while measured");
            assertTrue(harness.sim.counters().value(SimCounter.HEARTBEATS) > heartbeatsBefore,
                "heartbeats while measured");
            assertTrue(harness.sim.counters().value(SimCounter.STATISTICS_EVENTS) > statisticsBefore,
                "statistics events while measured");
        }
    }
}
