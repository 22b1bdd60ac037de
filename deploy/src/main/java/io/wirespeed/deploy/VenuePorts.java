package io.wirespeed.deploy;

import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.NicBackend;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;
import io.wirespeed.nic.kernel.KernelNicPort;
import io.wirespeed.nic.shm.ShmFeedPorts;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.nic.xdp.AfXdpNicPort;
import io.wirespeed.sim.MarketDataPorts;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue's side of the feeds on the configured NIC backend: it creates the shm wires an appliance attaches to,
 * sends each feed to its multicast group through a kernel socket on the configured interface, or writes every feed's
 * frames (its own Ethernet, IPv4 and UDP headers, from the interface's addresses) to the TX ring of one AF_XDP socket
 * on the configured interface queue, shared by every channel. Capture files are refused naming {@code nic.backend}:
 * the venue does not send into them.
 */
final class VenuePorts implements AutoCloseable
{
    private final List<NicPort> ports = new ArrayList<>();
    private final List<Path> createdFiles = new ArrayList<>();
    private final List<String> description = new ArrayList<>();
    private AfXdpNicPort afXdp;

    private VenuePorts()
    {
    }

    /**
     * Open the venue's side of one channel's feeds.
     *
     * @param config    concluded configuration.
     * @param channel   the channel.
     * @param allocator for the ports' counters.
     * @param clock     stamps transmitted frames.
     * @param ports     collects what is opened, so the caller closes it on failure too.
     * @return the ports the simulator sends through.
     * @throws Refusal when the backend is not one the venue sends on.
     */
    static MarketDataPorts open(
        final WirespeedConfig config,
        final ChannelContext channel,
        final CounterAllocator allocator,
        final EpochNanoClock clock,
        final VenuePorts ports)
    {
        final NicPort[] feeds = new NicPort[FeedName.values().length];
        final NicBackend backend = config.nic().backend();
        if (NicBackend.SHM == backend)
        {
            final ShmNicPort[] created = ShmFeedPorts.create(config.nic().shm(), channel.id(), allocator, clock);
            for (final FeedName feed : FeedName.values())
            {
                final ShmNicPort port = created[feed.ordinal()];
                feeds[feed.ordinal()] = port;
                ports.ports.add(port);
                ports.createdFiles.add(port.path());
                ports.description.add(String.format("shm: feed %d %s created %s (ring %d x %d B)", channel.id(),
                    feed.text(), port.path(), port.layout().ringCapacity(), port.layout().frameSize()));
            }
        }
        else if (NicBackend.KERNEL == backend)
        {
            for (final FeedName feed : FeedName.values())
            {
                final KernelNicPort port = FeedPorts.openKernel("venue-" + channel.id() + "-" + feed.text(), config,
                    allocator, clock);
                feeds[feed.ordinal()] = port;
                ports.ports.add(port);
                final Endpoint endpoint = channel.endpoint(feed);
                if (null != endpoint)
                {
                    ports.description.add(String.format("kernel: feed %d %s sends to %s on %s from UDP port %d",
                        channel.id(), feed.text(), endpoint, port.interfaceName(), port.txLocalPort()));
                }
            }
        }
        else if (NicBackend.AF_XDP == backend)
        {
            return ports.openAfXdp(config, channel, allocator, clock);
        }
        else
        {
            throw Refusal.of("nic.backend", backend, "the venue sends market data on shm wires, kernel multicast " +
                "sockets or AF_XDP; it does not write captures (record it with tcpdump)");
        }
        return new MarketDataPorts(feeds[FeedName.A.ordinal()], feeds[FeedName.B.ordinal()],
            feeds[FeedName.SNAPSHOT.ordinal()], feeds[FeedName.DEFINITION.ordinal()]);
    }

    /**
     * An empty set for {@link #open} to fill.
     *
     * @return the set.
     */
    static VenuePorts empty()
    {
        return new VenuePorts();
    }

    /**
     * What was opened, one line per feed.
     *
     * @return the lines.
     */
    List<String> description()
    {
        return List.copyOf(description);
    }

    /**
     * Close every port and remove the wires this venue created.
     */
    public void close()
    {
        CloseHelper.closeAll(ports);
        ports.clear();
        for (final Path file : createdFiles)
        {
            IoUtil.deleteIfExists(file.toFile());
        }
        createdFiles.clear();
    }

    private MarketDataPorts openAfXdp(
        final WirespeedConfig config,
        final ChannelContext channel,
        final CounterAllocator allocator,
        final EpochNanoClock clock)
    {
        if (null == afXdp)
        {
            afXdp = AfXdpRefusals.open(config, allocator, clock);
            ports.add(afXdp);
            if (Ipv4Address.ANY == afXdp.ipv4Address())
            {
                throw Refusal.of("nic.af_xdp.interface", config.nic().afXdp().interfaceName(),
                    "has no IPv4 address to send the feeds from (ip addr add ADDR/LEN dev IF)");
            }
        }
        for (final FeedName feed : FeedName.values())
        {
            final Endpoint endpoint = channel.endpoint(feed);
            if (null != endpoint)
            {
                description.add(String.format("af_xdp: feed %d %s sends to %s from %s %s:%d through %s, ifindex %d, " +
                    "queue %d, %s (obtained)", channel.id(), feed.text(), endpoint,
                    MacAddress.toString(afXdp.macAddress()), Ipv4Address.toString(afXdp.ipv4Address()),
                    endpoint.port(), afXdp.options().interfaceName(), afXdp.interfaceIndex(),
                    afXdp.options().queue(), afXdp.mode().label()));
            }
        }
        return new MarketDataPorts(afXdp, null == channel.incrementalB() ? null : afXdp, afXdp,
            null == channel.instrumentDefinition() ? null : afXdp, afXdp.macAddress(), afXdp.ipv4Address());
    }
}
