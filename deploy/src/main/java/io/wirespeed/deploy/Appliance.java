package io.wirespeed.deploy;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.StrategySample;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.gateway.GatewayAgent;
import io.wirespeed.gateway.RestoredGatewayState;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounters;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import io.wirespeed.journal.JournalAgent;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.status.ErrorLogFile;
import io.wirespeed.nic.status.NoSpaceException;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TappedNicPort;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyMain;
import io.wirespeed.strategy.StrategySettings;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The appliance, assembled in one place that {@code run}, {@code demo} and the tests share, from the configuration
 * alone: the feeds on the configured NIC backend ({@link FeedPorts}), the media driver embedded or external
 * ({@link MediaDriverLink}), the feed handler publishing normalized market data over Aeron (on the captures' clock when
 * the feeds are replayed), the gateway with its FIXP session to {@code gateway.venue_host:venue_port} signed with the
 * secret {@code gateway.secret_ref} names (neither with {@code gateway.venue_session = false}), and the configured
 * sample strategies in process unless the threading mode keeps them out; with {@code journal.enabled} the journal
 * ({@link ApplianceJournal}): a dead predecessor's tap rings drained first, the configuration journaled, the feed
 * thread's received frames tapped, and the journal agent on its own thread (with {@code journal.enabled = false}
 * nothing of it exists and no tap costs anything).
 * <p>
 * Assembly only: nothing runs until the caller drives the agents, by hand ({@link #doWork()}, as tests do with a
 * manual clock) or on threads ({@link ApplianceThreads}).
 */
final class Appliance implements AutoCloseable
{
    private static final int MAX_COUNTERS = 4096;

    final WirespeedConfig config;
    final EpochNanoClock clock;
    final CountersFile counters;
    final ErrorLogFile errorLog;
    final FeedPorts feedPorts;
    final MediaDriverLink driverLink;
    final MediaDriver driver;
    final Aeron aeron;
    final Publication marketData;
    final FeedHandlerAgent feed;
    final FixpInitiator session;
    final GatewayAgent gateway;
    final TcpVenueTransport venueTransport;
    final OrderlyStop orderlyStop;
    final ApplianceJournal journal;
    final JournalAgent journalAgent;
    final List<StrategyClient> strategies = new ArrayList<>();
    private final Path countersPath;
    private int restoredOrders = -1;
    private boolean agentsClosedByRunners;

    /**
     * Assemble the appliance.
     *
     * @param config              concluded configuration.
     * @param clock               the one clock every component reads.
     * @param venueSecret         the secret the session signs with, resolved from {@code gateway.secret_ref}
     *                            ({@link Secrets#gateway}); null without a venue session.
     * @param inProcessStrategies whether the configured sample strategies run in this process.
     * @throws Refusal when a configured value cannot be honoured, naming its key.
     */
    Appliance(
        final WirespeedConfig config,
        final EpochNanoClock clock,
        final String venueSecret,
        final boolean inProcessStrategies)
    {
        this(config, clock, venueSecret, inProcessStrategies, true);
    }

    /**
     * Assemble the appliance, restoring the gateway from the journal or not.
     *
     * @param config              concluded configuration.
     * @param clock               the one clock every component reads.
     * @param venueSecret         the secret the session signs with, resolved from {@code gateway.secret_ref}
     *                            ({@link Secrets#gateway}); null without a venue session.
     * @param inProcessStrategies whether the configured sample strategies run in this process.
     * @param restore             whether the gateway resumes what the journal holds (its venue session, orders and
     *                            positions): true for {@code run}, whose venue outlives it; false for the demo, whose
     *                            venue is new in every run and knows nothing of a previous one.
     * @throws Refusal when a configured value cannot be honoured, naming its key.
     */
    Appliance(
        final WirespeedConfig config,
        final EpochNanoClock clock,
        final String venueSecret,
        final boolean inProcessStrategies,
        final boolean restore)
    {
        this.config = config;
        this.clock = clock;
        this.countersPath = countersPath(config);
        CountersFile countersFile = null;
        ErrorLogFile errors = null;
        FeedPorts feeds = null;
        ApplianceJournal journaling = null;
        MediaDriverLink link = null;
        FeedHandlerAgent feedHandler = null;
        GatewayAgent gatewayAgent = null;
        try
        {
            countersFile = CountersFile.create(countersPath, MAX_COUNTERS);
            errors = ErrorLogFile.create(ErrorLogFile.beside(countersPath), ErrorLogFile.DEFAULT_LENGTH_BYTES,
                countersFile, "appliance: agent errors (wirespeed errors)", SystemEpochClock.INSTANCE, System.err);
            if (config.journal().enabled())
            {
                journaling = ApplianceJournal.open(config, clock, countersFile);
            }
            feeds = FeedPorts.open(config, countersFile, clock);
            final ErrorHandler errorHandler = errors.errorHandler();
            link = MediaDriverLink.open(config.aeron(), errorHandler);
            final Aeron client = link.aeron();
            marketData = client.addExclusivePublication(config.aeron().channel(), config.aeron().marketDataStreamId());
            // the appliance sends no frame through its feed ports: only what they receive is tapped
            feedHandler = FeedHandlerAgent.create(config, null == journaling ? feeds.ports() :
                TappedNicPort.tapAll(feeds.ports(), journaling.feedTap, null, clock), marketData, countersFile,
                feeds.timerClock(clock));

            final CountersFile allocator = countersFile;
            final FixpInitiator[] initiator = new FixpInitiator[1];
            final SessionCounters[] sessionCounters = new SessionCounters[1];
            final JournalTap gatewayTap = null == journaling ? null : journaling.gatewayTap;
            final TcpVenueTransport transport = !config.gateway().venueSession() ? null :
                null == gatewayTap ? new TcpVenueTransport() : new TcpVenueTransport(gatewayTap, clock);
            if (null != transport)
            {
                // restore before the gateway's first duty cycle, from everything journaled up to now (the dead
                // predecessor's rings included): the session resumes its UUID and sequence numbers, the logic its
                // orders, positions, latches and limits, and refuses new orders until reconciled with the venue
                final RestoredGatewayState restored = null == journaling || !restore ? RestoredGatewayState.EMPTY :
                    journaling.restoreGateway();
                gatewayAgent = GatewayAgent.create(config, client, ControlKeys.forAppliance(config), (listener) ->
                {
                    sessionCounters[0] = new SessionCounters(allocator, "venue-session");
                    initiator[0] = FixpInitiator.resume(config.gateway(), venueSecret, restored.session(), transport,
                        listener, clock, sessionCounters[0], errorHandler);
                    return initiator[0];
                }, countersFile, clock, gatewayTap);
                if (restored.session().isResumed())
                {
                    restoredOrders = gatewayAgent.logic().restore(restored);
                }
            }
            session = initiator[0];
            venueTransport = transport;
            journalAgent = null == journaling ? null :
                journaling.startAgent(config, client, errors, countersFile, clock);
            orderlyStop = null == session ? null : new OrderlyStop(gatewayAgent, session, sessionCounters[0], clock,
                config.gateway().cancelOnShutdown(), config.gateway().keepaliveIntervalMs());

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
            if (null != gatewayAgent)
            {
                closeAgent(gatewayAgent);
            }
            if (null != feedHandler)
            {
                closeAgent(feedHandler);
            }
            CloseHelper.closeAll(link, journaling, feeds, errors, countersFile);
            IoUtil.deleteIfExists(countersPath.toFile());
            deleteGeneratedControlKey(config);
            throw ex instanceof NoSpaceException noSpace ? noRoom(config, noSpace) : ex;
        }
        counters = countersFile;
        errorLog = errors;
        feedPorts = feeds;
        journal = journaling;
        driverLink = link;
        driver = link.driver();
        aeron = link.aeron();
        feed = feedHandler;
        gateway = gatewayAgent;
    }

    /**
     * Open orders the gateway restored from the journal at start.
     *
     * @return the count, or -1 when nothing was restored (no journal, or nothing journaled yet).
     */
    int restoredOrders()
    {
        return restoredOrders;
    }

    /**
     * The appliance's counters file: next to the configured shm wires, one per appliance.
     *
     * @param config the configuration.
     * @return the path.
     */
    static Path countersPath(final WirespeedConfig config)
    {
        return Path.of(config.nic().shm().path() + "-counters");
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
        agents.addAll(venueAgents());
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
        agents.addAll(venueAgents());
        return new CompositeAgent(agents.toArray(new Agent[0]));
    }

    /**
     * The in-process strategies as one agent held back until the venue session is first established (not held back
     * without a venue session: their orders then reach no gateway, and their clients count them as not sent).
     *
     * @return the agent.
     */
    Agent gatedStrategies()
    {
        final Agent composite = new CompositeAgent(strategies.toArray(new Agent[0]));
        return null == session ? composite : new StartGate(composite, session, orderlyStop);
    }

    /**
     * The gateway, its venue session and the orderly stop of both, in that order.
     *
     * @return the three agents, or none without a venue session.
     */
    List<Agent> venueAgents()
    {
        return null == gateway ? List.of() : List.of(gateway, session, orderlyStop);
    }

    /**
     * The media driver's and the Aeron client conductor's duty cycles when the driver runs embedded in invoker mode
     * (they then run on the caller's background thread), else null.
     *
     * @return the agent or null.
     */
    Agent driverAgent()
    {
        return null == driver || null == driver.sharedAgentInvoker() ? null :
            new DriverInvokerAgent(driver.sharedAgentInvoker(), aeron.conductorAgentInvoker());
    }

    /**
     * One pass over every agent, for a caller that drives the appliance by hand.
     *
     * @return work done.
     */
    int doWork()
    {
        int work = 0;
        try
        {
            if (null != driver && null != driver.sharedAgentInvoker())
            {
                work += driver.sharedAgentInvoker().invoke();
                work += aeron.conductorAgentInvoker().invoke();
            }
            for (final Agent agent : hotPathAgents())
            {
                work += agent.doWork();
            }
            if (null != journalAgent)
            {
                work += journalAgent.doWork();
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
        for (final Agent agent : hotPathAgents())
        {
            agent.onStart();
        }
        if (null != journalAgent)
        {
            journalAgent.onStart();
        }
    }

    /**
     * The agents were closed by the runners that ran them; {@link #close()} closes only the rest.
     */
    void agentsClosedByRunners()
    {
        agentsClosedByRunners = true;
    }

    /**
     * A file under {@code nic.shm.path} did not fit: one line naming the path and the bytes needed.
     */
    static Refusal noRoom(final WirespeedConfig config, final NoSpaceException noSpace)
    {
        return Refusal.of("nic.shm.path", config.nic().shm().path().toString(), "cannot create " +
            noSpace.getMessage() + "; the partial file was removed: free room there or point nic.shm.path at a " +
            "larger file system");
    }

    public void close()
    {
        if (!agentsClosedByRunners)
        {
            for (final Agent agent : hotPathAgents())
            {
                closeAgent(agent);
            }
            if (null != journalAgent)
            {
                closeAgent(journalAgent);
            }
        }
        CloseHelper.closeAll(journal, driverLink, feedPorts, errorLog, counters);
        IoUtil.deleteIfExists(countersPath.toFile());
        deleteGeneratedControlKey(config);
    }

    private static void deleteGeneratedControlKey(final WirespeedConfig config)
    {
        if (null == config.gateway().controlKeyFile() && config.gateway().venueSession())
        {
            IoUtil.deleteIfExists(ControlKeys.path(config).toFile());
        }
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
}
