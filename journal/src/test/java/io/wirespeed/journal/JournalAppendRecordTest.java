package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.JournalContext;
import io.wirespeed.nic.ManualEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Records a tool stamps itself ({@link Journal#appendRecord}): read back with their stream, source, stamp and bytes,
 * numbered per stream from 0 with no gaps, and numbered on from where a reopened journal left off.
 */
class JournalAppendRecordTest
{
    @TempDir
    Path dir;

    @Test
    void recordsKeepTheirStampsAndEachStreamIsNumberedOnAcrossAReopen()
    {
        final JournalContext context = new JournalContext().dir(dir.resolve("journal"));
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(5);
        try (Journal journal = Journal.open(context, clock))
        {
            assertEquals(0, journal.appendRecord(JournalStream.CONFIG, 0, 100, bytes("config"), 0, 6));
            assertEquals(0, journal.appendRecord(JournalStream.RAW_FRAME_IN, 0, 101, bytes("frame0"), 0, 6));
            assertEquals(1, journal.appendRecord(JournalStream.RAW_FRAME_IN, 1 << 8, 99, bytes("frame1"), 1, 5));
            assertThrows(IllegalArgumentException.class,
                () -> journal.appendRecord(JournalStream.NULL_VAL, 0, 1, bytes("x"), 0, 1));
        }
        try (Journal journal = Journal.open(context, clock))
        {
            assertEquals(2, journal.nextSequence(JournalStream.RAW_FRAME_IN));
            assertEquals(2, journal.appendRecord(JournalStream.RAW_FRAME_IN, 2 << 8, 102, bytes("frame2"), 0, 6));
            assertEquals(1, journal.appendRecord(JournalStream.CONFIG, 0, 103, bytes("again"), 0, 5));
        }

        final List<String> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir.resolve("journal"), new JournalQuery()))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
                records.add(stream + " " + sourceId + " " + sequence + " " + timestampNs + " " +
                buffer.getStringWithoutLengthAscii(offset, length)));
        }
        assertEquals(List.of(
            "CONFIG 0 0 100 config",
            "RAW_FRAME_IN 0 0 101 frame0",
            "RAW_FRAME_IN 256 1 99 rame1",
            "RAW_FRAME_IN 512 2 102 frame2",
            "CONFIG 0 1 103 again"), records);
    }

    private static UnsafeBuffer bytes(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
