package io.wirespeed.deploy;

import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.NicBackend;
import io.wirespeed.config.ThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.OrderBook;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo's run: the {@link Venue} in process on the configured backend (shm or kernel multicast), the
 * {@link Appliance} assembled from the same configuration and pointed at the venue's order entry on an ephemeral
 * loopback port, both on threads for a fixed time; then the market closes, the appliance settles and every book is
 * compared with the venue's.
 */
final class DemoRun
{
    private final WirespeedConfig config;
    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final StopSignals signals;
    private LatencyReport report;
    private JournalSummary journalSummary;

    DemoRun(final WirespeedConfig config, final StopSignals signals)
    {
        this.config = config;
        this.signals = signals;
    }

    LatencyReport report()
    {
        return report;
    }

    /**
     * What the journal did, once the run ended.
     *
     * @return the summary, or null with {@code journal.enabled = false}.
     */
    JournalSummary journalSummary()
    {
        return journalSummary;
    }

    /**
     * Refuse a backend the demo cannot run both ends of in one process.
     *
     * @param config the configuration.
     * @throws Refusal naming {@code nic.backend}.
     */
    static void checkBackend(final WirespeedConfig config)
    {
        final NicBackend backend = config.nic().backend();
        if (NicBackend.SHM != backend && NicBackend.KERNEL != backend)
        {
            throw Refusal.of("nic.backend", backend, "the demo runs its venue in this process on shm wires or " +
                "kernel multicast; run `wirespeed venue` and `wirespeed run` for " + backend.text());
        }
    }

    /**
     * Run for a time, then close the market, let the appliance settle, and compare every book with the venue's.
     *
     * @param seconds how long the venue trades; 0 runs until SIGINT or SIGTERM.
     * @param out     progress and results.
     * @return true when every book equals the venue's.
     * @throws InterruptedException when interrupted while starting threads.
     */
    boolean run(final long seconds, final PrintWriter out) throws InterruptedException
    {
        final ThreadingMode mode = config.appliance().threadingMode();
        final String configured = Secrets.tryGateway(config);
        final String secret = null == configured ? randomSecret() : configured;
        final Path venueCounters = Venue.countersPath(config);
        final List<AgentRole> roles = new ArrayList<>(
            ApplianceThreads.roles(config, ThreadingMode.MULTI_PROCESS != mode && !config.strategies().isEmpty()));
        roles.add(AgentRole.SIM);
        HostCores.check(config, roles);
        AgentRunner venueRunner = null;
        try (InstanceLocks locks = InstanceLocks.acquire(config, "demo", true, true);
            Venue venue = new Venue(config, clock, venueCounters, "127.0.0.1", 0,
            Map.of(config.gateway().accessKeyId(), secret)))
        {
            config.gateway().venueHost("127.0.0.1").venuePort(venue.port());
            for (final String line : venue.description("127.0.0.1"))
            {
                out.println("  venue " + line);
            }
            out.printf("  venue: %s secret; the gateway's venue_host/venue_port point at it%n",
                null == configured ? "a one-run generated" : "the configured");
            out.println("  instance locks: " + locks.files());
            for (final String takeover : locks.takeovers())
            {
                out.println("  " + takeover);
            }
            // the venue is new in every demo: journal, but resume no session, order or position of a previous run
            try (Appliance appliance = new Appliance(config, clock, secret, ThreadingMode.MULTI_PROCESS != mode,
                false);
                ApplianceThreads threads = new ApplianceThreads(config, appliance);
                ApplianceMonitor monitor = new ApplianceMonitor(appliance, clock))
            {
                report = monitor.report();
                for (final String line : appliance.feedPorts.description())
                {
                    out.println("  appliance nic " + line);
                }
                out.printf("  appliance: %s threading, %s, %d in-process strateg%s%n", mode.text(),
                    appliance.driverLink.description(), appliance.strategies.size(),
                    1 == appliance.strategies.size() ? "y" : "ies");
                out.flush();

                venueRunner = new AgentRunner(IdleStrategies.of(config.agent(AgentRole.SIM)),
                    venue.errorLog.errorHandler(), null, venue.agent);
                final AgentThreads.Placement venuePlacement = AgentThreads.start(venueRunner,
                    config.agent(AgentRole.SIM));
                final String failure = venuePlacement.awaitFailure();
                if (null != failure)
                {
                    throw Refusal.of("agents.sim.core", venuePlacement.core(), failure);
                }
                threads.start();
                final long startNs = System.nanoTime();

                monitor.runUntilStopped(signals, seconds, (m) -> progress(out, venue, m));
                out.println("  stopping (" + signals.reason() + ")");
                final String stopped = monitor.stopInOrder(RunCommand.stopNs(config));
                if (null != stopped)
                {
                    out.println("  " + stopped);
                }
                out.flush();
                venue.agent.closeMarket();
                final boolean settled = monitor.settle(TimeUnit.MILLISECONDS.toNanos(
                    3 * config.sim().snapshotIntervalMs() + 2_000));
                CloseHelper.close(venueRunner);
                venueRunner = null;
                threads.stop();
                journalSummary = JournalSummary.of(appliance, System.nanoTime() - startNs);
                progress(out, venue, monitor);
                VenueCommand.summary(venue, out, "  venue ");
                if (!settled)
                {
                    out.printf("  %d instrument(s) still recovering when the run ended%n",
                        monitor.report().instrumentsNotOk());
                }
                return compareBooks(out, venue, appliance);
            }
        }
        finally
        {
            CloseHelper.close(venueRunner);
        }
    }

    private static void progress(final PrintWriter out, final Venue venue, final ApplianceMonitor monitor)
    {
        long lastSeqNum = 0;
        for (final MarketDataSimulator sim : venue.simulators)
        {
            lastSeqNum += sim.lastMsgSeqNum();
        }
        out.printf("  venue MsgSeqNum %,d | %s%n", lastSeqNum, monitor.progress());
        out.flush();
    }

    private boolean compareBooks(final PrintWriter out, final Venue venue, final Appliance appliance)
    {
        boolean allEqual = true;
        for (final MarketDataSimulator sim : venue.simulators)
        {
            final ChannelContext context = config.channel(sim.channelId());
            final FeedChannel channel = appliance.feed.channel(context.id());
            for (int i = 0; i < sim.instrumentCount(); i++)
            {
                final int securityId = sim.securityId(i);
                if (null == channel.instrument(securityId))
                {
                    continue;
                }
                final boolean equal = sameBook(sim.book(securityId), channel.instrument(securityId).book(),
                    context.bookDepth());
                allEqual &= equal;
                out.printf("  book %d: %s (handler expects MsgSeqNum %,d; gaps %d)%n", securityId,
                    equal ? "equal to the simulator's" : "DIFFERS from the simulator's",
                    channel.expectedSeqNum(), channel.counters().get(FeedCounter.GAPS));
            }
        }
        out.flush();
        return allEqual;
    }

    private static boolean sameBook(final MbpBook venue, final OrderBook handler, final int depth)
    {
        for (final Side side : Side.values())
        {
            final int handlerSide = Side.BID == side ? OrderBook.BID : OrderBook.ASK;
            for (int level = 1; level <= depth; level++)
            {
                final boolean present = level <= venue.levelCount(side);
                if ((present ? venue.price(side, level) : OrderBook.NULL_PRICE) != handler.price(handlerSide, level) ||
                    (present ? venue.qty(side, level) : 0) != handler.quantity(handlerSide, level) ||
                    (present ? venue.orderCount(side, level) : 0) != handler.orderCount(handlerSide, level))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static String randomSecret()
    {
        final byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
