package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.DriverThreadingMode;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.StrategySample;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.gateway.GatewayAgent;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounters;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import io.wirespeed.nic.shm.ShmFeedPorts;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.SimCounters;
import io.wirespeed.sim.venue.AcceptorCounters;
import io.wirespeed.sim.venue.FixpAcceptor;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounters;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyMain;
import io.wirespeed.strategy.StrategySettings;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The whole appliance in one process against the embedded exchange simulator: the venue (market data on per-feed
 * shm wires, iLink 3-style order entry on a loopback TCP port), the feed handler, the gateway with its venue session,
 * and the in-process sample strategies, over Aeron IPC on an embedded media driver.
 * <p>
 * Assembly only: nothing runs until the caller drives the agents, by hand ({@link #doWork()}, as tests do with a
 * manual clock) or on threads ({@link ApplianceThreads}).
 */
final class Appliance implements AutoCloseable
{
    private static final int MAX_COUNTERS = 4096;
    private static final int MAX_VENUE_CONNECTIONS = 8;

    final WirespeedConfig config;
    final EpochNanoClock clock;
    final CountersFile counters;
    final String venueSecret;
    final boolean generatedSecret;
    final List<ShmNicPort> ports = new ArrayList<>();
    final List<MarketDataSimulator> simulators = new ArrayList<>();
    final OrderEntryApplication venueOrders;
    final FixpAcceptor acceptor;
    final MediaDriver driver;
    final Aeron aeron;
    final Publication marketData;
    final FeedHandlerAgent feed;
    final FixpInitiator session;
    final GatewayAgent gateway;
    final List<StrategyClient> strategies = new ArrayList<>();
    private final Path shmPath;
    final Agent venueAgent;

    /**
     * Assemble the appliance.
     *
     * @param config             concluded configuration; its gateway venue port is pointed at the simulator's.
     * @param clock              the one clock every component reads.
     * @param inProcessStrategies whether the configured sample strategies run in this process.
     */
    Appliance(final WirespeedConfig config, final EpochNanoClock clock, final boolean inProcessStrategies)
    {
        this(config, clock, inProcessStrategies, null);
    }

    /**
     * Assemble the appliance with the venue holding its own secret for the gateway's access key, as when the two sides
     * were provisioned with different keys (tests of a rejected session).
     *
     * @param config              concluded configuration; its gateway venue port is pointed at the simulator's.
     * @param clock               the one clock every component reads.
     * @param inProcessStrategies whether the configured sample strategies run in this process.
     * @param venueOnlySecret     the secret the venue checks signatures with, or null for the gateway's own.
     */
    Appliance(
        final WirespeedConfig config,
        final EpochNanoClock clock,
        final boolean inProcessStrategies,
        final String venueOnlySecret)
    {
        this.config = config;
        this.clock = clock;
        this.shmPath = config.nic().shm().path();
        CountersFile countersFile = null;
        MediaDriver mediaDriver = null;
        Aeron client = null;
        FixpAcceptor venueAcceptor = null;
        try
        {
            countersFile = CountersFile.create(Path.of(shmPath + "-counters"), MAX_COUNTERS);
            final List<ShmNicPort> appliancePorts = new ArrayList<>();
            for (final ChannelContext channel : config.channels())
            {
                final ShmNicPort[] venue = ShmFeedPorts.create(config.nic().shm(), channel.id(), countersFile, clock);
                ports.addAll(List.of(venue));
                final ShmNicPort[] appliance = ShmFeedPorts.attach(
                    config.nic().shm(), channel.id(), countersFile, clock);
                ports.addAll(List.of(appliance));
                appliancePorts.addAll(List.of(appliance));
                simulators.add(new MarketDataSimulator(config.sim(), channel, config.instruments(),
                    new MarketDataPorts(venue[FeedName.A.ordinal()], venue[FeedName.B.ordinal()],
                    venue[FeedName.SNAPSHOT.ordinal()], venue[FeedName.DEFINITION.ordinal()]),
                    clock, new SimCounters(countersFile, channel.id())));
            }

            final String configured = configuredSecret(config);
            generatedSecret = null == configured;
            venueSecret = generatedSecret ? randomSecret() : configured;
            venueOrders = new OrderEntryApplication(simulators.get(0).clientMarket(), clock,
                config.sim().maxClientOrders(), config.sim().cancelOnDisconnect(),
                new VenueCounters(countersFile, "venue"));
            venueAcceptor = new FixpAcceptor("127.0.0.1", 0, Map.of(config.gateway().accessKeyId(),
                null == venueOnlySecret ? venueSecret : venueOnlySecret),
                MAX_VENUE_CONNECTIONS, venueOrders, clock, new AcceptorCounters(countersFile));
            config.gateway().venueHost("127.0.0.1").venuePort(venueAcceptor.port());
            final List<MarketDataSimulator> sims = simulators;
            final FixpAcceptor acceptorRef = venueAcceptor;
            final OrderEntryApplication ordersRef = venueOrders;
            venueAgent = new VenueAgent(sims, ordersRef, acceptorRef, clock);

            mediaDriver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(config.aeron().dir().toString())
                .threadingMode(driverThreadingMode(config.aeron().driverThreadingMode()))
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .ipcTermBufferLength(config.aeron().ipcTermLengthBytes())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            final boolean invoker = null != mediaDriver.sharedAgentInvoker();
            client = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(mediaDriver.aeronDirectoryName())
                .driverTimeoutMs(config.aeron().driverTimeoutMs())
                .useConductorAgentInvoker(invoker)
                .driverAgentInvoker(mediaDriver.sharedAgentInvoker()));
            marketData = client.addExclusivePublication(config.aeron().channel(), config.aeron().marketDataStreamId());
            feed = FeedHandlerAgent.create(config, appliancePorts.toArray(new ShmNicPort[0]), marketData, countersFile,
                clock);

            final CountersFile allocator = countersFile;
            final FixpInitiator[] initiator = new FixpInitiator[1];
            gateway = GatewayAgent.create(config, client, (listener) ->
            {
                initiator[0] = new FixpInitiator(config.gateway(), venueSecret, FixpInitiator.newUuid(clock.nanoTime()),
                    new TcpVenueTransport(), listener, clock, new SessionCounters(allocator, "venue-session"));
                return initiator[0];
            }, countersFile, clock);
            session = initiator[0];

            if (inProcessStrategies)
            {
                for (final StrategyContext strategy : config.strategies())
                {
                    if (StrategySample.NONE != strategy.sample())
                    {
                        strategies.add(StrategyClient.create(StrategySettings.from(config, strategy.name()), client,
                            StrategyMain.factory(strategy), clock));
                    }
                }
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.closeAll(strategies);
            CloseHelper.closeAll(client, mediaDriver);
            if (null != venueAcceptor)
            {
                venueAcceptor.onClose();
            }
            CloseHelper.closeAll(ports);
            CloseHelper.close(countersFile);
            deleteWires();
            throw ex;
        }
        counters = countersFile;
        acceptor = venueAcceptor;
        driver = mediaDriver;
        aeron = client;
    }

    /**
     * The venue: the market-data simulators, the order-entry application and the FIXP acceptor, on one thread.
     *
     * @return the venue's agent.
     */
    Agent venueAgent()
    {
        return venueAgent;
    }

    /**
     * The hot path: the feed handler, the in-process strategies, the gateway and its venue session, in that order so
     * a tick reaches the strategy and its order reaches the venue within one pass.
     *
     * @return the agents of the hot path.
     */
    List<Agent> hotPathAgents()
    {
        final List<Agent> agents = new ArrayList<>();
        agents.add(feed);
        agents.addAll(strategies);
        agents.add(gateway);
        agents.add(session);
        return agents;
    }

    /**
     * The hot path as one composite agent (compact threading), the strategies held back until the venue session is
     * first established.
     *
     * @return the composite.
     */
    Agent hotPathAgent()
    {
        final List<Agent> agents = new ArrayList<>();
        agents.add(feed);
        if (!strategies.isEmpty())
        {
            agents.add(gatedStrategies());
        }
        agents.add(gateway);
        agents.add(session);
        return new CompositeAgent(agents.toArray(new Agent[0]));
    }

    /**
     * The in-process strategies as one agent held back until the venue session is first established.
     *
     * @return the agent.
     */
    Agent gatedStrategies()
    {
        return new StartGate(new CompositeAgent(strategies.toArray(new Agent[0])), session);
    }

    /**
     * The media driver's and the Aeron client conductor's duty cycles when the driver runs in invoker mode (they then
     * run on the caller's background thread), else null.
     *
     * @return the agent or null.
     */
    Agent driverAgent()
    {
        return null == driver.sharedAgentInvoker() ? null :
            new DriverInvokerAgent(driver.sharedAgentInvoker(), aeron.conductorAgentInvoker());
    }

    /**
     * One pass over every agent, venue first, for a caller that drives the appliance by hand.
     *
     * @return work done.
     */
    int doWork()
    {
        int work = 0;
        try
        {
            if (null != driver.sharedAgentInvoker())
            {
                work += driver.sharedAgentInvoker().invoke();
                work += aeron.conductorAgentInvoker().invoke();
            }
            work += venueAgent.doWork();
            for (final Agent agent : hotPathAgents())
            {
                work += agent.doWork();
            }
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
        return work;
    }

    /**
     * Start the agents' lifecycles for a caller that drives them by hand.
     */
    void onStart()
    {
        venueAgent.onStart();
        for (final Agent agent : hotPathAgents())
        {
            agent.onStart();
        }
    }

    public void close()
    {
        for (final Agent agent : hotPathAgents())
        {
            closeAgent(agent);
        }
        closeAgent(venueAgent);
        CloseHelper.closeAll(aeron, driver);
        CloseHelper.closeAll(ports);
        CloseHelper.close(counters);
        deleteWires();
    }

    private static void closeAgent(final Agent agent)
    {
        try
        {
            agent.onClose();
        }
        catch (final RuntimeException ignore)
        {
            // closing is best effort: the rest must still close
        }
    }

    private void deleteWires()
    {
        // the appliance owns both sides of every wire, so it removes them on exit like the embedded driver's dir
        IoUtil.deleteIfExists(Path.of(shmPath + "-counters").toFile());
        for (final ChannelContext channel : config.channels())
        {
            for (final FeedName feedName : FeedName.values())
            {
                IoUtil.deleteIfExists(
                    ShmFeedPorts.feedContext(config.nic().shm(), channel.id(), feedName).path().toFile());
            }
        }
    }

    private static String configuredSecret(final WirespeedConfig config)
    {
        try
        {
            return config.gateway().secretRef().resolve();
        }
        catch (final IllegalStateException ex)
        {
            return null;
        }
    }

    private static String randomSecret()
    {
        final byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static ThreadingMode driverThreadingMode(final DriverThreadingMode mode)
    {
        switch (mode)
        {
            case DEDICATED:
                return ThreadingMode.DEDICATED;
            case SHARED_NETWORK:
                return ThreadingMode.SHARED_NETWORK;
            case INVOKER:
                return ThreadingMode.INVOKER;
            default:
                return ThreadingMode.SHARED;
        }
    }
}
