package io.wirespeed.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Checks a configuration file for a command line: a report to print and an exit code, never an exception.
 */
public final class ConfigCheck
{
    /**
     * Exit code of a valid configuration.
     */
    public static final int EXIT_OK = 0;

    /**
     * Exit code of a configuration with errors.
     */
    public static final int EXIT_INVALID = 1;

    /**
     * Exit code when the file cannot be read at all.
     */
    public static final int EXIT_UNREADABLE = 2;

    /**
     * The outcome of a check.
     *
     * @param exitCode {@link #EXIT_OK}, {@link #EXIT_INVALID} or {@link #EXIT_UNREADABLE}.
     * @param report   text to print: a summary when valid, one line per error otherwise.
     * @param errors   every error found, empty when valid.
     */
    public record Result(int exitCode, String report, List<ConfigError> errors)
    {
        /**
         * Is the configuration valid?
         *
         * @return true when there are no errors.
         */
        public boolean isValid()
        {
            return EXIT_OK == exitCode;
        }
    }

    private ConfigCheck()
    {
    }

    /**
     * Check a file with the process's {@code -Dwirespeed.*} overrides, leaving secrets unresolved.
     *
     * @param file to check.
     * @return the outcome.
     */
    public static Result check(final Path file)
    {
        return check(file, System.getProperties(), false);
    }

    /**
     * Check a file.
     *
     * @param file           to check.
     * @param properties     whose {@code wirespeed.*} entries override keys.
     * @param resolveSecrets also require the gateway's secret to be present: its environment variable set, or its
     *                       file readable and not empty.
     * @return the outcome.
     */
    public static Result check(final Path file, final Properties properties, final boolean resolveSecrets)
    {
        return check(file, properties, resolveSecrets ? System::getenv : null);
    }

    static Result check(final Path file, final Properties properties, final Function<String, String> environment)
    {
        if (!Files.isReadable(file))
        {
            final String reason = Files.exists(file) ? "not readable" : "no such file";
            final ConfigError error = new ConfigError(
                "", null, "cannot read configuration file (" + reason + ")", new ConfigLocation(file.toString(), 0, 0));
            return new Result(EXIT_UNREADABLE, error.format(), List.of(error));
        }

        final WirespeedConfig config;
        try
        {
            config = WirespeedConfig.load(file, properties);
        }
        catch (final ConfigException ex)
        {
            return invalid(file, ex.errors());
        }

        if (null != environment)
        {
            final SecretRef secretRef = config.gateway().secretRef();
            try
            {
                secretRef.resolve(environment);
            }
            catch (final IllegalStateException ex)
            {
                final String key = "gateway.secret_ref";
                return invalid(file, List.of(new ConfigError(key, ConfigValues.display(secretRef.toString()),
                    "unresolvable secret (" + ex.getMessage() + ")", config.locate(key))));
            }
        }

        return new Result(EXIT_OK, summary(file, config), List.of());
    }

    private static Result invalid(final Path file, final List<ConfigError> errors)
    {
        final StringBuilder report = new StringBuilder()
            .append(file).append(": ").append(errors.size()).append(1 == errors.size() ? " error" : " errors");
        for (final ConfigError error : errors)
        {
            report.append(System.lineSeparator()).append(error.format());
        }

        return new Result(EXIT_INVALID, report.toString(), List.copyOf(errors));
    }

    private static String summary(final Path file, final WirespeedConfig config)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(file + ": OK");
        lines.add(row("appliance", config.appliance().name() + ", " + config.appliance().threadingMode().text() +
            " threading"));
        lines.add(row("nic", nic(config.nic())));

        final StringJoiner channels = new StringJoiner(", ");
        for (final ChannelContext channel : config.channels())
        {
            channels.add(String.valueOf(channel.id()));
        }
        lines.add(row("channels", (0 == config.channels().size() ? "none" : channels.toString()) +
            " (" + config.instruments().size() + " instruments)"));

        final StringJoiner strategies = new StringJoiner(", ");
        for (final StrategyContext strategy : config.strategies())
        {
            strategies.add(strategy.name());
        }
        lines.add(row("strategies", 0 == config.strategies().size() ? "none" : strategies.toString()));

        int faultsEnabled = 0;
        for (final FaultContext fault : config.faults())
        {
            faultsEnabled += fault.enabled() ? 1 : 0;
        }
        lines.add(row("faults", 0 == faultsEnabled ? "none enabled" : faultsEnabled + " feeds"));

        final JournalContext journal = config.journal();
        lines.add(row("journal", journal.enabled() ? journal.rollCycle().text() + " in " + journal.dir() : "off"));
        lines.add(row("aeron", config.aeron().dir() + (config.aeron().embeddedDriver() ? ", embedded " : ", ") +
            config.aeron().driverThreadingMode().text() + " driver"));
        lines.add(row("venue", config.gateway().venueHost() + ":" + config.gateway().venuePort() + " session " +
            config.gateway().sessionId()));

        return String.join(System.lineSeparator(), lines);
    }

    private static String nic(final NicContext nic)
    {
        return switch (nic.backend())
        {
            case SHM -> "shm at " + nic.shm().path();
            case KERNEL -> "kernel sockets on " + nic.kernel().interfaceName();
            case PCAP -> "pcap from " + nic.pcap().readPath();
            case AF_XDP -> "af_xdp on " + nic.afXdp().interfaceName() + " queue " + nic.afXdp().queue() +
                " (" + nic.afXdp().xdpMode().text() + ", " + nic.afXdp().bind().text() + ")";
        };
    }

    private static String row(final String name, final String value)
    {
        return String.format("  %-11s %s", name, value);
    }
}
