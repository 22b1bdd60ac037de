package io.wirespeed.deploy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed version}: the version, the git commit it was built from and the JVM it runs on.
 */
@Command(name = "version", mixinStandardHelpOptions = true,
    description = "Print the version, the git commit the build was made from and the JVM.")
final class VersionCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        for (final String line : BuildInfo.lines())
        {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
