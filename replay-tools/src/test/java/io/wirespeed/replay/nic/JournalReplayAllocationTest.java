package io.wirespeed.replay.nic;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.JournalContext;
import io.wirespeed.journal.Journal;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.ReplayClock;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal replay NIC's poll and clock allocate nothing per frame: 400,000 RAW_FRAME_IN records replayed on the
 * journal clock after a warm-up of as many; a frame that allocated one object would cost at least 16 bytes a frame,
 * what is allowed is a residue below 0.01 bytes a frame (the JDK's and Chronicle's occasional file mapping work).
 */
class JournalReplayAllocationTest
{
    private static final int FRAMES = 400_000;
    private static final int BURST = 32;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void replayingAJournalRunAllocatesNothingPerFrame()
    {
        THREADS.setThreadAllocatedMemoryEnabled(true);
        final Path journalDir = dir.resolve("journal");
        try (CountersFile counters = CountersFile.create(dir.resolve("counters"), 256))
        {
            write(journalDir, counters);
            final List<JournalRun> runs = JournalRuns.scan(journalDir);
            assertEquals(2, runs.size());
            final CountingHandler handler = new CountingHandler();
            try (JournalNicPort warmUp = JournalNicPort.open("warm-up", journalDir, runs.get(0), counters);
                JournalNicPort measured = JournalNicPort.open("measured", journalDir, runs.get(1), counters))
            {
                receive(warmUp, handler);
                final long before = THREADS.getCurrentThreadAllocatedBytes();
                receive(measured, handler);
                final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                assertEquals(2L * FRAMES, handler.frames);
                assertEquals(FRAMES, measured.framesDelivered());
                System.out.println("journal replay RX: " + allocated + " bytes allocated over " + FRAMES + " frames");
                assertTrue(allocated < FRAMES / 100, allocated + " bytes allocated over " + FRAMES + " frames");
            }
        }
    }

    private static void receive(final JournalNicPort port, final CountingHandler handler)
    {
        final JournalClock clock = port.clock();
        while (!port.isEndOfRun())
        {
            port.rxQueue(0).poll(handler, BURST);
            clock.advance(ReplayClock.NO_DEADLINE);
        }
    }

    private void write(final Path journalDir, final CountersFile counters)
    {
        final long[] now = { 1_700_000_000_000_000_000L };
        try (Journal journal = Journal.open(new JournalContext().dir(journalDir), () -> now[0]))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[90]);
            for (int run = 0; run < 2; run++)
            {
                journal.appendConfig("# run " + run);
                for (int chunk = 0; chunk < FRAMES / 50_000; chunk++)
                {
                    final Path ringFile = dir.resolve("ring-" + run + "-" + chunk);
                    try (TapRing ring = TapRing.create(ringFile, 8 * 1024 * 1024))
                    {
                        final JournalTap tap = new JournalTap(ring, counters.newCounter(9999, "lost"));
                        for (int i = 0; i < 50_000; i++)
                        {
                            frame.putInt(0, i);
                            now[0] += 1_000;
                            assertTrue(tap.record(JournalStream.RAW_FRAME_IN, 256, now[0], frame, 0, frame.capacity()));
                        }
                    }
                    journal.drainLeftover(ringFile);
                }
            }
        }
    }

    private static final class CountingHandler implements FrameHandler
    {
        long frames;
        long checksum;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            frames++;
            checksum += buffer.getInt(offset) + length + rxTimestampNs;
        }
    }
}
