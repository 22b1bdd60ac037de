package io.wirespeed.sim;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.ShmNicContext;
import io.wirespeed.config.SimContext;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpView;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulator on the far side of four shm NIC pairs (A, B, snapshot, definition), driven by a manual clock, with the
 * receiving sides polled in the test's thread and each UDP payload handed to a {@link PayloadHandler}.
 */
final class SimHarness implements AutoCloseable
{
    static final long T0_NS = 1_764_000_000_000_000_000L;
    static final int CHANNEL_ID = 310;
    static final int ES = 1001;
    static final int NQ = 1002;
    static final int CL = 1003;
    static final Endpoint A = Endpoint.parse("239.10.1.1:14310");
    static final Endpoint B = Endpoint.parse("239.10.2.1:15310");
    static final Endpoint SNAPSHOT = Endpoint.parse("239.10.3.1:16310");
    static final Endpoint DEFINITION = Endpoint.parse("239.10.4.1:17310");

    /**
     * Receives one UDP payload of a feed.
     */
    @FunctionalInterface
    interface PayloadHandler
    {
        void onPayload(Feed feed, DirectBuffer buffer, int offset, int length);
    }

    enum Feed
    {
        A, B, SNAPSHOT, DEFINITION
    }

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0_NS);
    final MarketDataSimulator sim;
    private final CountersFile counters;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final NicPort[] receivers = new NicPort[4];
    private final FrameHandler[] handlers = new FrameHandler[4];
    private final UdpView view = new UdpView();
    private PayloadHandler payloadHandler = (feed, buffer, offset, length) -> {};

    SimHarness(final Path dir, final SimContext simContext)
    {
        this(dir, simContext, channel());
    }

    SimHarness(final Path dir, final SimContext simContext, final ChannelContext channel)
    {
        this(dir, simContext, channel, 1024);
    }

    SimHarness(final Path dir, final SimContext simContext, final ChannelContext channel, final int ringCapacity)
    {
        counters = CountersFile.create(dir.resolve("counters"), 2048);
        final NicPort[] senders = new NicPort[4];
        for (final Feed feed : Feed.values())
        {
            final ShmNicContext context = new ShmNicContext().path(dir.resolve("nic-" + feed))
                .ringCapacity(ringCapacity).frameSizeBytes(2048).frameCount(2048);
            senders[feed.ordinal()] = ShmNicPort.create("sim-" + feed, context, counters, clock);
            closeables.add(senders[feed.ordinal()]);
            receivers[feed.ordinal()] = ShmNicPort.attach("app-" + feed, context, counters, clock);
            closeables.add(receivers[feed.ordinal()]);
            final UdpFrameDecoder decoder = new UdpFrameDecoder(receivers[feed.ordinal()].counters());
            handlers[feed.ordinal()] = (buffer, offset, length, rxTimestampNs) ->
            {
                if (UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view))
                {
                    payloadHandler.onPayload(feed, view.buffer(), view.payloadOffset(), view.payloadLength());
                }
            };
        }
        final MarketDataPorts ports = new MarketDataPorts(senders[0], senders[1], senders[2], senders[3]);
        sim = new MarketDataSimulator(
            simContext, channel, instruments(), ports, clock, new SimCounters(counters, channel.id()));
    }

    static List<InstrumentContext> instruments()
    {
        return List.of(
            new InstrumentContext().symbol("ESZ5").securityId(ES).channel(CHANNEL_ID).tickSize(new BigDecimal("0.25"))
                .contractMultiplier(BigDecimal.valueOf(50)),
            new InstrumentContext().symbol("NQZ5").securityId(NQ).channel(CHANNEL_ID).tickSize(new BigDecimal("0.25"))
                .contractMultiplier(BigDecimal.valueOf(20)),
            new InstrumentContext().symbol("CLF6").securityId(CL).channel(CHANNEL_ID).tickSize(new BigDecimal("0.01"))
                .contractMultiplier(BigDecimal.valueOf(1000)),
            new InstrumentContext().symbol("ZNH6").securityId(2001).channel(311).tickSize(new BigDecimal("0.015625")));
    }

    static ChannelContext channel()
    {
        return new ChannelContext().id(CHANNEL_ID).incrementalA(A).incrementalB(B).snapshot(SNAPSHOT)
            .instrumentDefinition(DEFINITION).bookDepth(10);
    }

    /**
     * A busy market open from the start (no pre-open), with the channel's other defaults: statistics, volume,
     * limits, heartbeats.
     */
    static SimContext simContext(final long seed)
    {
        return new SimContext().seed(seed).messageRatePerSecond(100_000).burstiness(0.5).bookDepth(10)
            .snapshotIntervalMs(20).definitionIntervalMs(50).participants(8).preOpenMs(0);
    }

    void payloadHandler(final PayloadHandler payloadHandler)
    {
        this.payloadHandler = payloadHandler;
    }

    /**
     * Hand every waiting payload to the handler, snapshot and definition feeds before the incremental ones.
     */
    int poll()
    {
        int frames = 0;
        frames += receivers[Feed.DEFINITION.ordinal()].rxQueue(0).poll(handlers[Feed.DEFINITION.ordinal()], 1024);
        frames += receivers[Feed.SNAPSHOT.ordinal()].rxQueue(0).poll(handlers[Feed.SNAPSHOT.ordinal()], 1024);
        frames += receivers[Feed.A.ordinal()].rxQueue(0).poll(handlers[Feed.A.ordinal()], 1024);
        frames += receivers[Feed.B.ordinal()].rxQueue(0).poll(handlers[Feed.B.ordinal()], 1024);
        return frames;
    }

    /**
     * Advance the clock, run a duty cycle and poll, until the incremental feed has sent a number of packets.
     */
    void runUntilMsgSeqNum(final long msgSeqNum, final long stepNs)
    {
        while (sim.lastMsgSeqNum() < msgSeqNum)
        {
            step(stepNs);
        }
    }

    void step(final long stepNs)
    {
        clock.advance(stepNs);
        sim.doWork();
        while (poll() > 0)
        {
            sim.doWork();
        }
    }

    public void close()
    {
        sim.onClose();
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            CloseHelper.close(closeables.get(i));
        }
        CloseHelper.close(counters);
    }
}
