package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.journal.JournalStatistics;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the journal did over a run, for the demo's and run's summaries: where it is (and the command that reads it),
 * records and bytes by stream, throughput over the run, append latency on the journal thread and the most it fell
 * behind.
 *
 * @param dir             the journal directory.
 * @param statistics      the journal's statistics, read after its agent stopped.
 * @param elapsedNs       how long the appliance ran.
 * @param leftoverRecords records of a dead predecessor's tap rings journaled at start.
 */
record JournalSummary(Path dir, JournalStatistics statistics, long elapsedNs, long leftoverRecords)
{
    /**
     * The summary of an appliance whose threads stopped.
     *
     * @param appliance the appliance.
     * @param elapsedNs how long it ran.
     * @return the summary, or null when it does not journal.
     */
    static JournalSummary of(final Appliance appliance, final long elapsedNs)
    {
        return null == appliance.journal ? null : new JournalSummary(appliance.journal.journal.dir(),
            appliance.journal.journal.statistics(), elapsedNs, appliance.journal.leftoverRecords);
    }

    /**
     * Print the summary.
     *
     * @param out where it goes.
     */
    void print(final PrintWriter out)
    {
        out.printf("journal: %s (read it with: wirespeed journal dump %s)%n", dir, dir);
        final StringBuilder streams = new StringBuilder();
        for (final JournalStream stream : JournalStream.values())
        {
            if (JournalStream.NULL_VAL.value() != stream.value() && statistics.records(stream) > 0)
            {
                streams.append(streams.length() > 0 ? ", " : "").append(stream).append(' ')
                    .append(String.format("%,d (%,d B)", statistics.records(stream), statistics.bytes(stream)));
            }
        }
        out.println("  records by stream: " + (streams.length() > 0 ? streams : "none"));
        final double seconds = Math.max(1, elapsedNs) / (double)TimeUnit.SECONDS.toNanos(1);
        out.printf("  %,d records, %,d bytes in %.1f s: %,.0f records/s, %,.0f B/s%s%n", statistics.totalRecords(),
            statistics.totalBytes(), seconds, statistics.totalRecords() / seconds, statistics.totalBytes() / seconds,
            leftoverRecords > 0 ? String.format("; %,d left by a previous run journaled at start", leftoverRecords) :
            "");
        final Histogram latency = statistics.appendLatency();
        if (0 == latency.getTotalCount())
        {
            out.println("  append latency (journal thread): no samples");
        }
        else
        {
            out.printf("  append latency (journal thread), %,d appends (us): p50 %.2f  p99 %.2f  p99.9 %.2f  " +
                "max %.2f%n", latency.getTotalCount(), us(latency, 50), us(latency, 99), us(latency, 99.9),
                latency.getMaxValue() / 1000.0);
        }
        out.printf("  max lag: %,d bytes behind a tap ring or Aeron stream%n", statistics.maxLagBytes());
        out.flush();
    }

    private static double us(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
