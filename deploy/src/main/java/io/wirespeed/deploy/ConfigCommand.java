package io.wirespeed.deploy;

import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.WirespeedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed config}: validate a configuration file, or print the built-in default to start one from.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check or print the appliance configuration (TOML).",
    subcommands = { ConfigCommand.Check.class, ConfigCommand.Default.class })
final class ConfigCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Validate a file: every error at once, each naming the key, the value and the reason; exit non-zero on any.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a configuration file; lists every error at once and exits non-zero on any.")
    static final class Check implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the configuration file")
        Path file;

        @Option(names = "--resolve-secrets",
            description = "also check that the venue secret reference resolves (environment variable or file)")
        boolean resolveSecrets;

        public Integer call()
        {
            final ConfigCheck.Result result = ConfigCheck.check(file, System.getProperties(), resolveSecrets);
            final PrintWriter out = result.isValid() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            out.println(result.report());
            out.flush();
            return result.exitCode();
        }
    }

    /**
     * Print the built-in default configuration, the one the demo runs with.
     */
    @Command(name = "default", mixinStandardHelpOptions = true,
        description = "Print the built-in default configuration (runs the demo on a 2-core laptop).")
    static final class Default implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        public Integer call() throws IOException
        {
            try (InputStream in = WirespeedConfig.class.getResourceAsStream(WirespeedConfig.DEFAULT_RESOURCE))
            {
                if (null == in)
                {
                    spec.commandLine().getErr().println("the default configuration is missing from this build");
                    return ConfigCheck.EXIT_UNREADABLE;
                }
                final PrintWriter out = spec.commandLine().getOut();
                out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                out.flush();
            }
            return ConfigCheck.EXIT_OK;
        }
    }
}
