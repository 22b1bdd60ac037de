package io.wirespeed.nic.status;

import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class CountersFileTest
{
    @Test
    void shouldWriteAHeaderWithLayoutVersionPidAndStartTime(@TempDir final Path dir) throws Exception
    {
        final Path path = dir.resolve("counters");
        final long beforeMs = System.currentTimeMillis();
        try (CountersFile file = CountersFile.create(path, 8))
        {
            final long afterMs = System.currentTimeMillis();
            file.newCounter(7, "seven").setRelease(42);

            // read back with plain NIO at the offsets of the drawn layout, not through CountersFile
            final ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1, header.getInt(0));
            assertEquals(8, header.getInt(4));
            assertEquals(ProcessHandle.current().pid(), header.getLong(8));
            final long startMs = header.getLong(16);
            assertTrue(startMs >= beforeMs && startMs <= afterMs, "start " + startMs);
            assertEquals('W' | 'S' << 8 | 'C' << 16 | 'F' << 24, header.getInt(24));
            assertEquals(128 + 8 * (512 + 128), Files.size(path));

            assertTrue(CountersFile.isReady(path));
            try (CountersFile reader = CountersFile.openForReading(path))
            {
                assertEquals(ProcessHandle.current().pid(), reader.pid());
                assertEquals(startMs, reader.startTimestampMs());
                assertEquals("seven", reader.reader().getCounterLabel(0));
                assertEquals(42, reader.reader().getCounterValue(0));
            }
        }
    }

    @Test
    void shouldRefuseAnotherLayoutVersionInWords(@TempDir final Path dir) throws Exception
    {
        final Path path = dir.resolve("counters");
        CountersFile.create(path, 4).close();
        try (RandomAccessFile raw = new RandomAccessFile(path.toFile(), "rw"))
        {
            raw.writeInt(Integer.reverseBytes(9));
        }

        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> CountersFile.openForReading(path));
        assertEquals(path + ": counters file layout version 9, but this wirespeed reads version 1 " +
            "(written by another build of wirespeed?)", ex.getMessage());
    }

    @Test
    void shouldRefuseAFileWithoutAHeaderAsAnOlderBuildWroteIt(@TempDir final Path dir) throws Exception
    {
        final Path path = dir.resolve("counters");
        final byte[] old = new byte[4096];
        old[0] = 1; // an older build's first counter record: RECORD_ALLOCATED where the layout version now is
        Files.write(path, old);

        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> CountersFile.openForReading(path));
        assertEquals(path + ": not a counters file with a header (written by an older build of wirespeed?)",
            ex.getMessage());
    }

    @Test
    void shouldNotBeReadyBeforeTheHeaderIsWritten(@TempDir final Path dir) throws Exception
    {
        final Path path = dir.resolve("counters");
        Files.write(path, new byte[4096]);

        assertFalse(CountersFile.isReady(path));
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> CountersFile.openForReading(path));
        assertTrue(ex.getMessage().startsWith(path + ": counters file not ready"), ex.getMessage());
    }

    @Test
    void shouldCountIntoTheFile(@TempDir final Path dir)
    {
        try (CountersFile file = CountersFile.create(dir.resolve("counters"), 2))
        {
            final AtomicCounter counter = file.newCounter(1, "one");
            counter.increment();
            assertEquals(1, file.reader().getCounterValue(counter.id()));
        }
    }
}
