package io.wirespeed.deploy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wirespeed} command line: one entry point, one subcommand per job.
 */
@Command(
    name = "wirespeed",
    mixinStandardHelpOptions = true,
    versionProvider = Wirespeed.VersionProvider.class,
    description = "Low-latency market-data and order-gateway appliance.",
    subcommands =
    {
        DemoCommand.class, RunCommand.class, VenueCommand.class, DriverCommand.class, StrategyCommand.class,
        KillCommand.class, StatCommand.class, ErrorsCommand.class, ConfigCommand.class, DecodeCommand.class,
        ReplayCommand.class,
        JournalCommand.class, CheckCommand.class, BenchCommand.class, VersionCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Wirespeed implements Runnable
{
    private static final String SLF4J_VERBOSITY_PROP_NAME = "slf4j.internal.verbosity";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Run the command line and exit with its code.
     *
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        if (null == System.getProperty(SLF4J_VERBOSITY_PROP_NAME))
        {
            // the affinity library logs through SLF4J and the jar carries no provider: no warning about that
            System.setProperty(SLF4J_VERBOSITY_PROP_NAME, "ERROR");
        }
        FileModes.restrictToGroup(System.err);
        System.exit(execute(args));
    }

    /**
     * Run the command line and return its exit code, without exiting.
     *
     * @param args command-line arguments.
     * @return the exit code: 0 on success.
     */
    public static int execute(final String... args)
    {
        return new CommandLine(new Wirespeed()).setExecutionExceptionHandler(Wirespeed::onFailure).execute(args);
    }

    /**
     * A command failed in a way it did not foresee: one line naming the command and every cause, exit 1.
     */
    private static int onFailure(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        final StringBuilder line = new StringBuilder("wirespeed ").append(commandLine.getCommandName())
            .append(": failed: ").append(ex);
        for (Throwable cause = ex.getCause(); null != cause && line.length() < 2_000; cause = cause.getCause())
        {
            line.append("; caused by ").append(cause);
        }
        commandLine.getErr().println(line.toString().replace('\n', ' '));
        commandLine.getErr().flush();
        return 1;
    }

    /**
     * With no subcommand, print the usage.
     */
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The version, commit and JVM, as {@code wirespeed version} prints them.
     */
    static final class VersionProvider implements CommandLine.IVersionProvider
    {
        public String[] getVersion()
        {
            return BuildInfo.lines();
        }
    }
}
