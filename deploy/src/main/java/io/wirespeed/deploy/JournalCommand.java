package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.config.ConfigCheck;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.journal.JournalPrinter;
import io.wirespeed.journal.JournalQuery;
import io.wirespeed.journal.JournalReader;
import io.wirespeed.journal.JournalRecordHandler;
import io.wirespeed.journal.JournalStats;
import io.wirespeed.journal.OrderLife;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code wirespeed journal dump|stats}: read the journal, by default the configured {@code journal.dir}.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
    description = "Read the journal: dump its records or count them. Exit 0, 1 (no journal, unreadable), 2 usage.",
    subcommands = {JournalCommand.Dump.class, JournalCommand.Stats.class})
final class JournalCommand implements Callable<Integer>
{
    static final int EXIT_NO_JOURNAL = 1;
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    static Path journalDir(final Path dir, final Path configFile, final PrintWriter err)
    {
        if (null != dir)
        {
            return dir;
        }
        final WirespeedConfig config = CommandConfig.load(configFile, err);
        return null == config ? null : config.journal().dir();
    }

    static long time(final CommandLine commandLine, final String option, final String text)
    {
        try
        {
            return text.chars().allMatch(Character::isDigit) ? Long.parseLong(text) :
                TimeUnit.SECONDS.toNanos(Instant.parse(text).getEpochSecond()) + Instant.parse(text).getNano();
        }
        catch (final NumberFormatException | DateTimeParseException ex)
        {
            throw new CommandLine.ParameterException(commandLine,
                option + ": not an ISO-8601 UTC time (2026-12-07T14:30:00.123456789Z) or epoch nanoseconds: " + text);
        }
    }

    /**
     * {@code wirespeed journal dump}.
     */
    @Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print the journal's records, one per line (text, or --json), oldest first.")
    static final class Dump implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "journal directory")
        Path dir;

        @Option(names = "--config", paramLabel = "FILE", description = "configuration naming journal.dir")
        Path configFile;

        @Option(names = "--json", description = "one JSON object per record per line")
        boolean json;

        @Option(names = "--follow", description = "keep printing records as they are journaled")
        boolean follow;

        @Option(names = "--stream", paramLabel = "S", arity = "1..*", description = "only these streams")
        List<JournalStream> streams = new ArrayList<>();

        @Option(names = "--from", paramLabel = "T", description = "only records captured at or after T")
        String from;

        @Option(names = "--to", paramLabel = "T", description = "only records captured at or before T")
        String to;

        @Option(names = "--security", paramLabel = "ID", description = "only records about this security id")
        Long securityId;

        @Option(names = "--clordid", paramLabel = "ID", description = "only records about this client order id")
        Long clOrdId;

        @Option(names = "--order", paramLabel = "ID", description = "the life of one order (its client order id): " +
            "the tick that triggered it, its requests, risk decisions, gateway state, iLink 3 messages both ways and " +
            "execution reports")
        Long orderId;

        @Option(names = "--strategy", paramLabel = "ID", description = "only records of this strategy")
        Long strategyId;

        @Option(names = "--tailer", paramLabel = "NAME", description = "resume where the last dump of NAME stopped")
        String tailer;

        public Integer call() throws InterruptedException
        {
            final CommandLine commandLine = spec.commandLine();
            final JournalQuery query = new JournalQuery().streams(streams).follow(follow).tailer(tailer);
            if (null != from)
            {
                query.fromNs(time(commandLine, "--from", from));
            }
            if (null != to)
            {
                query.toNs(time(commandLine, "--to", to));
            }
            if (null != securityId)
            {
                query.securityId(securityId);
            }
            if (null != clOrdId)
            {
                query.clOrdId(clOrdId);
            }
            if (null != strategyId)
            {
                query.strategyId(strategyId);
            }
            final PrintWriter err = commandLine.getErr();
            final Path journal = journalDir(dir, configFile, err);
            if (null == journal)
            {
                return ConfigCheck.EXIT_INVALID;
            }
            if (!JournalReader.isJournal(journal))
            {
                err.println("wirespeed journal: no journal at " + journal);
                return EXIT_NO_JOURNAL;
            }
            final PrintWriter out = commandLine.getOut();
            final JournalPrinter printer = new JournalPrinter(out, json ? PrintFormat.JSON : PrintFormat.TEXT);
            try (JournalReader reader = JournalReader.open(journal, query))
            {
                final JournalRecordHandler handler = null == orderId ? printer :
                    OrderLife.of(journal, orderId).filter(printer);
                reader.readAll(handler);
                out.flush();
                while (follow)
                {
                    if (0 == reader.poll(handler, 4096))
                    {
                        out.flush();
                        Thread.sleep(50);
                    }
                }
            }
            catch (final RuntimeException ex)
            {
                out.flush();
                err.println("wirespeed journal: cannot read the journal at " + journal + ": " + ex.getMessage());
                return EXIT_NO_JOURNAL;
            }
            out.flush();
            return 0;
        }
    }

    /**
     * {@code wirespeed journal stats}.
     */
    @Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Records and bytes by stream, first and last capture time, cycle files and their size.")
    static final class Stats implements Callable<Integer>
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "journal directory")
        Path dir;

        @Option(names = "--config", paramLabel = "FILE", description = "configuration naming journal.dir")
        Path configFile;

        public Integer call()
        {
            final PrintWriter err = spec.commandLine().getErr();
            final Path journal = journalDir(dir, configFile, err);
            if (null == journal)
            {
                return ConfigCheck.EXIT_INVALID;
            }
            if (!JournalReader.isJournal(journal))
            {
                err.println("wirespeed journal: no journal at " + journal);
                return EXIT_NO_JOURNAL;
            }
            try
            {
                JournalStats.of(journal).print(spec.commandLine().getOut());
            }
            catch (final RuntimeException ex)
            {
                err.println("wirespeed journal: cannot read the journal at " + journal + ": " + ex.getMessage());
                return EXIT_NO_JOURNAL;
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
