package io.wirespeed.deploy;

import io.wirespeed.config.WirespeedConfig;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code wirespeed bench journal [ROUNDS] [SECONDS]}: tick-to-trade with the journal off and on, side by side in one
 * process under the same load: the demo's appliance against its in-process venue (the built-in configuration and
 * {@code -Dwirespeed.*} overrides), in rounds that alternate off, on, off, on... so drift of the machine hits both
 * alike; each side's samples are summed over its rounds and printed with p50, p99 and p99.9 and the ratios on / off
 * (the goal: p99 ratio at most 1.2, p99.9 at most 1.5). Reports what it measures; asserts nothing.
 */
final class JournalBench
{
    private static final long HIGHEST_NS = 60_000_000_000L;

    private JournalBench()
    {
    }

    /**
     * Run the rounds and print the comparison.
     *
     * @param args {@code [ROUNDS] [SECONDS]}: rounds per side (default 3) and seconds per round (default 5).
     * @param out  where the results go.
     * @return the exit code: 0, or 1 when a round ended with books unequal to the venue's.
     * @throws InterruptedException when interrupted.
     */
    static int run(final String[] args, final PrintWriter out) throws InterruptedException
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        final long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        final Histogram off = new Histogram(HIGHEST_NS, 3);
        final Histogram on = new Histogram(HIGHEST_NS, 3);
        final Path journalDir = tempDir();
        final PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        out.printf("bench journal: %d round(s) of %d s per side, alternating off/on; journal at %s%n", rounds, seconds,
            journalDir);
        out.flush();
        for (int round = 0; round < 2 * rounds; round++)
        {
            // each round ends with a stop request of its own (the end of its seconds): fresh handlers per round
            final StopSignals signals = StopSignals.install();
            final boolean journal = 1 == (round & 1);
            final WirespeedConfig config = config(journal, journalDir);
            final DemoRun demo = new DemoRun(config, signals);
            if (!demo.run(seconds, quiet))
            {
                out.println("bench journal: round " + (round + 1) + " ended with books unequal to the venue's");
                return 1;
            }
            if (null != signals.reason() && signals.reason().startsWith("SIG"))
            {
                out.println("bench journal: stopped (" + signals.reason() + ")");
                break;
            }
            final Histogram tickToTrade = demo.report().tickToTrade();
            (journal ? on : off).add(tickToTrade);
            out.printf("  round %d journal %-3s %,d samples, p99 %.2f us%n", round + 1, journal ? "on" : "off",
                tickToTrade.getTotalCount(), tickToTrade.getValueAtPercentile(99) / 1000.0);
            out.flush();
        }
        out.println("tick -> trade (trigger frame at the NIC -> order written to the venue socket), us:");
        out.printf("  %-12s %10s %9s %9s %9s%n", "journal", "samples", "p50", "p99", "p99.9");
        print(out, "off", off);
        print(out, "on", on);
        if (off.getTotalCount() > 0 && on.getTotalCount() > 0)
        {
            out.printf("  %-12s %10s %9.2f %9.2f %9.2f   (goal: p99 <= 1.2, p99.9 <= 1.5)%n", "ratio on/off", "",
                ratio(on, off, 50), ratio(on, off, 99), ratio(on, off, 99.9));
        }
        out.flush();
        return 0;
    }

    private static WirespeedConfig config(final boolean journal, final Path journalDir)
    {
        final Properties properties = new Properties();
        properties.putAll(System.getProperties());
        properties.setProperty(WirespeedConfig.PROPERTY_PREFIX + "journal.enabled", Boolean.toString(journal));
        properties.setProperty(WirespeedConfig.PROPERTY_PREFIX + "journal.dir", journalDir.toString());
        return WirespeedConfig.loadDefault(properties);
    }

    private static Path tempDir()
    {
        try
        {
            return Files.createTempDirectory("wirespeed-bench-journal-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void print(final PrintWriter out, final String name, final Histogram histogram)
    {
        out.printf("  %-12s %,10d %9.2f %9.2f %9.2f%n", name, histogram.getTotalCount(), us(histogram, 50),
            us(histogram, 99), us(histogram, 99.9));
    }

    private static double ratio(final Histogram on, final Histogram off, final double percentile)
    {
        return (double)on.getValueAtPercentile(percentile) / Math.max(1, off.getValueAtPercentile(percentile));
    }

    private static double us(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
