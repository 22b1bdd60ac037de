package io.wirespeed.replay;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.JournalContext;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.journal.Journal;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.pcap.PcapPortOptions;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a journal the way the appliance does: CONFIG records through {@link Journal#appendConfig}, received frames
 * as RAW_FRAME_IN through a {@link JournalTap} ring that the journal drains, here from a capture's frames.
 */
final class JournalWriter implements AutoCloseable
{
    private final Path dir;
    private final Journal journal;
    private final CountersFile counters;
    private final long[] now = { SimCapture.START_NS };
    private int rings;

    JournalWriter(final Path dir, final Path work)
    {
        this.dir = dir;
        counters = CountersFile.create(work.resolve("journal-writer-counters-" + dir.getFileName()), 64);
        journal = Journal.open(new JournalContext().dir(dir), () -> now[0]);
    }

    /**
     * Start a run: its CONFIG record.
     */
    void config(final String text)
    {
        journal.appendConfig(text);
    }

    /**
     * Journal every frame of a capture as RAW_FRAME_IN at its recorded time.
     *
     * @return frames journaled.
     */
    long frames(final Path capture, final int capacity)
    {
        final Path ringFile = dir.resolveSibling(dir.getFileName() + "-ring-" + rings++);
        long frames = 0;
        try (TapRing ring = TapRing.create(ringFile, capacity);
            PcapNicPort port = PcapNicPort.open("journal-writer", List.of(capture), null, PcapPacing.MAX,
                PcapClock.WALL, counters, () -> now[0], new PcapPortOptions()))
        {
            final JournalTap tap = new JournalTap(ring, counters.newCounter(9999, "lost"));
            final long[] recorded = { 0 };
            while (!port.isEndOfCapture())
            {
                recorded[0] += port.rxQueue(0).poll((buffer, offset, length, rxNs) ->
                {
                    if (!tap.record(JournalStream.RAW_FRAME_IN, 1 << 8, rxNs, buffer, offset, length))
                    {
                        throw new IllegalStateException("tap ring full");
                    }
                }, 64);
            }
            frames = recorded[0];
        }
        journal.drainLeftover(ringFile);
        return frames;
    }

    public void close()
    {
        journal.close();
        counters.close();
    }
}
