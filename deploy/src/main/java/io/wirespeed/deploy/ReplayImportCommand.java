package io.wirespeed.deploy;

import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.replay.convert.CaptureImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed replay import}: pcap and pcapng captures into a new journal, each frame a RAW_FRAME_IN record.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Write captures (pcap or pcapng; Ethernet with or without VLAN tags, or Linux cooked v1/v2 from",
        "'tcpdump -i any', which become Ethernet) into a new journal: a CONFIG record first (the text of --config,",
        "else a comment naming the captures), then every frame of the captures merged by recorded time as a",
        "RAW_FRAME_IN record stamped with its recorded time, sourceId = the capture's index << 8. Frames cut short by",
        "the snap length and problems in a file are counted and named, not journaled.",
        "Exit codes: 0 done, 1 a capture is missing or not a capture, the directory already holds a journal, or the",
        "journal cannot be written (one line on stderr), 2 usage."
    })
final class ReplayImportCommand implements Callable<Integer>
{
    static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CAPTURE", description = "pcap or pcapng captures, merged by time")
    List<Path> captures = new ArrayList<>();

    @Option(names = "--journal", required = true, paramLabel = "DIR",
        description = "the journal to create; it must not hold a journal yet")
    Path journal;

    @Option(names = "--config", paramLabel = "FILE",
        description = "the configuration the captures go with, journaled as the CONFIG record")
    Path config;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        try
        {
            final String configText = null == config ? null : Files.readString(config);
            out.println(CaptureImport.importCaptures(captures, journal, configText));
            out.flush();
            return 0;
        }
        catch (final IOException ex)
        {
            return fail(err, "cannot read the configuration " + config + ": " + ex);
        }
        catch (final CaptureFileException | IllegalArgumentException | UncheckedIOException ex)
        {
            return fail(err, ex.getMessage());
        }
    }

    private static int fail(final PrintWriter err, final String message)
    {
        err.println("wirespeed replay import: " + message);
        err.flush();
        return EXIT_FAILED;
    }
}
