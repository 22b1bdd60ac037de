package io.wirespeed.nic.shm;

import io.wirespeed.config.FeedName;
import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;

/**
 * One shm virtual NIC per feed of a channel, so each feed (A, B, snapshot, definition) has its own wire and fault
 * injection can act on one feed alone. The venue side (exchange simulator) creates them, the appliance attaches;
 * both derive the files from the configured {@code nic.shm.path}: {@code <path>-<channel id>-<feed>}.
 */
public final class ShmFeedPorts
{
    private ShmFeedPorts()
    {
    }

    /**
     * The shm geometry of one feed of a channel: the configured geometry, at the feed's own path.
     *
     * @param base      the configured {@code [nic.shm]} section, concluded.
     * @param channelId of the channel.
     * @param feed      which feed.
     * @return a new context for that feed.
     */
    public static ShmNicContext feedContext(final ShmNicContext base, final int channelId, final FeedName feed)
    {
        return new ShmNicContext()
            .path(Path.of(base.path() + "-" + channelId + "-" + feed.text()))
            .ringCapacity(base.ringCapacity())
            .frameSizeBytes(base.frameSizeBytes())
            .frameCount(base.frameCount());
    }

    /**
     * Create the venue side of every feed of a channel, replacing stale files.
     *
     * @param base      the configured {@code [nic.shm]} section, concluded.
     * @param channelId of the channel.
     * @param allocator for the ports' counters.
     * @param clock     stamps transmitted frames.
     * @return one port per {@link FeedName}, in its order.
     */
    public static ShmNicPort[] create(
        final ShmNicContext base, final int channelId, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        return open(base, channelId, allocator, clock, true);
    }

    /**
     * Attach the appliance side of every feed of a channel, after the venue side created them.
     *
     * @param base      the configured {@code [nic.shm]} section, concluded.
     * @param channelId of the channel.
     * @param allocator for the ports' counters.
     * @param clock     stamps transmitted frames.
     * @return one port per {@link FeedName}, in its order.
     */
    public static ShmNicPort[] attach(
        final ShmNicContext base, final int channelId, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        return open(base, channelId, allocator, clock, false);
    }

    private static ShmNicPort[] open(
        final ShmNicContext base,
        final int channelId,
        final CounterAllocator allocator,
        final EpochNanoClock clock,
        final boolean create)
    {
        final FeedName[] feeds = FeedName.values();
        final ShmNicPort[] ports = new ShmNicPort[feeds.length];
        try
        {
            for (int i = 0; i < feeds.length; i++)
            {
                final ShmNicContext context = feedContext(base, channelId, feeds[i]);
                final String name = (create ? "venue-" : "feed-") + channelId + "-" + feeds[i].text();
                ports[i] = create ?
                    ShmNicPort.create(name, context, allocator, clock) :
                    ShmNicPort.attach(name, context, allocator, clock);
            }
            return ports;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.closeAll(ports);
            for (int i = 0; create && i < ports.length; i++)
            {
                if (null != ports[i])
                {
                    IoUtil.deleteIfExists(ports[i].path().toFile());
                }
            }
            throw ex;
        }
    }
}
