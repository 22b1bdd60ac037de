package io.wirespeed.deploy;

import io.wirespeed.config.FeedName;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lossless feed-path run over the kernel backend: the simulator sends through {@code KernelNicPort}s as UDP
 * multicast on loopback (IP_MULTICAST_IF "lo", IP_MULTICAST_LOOP on, no route needed) and the feed handler receives
 * through {@code KernelNicPort}s that joined each feed's group on "lo", on ports the kernel picked. One thread drives
 * both agents with a hand-advanced clock and drains every socket after each simulator step, so no socket buffer can
 * overflow: the run must see every packet on both A and B, no gap, and end with every book equal to the simulator's.
 */
@Tag("slow")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
final class FeedPathKernelSystemTest
{
    @TempDir
    Path dir;

    @Test
    void losslessMillionPacketsOverKernelMulticastLeaveEveryBookEqualToTheSimulators()
    {
        final KernelFeedWires wires = new KernelFeedWires();
        try (FeedPathRig run = new FeedPathRig(dir, wires, (config) -> {}, List.of(), UnaryOperator.identity()))
        {
            run.runUntil(1_000_000);
            run.settleAndCompare();
            final long packets = run.sim.lastMsgSeqNum();
            run.report("kernel multicast on lo (A " + wires.subscription(FeedName.A) + "), lossless, " +
                packets + " packets");

            assertEquals(0, run.counter(FeedCounter.GAPS));
            assertEquals(0, run.counter(FeedCounter.PACKETS_LOST));
            assertEquals(0, run.staleInstruments.size(), "no instrument may go stale without loss");
            assertEquals(0, run.feed.unroutedFrames(), "every datagram reached a feed");
            for (final FeedName feed : new FeedName[]{ FeedName.A, FeedName.B })
            {
                final NicCounters sent = (FeedName.A == feed ?
                    run.wires.venue().incrementalA() : run.wires.venue().incrementalB()).counters();
                final NicCounters received = run.wires.appliance(feed).counters();
                assertEquals(packets, received.value(NicCounter.RX_FRAMES), "every packet arrived on " + feed.text());
                assertEquals(0, received.value(NicCounter.SOCKET_ERRORS), feed.text());
                assertEquals(0, sent.value(NicCounter.SOCKET_ERRORS), feed.text());
            }
        }
    }
}
