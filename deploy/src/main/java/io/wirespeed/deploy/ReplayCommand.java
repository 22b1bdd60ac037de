package io.wirespeed.deploy;

import io.wirespeed.replay.Replay;
import io.wirespeed.replay.ReplayException;
import io.wirespeed.replay.ReplayOptions;
import io.wirespeed.replay.ReplayPace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wirespeed replay}: captures or a journal run through the feed handler on recorded time, at any pace, with
 * the same output at every pace.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    subcommands = { ReplayImportCommand.class, ReplayExportCommand.class },
    description = {
        "Replay pcap/pcapng captures (one file per feed, or one with every feed, told apart by group:port) or a",
        "journal directory (its RAW_FRAME_IN records; the last run unless --run) through the feed handler, on the",
        "recorded time: timers (gap timeout, feed silence) fire as they did live, however fast the replay runs.",
        "The pace only delays each move to the next recorded instant, so every pace gives the same output.",
        "",
        "Step commands (--pace step, from stdin): empty line or 'n [COUNT]' releases the next instants, 'to TIME'",
        "runs to a recorded time, 'books [ID]' prints the books now, 'c' continues at max pace, 'q' stops;",
        "end of stdin continues at max pace. TIME: 2026-12-07T14:03:07.123456789Z, 14:03:07.123 (the recording's",
        "first day, UTC) or +SECONDS from the first frame.",
        "",
        "Exit codes: 0 done (also after SIGINT/SIGTERM, with the summary), 1 refused (one line naming the option or",
        "key), 2 usage."
    })
final class ReplayCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "pcap/pcapng files, or one journal directory")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
        description = "configuration whose channels and instruments are used (default: the journal run's CONFIG " +
            "record; captures need --config or --feed)")
    Path config;

    @Option(names = "--feed", paramLabel = "CHANNEL:X=GROUP:PORT",
        description = "define or override a feed of a channel: X is a (incremental A), b, s (snapshot) or d " +
            "(definitions); repeat for each feed")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--pace", paramLabel = "PACE", defaultValue = "max",
        description = "max (default), 1x, Nx (10x, 0.5x) or step")
    String pace;

    @Option(names = "--run", paramLabel = "N", defaultValue = "0",
        description = "which run of the journal, from 1 (default: the last)")
    int run;

    @Option(names = "--output", paramLabel = "FILE",
        description = "write every normalized message published (4-byte little-endian length, then the message): " +
            "compare two replays with cmp")
    Path output;

    @Option(names = "--books-at", paramLabel = "TIME", description = "print the books as they stood at TIME, then " +
        "stop unless --continue")
    String booksAt;

    @Option(names = "--instrument", paramLabel = "ID", defaultValue = "0",
        description = "with --books-at: only this security id")
    int instrument;

    @Option(names = "--continue", description = "with --books-at: go on to the end")
    boolean continueAfterBooks;

    @Option(names = "--books-json", paramLabel = "FILE", description = "write the final books of every instrument " +
        "as JSON")
    Path booksJson;

    @Option(names = "--raw-baseline", description = "read the input raw first (parse only) and print both speeds")
    boolean rawBaseline;

    public Integer call()
    {
        if (inputs.isEmpty())
        {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ReplayException.USAGE;
        }
        try
        {
            final ReplayOptions options = new ReplayOptions().inputs(inputs).config(config)
                .pace(ReplayPace.parse(pace)).run(run).output(output).booksAt(booksAt, instrument)
                .continueAfterBooks(continueAfterBooks).booksJson(booksJson).rawBaseline(rawBaseline);
            for (final String feed : feeds)
            {
                options.feed(feed);
            }
            if (0 != instrument && null == booksAt)
            {
                throw ReplayException.usage("--instrument needs --books-at");
            }
            final StopSignals stopSignals = StopSignals.install();
            Replay.run(options, stopSignals::isRequested);
            System.out.flush();
            return 0;
        }
        catch (final ReplayException ex)
        {
            System.out.flush();
            spec.commandLine().getErr().println("wirespeed replay: " + ex.getMessage());
            spec.commandLine().getErr().flush();
            return ex.exitCode();
        }
    }
}
