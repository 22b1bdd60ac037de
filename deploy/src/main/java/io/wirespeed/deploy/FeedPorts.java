package io.wirespeed.deploy;

import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.config.FaultContext;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.NicBackend;
import io.wirespeed.config.PcapNicContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.fault.FaultInjectingPort;
import io.wirespeed.nic.kernel.KernelNicPort;
import io.wirespeed.nic.kernel.KernelSubscription;
import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.shm.ShmFeedPorts;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.nic.xdp.AfXdpNicPort;
import io.wirespeed.nic.xdp.XdpSetupException;
import io.wirespeed.nic.xdp.XdpSubscription;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The appliance's side of the feeds on the configured NIC backend: shm wires a running venue created, kernel sockets
 * that joined each feed's group, one AF_XDP socket on the configured interface queue subscribed to every feed, or the
 * configured captures replayed as one port (with the clock of their recorded time for the feed handler's timers).
 * A value that cannot be honoured is a {@link Refusal} naming its key; what was opened is described as read back from
 * the ports (paths and peer, groups and ports joined, the XDP mode and bind obtained).
 */
final class FeedPorts implements AutoCloseable
{
    private final List<NicPort> ports = new ArrayList<>();
    private final List<NicPort> rawPorts = new ArrayList<>();
    private final List<String> description = new ArrayList<>();
    private PcapNicPort capture;

    private FeedPorts()
    {
    }

    /**
     * Open the feeds of every configured channel on the configured backend.
     *
     * @param config    concluded configuration.
     * @param allocator for the ports' counters.
     * @param clock     for rx time stamps.
     * @return the ports, fault injection wrapped around each feed where configured.
     * @throws Refusal when the backend cannot be opened as configured.
     */
    static FeedPorts open(final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        final FeedPorts feeds = new FeedPorts();
        try
        {
            final NicBackend backend = config.nic().backend();
            switch (backend)
            {
                case SHM:
                    feeds.attachShm(config, allocator, clock);
                    break;
                case KERNEL:
                    feeds.joinKernel(config, allocator, clock);
                    break;
                case AF_XDP:
                    feeds.openAfXdp(config, allocator, clock);
                    break;
                default:
                    feeds.openCaptures(config, allocator, clock);
                    break;
            }
            return feeds;
        }
        catch (final RuntimeException ex)
        {
            feeds.close();
            throw ex;
        }
    }

    /**
     * The ports the feed handler polls.
     *
     * @return the ports.
     */
    NicPort[] ports()
    {
        return ports.toArray(new NicPort[0]);
    }

    /**
     * What was opened, one line per port, as read back from the ports.
     *
     * @return the lines.
     */
    List<String> description()
    {
        return List.copyOf(description);
    }

    /**
     * The clock for the feed handler's timers: the captures' recorded time when the feeds are replayed on it
     * ({@code nic.pcap.clock = "capture"}), else the host's.
     *
     * @param host the appliance's clock.
     * @return the clock to hand to the feed handler.
     */
    EpochNanoClock timerClock(final EpochNanoClock host)
    {
        return null == capture ? host : capture.timerClock();
    }

    /**
     * Whether the feeds have ended: every frame of every capture delivered. Live feeds never end.
     *
     * @return true at the end of a replay.
     */
    boolean isEndOfInput()
    {
        return null != capture && capture.isEndOfCapture();
    }

    /**
     * What a replay delivered, once it has ended: frames, bytes, first and last recorded time and problems per file.
     *
     * @return the lines, or null for live feeds.
     */
    String captureSummary()
    {
        return null == capture ? null : capture.summary();
    }

    /**
     * Frames received so far on every feed port, from the ports' counters.
     *
     * @return the frame count.
     */
    long rxFrames()
    {
        long frames = 0;
        for (final NicPort port : rawPorts)
        {
            frames += port.counters().value(NicCounter.RX_FRAMES);
        }
        return frames;
    }

    public void close()
    {
        // a fault-injecting wrapper holds nothing of its own: closing the port under it closes both
        CloseHelper.closeAll(rawPorts);
        ports.clear();
        rawPorts.clear();
    }

    /**
     * The configuration key of a channel's feed endpoint, e.g. {@code channel.0.incremental_a}.
     *
     * @param config  the configuration.
     * @param channel the channel.
     * @param feed    the feed.
     * @return the key.
     */
    static String endpointKey(final WirespeedConfig config, final ChannelContext channel, final FeedName feed)
    {
        final String name;
        switch (feed)
        {
            case A:
                name = "incremental_a";
                break;
            case B:
                name = "incremental_b";
                break;
            case SNAPSHOT:
                name = "snapshot";
                break;
            default:
                name = "instrument_definition";
                break;
        }
        return "channel." + config.channels().indexOf(channel) + "." + name;
    }

    private void attachShm(final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        for (final ChannelContext channel : config.channels())
        {
            for (final FeedName feed : FeedName.values())
            {
                final Path path = ShmFeedPorts.feedContext(config.nic().shm(), channel.id(), feed).path();
                if (!Files.exists(path))
                {
                    throw Refusal.nothingToTalkTo("nic.shm.path", config.nic().shm().path().toString(),
                        "no venue wires at " + path + "; start `wirespeed venue` with this configuration first");
                }
            }
            final ShmNicPort[] attached;
            try
            {
                attached = ShmFeedPorts.attach(config.nic().shm(), channel.id(), allocator, clock);
            }
            catch (final IllegalStateException ex)
            {
                throw Refusal.of("nic.shm.path", config.nic().shm().path().toString(), ex.getMessage());
            }
            for (final ShmNicPort port : attached)
            {
                rawPorts.add(port);
            }
            for (final FeedName feed : FeedName.values())
            {
                final ShmNicPort port = attached[feed.ordinal()];
                final long venuePid = port.peerPid();
                if (0 == venuePid || !ProcessHandle.of(venuePid).map(ProcessHandle::isAlive).orElse(false))
                {
                    throw Refusal.nothingToTalkTo("nic.shm.path", config.nic().shm().path().toString(),
                        "the venue that created " + port.path() + " is gone" +
                        (0 == venuePid ? "" : " (pid " + venuePid + ")") + "; start `wirespeed venue` again");
                }
                final int discarded = discardBacklog(port);
                addFeed(config, channel, feed, port, clock);
                description.add(String.format("shm: feed %d %s attached to %s (venue pid %d, ring %d x %d B; %d " +
                    "frame(s) queued before this attach discarded)", channel.id(), feed.text(), port.path(),
                    venuePid, port.layout().ringCapacity(), port.layout().frameSize(), discarded));
            }
        }
    }

    /**
     * Join the wire live, as a receiver plugged into a network does: what the venue queued while nobody was attached
     * (a full ring holds the venue back) is old, so it is read and discarded, counted, before the feed handler polls.
     */
    private static int discardBacklog(final ShmNicPort port)
    {
        final int limit = port.layout().ringCapacity();
        int discarded = 0;
        int frames;
        do
        {
            frames = port.rxQueue(0).poll((buffer, offset, length, rxTimestampNs) -> {}, limit - discarded);
            discarded += frames;
        }
        while (frames > 0 && discarded < limit);
        return discarded;
    }

    private void joinKernel(final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        for (final ChannelContext channel : config.channels())
        {
            for (final FeedName feed : FeedName.values())
            {
                final Endpoint endpoint = channel.endpoint(feed);
                if (null == endpoint)
                {
                    continue;
                }
                final KernelNicPort port = openKernel(config, channel, feed, allocator, clock);
                rawPorts.add(port);
                final KernelSubscription subscription;
                try
                {
                    subscription = port.subscribeMulticast(endpoint.group(), endpoint.port());
                }
                catch (final UncheckedIOException ex)
                {
                    throw Refusal.of(endpointKey(config, channel, feed), endpoint.toString(),
                        "cannot join on " + port.interfaceName() + ": " + ex.getCause().getMessage());
                }
                addFeed(config, channel, feed, port, clock);
                description.add(String.format("kernel: feed %d %s joined %s on %s, receive buffer %,d B granted " +
                    "for %,d asked (net.core.rmem_max caps it; Linux reports double)", channel.id(), feed.text(),
                    subscription, port.interfaceName(), subscription.receiveBufferBytes(),
                    config.nic().kernel().receiveBufferBytes()));
            }
        }
    }

    private static KernelNicPort openKernel(
        final WirespeedConfig config,
        final ChannelContext channel,
        final FeedName feed,
        final CounterAllocator allocator,
        final EpochNanoClock clock)
    {
        return openKernel("feed-" + channel.id() + "-" + feed.text(), config, allocator, clock);
    }

    /**
     * A kernel socket port on {@code nic.kernel.interface}, the appliance's or the venue's.
     *
     * @param name      the port's name in the counters, e.g. "feed-310-a".
     * @param config    concluded configuration.
     * @param allocator for the port's counters.
     * @param clock     stamps frames.
     * @return the port.
     * @throws Refusal naming {@code nic.kernel.interface} when there is no such interface.
     */
    static KernelNicPort openKernel(
        final String name, final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        try
        {
            return KernelNicPort.open(name, config.nic().kernel(), allocator, clock);
        }
        catch (final IllegalArgumentException | UncheckedIOException ex)
        {
            throw Refusal.of("nic.kernel.interface", config.nic().kernel().interfaceName(),
                "no such interface on this host (ip -br addr lists them): " + ex.getMessage());
        }
    }

    private void openAfXdp(final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        for (final ChannelContext channel : config.channels())
        {
            for (final FeedName feed : FeedName.values())
            {
                final FaultContext fault = config.fault(channel.id(), feed);
                if (null != fault && fault.enabled())
                {
                    throw Refusal.of("fault." + channel.id() + "." + feed.text() + ".enabled", true,
                        "fault injection acts on one feed's port; with nic.backend = \"af_xdp\" every feed arrives " +
                        "on the one AF_XDP port (use shm or kernel to inject faults)");
                }
            }
        }
        final AfXdpNicPort port = AfXdpRefusals.open(config, allocator, clock);
        rawPorts.add(port);
        ports.add(port);
        final StringBuilder subscribed = new StringBuilder();
        for (final ChannelContext channel : config.channels())
        {
            for (final FeedName feed : FeedName.values())
            {
                final Endpoint endpoint = channel.endpoint(feed);
                if (null == endpoint)
                {
                    continue;
                }
                final XdpSubscription subscription;
                try
                {
                    subscription = port.subscribeMulticast(endpoint.group(), endpoint.port());
                }
                catch (final XdpSetupException ex)
                {
                    throw Refusal.of(endpointKey(config, channel, feed), endpoint.toString(), ex.getMessage());
                }
                subscribed.append(subscribed.length() > 0 ? ", " : "").append(channel.id()).append(' ')
                    .append(feed.text()).append(' ').append(subscription);
            }
        }
        description.add(String.format("af_xdp: %s, ifindex %d, queue %d, %s (obtained), UMEM %d x %d B, rings %d; " +
            "subscribed %s", port.options().interfaceName(), port.interfaceIndex(), port.options().queue(),
            port.mode().label(), port.options().umemFrameCount(), port.options().umemFrameSizeBytes(),
            port.options().ringSize(), subscribed));
    }

    private void openCaptures(
        final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        final PcapNicContext pcap = config.nic().pcap();
        final boolean one = null == pcap.readPaths();
        final String key = one ? "nic.pcap.read_path" : "nic.pcap.read_paths";
        try
        {
            capture = PcapNicPort.open("captures", pcap, allocator, clock);
        }
        catch (final CaptureFileException | IllegalArgumentException ex)
        {
            throw Refusal.of(key, one ? String.valueOf(pcap.readPath()) : pcap.readPaths().toString(), ex.getMessage());
        }
        rawPorts.add(capture);
        ports.add(capture);
        description.add(String.format("pcap: %d capture(s) %s merged by recorded time, %s pacing, gap and silence " +
            "timers on %s; sent frames %s", pcap.captures().size(), pcap.captures(), pcap.pacing().text(),
            null == capture.captureClock() ? "the host's clock" : "the captures' recorded time",
            null == pcap.writePath() ? "discarded" : "written to " + pcap.writePath()));
    }

    private void addFeed(
        final WirespeedConfig config,
        final ChannelContext channel,
        final FeedName feed,
        final NicPort port,
        final EpochNanoClock clock)
    {
        final FaultContext fault = config.fault(channel.id(), feed);
        if (null != fault && fault.enabled())
        {
            ports.add(new FaultInjectingPort(port, fault, clock, FaultInjectingPort.HOLDING_FRAMES_DEFAULT,
                FaultInjectingPort.SLOT_BYTES_DEFAULT));
            description.add(String.format("fault injection on feed %d %s: seed %d, loss rate %s, duplicate rate %s, " +
                "reorder rate %s, delay %d ns", channel.id(), feed.text(), fault.seed(), fault.lossRate(),
                fault.duplicateRate(), fault.reorderRate(), fault.delayNs()));
        }
        else
        {
            ports.add(port);
        }
    }
}
