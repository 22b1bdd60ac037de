package io.wirespeed.deploy;

import io.aeron.CncFileDescriptor;
import io.aeron.CommonContext;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.status.ErrorLogFile;
import org.agrona.IoUtil;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed errors}: the distinct errors the appliance's (or the venue's) agents reported, from its error log,
 * and its media driver's, like Aeron's {@code ErrorStat}; readable while it runs and after it died.
 */
@Command(name = "errors", mixinStandardHelpOptions = true,
    description = {
        "Print the distinct errors in the appliance's error log (or with --venue, the venue's) and in its media",
        "driver's, each with its count and first and last time. Exit 0."
    })
final class ErrorsCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: the built-in one)")
    Path configFile;

    @Option(names = "--venue", description = "the venue's error log instead of the appliance's")
    boolean venue;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final WirespeedConfig config = CommandConfig.load(configFile, spec.commandLine().getErr());
        if (null == config)
        {
            return ConfigCheck.EXIT_INVALID;
        }
        final Path log = ErrorLogFile.beside(venue ? Venue.countersPath(config) : Appliance.countersPath(config));
        if (Files.exists(log))
        {
            final int distinct = ErrorLogFile.read(log, (count, firstMs, lastMs, error) -> out.printf(
                "%,d observation(s) from %s to %s for:%n %s%n", count, Instant.ofEpochMilli(firstMs),
                Instant.ofEpochMilli(lastMs), error));
            out.printf("%s: %d distinct error(s)%n", log, distinct);
        }
        else
        {
            out.println(log + ": no error log (it exists while the " + (venue ? "venue" : "appliance") +
                " runs, and is kept after it stops only when it holds errors)");
        }
        final File cnc = config.aeron().dir().resolve(CncFileDescriptor.CNC_FILE).toFile();
        if (!venue && cnc.isFile() && cnc.length() >= CncFileDescriptor.END_OF_METADATA_OFFSET)
        {
            final MappedByteBuffer mapped = IoUtil.mapExistingFile(cnc, "cnc");
            try
            {
                final ByteArrayOutputStream text = new ByteArrayOutputStream();
                final int distinct;
                try (PrintStream stream = new PrintStream(text, true, StandardCharsets.UTF_8))
                {
                    distinct = CommonContext.printErrorLog(CommonContext.errorLogBuffer(mapped), stream);
                }
                out.print(text.toString(StandardCharsets.UTF_8));
                out.printf("%s (media driver): %d distinct error(s)%n", cnc, distinct);
            }
            finally
            {
                IoUtil.unmap(mapped);
            }
        }
        out.flush();
        return 0;
    }
}
