package io.wirespeed.feed;

import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.nio.file.Path;

/**
 * A channel with captured output and a clock the test advances, for driving {@link FeedChannel} by hand.
 */
final class ChannelFixture implements AutoCloseable
{
    static final int CHANNEL_ID = 1;
    static final long START_NS = 1_700_000_000_000_000_000L;

    final CountersFile countersFile;
    final ChannelCounters counters;
    final CapturingSink sink = new CapturingSink();
    final FeedChannel channel;
    long nowNs = START_NS;

    ChannelFixture(final Path dir, final int gapBufferPackets)
    {
        countersFile = CountersFile.create(dir.resolve("counters-" + System.nanoTime()), 1024);
        counters = new ChannelCounters(countersFile, CHANNEL_ID);
        final ChannelContext context = new ChannelContext()
            .id(CHANNEL_ID)
            .incrementalA(new Endpoint("239.1.1.1", 14310))
            .incrementalB(new Endpoint("239.1.1.2", 14310))
            .snapshot(new Endpoint("239.1.1.3", 14310))
            .gapBufferPackets(gapBufferPackets)
            .gapTimeoutMs(10)
            .feedSilenceMs(1_000)
            .bookDepth(5);
        channel = new FeedChannel(context, sink, counters);
        channel.onTimer(nowNs);
    }

    void a(final PacketBuilder packet)
    {
        incremental(FeedChannel.FEED_A, packet.buffer(), packet.length());
    }

    void b(final PacketBuilder packet)
    {
        incremental(FeedChannel.FEED_B, packet.buffer(), packet.length());
    }

    void incremental(final int feed, final DirectBuffer buffer, final int length)
    {
        channel.onIncremental(feed, buffer, 0, length, nowNs, nowNs);
    }

    void snapshot(final PacketBuilder packet)
    {
        channel.onSnapshotPacket(packet.buffer(), 0, packet.length(), nowNs, nowNs);
    }

    void definition(final PacketBuilder packet)
    {
        channel.onDefinitionPacket(packet.buffer(), 0, packet.length(), nowNs, nowNs);
    }

    void advanceMs(final long ms)
    {
        nowNs += ms * 1_000_000L;
        channel.onTimer(nowNs);
    }

    long count(final FeedCounter counter)
    {
        return counters.get(counter);
    }

    public void close()
    {
        CloseHelper.closeAll(counters, countersFile);
    }
}
