package io.wirespeed.deploy;

import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.SimCounter;
import io.wirespeed.sim.venue.AcceptorCounter;
import io.wirespeed.sim.venue.ClientOrders;
import io.wirespeed.sim.venue.VenueCounter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code wirespeed venue} (alias {@code sim}): the exchange simulator as a venue of its own, market data on the
 * configured backend (it creates the shm wires an appliance attaches to, or sends multicast through kernel sockets)
 * and iLink 3 order entry on {@code [sim.order_entry]}; counters, progress, and on SIGINT, SIGTERM or the end of
 * {@code --seconds} it closes its market (participants stop, order entry closes), keeps the recovery loops going a
 * little for receivers to catch up, then prints its summary and book digests and removes its files.
 */
@Command(name = "venue", aliases = "sim", mixinStandardHelpOptions = true,
    description = "Run the exchange simulator as a venue: market data feeds and iLink 3 order entry.")
final class VenueCommand implements Callable<Integer>
{
    /**
     * The line a script waits for: the venue publishes and accepts order entry.
     */
    static final String STARTED = "wirespeed venue: started";

    private static final long PROGRESS_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
        description = "close the market after N seconds; 0 runs until SIGINT or SIGTERM (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--linger-ms", paramLabel = "MS", defaultValue = "-1",
        description = "after the market closes, keep sending heartbeats and the recovery loops this long; " +
        "-1 = two snapshot intervals (default)")
    long lingerMs;

    public Integer call() throws InterruptedException
    {
        final StopSignals signals = StopSignals.install();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (seconds < 0 || lingerMs < -1)
        {
            err.println("--seconds must be 0 or more and --linger-ms -1 or more");
            return ConfigCheck.EXIT_UNREADABLE;
        }
        final WirespeedConfig config = CommandConfig.load(configFile, err);
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }

        try
        {
            HostCores.check(config, List.of(AgentRole.SIM));
            try (InstanceLocks locks = InstanceLocks.acquire(config, "venue", false, true);
                Venue venue = Venue.fromConfig(config, new OffsetEpochNanoClock(), Venue.countersPath(config)))
            {
                run(config, venue, locks, signals, out);
            }
        }
        catch (final Refusal refusal)
        {
            err.println(refusal.getMessage());
            err.flush();
            return refusal.exitCode();
        }
        out.println("wirespeed venue: stopped");
        out.flush();
        return 0;
    }

    private void run(
        final WirespeedConfig config,
        final Venue venue,
        final InstanceLocks locks,
        final StopSignals signals,
        final PrintWriter out)
        throws InterruptedException
    {
        final IdleStrategy idle = IdleStrategies.of(config.agent(AgentRole.SIM));
        final AgentRunner runner = new AgentRunner(idle, venue.errorLog.errorHandler(), null, venue.agent);
        try
        {
            final AgentThreads.Placement placement = AgentThreads.start(runner, config.agent(AgentRole.SIM));
            final String failure = placement.awaitFailure();
            if (null != failure)
            {
                throw Refusal.of("agents.sim.core", placement.core(), failure);
            }
            out.printf("wirespeed venue: pid %d, configuration %s, %d channel(s), %d instrument(s), seed %d, " +
                "%,d events/s per channel%n", ProcessHandle.current().pid(), config.sourceName(),
                venue.simulators.size(), config.instruments().size(), config.sim().seed(),
                config.sim().messageRatePerSecond());
            for (final String line : venue.description(config.sim().orderEntry().host()))
            {
                out.println("  " + line);
            }
            out.printf("  thread venue: %s, %s idle; counters in %s%n", placement.describe(), idle.alias(),
                Venue.countersPath(config));
            out.println("  instance lock: " + locks.files());
            for (final String takeover : locks.takeovers())
            {
                out.println("  " + takeover);
            }
            out.println(STARTED);
            out.flush();

            final long startNs = System.nanoTime();
            final long runNs = seconds > 0 ? TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
            while (!signals.await(PROGRESS_INTERVAL_NS))
            {
                progress(venue, out);
                if (System.nanoTime() - startNs >= runNs)
                {
                    signals.request("--seconds " + seconds + " elapsed");
                }
            }
            closeMarket(config, venue, signals, out);
        }
        finally
        {
            CloseHelper.close(runner);
        }
        progress(venue, out);
        summary(venue, out, "");
        BookDigests.printVenue(config, venue.simulators, out);
    }

    private void closeMarket(
        final WirespeedConfig config, final Venue venue, final StopSignals signals, final PrintWriter out)
        throws InterruptedException
    {
        venue.agent.closeMarket();
        final long linger = lingerMs >= 0 ? lingerMs : 2 * config.sim().snapshotIntervalMs();
        out.printf("wirespeed venue: market closed (%s): participants stopped, order entry closed; heartbeats and " +
            "recovery loops for %,d ms%n", signals.reason(), linger);
        out.flush();
        Thread.sleep(linger);
    }

    private static void progress(final Venue venue, final PrintWriter out)
    {
        final StringBuilder line = new StringBuilder("  ");
        for (final MarketDataSimulator simulator : venue.simulators)
        {
            line.append(String.format("channel %d MsgSeqNum %,d (%,d tx retries) | ", simulator.channelId(),
                simulator.counters().value(SimCounter.LAST_MSG_SEQ_NUM),
                simulator.counters().value(SimCounter.TX_BACK_PRESSURE)));
        }
        line.append(String.format("sessions %d established | orders %,d received, %,d open, %,d fills",
            venue.acceptor.counters().value(AcceptorCounter.ESTABLISHMENTS),
            venue.orders.counters().value(VenueCounter.ORDERS_RECEIVED),
            venue.orders.counters().value(VenueCounter.OPEN_ORDERS),
            venue.orders.counters().value(VenueCounter.FILLS)));
        out.println(line);
        out.flush();
    }

    /**
     * The venue's summary line and a line per client, for scripts and tests.
     *
     * @param venue  the venue.
     * @param out    where it goes.
     * @param prefix before every line.
     */
    static void summary(final Venue venue, final PrintWriter out, final String prefix)
    {
        long packets = 0;
        for (final MarketDataSimulator simulator : venue.simulators)
        {
            packets += simulator.counters().value(SimCounter.INCREMENTAL_PACKETS);
        }
        final ClientOrders orders = venue.orders.orders();
        out.printf(prefix + "summary: incremental_packets=%d orders=%d fills=%d cancels=%d open_orders=%d " +
            "sessions=%d terminates_received=%d clordids=%d clordids_distinct=%d low_seq=%d%n",
            packets, venue.orders.counters().value(VenueCounter.ORDERS_RECEIVED),
            venue.orders.counters().value(VenueCounter.FILLS), venue.orders.counters().value(VenueCounter.CANCELS),
            venue.orders.counters().value(VenueCounter.OPEN_ORDERS),
            venue.acceptor.counters().value(AcceptorCounter.ESTABLISHMENTS),
            venue.acceptor.counters().value(AcceptorCounter.TERMINATES_RECEIVED),
            orders.clOrdIdsJournaled(), orders.distinctClOrdIds(),
            venue.acceptor.counters().value(AcceptorCounter.DUPLICATES));
        for (int i = 0; i < orders.clientCount(); i++)
        {
            final StringBuilder positions = new StringBuilder();
            for (final InstrumentContext instrument : venue.config.instruments())
            {
                positions.append(' ').append(instrument.securityId()).append('=')
                    .append(orders.clientPosition(i, instrument.securityId()));
            }
            out.printf(prefix + "client %d: uuid %d next_seq_out %d positions%s%n", i, orders.clientUuid(i),
                orders.clientNextSeqNum(i), positions);
        }
        out.flush();
    }
}
