package io.wirespeed.deploy;

import io.aeron.Subscription;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.ThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.OrderBook;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.ShutdownSignalBarrier;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole appliance on threads, as the configured threading mode lays it out, against the embedded simulator for a
 * fixed time; a {@link LatencyReport} listens on the market-data and execution streams like a strategy-side monitor.
 */
final class ApplianceRun
{
    private final WirespeedConfig config;
    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final LatencyReport report;

    ApplianceRun(final WirespeedConfig config)
    {
        this.config = config;
        this.report = new LatencyReport(clock);
    }

    LatencyReport report()
    {
        return report;
    }

    /**
     * Run for a time, then stop the venue, let the appliance drain, and compare every book with the simulator's.
     *
     * @param seconds how long the simulator publishes; 0 runs until SIGINT or SIGTERM.
     * @param out     progress and results.
     * @return true when every book equals the simulator's.
     */
    boolean run(final long seconds, final PrintWriter out)
    {
        final ThreadingMode mode = config.appliance().threadingMode();
        final List<AgentRunner> runners = new ArrayList<>();
        AgentRunner venueRunner = null;
        try (Appliance appliance = new Appliance(config, clock, ThreadingMode.MULTI_PROCESS != mode))
        {
            out.printf("  venue: %d channel(s) on shm wires at %s-*, order entry on 127.0.0.1:%d (%s secret)%n",
                config.channels().size(), config.nic().shm().path(), appliance.acceptor.port(),
                appliance.generatedSecret ? "a one-run generated" : "the configured");
            out.printf("  appliance: %s threading, media driver at %s, %d in-process strateg%s%n", mode.text(),
                config.aeron().dir(), appliance.strategies.size(), 1 == appliance.strategies.size() ? "y" : "ies");
            out.flush();

            try (Subscription marketData = appliance.aeron.addSubscription(
                    config.aeron().channel(), config.aeron().marketDataStreamId());
                Subscription executions = appliance.aeron.addSubscription(
                    config.aeron().channel(), config.aeron().executionStreamId()))
            {
                venueRunner = runner(AgentRole.SIM, appliance.venueAgent());
                startHotPath(appliance, mode, runners);
                final Agent driver = appliance.driverAgent();
                if (null != driver)
                {
                    runners.add(runner(AgentRole.HOUSEKEEPING, driver));
                }
                for (final AgentRunner runner : runners)
                {
                    AgentThreads.start(runner, config.agent(roleOf(runner)), out);
                }
                AgentThreads.start(venueRunner, config.agent(AgentRole.SIM), out);

                final BackoffIdleStrategy idle = new BackoffIdleStrategy();
                final long startNs = System.nanoTime();
                final long runNs = seconds > 0 ? TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
                long nextProgressNs = startNs + TimeUnit.SECONDS.toNanos(1);
                final ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
                final Thread waiter = new Thread(barrier::await, "appliance-shutdown-wait");
                waiter.setDaemon(true);
                waiter.start();
                while (System.nanoTime() - startNs < runNs && waiter.isAlive())
                {
                    idle.idle(report.poll(marketData, executions));
                    if (System.nanoTime() - nextProgressNs >= 0)
                    {
                        progress(out, appliance);
                        nextProgressNs += TimeUnit.SECONDS.toNanos(1);
                    }
                }

                barrier.signal();
                barrier.close();
                settle(appliance, marketData, executions, out);
                CloseHelper.close(venueRunner);
                venueRunner = null;
                CloseHelper.closeAll(runners);
                runners.clear();
                progress(out, appliance);
                return compareBooks(out, appliance);
            }
        }
        finally
        {
            CloseHelper.close(venueRunner);
            CloseHelper.closeAll(runners);
        }
    }

    /**
     * Stop the venue's participants and let the appliance finish: every instrument back to OK (a gap near the end is
     * recovered from the snapshot loop, which keeps running) and the streams quiet, so the books can be compared.
     */
    private void settle(
        final Appliance appliance, final Subscription marketData, final Subscription executions, final PrintWriter out)
    {
        for (final MarketDataSimulator sim : appliance.simulators)
        {
            sim.stopParticipants();
        }
        final long deadlineNs = System.nanoTime() +
            TimeUnit.MILLISECONDS.toNanos(3 * config.sim().snapshotIntervalMs() + 2_000);
        long quietSinceNs = System.nanoTime();
        while (System.nanoTime() - deadlineNs < 0 &&
            (report.instrumentsNotOk() > 0 || System.nanoTime() - quietSinceNs < TimeUnit.MILLISECONDS.toNanos(200)))
        {
            if (report.poll(marketData, executions) > 0)
            {
                quietSinceNs = System.nanoTime();
            }
        }
        if (report.instrumentsNotOk() > 0)
        {
            out.printf("  %d instrument(s) still recovering when the run ended%n", report.instrumentsNotOk());
        }
    }

    private void startHotPath(final Appliance appliance, final ThreadingMode mode, final List<AgentRunner> runners)
    {
        if (ThreadingMode.DEDICATED == mode)
        {
            runners.add(runner(AgentRole.FEED, appliance.feed));
            if (!appliance.strategies.isEmpty())
            {
                runners.add(runner(AgentRole.STRATEGY, appliance.gatedStrategies()));
            }
            runners.add(runner(AgentRole.GATEWAY, new CompositeAgent(appliance.gateway, appliance.session)));
        }
        else
        {
            runners.add(runner(AgentRole.FEED, appliance.hotPathAgent()));
        }
    }

    private AgentRunner runner(final AgentRole role, final Agent agent)
    {
        return new RoleRunner(role, IdleStrategies.of(config.agent(role)), agent);
    }

    private static AgentRole roleOf(final AgentRunner runner)
    {
        return ((RoleRunner)runner).role;
    }

    private void progress(final PrintWriter out, final Appliance appliance)
    {
        long lastSeqNum = 0;
        for (final MarketDataSimulator sim : appliance.simulators)
        {
            lastSeqNum += sim.lastMsgSeqNum();
        }
        final SessionState state = appliance.session.state();
        out.printf("  venue MsgSeqNum %,d | md %,d msgs, %d stale | session %s | orders %,d sent, %,d refused," +
            " %,d fills | kill switch trips %d (%d automatic)%n",
            lastSeqNum, report.marketDataMessages(), report.staleMessages(), state, report.ordersSent(),
            report.riskRejects(), report.fills(), gatewayCounter(appliance, GatewayCounter.KILLS) +
            gatewayCounter(appliance, GatewayCounter.AUTO_KILLS), gatewayCounter(appliance, GatewayCounter.AUTO_KILLS));
        out.flush();
    }

    private static long gatewayCounter(final Appliance appliance, final GatewayCounter counter)
    {
        return appliance.gateway.counters().get(counter);
    }

    private boolean compareBooks(final PrintWriter out, final Appliance appliance)
    {
        boolean allEqual = true;
        for (final MarketDataSimulator sim : appliance.simulators)
        {
            for (final ChannelContext context : config.channels())
            {
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

    /**
     * A runner that remembers which role's settings (core, idle strategy) it runs with.
     */
    private static final class RoleRunner extends AgentRunner
    {
        final AgentRole role;

        RoleRunner(final AgentRole role, final org.agrona.concurrent.IdleStrategy idle, final Agent agent)
        {
            super(idle, Throwable::printStackTrace, null, agent);
            this.role = role;
        }
    }
}
