package io.wirespeed.deploy;

import io.wirespeed.config.AgentRole;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.ConfigException;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.IdleStrategies;
import io.wirespeed.config.NicBackend;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.kernel.KernelNicPort;
import io.wirespeed.nic.shm.ShmFeedPorts;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.SimCounters;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.ShutdownSignalBarrier;
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
 * {@code wirespeed sim}: the exchange simulator's market data as its own process, on the venue side of the configured
 * NIC (it creates the shm wires the appliance attaches to, or sends multicast through kernel sockets).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = "Run the exchange simulator's market-data feeds (A, B, snapshot, definitions) as a process.")
final class SimCommand implements Callable<Integer>
{
    private static final int MAX_COUNTERS = 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
        description = "stop after N seconds; 0 runs until interrupted (default: ${DEFAULT-VALUE})")
    long seconds;

    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final WirespeedConfig config;
        try
        {
            config = null == configFile ? WirespeedConfig.loadDefault() : WirespeedConfig.load(configFile);
        }
        catch (final ConfigException ex)
        {
            err.println(ex.getMessage());
            return ConfigCheck.EXIT_INVALID;
        }
        final NicBackend backend = config.nic().backend();
        if (NicBackend.SHM != backend && NicBackend.KERNEL != backend)
        {
            err.println("nic.backend = " + backend.text() + ": the simulator publishes on the shm NIC or on kernel " +
                "sockets; run it with -Dwirespeed.nic.backend=shm or kernel");
            return ConfigCheck.EXIT_INVALID;
        }

        final EpochNanoClock clock = new OffsetEpochNanoClock();
        final Path countersPath = NicBackend.SHM == backend ?
            Path.of(config.nic().shm().path() + "-sim-counters") :
            Path.of(System.getProperty("java.io.tmpdir"), "wirespeed-sim-counters-" + System.getProperty("user.name"));
        final List<NicPort> ports = new ArrayList<>();
        final List<MarketDataSimulator> simulators = new ArrayList<>();
        try (CountersFile counters = CountersFile.create(countersPath, MAX_COUNTERS))
        {
            try
            {
                for (final ChannelContext channel : config.channels())
                {
                    final NicPort[] feeds = openFeeds(config, channel.id(), counters, clock);
                    ports.addAll(List.of(feeds));
                    simulators.add(new MarketDataSimulator(config.sim(), channel, config.instruments(),
                        new MarketDataPorts(feeds[FeedName.A.ordinal()], feeds[FeedName.B.ordinal()],
                        feeds[FeedName.SNAPSHOT.ordinal()], feeds[FeedName.DEFINITION.ordinal()]),
                        clock, new SimCounters(counters, channel.id())));
                }
                run(config, simulators, countersPath, out);
            }
            finally
            {
                CloseHelper.closeAll(ports);
            }
        }
        return 0;
    }

    private void run(
        final WirespeedConfig config,
        final List<MarketDataSimulator> simulators,
        final Path countersPath,
        final PrintWriter out) throws InterruptedException
    {
        out.printf("wirespeed sim: %d channel(s), %d instrument(s), seed %d, %,d events/s per channel on %s; " +
            "counters in %s%n", simulators.size(), config.instruments().size(), config.sim().seed(),
            config.sim().messageRatePerSecond(), config.nic().backend().text(), countersPath);
        out.flush();

        final Agent agent = simulators.size() == 1 ? simulators.get(0) :
            new CompositeAgent(simulators.toArray(new Agent[0]));
        final AgentRunner runner = new AgentRunner(
            IdleStrategies.of(config.agent(AgentRole.SIM)), Throwable::printStackTrace, null, agent);
        final ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
        final Thread waiter = new Thread(barrier::await, "sim-shutdown-wait");
        waiter.setDaemon(true);
        waiter.start();
        AgentThreads.start(runner, config.agent(AgentRole.SIM), out);
        try
        {
            final long startNs = System.nanoTime();
            final long runNs = seconds > 0 ? TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
            while (waiter.isAlive() && System.nanoTime() - startNs < runNs)
            {
                waiter.join(1000);
                for (final MarketDataSimulator simulator : simulators)
                {
                    out.printf("  %s: last MsgSeqNum %,d%n", simulator.roleName(), simulator.lastMsgSeqNum());
                }
                out.flush();
            }
        }
        finally
        {
            barrier.signal();
            CloseHelper.closeAll(runner, barrier);
        }
        out.println("wirespeed sim: stopped");
        out.flush();
    }

    private static NicPort[] openFeeds(
        final WirespeedConfig config, final int channelId, final CountersFile counters, final EpochNanoClock clock)
    {
        if (NicBackend.SHM == config.nic().backend())
        {
            return ShmFeedPorts.create(config.nic().shm(), channelId, counters, clock);
        }
        final NicPort[] ports = new NicPort[FeedName.values().length];
        try
        {
            for (final FeedName feed : FeedName.values())
            {
                ports[feed.ordinal()] = KernelNicPort.open(
                    "venue-" + channelId + "-" + feed.text(), config.nic().kernel(), counters, clock);
            }
            return ports;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.closeAll(ports);
            throw ex;
        }
    }
}
