package io.wirespeed.feed;

import io.aeron.Publication;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.ReplayClock;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpView;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.List;

/**
 * Polls the RX queues of the feed NIC ports in bursts, routes each UDP payload by destination group and port to its
 * channel's A, B, snapshot or definition feed, and runs the channels' timers; reads the clock once per duty cycle.
 * <p>
 * Timers (gap timeout, feed silence) run only in a duty cycle that drained every RX queue, at the clock reading of
 * that cycle. When the clock is a {@link ReplayClock} (feeds replayed from captures, on their recorded time) the agent
 * then advances it to the next instant with the earliest timer deadline of its channels, so a timer fires exactly
 * when recorded time passes its deadline, before any frame recorded after it, however fast the replay runs; after
 * the last frame the clock, and so every timer, stands still.
 */
public final class FeedHandlerAgent implements Agent
{
    /** Frames taken from one RX queue per duty cycle unless configured. */
    public static final int BURST_LIMIT_DEFAULT = 64;

    private final EpochNanoClock clock;
    private final ReplayClock replayClock;
    private final FeedChannel[] channels;
    private final MarketDataStream[] streams;
    private final PortPoller[] pollers;
    private final int burstLimit;
    private final int[] routeGroups;
    private final int[] routePorts;
    private final FeedChannel[] routeChannels;
    private final FeedName[] routeFeeds;
    private long unroutedFrames;
    private long nowNs;

    /**
     * An agent over ports and channels.
     *
     * @param clock      read once per duty cycle; a {@link ReplayClock} is also advanced by the agent.
     * @param ports      whose RX queues are polled; the agent does not close them.
     * @param channels   fed by the ports; their counters are closed by {@link #onClose()}.
     * @param contexts   the channels' configuration, same order, for their endpoints.
     * @param burstLimit frames taken from one RX queue per duty cycle.
     */
    public FeedHandlerAgent(
        final EpochNanoClock clock,
        final NicPort[] ports,
        final FeedChannel[] channels,
        final ChannelContext[] contexts,
        final int burstLimit)
    {
        this.clock = clock;
        this.replayClock = clock instanceof ReplayClock ? (ReplayClock)clock : null;
        this.channels = channels.clone();
        this.burstLimit = burstLimit;
        streams = distinctStreams(channels);
        pollers = new PortPoller[ports.length];
        for (int i = 0; i < ports.length; i++)
        {
            pollers[i] = new PortPoller(ports[i]);
        }
        int routes = 0;
        for (final ChannelContext context : contexts)
        {
            for (final FeedName feed : FeedName.values())
            {
                routes += null == context.endpoint(feed) ? 0 : 1;
            }
        }
        routeGroups = new int[routes];
        routePorts = new int[routes];
        routeChannels = new FeedChannel[routes];
        routeFeeds = new FeedName[routes];
        int route = 0;
        for (int i = 0; i < channels.length; i++)
        {
            for (final FeedName feed : FeedName.values())
            {
                final Endpoint endpoint = contexts[i].endpoint(feed);
                if (null == endpoint)
                {
                    continue;
                }
                routeGroups[route] = Ipv4Address.parse(endpoint.group());
                routePorts[route] = endpoint.port();
                routeChannels[route] = channels[i];
                routeFeeds[route] = feed;
                route++;
            }
        }
    }

    /**
     * An agent for every channel of a configuration, its instruments from the configuration, publishing on one
     * Aeron publication; the agent closes the channels' counters on close.
     *
     * @param config      concluded configuration.
     * @param ports       whose RX queues carry the feeds; the agent does not close them.
     * @param publication normalized market data goes here; the agent does not close it.
     * @param allocator   where the channels' counters are allocated.
     * @param clock       read once per duty cycle: the host's, or the ports' {@link ReplayClock} when the feeds are
     *                    replayed from captures (e.g. {@code PcapNicPort.timerClock()}), which the agent advances.
     * @return the agent.
     */
    public static FeedHandlerAgent create(
        final WirespeedConfig config,
        final NicPort[] ports,
        final Publication publication,
        final CounterAllocator allocator,
        final EpochNanoClock clock)
    {
        final MarketDataStream stream = new MarketDataStream(
            new AeronMarketDataSink(publication, AeronMarketDataSink.MAX_ATTEMPTS_DEFAULT));
        final ChannelContext[] contexts = config.channels().toArray(new ChannelContext[0]);
        final FeedChannel[] channels = new FeedChannel[contexts.length];
        for (int i = 0; i < contexts.length; i++)
        {
            channels[i] = new FeedChannel(contexts[i], stream, new ChannelCounters(allocator, contexts[i].id()));
            for (final InstrumentContext instrument : config.instruments())
            {
                if (instrument.channel() == contexts[i].id())
                {
                    channels[i].addInstrument(instrument.securityId(), instrument.symbol());
                }
            }
        }
        return new FeedHandlerAgent(clock, ports, channels, contexts, BURST_LIMIT_DEFAULT);
    }

    /**
     * A channel by id.
     *
     * @param channelId the channel's id.
     * @return the channel, or null when there is none.
     */
    public FeedChannel channel(final int channelId)
    {
        for (final FeedChannel channel : channels)
        {
            if (channel.channelId() == channelId)
            {
                return channel;
            }
        }
        return null;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        for (final FeedChannel channel : channels)
        {
            CloseHelper.quietClose(channel.counters());
        }
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "feed-handler";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        nowNs = clock.nanoTime();
        int work = republishAfterLoss();
        boolean drained = true;
        for (final PortPoller poller : pollers)
        {
            final int frames = poller.poll();
            drained &= !poller.mayHaveMore;
            work += frames;
        }
        if (drained)
        {
            // timers (gap, silent feed) judge what has not arrived: only once every queued frame has been read, so a
            // thread that was descheduled for longer than the gap timeout does not declare a gap for packets that are
            // sitting in its own RX rings
            for (final FeedChannel channel : channels)
            {
                work += channel.onTimer(nowNs);
            }
            if (null != replayClock && replayClock.advance(nextTimerDeadlineNs()))
            {
                work++;
            }
        }
        return work;
    }

    /**
     * UDP frames whose destination is no channel's feed.
     *
     * @return frames not routed.
     */
    public long unroutedFrames()
    {
        return unroutedFrames;
    }

    /**
     * A stream that lost messages has its channels publish every instrument again once it has room, before any new
     * frame is read; a loss during the republication makes it owed again.
     */
    private int republishAfterLoss()
    {
        int work = 0;
        for (final MarketDataStream stream : streams)
        {
            if (stream.canRepublish())
            {
                stream.onRepublishStart();
                for (final FeedChannel channel : channels)
                {
                    if (channel.stream() == stream)
                    {
                        work += channel.republish(nowNs);
                    }
                }
            }
        }
        return work;
    }

    private static MarketDataStream[] distinctStreams(final FeedChannel[] channels)
    {
        final List<MarketDataStream> distinct = new ArrayList<>();
        for (final FeedChannel channel : channels)
        {
            if (!distinct.contains(channel.stream()))
            {
                distinct.add(channel.stream());
            }
        }
        return distinct.toArray(new MarketDataStream[0]);
    }

    private long nextTimerDeadlineNs()
    {
        long deadlineNs = ReplayClock.NO_DEADLINE;
        for (final FeedChannel channel : channels)
        {
            deadlineNs = Math.min(deadlineNs, channel.nextTimerDeadlineNs());
        }
        return deadlineNs;
    }

    private void route(final UdpView view)
    {
        final int group = view.destinationAddress();
        final int port = view.destinationPort();
        for (int i = 0; i < routeGroups.length; i++)
        {
            if (routeGroups[i] == group && routePorts[i] == port)
            {
                final FeedChannel channel = routeChannels[i];
                final DirectBuffer buffer = view.buffer();
                final int offset = view.payloadOffset();
                final int length = view.payloadLength();
                final long rxTimestampNs = view.rxTimestampNs();
                switch (routeFeeds[i])
                {
                    case A:
                        channel.onIncremental(FeedChannel.FEED_A, buffer, offset, length, rxTimestampNs, nowNs);
                        break;
                    case B:
                        channel.onIncremental(FeedChannel.FEED_B, buffer, offset, length, rxTimestampNs, nowNs);
                        break;
                    case SNAPSHOT:
                        channel.onSnapshotPacket(buffer, offset, length, rxTimestampNs, nowNs);
                        break;
                    default:
                        channel.onDefinitionPacket(buffer, offset, length, rxTimestampNs, nowNs);
                        break;
                }
                return;
            }
        }
        unroutedFrames++;
    }

    private final class PortPoller implements FrameHandler
    {
        private final RxQueue[] queues;
        private final UdpFrameDecoder decoder;
        private final UdpView view = new UdpView();

        PortPoller(final NicPort port)
        {
            queues = new RxQueue[port.rxQueueCount()];
            for (int i = 0; i < queues.length; i++)
            {
                queues[i] = port.rxQueue(i);
            }
            decoder = new UdpFrameDecoder(port.counters(), false);
        }

        boolean mayHaveMore;

        int poll()
        {
            int work = 0;
            boolean full = false;
            for (final RxQueue queue : queues)
            {
                final int frames = queue.poll(this, burstLimit);
                full |= frames >= burstLimit;
                work += frames;
            }
            mayHaveMore = full;
            return work;
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (UdpFrameDecoder.UDP == decoder.decode(buffer, offset, length, rxTimestampNs, view))
            {
                route(view);
            }
        }
    }
}
