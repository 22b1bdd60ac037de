package io.wirespeed.deploy;

import io.aeron.CncFileDescriptor;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintWriter;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code wirespeed stat}: the live counters of a running appliance (its counters file: NIC, feed, gateway, venue
 * session; and its media driver's, where the strategies' and Aeron's own live) or venue, refreshed like AeronStat.
 */
@Command(name = "stat", mixinStandardHelpOptions = true,
    description = {
        "Print the live counters of the running appliance (or with --venue, the venue) and refresh them every",
        "--interval-ms until SIGINT or SIGTERM; --once prints them once, for scripts. Exit 0; 3 when nothing runs",
        "at the configured paths; 1 when the counters file is of another layout."
    })
final class StatCommand implements Callable<Integer>
{
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--venue", description = "the venue's counters instead of the appliance's")
    boolean venue;

    @Option(names = "--once", description = "print once and exit, without clearing the screen")
    boolean once;

    @Option(names = "--interval-ms", paramLabel = "MS", defaultValue = "1000",
        description = "refresh interval (default: ${DEFAULT-VALUE})")
    long intervalMs;

    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final WirespeedConfig config = CommandConfig.load(configFile, err);
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }
        final String what = venue ? "venue" : "appliance";
        final String start = venue ? "`wirespeed venue`" : "`wirespeed run`";
        final Path path = venue ? Venue.countersPath(config) : Appliance.countersPath(config);
        if (!Files.exists(path))
        {
            err.println("no running " + what + ": no counters file at " + path + " (nic.shm.path); start it with " +
                start + " and this configuration, or pass the --config it runs with");
            return Refusal.EXIT_NOTHING_TO_TALK_TO;
        }
        final CountersFile counters;
        try
        {
            counters = CountersFile.openForReading(path);
        }
        catch (final IllegalStateException ex)
        {
            err.println(ex.getMessage());
            return Refusal.EXIT_REFUSED;
        }
        try (counters)
        {
            if (!DriverProbe.isAlive(counters.pid()))
            {
                err.println("no running " + what + ": " + path + " was left by pid " + counters.pid() +
                    " (started " + Instant.ofEpochMilli(counters.startTimestampMs()) + "), which is not running; " +
                    "start it with " + start + " and this configuration");
                return Refusal.EXIT_NOTHING_TO_TALK_TO;
            }
            final StopSignals signals = once ? null : StopSignals.install();
            final File cnc = config.aeron().dir().resolve(CncFileDescriptor.CNC_FILE).toFile();
            final boolean withDriver = !venue &&
                null == DriverProbe.deadReason(config.aeron().dir(), config.aeron().driverTimeoutMs());
            final MappedByteBuffer driverCnc = withDriver ? IoUtil.mapExistingFile(cnc, "cnc") : null;
            try
            {
                final CountersReader driverCounters = null == driverCnc ? null : driverCounters(driverCnc);
                do
                {
                    if (!once)
                    {
                        out.print(CLEAR_SCREEN);
                    }
                    out.printf("wirespeed stat: %s pid %d, started %s, at %s%n", what, counters.pid(),
                        Instant.ofEpochMilli(counters.startTimestampMs()), Instant.now());
                    out.println("== " + path + " (counters file layout " + CountersFile.LAYOUT_VERSION + ")");
                    print(out, counters.reader());
                    if (null != driverCounters)
                    {
                        out.println("== " + cnc + " (media driver: strategies, publications, Aeron's own)");
                        print(out, driverCounters);
                    }
                    out.flush();
                    if (!DriverProbe.isAlive(counters.pid()))
                    {
                        err.println("the " + what + " (pid " + counters.pid() + ") stopped");
                        return Refusal.EXIT_NOTHING_TO_TALK_TO;
                    }
                }
                while (!once && !signals.await(TimeUnit.MILLISECONDS.toNanos(intervalMs)));
            }
            finally
            {
                if (null != driverCnc)
                {
                    IoUtil.unmap(driverCnc);
                }
            }
        }
        return 0;
    }

    private static CountersReader driverCounters(final MappedByteBuffer cnc)
    {
        final UnsafeBuffer metaData = CncFileDescriptor.createMetaDataBuffer(cnc);
        return new CountersReader(
            CncFileDescriptor.createCountersMetaDataBuffer(cnc, metaData),
            CncFileDescriptor.createCountersValuesBuffer(cnc, metaData));
    }

    private static void print(final PrintWriter out, final CountersReader reader)
    {
        reader.forEach((value, id, label) -> out.printf("%4d: %,20d - %s%n", id, value, label));
    }
}
