package io.wirespeed.latency.order;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.ControlMac;
import io.wirespeed.gateway.GatewayAgent;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounters;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;
import io.wirespeed.sim.SimCounters;
import io.wirespeed.sim.venue.AcceptorCounters;
import io.wirespeed.sim.venue.FixpAcceptor;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounters;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategySettings;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The order round trip on real threads: a scripted strategy ({@link RoundTripStrategy} in a {@link StrategyClient})
 * sends an order over Aeron IPC to the gateway ({@link GatewayAgent} and its {@link FixpInitiator} on one thread),
 * which sends it over loopback TCP to the exchange simulator ({@link FixpAcceptor}, {@link OrderEntryApplication}
 * and {@link MarketDataSimulator} on one thread), whose New report comes back the same way; then the order is
 * canceled the same way. An embedded media driver (SHARED, backing off: it is not on the data path of IPC) and the
 * Aeron client's conductor run on threads of their own.
 * <p>
 * Prints the new-order round trip (strategy send to execution report received) with its split into stages, and the
 * cancel round trip. No thread is pinned: the bench infrastructure has no pinning, and on a box with fewer cores
 * than busy threads the scheduler's time slices show in the tail; {@code yield} is the idle strategy for such a box.
 * <p>
 * Usage: {@code bench order-round-trip [orders measured, default 100000] [warm-up orders, default 20000]
 * [idle strategy spin|yield|backoff, default spin] [most seconds measured, default 100]}
 */
public final class OrderRoundTripBenchmark
{
    private static final int TRADED_TICKS_AWAY = 30;
    private static final long BOOK_WAIT_NS = TimeUnit.SECONDS.toNanos(20);

    private OrderRoundTripBenchmark()
    {
    }

    /**
     * Assemble, run, print.
     *
     * @param args optional orders measured, warm-up orders, idle strategy and time limit.
     * @throws InterruptedException if interrupted while waiting.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final long measured = args.length > 0 ? Long.parseLong(args[0]) : 100_000L;
        final long warmUp = args.length > 1 ? Long.parseLong(args[1]) : 20_000L;
        final String idle = args.length > 2 ? args[2] : "spin";
        final long maxSeconds = args.length > 3 ? Long.parseLong(args[3]) : 100;
        final RoundTripStrategy strategy = run(measured, warmUp, idle, maxSeconds);
        System.out.printf("order round trip, %s idle, %,d orders measured after %,d warm-up (%,d of %,d cycles " +
            "completed in the time limit, %,d unexpected outcomes); all stamps from one clock%n", idle,
            strategy.newToAck.getTotalCount(), warmUp, strategy.completed, warmUp + measured, strategy.unexpected);
        System.out.println("  new order -> New report:   " + OrderBench.micros(strategy.newToAck));
        System.out.println("    strategy -> gateway rx:  " + OrderBench.micros(strategy.strategyToGateway));
        System.out.println("    gateway rx -> socket tx: " + OrderBench.micros(strategy.gatewayRxToTx));
        System.out.println("    socket tx -> answer rx:  " + OrderBench.micros(strategy.txToVenueAnswerRx));
        System.out.println("      tx -> venue match:     " + OrderBench.micros(strategy.txToVenue));
        System.out.println("      venue -> gateway rx:   " + OrderBench.micros(strategy.venueToGatewayRx));
        System.out.println("    gateway rx -> report:    " + OrderBench.micros(strategy.gatewayReportOut));
        System.out.println("    report -> strategy:      " + OrderBench.micros(strategy.gatewayToStrategy));
        System.out.println("  cancel -> Canceled report: " + OrderBench.micros(strategy.cancelToCanceled));
        final double tcpShare = strategy.txToVenueAnswerRx.getValueAtPercentile(50) /
            (double)Math.max(1, strategy.newToAck.getValueAtPercentile(50));
        System.out.printf("  socket tx -> answer rx (kernel TCP both ways + venue) is %.0f%% of the median round " +
            "trip%n", 100 * tcpShare);
        if (0 == strategy.newToAck.getTotalCount())
        {
            System.out.println("FAIL: no order measured within " + maxSeconds + " s (fewer cores than busy " +
                "threads? try the yield idle strategy or fewer orders)");
            System.exit(1);
        }
    }

    /**
     * Assemble the path, run the strategy to the end or the time limit, stop every thread and clean up.
     *
     * @param measured   orders recorded.
     * @param warmUp     orders run first.
     * @param idle       idle strategy of the venue, gateway and strategy threads: spin, yield or backoff.
     * @param maxSeconds stop measuring after this long.
     * @return the strategy, holding its histograms.
     * @throws InterruptedException if interrupted while waiting.
     */
    static RoundTripStrategy run(final long measured, final long warmUp, final String idle, final long maxSeconds)
        throws InterruptedException
    {
        final Path dir = OrderBench.scratchDirectory("wirespeed-order-rtt-");
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final WirespeedConfig config = OrderBench.config(dir.resolve("aeron"), 1_000);
        config.sim().messageRatePerSecond(10).snapshotIntervalMs(1_000);
        config.conclude();
        final InstrumentContext instrument = OrderBench.instrument(config);
        final ChannelContext channel = config.channel(instrument.channel());
        final String secret = OrderBench.randomSecret();

        CountersFile counters = null;
        MarketDataSimulator simulator = null;
        FixpAcceptor acceptor = null;
        MediaDriver driver = null;
        Aeron aeron = null;
        GatewayAgent gateway = null;
        StrategyClient client = null;
        AgentRunner venueRunner = null;
        AgentRunner gatewayRunner = null;
        AgentRunner strategyRunner = null;
        try
        {
            counters = CountersFile.create(dir.resolve("counters"), 4096);
            final CountersFile allocator = counters;
            simulator = new MarketDataSimulator(config.sim(), channel, config.instruments(), new MarketDataPorts(
                new DiscardPort("sim-a", new NicCounters(allocator, "sim-a")),
                new DiscardPort("sim-b", new NicCounters(allocator, "sim-b")),
                new DiscardPort("sim-snapshot", new NicCounters(allocator, "sim-snapshot")),
                new DiscardPort("sim-definition", new NicCounters(allocator, "sim-definition"))),
                clock, new SimCounters(allocator, channel.id()));
            final OrderEntryApplication venueOrders = new OrderEntryApplication(simulator.clientMarket(), clock,
                config.sim().maxClientOrders(), false, new VenueCounters(allocator, "venue"));
            acceptor = new FixpAcceptor("127.0.0.1", 0, Map.of(config.gateway().accessKeyId(), secret), 4,
                venueOrders, clock, new AcceptorCounters(allocator));
            config.gateway().venueHost("127.0.0.1").venuePort(acceptor.port());
            final VenueLoop venue = new VenueLoop(simulator, venueOrders, acceptor, clock);
            final long[] touch = awaitBook(venue, simulator, instrument.securityId());
            final long tick = instrument.tickSizeMantissa();

            driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(config.aeron().dir().toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .ipcTermBufferLength(config.aeron().ipcTermLengthBytes())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            final FixpInitiator[] session = new FixpInitiator[1];
            gateway = GatewayAgent.create(config, aeron, ControlMac.newKey(), (listener) ->
            {
                session[0] = new FixpInitiator(config.gateway(), secret, FixpInitiator.newUuid(clock.nanoTime()),
                    new TcpVenueTransport(), listener, clock, new SessionCounters(allocator, "venue-session"));
                return session[0];
            }, allocator, clock);
            gateway.logic().onTopOfBook(instrument.securityId(), touch[0], touch[1]);

            final RoundTripStrategy[] strategy = new RoundTripStrategy[1];
            client = StrategyClient.create(StrategySettings.from(config, OrderBench.STRATEGY_NAME), aeron, (c) ->
            {
                strategy[0] = new RoundTripStrategy(c.orderEntry(), clock, instrument.securityId(),
                    touch[0] - TRADED_TICKS_AWAY * tick, touch[1] + TRADED_TICKS_AWAY * tick, warmUp, measured);
                return strategy[0];
            }, clock);

            // an agent's error ends the benchmark with that error, instead of a stack trace printed on its thread
            final AtomicReference<Throwable> agentError = new AtomicReference<>();
            final ErrorHandler onAgentError = (error) -> agentError.compareAndSet(null, error);
            venueRunner = new AgentRunner(idleStrategy(idle), onAgentError, null, venue);
            gatewayRunner = new AgentRunner(idleStrategy(idle), onAgentError, null,
                new CompositeAgent(gateway, session[0]));
            AgentRunner.startOnThread(venueRunner);
            AgentRunner.startOnThread(gatewayRunner);
            awaitEstablished(session[0], client);
            strategyRunner = new AgentRunner(idleStrategy(idle), onAgentError, null, client);
            AgentRunner.startOnThread(strategyRunner);

            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            while (strategy[0].completed < warmUp + measured && System.nanoTime() - deadlineNs < 0 &&
                null == agentError.get())
            {
                Thread.sleep(50);
            }
            if (null != agentError.get())
            {
                throw new IllegalStateException("an agent failed during the benchmark", agentError.get());
            }
            strategy[0].running = false;
            return strategy[0];
        }
        finally
        {
            CloseHelper.closeAll(strategyRunner, gatewayRunner, venueRunner);
            if (null == strategyRunner)
            {
                CloseHelper.close(client);
            }
            if (null == gatewayRunner && null != gateway)
            {
                gateway.onClose();
            }
            if (null == venueRunner && null != acceptor)
            {
                acceptor.onClose();
            }
            CloseHelper.closeAll(aeron, driver, counters);
            OrderBench.deleteRecursively(dir);
        }
    }

    /**
     * Run the venue on this thread until the simulated participants have quoted both sides.
     *
     * @return the best bid and offer.
     */
    private static long[] awaitBook(final VenueLoop venue, final MarketDataSimulator simulator, final int securityId)
    {
        final long deadlineNs = System.nanoTime() + BOOK_WAIT_NS;
        while (0 == simulator.book(securityId).levelCount(Side.BID) ||
            0 == simulator.book(securityId).levelCount(Side.ASK))
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("the simulator quoted no two-sided book");
            }
            if (0 == venue.doWork())
            {
                Thread.yield();
            }
        }
        final MbpBook book = simulator.book(securityId);
        return new long[]{ book.price(Side.BID, 1), book.price(Side.ASK, 1) };
    }

    private static void awaitEstablished(final FixpInitiator session, final StrategyClient client)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (SessionState.ESTABLISHED != session.state() || !client.isOrderStreamConnected() ||
            !client.isExecutionStreamConnected())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("not ready: session " + session.state() + ", order stream " +
                    client.isOrderStreamConnected() + ", execution stream " + client.isExecutionStreamConnected());
            }
            Thread.sleep(10);
        }
    }

    private static IdleStrategy idleStrategy(final String name)
    {
        switch (name)
        {
            case "spin":
                return new BusySpinIdleStrategy();
            case "yield":
                return new YieldingIdleStrategy();
            case "backoff":
                return new BackoffIdleStrategy();
            default:
                throw new IllegalArgumentException("idle strategy must be spin, yield or backoff: " + name);
        }
    }
}
