package io.wirespeed.deploy;

import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.kernel.KernelNicOptions;
import io.wirespeed.nic.kernel.KernelNicPort;
import io.wirespeed.nic.kernel.KernelSubscription;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.sim.MarketDataPorts;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;

/**
 * Feed wires over kernel UDP sockets on loopback: each feed is its configured multicast group on a port the kernel
 * picks, joined on "lo" by one appliance {@link KernelNicPort} per feed and sent to by one venue port per feed with
 * IP_MULTICAST_IF "lo" and IP_MULTICAST_LOOP on (no route is needed). The ports the kernel picks are written back into
 * the channel's endpoints before the configuration is concluded, so runs in parallel never hear each other.
 */
final class KernelFeedWires implements FeedPathRig.Wires
{
    private static final String INTERFACE = "lo";

    private final KernelNicPort[] venue = new KernelNicPort[FeedName.values().length];
    private final KernelNicPort[] appliance = new KernelNicPort[FeedName.values().length];
    private final KernelSubscription[] subscriptions = new KernelSubscription[FeedName.values().length];

    public void configure(
        final WirespeedConfig config, final Path dir, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        final ChannelContext channel = config.channel(FeedPathRig.CHANNEL);
        try
        {
            for (final FeedName feed : FeedName.values())
            {
                final KernelNicPort port = KernelNicPort.open(
                    "feed-" + FeedPathRig.CHANNEL + "-" + feed.text(), options(), allocator, clock);
                appliance[feed.ordinal()] = port;
                final String group = channel.endpoint(feed).group();
                final KernelSubscription subscription = port.subscribeMulticast(group, 0);
                subscriptions[feed.ordinal()] = subscription;
                endpoint(channel, feed, new Endpoint(group, subscription.port()));
            }
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    public void open(final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        for (final FeedName feed : FeedName.values())
        {
            venue[feed.ordinal()] = KernelNicPort.open(
                "venue-" + FeedPathRig.CHANNEL + "-" + feed.text(), options(), allocator, clock);
        }
    }

    public MarketDataPorts venue()
    {
        return new MarketDataPorts(venue[FeedName.A.ordinal()], venue[FeedName.B.ordinal()],
            venue[FeedName.SNAPSHOT.ordinal()], venue[FeedName.DEFINITION.ordinal()]);
    }

    public NicPort appliance(final FeedName feed)
    {
        return appliance[feed.ordinal()];
    }

    /**
     * The subscription a feed is received on.
     *
     * @param feed the feed.
     * @return its group and kernel-chosen port.
     */
    KernelSubscription subscription(final FeedName feed)
    {
        return subscriptions[feed.ordinal()];
    }

    public void close()
    {
        CloseHelper.closeAll(appliance);
        CloseHelper.closeAll(venue);
    }

    private static KernelNicOptions options()
    {
        return new KernelNicOptions().interfaceName(INTERFACE).multicastLoopback(true);
    }

    private static void endpoint(final ChannelContext channel, final FeedName feed, final Endpoint endpoint)
    {
        switch (feed)
        {
            case A:
                channel.incrementalA(endpoint);
                break;
            case B:
                channel.incrementalB(endpoint);
                break;
            case SNAPSHOT:
                channel.snapshot(endpoint);
                break;
            default:
                channel.instrumentDefinition(endpoint);
                break;
        }
    }
}
