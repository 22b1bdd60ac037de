package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a journal holds: records and bytes by stream, the first and last capture time, its cycle files and their size.
 */
public final class JournalStats
{
    private final long[] records = new long[JournalRecords.STREAMS];
    private final long[] bytes = new long[JournalRecords.STREAMS];
    private long firstNs = Long.MAX_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private int files;
    private long fileBytes;

    private JournalStats()
    {
    }

    /**
     * Read a whole journal.
     *
     * @param dir of the journal.
     * @return its statistics.
     * @throws IllegalArgumentException when there is no journal there.
     */
    public static JournalStats of(final Path dir)
    {
        final JournalStats stats = new JournalStats();
        try (JournalReader reader = JournalReader.open(dir, new JournalQuery()))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
            {
                stats.records[stream.value()]++;
                stats.bytes[stream.value()] += JournalRecords.HEADER_LENGTH + length;
                stats.firstNs = Math.min(stats.firstNs, timestampNs);
                stats.lastNs = Math.max(stats.lastNs, timestampNs);
            });
        }
        final List<Path> cycles = Retention.cycleFiles(dir);
        stats.files = cycles.size();
        for (final Path file : cycles)
        {
            try
            {
                stats.fileBytes += Files.size(file);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read the size of " + file, ex);
            }
        }
        return stats;
    }

    /**
     * Records of a stream.
     *
     * @param stream to ask about.
     * @return the count.
     */
    public long records(final JournalStream stream)
    {
        return records[stream.value()];
    }

    /**
     * Cycle files.
     *
     * @return the count.
     */
    public int files()
    {
        return files;
    }

    /**
     * Print one line per stream that has records, then totals, times and files.
     *
     * @param out where to print.
     */
    public void print(final PrintWriter out)
    {
        long totalRecords = 0;
        long totalBytes = 0;
        for (int i = 0; i < JournalRecords.STREAMS; i++)
        {
            if (records[i] > 0)
            {
                out.printf("%-14s %12d records %14d bytes%n", JournalRecords.stream(i), records[i], bytes[i]);
                totalRecords += records[i];
                totalBytes += bytes[i];
            }
        }
        out.printf("%-14s %12d records %14d bytes%n", "total", totalRecords, totalBytes);
        if (totalRecords > 0)
        {
            out.println("first          " + JournalPrinter.isoTime(firstNs));
            out.println("last           " + JournalPrinter.isoTime(lastNs));
        }
        out.println("files          " + files + " cycle files, " + fileBytes + " bytes on disk");
    }
}
