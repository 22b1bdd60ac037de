package io.wirespeed.journal;

import io.wirespeed.config.JournalRetentionAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest
{
    @TempDir
    Path dir;

    @Test
    void keepsTheNewestCompletedCyclesAndMovesOlderOnesNeverTheOneBeingWritten() throws Exception
    {
        final Path queue = cycles("20261201.cq4", "20261202.cq4", "20261203.cq4", "20261204.cq4", "20261205.cq4");
        final Path archive = dir.resolve("archive");
        final Retention retention = new Retention(queue, 2, JournalRetentionAction.MOVE, archive);

        assertEquals(2, retention.apply());
        assertEquals(List.of("20261203.cq4", "20261204.cq4", "20261205.cq4"), names(queue));
        assertEquals(List.of("20261201.cq4", "20261202.cq4"), names(archive));
        assertTrue(Files.exists(queue.resolve("metadata.cq4t")));
        assertEquals(0, retention.apply());
    }

    @Test
    void deletesOlderCyclesAndKeepsAllWhenTheCountIsZero() throws Exception
    {
        final Path queue = cycles("20261201.cq4", "20261202.cq4", "20261203.cq4");
        assertEquals(0, new Retention(queue, 0, JournalRetentionAction.DELETE, null).apply());
        assertEquals(3, names(queue).size());

        assertEquals(1, new Retention(queue, 1, JournalRetentionAction.DELETE, null).apply());
        assertEquals(List.of("20261202.cq4", "20261203.cq4"), names(queue));
    }

    private Path cycles(final String... names) throws Exception
    {
        final Path queue = dir.resolve("queue");
        Files.createDirectories(queue);
        Files.writeString(queue.resolve("metadata.cq4t"), "table");
        for (final String name : names)
        {
            Files.writeString(queue.resolve(name), "cycle");
        }
        return queue;
    }

    private static List<String> names(final Path dir)
    {
        return Retention.cycleFiles(dir).stream().map((p) -> p.getFileName().toString()).toList();
    }
}
