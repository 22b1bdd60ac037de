package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.StrategySample;
import io.wirespeed.config.ThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.strategy.StrategyClient;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code wirespeed run}: the production appliance from a configuration, every value honoured or refused naming its
 * key; a start banner of what runs as read back from the running parts, progress once a second, and on SIGINT,
 * SIGTERM or the end of {@code --seconds} an orderly stop with a summary and the book digests.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the appliance from the configuration: the configured NIC backend, venue session, media " +
    "driver, threading and strategies.")
final class RunCommand implements Callable<Integer>
{
    /**
     * The line a script waits for: everything in the banner above it runs.
     */
    static final String STARTED = "wirespeed run: started";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
        description = "stop after N seconds; 0 runs until SIGINT or SIGTERM (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--allow-untuned",
        description = "run on a host that fails the preflight (wirespeed check), saying what was overridden")
    boolean allowUntuned;

    public Integer call() throws InterruptedException
    {
        final StopSignals signals = StopSignals.install();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (seconds < 0)
        {
            err.println("--seconds must be 0 (until interrupted) or more, was " + seconds);
            return ConfigCheck.EXIT_UNREADABLE;
        }
        final WirespeedConfig config = CommandConfig.load(configFile, err);
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }

        try
        {
            return run(config, signals, out);
        }
        catch (final Refusal refusal)
        {
            err.println(refusal.getMessage());
            err.flush();
            return refusal.exitCode();
        }
    }

    private int run(final WirespeedConfig config, final StopSignals signals, final PrintWriter out)
        throws InterruptedException
    {
        final String secret = config.gateway().venueSession() ? Secrets.gateway(config) : null;
        final ThreadingMode mode = config.appliance().threadingMode();
        final boolean inProcessStrategies = ThreadingMode.MULTI_PROCESS != mode && config.strategies().stream()
            .anyMatch((strategy) -> StrategySample.NONE != strategy.sample());
        final List<AgentRole> roles = ApplianceThreads.roles(config, inProcessStrategies);
        HostCores.check(config, roles);
        if (!HostPreflight.admit(config, roles, allowUntuned, out, spec.commandLine().getErr()))
        {
            return Refusal.EXIT_REFUSED;
        }
        final EpochNanoClock clock = new OffsetEpochNanoClock();
        try (InstanceLocks locks = InstanceLocks.acquire(config, "run", true, false);
            Appliance appliance = new Appliance(config, clock, secret, ThreadingMode.MULTI_PROCESS != mode);
            ApplianceThreads threads = new ApplianceThreads(config, appliance);
            ApplianceMonitor monitor = new ApplianceMonitor(appliance, clock))
        {
            threads.start();
            final long startNs = System.nanoTime();
            awaitSession(appliance, monitor, signals);
            printBanner(config, appliance, threads, locks, out);

            monitor.runUntilStopped(signals, seconds,
                (m) -> printLine(out, "  " + m.progress()));
            printLine(out, "wirespeed run: stopping (" + signals.reason() + ")");
            final String stopped = monitor.stopInOrder(stopNs(config));
            if (null != stopped)
            {
                printLine(out, "  " + stopped);
            }
            final boolean settled = monitor.settle(settleNs(config));
            threads.stop();
            printLine(out, "  " + monitor.progress() + (settled ? "" : monitor.report().instrumentsNotOk() > 0 ?
                " | " + monitor.report().instrumentsNotOk() + " instrument(s) still recovering at the stop" :
                " | market data still arriving at the stop"));
            out.println("tick-to-trade summary (wall clock, this machine, " + mode.text() + " threading)");
            monitor.report().print(out);
            if (null != appliance.feedPorts.captureSummary())
            {
                out.println(appliance.feedPorts.captureSummary());
            }
            final JournalSummary journal = JournalSummary.of(appliance, System.nanoTime() - startNs);
            if (null != journal)
            {
                journal.print(out);
            }
            BookDigests.printAppliance(config, appliance.feed, out);
            printVenueState(config, appliance, out);
            monitor.printSummaryLine(out);
        }
        printLine(out, "wirespeed run: stopped");
        return 0;
    }

    /**
     * Wait (the monitor polling) until the venue session is established or the connect timeout passes, so the banner
     * says which endpoint the session actually reached; the session keeps trying after that either way.
     */
    private static void awaitSession(
        final Appliance appliance, final ApplianceMonitor monitor, final StopSignals signals)
    {
        final long deadlineNs = System.nanoTime() +
            TimeUnit.MILLISECONDS.toNanos(appliance.config.gateway().connectTimeoutMs());
        while (null != appliance.session && SessionState.ESTABLISHED != appliance.session.state() &&
            System.nanoTime() - deadlineNs < 0 && !signals.isRequested())
        {
            monitor.settle(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static void printBanner(
        final WirespeedConfig config,
        final Appliance appliance,
        final ApplianceThreads threads,
        final InstanceLocks locks,
        final PrintWriter out)
    {
        out.printf("wirespeed run: appliance %s, pid %d, configuration %s, %s threading%n", config.appliance().name(),
            ProcessHandle.current().pid(), config.sourceName(), config.appliance().threadingMode().text());
        for (final String line : appliance.feedPorts.description())
        {
            out.println("  nic " + line);
        }
        out.println("  " + appliance.driverLink.description());
        out.printf("  streams: %s market data %d (term %,d B), orders %d, executions %d, control %d%n",
            config.aeron().channel(), appliance.marketData.streamId(), appliance.marketData.termBufferLength(),
            config.aeron().orderStreamId(), config.aeron().executionStreamId(), config.aeron().controlStreamId());
        if (null == appliance.session)
        {
            out.println("  venue session: none (gateway.venue_session = false): no gateway runs, no order leaves");
        }
        else
        {
            final String endpoint = appliance.venueTransport.connectedEndpoint();
            out.printf("  venue session: %s, %s, uuid %d, session %s firm %s, access key %s%n",
                null == endpoint ? "not connected to " + config.gateway().venueHost() + ":" +
                config.gateway().venuePort() + " (retrying every " + config.gateway().reconnectBackoffMs() + " ms)" :
                "connected " + endpoint, appliance.session.state(), appliance.session.uuid(),
                config.gateway().sessionId(), config.gateway().firmId(), config.gateway().accessKeyId());
        }
        out.println("  strategies: " + strategies(config, appliance));
        for (final String line : threads.description())
        {
            out.println("  " + line);
        }
        out.println("  counters: " + Appliance.countersPath(config));
        out.println("  journal: " + (null == appliance.journal ? "off (journal.enabled = false)" :
            appliance.journal.journal.dir() + ", " + config.journal().rollCycle().text() + ", tap rings " +
            ApplianceJournal.feedRingPath(config) + " and " + ApplianceJournal.gatewayRingPath(config) +
            (appliance.journal.leftoverRecords > 0 ? "; " + appliance.journal.leftoverRecords +
            " record(s) a previous run left in them journaled" : "")));
        out.println("  instance locks: " + locks.files());
        for (final String takeover : locks.takeovers())
        {
            out.println("  " + takeover);
        }
        printLine(out, STARTED);
    }

    /**
     * The gateway's view of the venue at the stop, for scripts and the restart drill to compare with the venue's own
     * summary: the session's UUID and sequence numbers, and the net position per instrument over every strategy.
     */
    private static void printVenueState(final WirespeedConfig config, final Appliance appliance, final PrintWriter out)
    {
        if (null == appliance.session)
        {
            return;
        }
        final StringBuilder positions = new StringBuilder();
        for (final InstrumentContext instrument : config.instruments())
        {
            long net = 0;
            for (final StrategyContext strategy : config.strategies())
            {
                net += appliance.gateway.logic().state().position(strategy.id(), instrument.securityId());
            }
            positions.append(' ').append(instrument.securityId()).append('=').append(net);
        }
        out.printf("gateway: uuid %d next_seq_in %d next_seq_out %d positions%s%n", appliance.session.uuid(),
            appliance.session.nextReceivedSeqNum(), appliance.session.nextSentSeqNum(), positions);
    }

    private static String strategies(final WirespeedConfig config, final Appliance appliance)
    {
        final List<String> running = new ArrayList<>();
        for (final StrategyClient client : appliance.strategies)
        {
            running.add(client.settings().name() + " (id " + client.settings().strategyId() + ", " +
                client.settings().strategy().sample().text() + ")");
        }
        final List<String> elsewhere = new ArrayList<>();
        for (final StrategyContext strategy : config.strategies())
        {
            final boolean inProcess = ThreadingMode.MULTI_PROCESS != config.appliance().threadingMode() &&
                StrategySample.NONE != strategy.sample();
            if (!inProcess)
            {
                elsewhere.add(strategy.name());
            }
        }
        return (running.isEmpty() ? "none in process" : "in process " + String.join(", ", running)) +
            (elsewhere.isEmpty() ? "" : "; to run as their own processes (wirespeed strategy NAME): " +
            String.join(", ", elsewhere));
    }

    /**
     * The longest orderly stop: the cancels' wait and the Terminate's, a keepalive interval each, and a second more.
     *
     * @param config the configuration.
     * @return nanoseconds.
     */
    static long stopNs(final WirespeedConfig config)
    {
        return TimeUnit.MILLISECONDS.toNanos(2 * config.gateway().keepaliveIntervalMs() + 1_000);
    }

    private static long settleNs(final WirespeedConfig config)
    {
        return TimeUnit.MILLISECONDS.toNanos(Math.min(10_000, config.sim().snapshotIntervalMs() * 3 + 2_000));
    }

    private static void printLine(final PrintWriter out, final String line)
    {
        out.println(line);
        out.flush();
    }
}
