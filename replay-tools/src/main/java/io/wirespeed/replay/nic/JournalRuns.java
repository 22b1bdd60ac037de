package io.wirespeed.replay.nic;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.journal.JournalQuery;
import io.wirespeed.journal.JournalReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The runs of a journal, found by reading its CONFIG and RAW_FRAME_IN records once: each CONFIG record starts a run.
 */
public final class JournalRuns
{
    /**
     * The runs of a journal and the one chosen.
     *
     * @param runs  every run, oldest first.
     * @param index of the one chosen.
     */
    public record Choice(List<JournalRun> runs, int index)
    {
    }

    private JournalRuns()
    {
    }

    /**
     * Read the runs of a journal; runs without frames are listed too, frames before any CONFIG record form a run of
     * their own.
     *
     * @param dir of the journal.
     * @return the runs, oldest first.
     * @throws IllegalArgumentException when there is no journal in the directory.
     */
    public static List<JournalRun> scan(final Path dir)
    {
        final List<JournalRun> runs = new ArrayList<>();
        final long[] segment = { 0 };
        final String[] text = { null };
        final long[] configNs = { 0 };
        final long[] frames = { 0 };
        final long[] firstNs = { 0 };
        final long[] lastNs = { 0 };
        final JournalQuery query = new JournalQuery().streams(EnumSet.of(JournalStream.CONFIG,
            JournalStream.RAW_FRAME_IN));
        try (JournalReader reader = JournalReader.open(dir, query))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
            {
                if (JournalStream.CONFIG == stream)
                {
                    if (segment[0] > 0 || frames[0] > 0)
                    {
                        runs.add(new JournalRun((int)segment[0], text[0], configNs[0], frames[0], firstNs[0],
                            lastNs[0]));
                    }
                    segment[0]++;
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    text[0] = new String(bytes, StandardCharsets.UTF_8);
                    configNs[0] = timestampNs;
                    frames[0] = 0;
                    firstNs[0] = 0;
                    lastNs[0] = 0;
                }
                else
                {
                    if (0 == frames[0])
                    {
                        firstNs[0] = timestampNs;
                    }
                    lastNs[0] = Math.max(lastNs[0], timestampNs);
                    frames[0]++;
                }
            });
        }
        if (segment[0] > 0 || frames[0] > 0)
        {
            runs.add(new JournalRun((int)segment[0], text[0], configNs[0], frames[0], firstNs[0], lastNs[0]));
        }
        return runs;
    }
}
