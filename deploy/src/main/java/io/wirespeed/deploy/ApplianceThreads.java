package io.wirespeed.deploy;

import io.wirespeed.config.AgentContext;
import io.wirespeed.config.AgentRole;
import io.wirespeed.config.DriverThreadingMode;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.ThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The appliance's agents on threads as {@code appliance.threading_mode} lays them out, each with its role's core and
 * idle strategy: {@code dedicated} runs the feed handler, the in-process strategies and the gateway (with its venue
 * session) each on its own thread; {@code compact} and {@code multi-process} run them as one hot-path composite with
 * the feed role's settings. The journal agent ({@code journal.enabled}) never runs on a hot thread and stops after
 * the hot path, so it journals what that path sent last: in {@code compact} it shares the housekeeping thread with an
 * embedded driver in invoker mode (two busy threads on a two-core box, as {@code compact} promises), with the
 * housekeeping role's settings; otherwise it has a thread of its own with the journal role's settings. An embedded
 * driver in invoker mode runs with the housekeeping role's settings.
 */
final class ApplianceThreads implements AutoCloseable
{
    private final WirespeedConfig config;
    private final Appliance appliance;
    private final List<Started> started = new ArrayList<>();
    private final List<Layout> layout = new ArrayList<>();

    /**
     * Lay the appliance's agents out; nothing starts until {@link #start()}.
     *
     * @param config     concluded configuration.
     * @param appliance  the assembled appliance.
     */
    ApplianceThreads(final WirespeedConfig config, final Appliance appliance)
    {
        this.config = config;
        this.appliance = appliance;
        if (ThreadingMode.DEDICATED == config.appliance().threadingMode())
        {
            if (!appliance.strategies.isEmpty())
            {
                layout.add(new Layout(AgentRole.STRATEGY, appliance.gatedStrategies()));
            }
            layout.add(new Layout(AgentRole.FEED, appliance.feed));
            if (!appliance.venueAgents().isEmpty())
            {
                layout.add(new Layout(AgentRole.GATEWAY, new CompositeAgent(appliance.venueAgents())));
            }
        }
        else
        {
            layout.add(new Layout(AgentRole.FEED, appliance.hotPathAgent()));
        }
        final Agent driver = appliance.driverAgent();
        final Agent journal = appliance.journalAgent;
        if (ThreadingMode.COMPACT == config.appliance().threadingMode() && null != journal && null != driver)
        {
            layout.add(new Layout(AgentRole.HOUSEKEEPING, new CompositeAgent(journal, driver)));
        }
        else
        {
            if (null != journal)
            {
                layout.add(new Layout(ThreadingMode.COMPACT == config.appliance().threadingMode() ?
                    AgentRole.HOUSEKEEPING : AgentRole.JOURNAL, journal));
            }
            if (null != driver)
            {
                layout.add(new Layout(AgentRole.HOUSEKEEPING, driver));
            }
        }
    }

    /**
     * The roles whose settings the layout of a configuration uses, known before anything is assembled.
     *
     * @param config              concluded configuration.
     * @param inProcessStrategies whether strategies will run in process.
     * @return the roles.
     */
    static List<AgentRole> roles(final WirespeedConfig config, final boolean inProcessStrategies)
    {
        final List<AgentRole> roles = new ArrayList<>();
        if (ThreadingMode.DEDICATED == config.appliance().threadingMode())
        {
            if (inProcessStrategies)
            {
                roles.add(AgentRole.STRATEGY);
            }
            roles.add(AgentRole.FEED);
            if (config.gateway().venueSession())
            {
                roles.add(AgentRole.GATEWAY);
            }
        }
        else
        {
            roles.add(AgentRole.FEED);
        }
        final boolean compact = ThreadingMode.COMPACT == config.appliance().threadingMode();
        if (config.journal().enabled() && !compact)
        {
            roles.add(AgentRole.JOURNAL);
        }
        if ((config.aeron().embeddedDriver() && DriverThreadingMode.INVOKER == config.aeron().driverThreadingMode()) ||
            (config.journal().enabled() && compact))
        {
            roles.add(AgentRole.HOUSEKEEPING);
        }
        return roles;
    }

    /**
     * Start every thread and wait until each has placed itself on its core.
     *
     * @throws Refusal naming {@code agents.<role>.core} when a thread could not be pinned; every thread is stopped.
     * @throws InterruptedException when interrupted while waiting.
     */
    void start() throws InterruptedException
    {
        appliance.agentsClosedByRunners();
        for (final Layout entry : layout)
        {
            final AgentContext context = config.agent(entry.role);
            final IdleStrategy idle = IdleStrategies.of(context);
            final AgentRunner runner = new AgentRunner(idle, appliance.errorLog.errorHandler(), null, entry.agent);
            started.add(new Started(entry.role, runner, idle, AgentThreads.start(runner, context)));
        }
        for (final Started thread : started)
        {
            final String failure = thread.placement.awaitFailure();
            if (null != failure)
            {
                stop();
                throw Refusal.of("agents." + thread.role.text() + ".core", thread.placement.core(), failure);
            }
        }
    }

    /**
     * What runs where, one line per thread, as the threads read it back.
     *
     * @return the lines.
     */
    List<String> description()
    {
        final List<String> lines = new ArrayList<>();
        for (final Started thread : started)
        {
            lines.add(String.format("thread %s (%s): %s, %s idle", thread.runner.agent().roleName(),
                thread.role.text(), thread.placement.describe(), thread.idle.alias()));
        }
        return lines;
    }

    /**
     * Stop the threads in order: strategies first (no new orders), then the feed handler, the gateway and its venue
     * session, then the journal, then the driver's duty cycle; each runner closes its agents.
     */
    void stop()
    {
        for (final Started thread : started)
        {
            CloseHelper.close(thread.runner);
        }
        started.clear();
    }

    public void close()
    {
        stop();
    }

    private record Layout(AgentRole role, Agent agent)
    {
    }

    private record Started(AgentRole role, AgentRunner runner, IdleStrategy idle, AgentThreads.Placement placement)
    {
    }
}
