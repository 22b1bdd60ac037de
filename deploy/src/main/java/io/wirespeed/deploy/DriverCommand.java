package io.wirespeed.deploy;

import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.wirespeed.config.AeronContext;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.DriverThreadingMode;
import io.wirespeed.config.WirespeedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code wirespeed driver}: a standalone Aeron media driver from {@code [aeron]} (directory, threading mode, IPC term
 * length) for appliances and strategies that run with {@code embedded_driver = false}; it stops on SIGINT or SIGTERM
 * and deletes its directory.
 */
@Command(name = "driver", mixinStandardHelpOptions = true,
    description = "Run a standalone Aeron media driver from the configuration's [aeron] section.")
final class DriverCommand implements Callable<Integer>
{
    /**
     * The line a script waits for: clients may connect.
     */
    static final String STARTED = "wirespeed driver: started";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final WirespeedConfig config = CommandConfig.load(configFile, err);
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }

        final AeronContext aeron = config.aeron();
        final StopSignals signals = StopSignals.install();
        final File dir = aeron.dir().toFile();
        if (DriverThreadingMode.INVOKER == aeron.driverThreadingMode())
        {
            return refuse(err, Refusal.of("aeron.driver_threading_mode", aeron.driverThreadingMode(),
                "a standalone driver runs its own threads; use dedicated, shared-network or shared"));
        }
        if (CommonContext.isDriverActive(dir, aeron.driverTimeoutMs(), (message) -> {}))
        {
            return refuse(err, Refusal.of("aeron.dir", dir.toString(), "a media driver is already running there"));
        }

        try (MediaDriver driver = MediaDriver.launch(MediaDriverLink.driverContext(aeron)))
        {
            final MediaDriver.Context context = driver.context();
            out.printf("wirespeed driver: pid %d, configuration %s, directory %s, %s threading, IPC term %,d B, " +
                "client liveness %,d ms%n", ProcessHandle.current().pid(), config.sourceName(),
                context.aeronDirectoryName(), context.threadingMode(), context.ipcTermBufferLength(),
                TimeUnit.NANOSECONDS.toMillis(context.clientLivenessTimeoutNs()));
            out.println(STARTED);
            out.flush();
            signals.await(Long.MAX_VALUE);
            out.println("wirespeed driver: stopping (" + signals.reason() + "), deleting " +
                context.aeronDirectoryName());
            out.flush();
        }
        out.println("wirespeed driver: stopped");
        out.flush();
        return 0;
    }

    private static int refuse(final PrintWriter err, final Refusal refusal)
    {
        err.println(refusal.getMessage());
        err.flush();
        return refusal.exitCode();
    }
}
