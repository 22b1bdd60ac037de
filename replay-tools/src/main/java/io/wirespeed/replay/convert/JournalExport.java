package io.wirespeed.replay.convert;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.journal.JournalQuery;
import io.wirespeed.journal.JournalReader;
import io.wirespeed.journal.JournalRecordHandler;
import io.wirespeed.nic.pcap.CaptureFileException;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A journal's raw frames into a nanosecond pcap file (Ethernet), each with its journal stamp, in journal order:
 * RAW_FRAME_IN, and RAW_FRAME_OUT when asked, optionally within a time window.
 */
public final class JournalExport implements JournalRecordHandler
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final PcapFileWriter writer;
    private long framesIn;
    private long framesOut;
    private long bytes;
    private long tooLong;
    private long outsidePcapTime;
    private long firstNs = Long.MAX_VALUE;
    private long lastNs = Long.MIN_VALUE;

    private JournalExport(final PcapFileWriter writer)
    {
        this.writer = writer;
    }

    /**
     * Export a journal's frames.
     *
     * @param journalDir the journal.
     * @param pcap       the file to write (created or truncated).
     * @param from       TIME of the first frame to export (see {@link ReplayTime}), or null for the first.
     * @param to         TIME of the last frame to export, or null for the last.
     * @param outFrames  true to export RAW_FRAME_OUT records too.
     * @return what was exported, in words.
     * @throws IllegalArgumentException        when the directory holds no journal.
     * @throws ReplayTime.NotATimeException when a TIME is not one.
     * @throws CaptureFileException     when the pcap file cannot be written.
     */
    public static String export(
        final Path journalDir, final Path pcap, final String from, final String to, final boolean outFrames)
    {
        if (!JournalReader.isJournal(journalDir))
        {
            throw new IllegalArgumentException(journalDir + " holds no journal");
        }
        final Set<JournalStream> streams = EnumSet.of(JournalStream.RAW_FRAME_IN);
        if (outFrames)
        {
            streams.add(JournalStream.RAW_FRAME_OUT);
        }
        final JournalQuery query = new JournalQuery().streams(streams);
        if (null != from || null != to)
        {
            final long firstRecordNs = firstRecordNs(journalDir, streams);
            if (null != from)
            {
                query.fromNs(ReplayTime.parse(from, firstRecordNs));
            }
            if (null != to)
            {
                query.toNs(ReplayTime.parse(to, firstRecordNs));
            }
        }
        final JournalExport export;
        try (PcapFileWriter writer = new PcapFileWriter(pcap);
            JournalReader reader = JournalReader.open(journalDir, query))
        {
            export = new JournalExport(writer);
            reader.readAll(export);
        }
        return export.describe(pcap);
    }

    /**
     * {@inheritDoc}
     */
    public void onRecord(
        final JournalStream stream,
        final int sourceId,
        final long sequence,
        final long captureTimestampNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (length > PcapFileWriter.SNAPLEN)
        {
            tooLong++;
            return;
        }
        if (captureTimestampNs < 0 || captureTimestampNs / NANOS_PER_SECOND > 0xFFFF_FFFFL)
        {
            outsidePcapTime++;
            return;
        }
        writer.write(captureTimestampNs, buffer, offset, length);
        if (JournalStream.RAW_FRAME_IN == stream)
        {
            framesIn++;
        }
        else
        {
            framesOut++;
        }
        bytes += length;
        firstNs = Math.min(firstNs, captureTimestampNs);
        lastNs = Math.max(lastNs, captureTimestampNs);
    }

    private static long firstRecordNs(final Path journalDir, final Set<JournalStream> streams)
    {
        final long[] first = {Long.MIN_VALUE};
        try (JournalReader reader = JournalReader.open(journalDir, new JournalQuery().streams(streams)))
        {
            final JournalRecordHandler handler =
                (stream, sourceId, sequence, timestampNs, buffer, offset, length) -> first[0] = timestampNs;
            while (Long.MIN_VALUE == first[0] && reader.poll(handler, 1) > 0)
            {
                Thread.onSpinWait();
            }
        }
        return Long.MIN_VALUE == first[0] ? 0L : first[0];
    }

    private String describe(final Path pcap)
    {
        final StringBuilder out = new StringBuilder(String.format(
            "exported to %s: %,d RAW_FRAME_IN and %,d RAW_FRAME_OUT frames, %,d bytes", pcap, framesIn, framesOut,
            bytes));
        if (framesIn + framesOut > 0)
        {
            out.append(", recorded ").append(instant(firstNs)).append(" to ").append(instant(lastNs));
        }
        if (tooLong > 0)
        {
            out.append(System.lineSeparator()).append("  ").append(tooLong)
                .append(" frames longer than the pcap snap length of ").append(PcapFileWriter.SNAPLEN)
                .append(" bytes were not exported");
        }
        if (outsidePcapTime > 0)
        {
            out.append(System.lineSeparator()).append("  ").append(outsidePcapTime)
                .append(" frames stamped before 1970 or after 2106, which pcap cannot hold, were not exported");
        }
        return out.toString();
    }

    private static Instant instant(final long epochNs)
    {
        return Instant.ofEpochSecond(epochNs / NANOS_PER_SECOND, epochNs % NANOS_PER_SECOND);
    }
}
