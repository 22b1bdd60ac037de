package io.wirespeed.sim;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpView;
import io.wirespeed.nic.kernel.KernelNicOptions;
import io.wirespeed.nic.kernel.KernelNicPort;
import io.wirespeed.nic.status.CountersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's feeds over the kernel-socket backend on loopback multicast: the same packets, rebuilt into the same
 * books, as over the shm NIC (snapshots are only counted here: with one socket per group the test cannot order them
 * against the incremental feed).
 */
@Timeout(60)
class KernelSocketFeedTest
{
    private static final String GROUP_A = "239.255.78.1";
    private static final String GROUP_B = "239.255.78.2";
    private static final String GROUP_SNAPSHOT = "239.255.78.3";
    private static final long STEP_NS = 1_000_000;
    private static final long PACKETS = 3_000;

    @TempDir
    Path dir;

    @Test
    void feedsArriveThroughKernelSocketsAndRebuildTheSimulatorsBooks()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(SimHarness.T0_NS);
        final KernelNicOptions options = new KernelNicOptions().interfaceName("lo").receiveBufferBytes(8 << 20);
        try (CountersFile counters = CountersFile.create(dir.resolve("counters"), 1024);
            KernelNicPort receiver = KernelNicPort.open("app", options, counters, clock);
            KernelNicPort senderA = KernelNicPort.open("sim-a", options, counters, clock);
            KernelNicPort senderB = KernelNicPort.open("sim-b", options, counters, clock))
        {
            final int port = receiver.subscribeMulticast(GROUP_A, 0).port();
            receiver.subscribeMulticast(GROUP_B, port);
            receiver.subscribeMulticast(GROUP_SNAPSHOT, port);
            final ChannelContext channel = new ChannelContext().id(SimHarness.CHANNEL_ID)
                .incrementalA(new Endpoint(GROUP_A, port)).incrementalB(new Endpoint(GROUP_B, port))
                .snapshot(new Endpoint(GROUP_SNAPSHOT, port)).bookDepth(10);
            final MarketDataSimulator sim = new MarketDataSimulator(SimHarness.simContext(42), channel,
                SimHarness.instruments(), new MarketDataPorts(senderA, senderB, senderA, null), clock);

            final FeedRecorder recorder = new FeedRecorder(10);
            final long[] snapshots = new long[1];
            final UdpFrameDecoder decoder = new UdpFrameDecoder(receiver.counters());
            final UdpView view = new UdpView();
            final int groupA = Ipv4Address.parse(GROUP_A);
            final int groupB = Ipv4Address.parse(GROUP_B);
            final FrameHandler handler = (buffer, offset, length, rxTimestampNs) ->
            {
                if (UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view))
                {
                    final int group = view.destinationAddress();
                    if (group == groupA || group == groupB)
                    {
                        final SimHarness.Feed feed = group == groupA ? SimHarness.Feed.A : SimHarness.Feed.B;
                        recorder.onPayload(feed, view.buffer(), view.payloadOffset(), view.payloadLength());
                    }
                    else
                    {
                        snapshots[0]++;
                    }
                }
            };

            while (sim.lastMsgSeqNum() < PACKETS)
            {
                clock.advance(STEP_NS);
                sim.doWork();
                receiver.rxQueue(0).poll(handler, 1024);
            }
            while (recorder.packetCounts[SimHarness.Feed.A.ordinal()] < sim.lastMsgSeqNum() ||
                recorder.packetCounts[SimHarness.Feed.B.ordinal()] < sim.lastMsgSeqNum())
            {
                sim.doWork();
                receiver.rxQueue(0).poll(handler, 1024);
            }

            assertEquals(sim.lastMsgSeqNum(), recorder.lastMsgSeqNum);
            for (final int securityId : new int[]{ SimHarness.ES, SimHarness.NQ, SimHarness.CL })
            {
                recorder.book(securityId).assertEqualTo(sim.book(securityId));
            }
            assertEquals(recorder.digests[SimHarness.Feed.A.ordinal()], recorder.digests[SimHarness.Feed.B.ordinal()]);
            assertTrue(snapshots[0] > 0, "snapshots received");
            sim.onClose();
        }
    }
}
