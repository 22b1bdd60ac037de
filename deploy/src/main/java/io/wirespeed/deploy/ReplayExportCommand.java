package io.wirespeed.deploy;

import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.replay.convert.JournalExport;
import io.wirespeed.replay.convert.ReplayTime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed replay export}: a journal's raw frames into a nanosecond pcap file Wireshark and tshark open.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Write a journal's RAW_FRAME_IN records (and RAW_FRAME_OUT with --out-frames) to a nanosecond pcap file",
        "(Ethernet), each frame with its journal stamp, in journal order, optionally within --from/--to.",
        "TIME is " + ReplayTime.SYNTAX + ".",
        "Exit codes: 0 done, 1 no journal in the directory or the file cannot be written (one line on stderr),",
        "2 usage (a bad TIME included)."
    })
final class ReplayExportCommand implements Callable<Integer>
{
    static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOURNAL_DIR", description = "the journal to export from")
    Path journal;

    @Option(names = "--pcap", required = true, paramLabel = "OUT", description = "the pcap file to write")
    Path pcap;

    @Option(names = "--from", paramLabel = "TIME", description = "only frames captured at or after TIME")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "only frames captured at or before TIME")
    String to;

    @Option(names = "--out-frames", description = "export RAW_FRAME_OUT records (frames the appliance sent) too")
    boolean outFrames;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(journal))
        {
            return fail(err, journal + " is not a directory");
        }
        final String exported;
        try
        {
            exported = JournalExport.export(journal, pcap, from, to, outFrames);
        }
        catch (final ReplayTime.NotATimeException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        catch (final IllegalArgumentException ex)
        {
            return fail(err, ex.getMessage());
        }
        catch (final CaptureFileException | UncheckedIOException ex)
        {
            return fail(err, ex.getMessage());
        }
        out.println(exported);
        out.flush();
        return 0;
    }

    private static int fail(final PrintWriter err, final String message)
    {
        err.println("wirespeed replay export: " + message);
        err.flush();
        return EXIT_FAILED;
    }
}
