package io.wirespeed.deploy;

import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.strategy.StrategyMain;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed strategy NAME}: a configured sample strategy in its own process (multi-process threading),
 * connected to the running appliance's media driver; stops on SIGINT or SIGTERM.
 */
@Command(name = "strategy", mixinStandardHelpOptions = true,
    description = "Run a configured [[strategy]]'s sample (market-maker or tick-responder) as its own process, " +
    "against the running appliance.")
final class StrategyCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Parameters(index = "0", paramLabel = "NAME", description = "the [[strategy]] name")
    String name;

    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final WirespeedConfig config = CommandConfig.load(configFile, err);
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }
        try
        {
            DriverProbe.requireLive(config.aeron());
        }
        catch (final Refusal refusal)
        {
            err.println(refusal.getMessage());
            return refusal.exitCode();
        }
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier())
        {
            // SIGINT/SIGTERM stop the strategy and the command exits 0, not the JVM's 130/143 from a shutdown hook
            final StopSignals signals = StopSignals.install();
            final Thread relay = new Thread(() ->
            {
                try
                {
                    signals.await(Long.MAX_VALUE);
                    barrier.signal();
                }
                catch (final InterruptedException ignore)
                {
                    Thread.currentThread().interrupt();
                }
            }, "strategy-stop-signal");
            relay.setDaemon(true);
            relay.start();
            StrategyMain.run(config, name, barrier);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println(ex.getMessage());
            return ConfigCheck.EXIT_INVALID;
        }
        return 0;
    }
}
