package io.wirespeed.replay;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.journal.JournalQuery;
import io.wirespeed.journal.JournalReader;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.ReplayClock;
import io.wirespeed.nic.pcap.CaptureFileException;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.pcap.PcapPortOptions;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.replay.nic.JournalNicPort;
import io.wirespeed.replay.nic.JournalRun;
import io.wirespeed.replay.nic.JournalRuns;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The input of a replay opened as a replay NIC: captures through a {@link PcapNicPort} on its capture clock, or one
 * run of a journal through a {@link JournalNicPort}.
 */
final class ReplayInput implements AutoCloseable
{
    private final NicPort port;
    private final ReplayClock clock;
    private final List<JournalRun> runs;
    private final int runIndex;
    private final List<Path> paths;

    private ReplayInput(
        final NicPort port, final ReplayClock clock, final List<JournalRun> runs, final int runIndex,
        final List<Path> paths)
    {
        this.port = port;
        this.clock = clock;
        this.runs = runs;
        this.runIndex = runIndex;
        this.paths = paths;
    }

    /**
     * Check the inputs and the journal's run before opening anything.
     *
     * @param paths the inputs.
     * @param run   from 1, or 0 for the last.
     * @return the journal runs and the one chosen, or null for captures.
     */
    static JournalRuns.Choice choose(final List<Path> paths, final int run)
    {
        if (paths.isEmpty())
        {
            throw ReplayException.usage("nothing to replay: give pcap/pcapng files or a journal directory");
        }
        for (final Path path : paths)
        {
            if (!Files.isReadable(path))
            {
                throw ReplayException.refused(path + ": cannot read (no such file or directory, or no permission)");
            }
        }
        final Path first = paths.get(0);
        if (!Files.isDirectory(first))
        {
            if (run != 0)
            {
                throw ReplayException.usage("--run " + run + ": only a journal holds runs, " + first +
                    " is a capture");
            }
            for (final Path path : paths)
            {
                if (Files.isDirectory(path))
                {
                    throw ReplayException.usage(path + ": a journal directory is replayed alone, not with captures");
                }
            }
            return null;
        }
        if (paths.size() > 1)
        {
            throw ReplayException.usage("a journal directory is replayed alone: " + paths);
        }
        if (!JournalReader.isJournal(first))
        {
            throw ReplayException.refused(first + ": no journal there (no cycle files)");
        }
        final List<JournalRun> runs = JournalRuns.scan(first);
        long frames = 0;
        for (final JournalRun journalRun : runs)
        {
            frames += journalRun.frames();
        }
        if (0 == frames)
        {
            throw ReplayException.refused(first + ": the journal holds no RAW_FRAME_IN records (was " +
                "journal.enabled on, with a feed NIC?)");
        }
        if (run < 0 || run > runs.size())
        {
            throw ReplayException.refused("--run " + run + ": the journal holds " + runs.size() + " run" +
                (1 == runs.size() ? "" : "s") + " (1.." + runs.size() + ")");
        }
        final int index = 0 == run ? runs.size() - 1 : run - 1;
        if (0 == runs.get(index).frames())
        {
            throw ReplayException.refused("--run " + (index + 1) + ": that run holds no RAW_FRAME_IN records " +
                "(choose another with --run)");
        }
        return new JournalRuns.Choice(runs, index);
    }

    /**
     * Open the input.
     *
     * @param paths     the inputs.
     * @param choice    the journal's run, or null for captures.
     * @param allocator for the port's counters.
     * @return the input.
     */
    static ReplayInput open(final List<Path> paths, final JournalRuns.Choice choice, final CounterAllocator allocator)
    {
        if (null == choice)
        {
            try
            {
                final PcapNicPort port = PcapNicPort.open("replay", paths, null, PcapPacing.MAX, PcapClock.CAPTURE,
                    allocator, SystemEpochNanoClock.INSTANCE, new PcapPortOptions());
                return new ReplayInput(port, port.captureClock(), List.of(), -1, paths);
            }
            catch (final CaptureFileException | IllegalArgumentException ex)
            {
                throw ReplayException.refused(ex.getMessage());
            }
        }
        final JournalNicPort port = JournalNicPort.open("replay", paths.get(0), choice.runs().get(choice.index()),
            allocator);
        return new ReplayInput(port, port.clock(), choice.runs(), choice.index(), paths);
    }

    NicPort port()
    {
        return port;
    }

    ReplayClock clock()
    {
        return clock;
    }

    boolean isJournal()
    {
        return runIndex >= 0;
    }

    long framesDelivered()
    {
        return port.counters().value(NicCounter.RX_FRAMES);
    }

    /**
     * What was replayed, for the summary.
     *
     * @return lines without line separators.
     */
    List<String> describe()
    {
        final List<String> lines = new ArrayList<>();
        if (port instanceof PcapNicPort)
        {
            lines.add(((PcapNicPort)port).summary());
            return lines;
        }
        lines.add("journal " + paths.get(0) + ": " + runs.size() + " run" + (1 == runs.size() ? "" : "s") + " found");
        for (int i = 0; i < runs.size(); i++)
        {
            final JournalRun run = runs.get(i);
            lines.add(String.format("  %s run %d: %s, %,d frames%s", i == runIndex ? "*" : " ", i + 1,
                null == run.configText() ? "no CONFIG record" : "CONFIG at " + ReplayTimes.format(run.configNs()),
                run.frames(), 0 == run.frames() ? "" : ", " + ReplayTimes.format(run.firstFrameNs()) + " .. " +
                ReplayTimes.format(run.lastFrameNs())));
        }
        lines.add(String.format("frames replayed: %,d; time backwards %,d; too long %,d", framesDelivered(),
            port.counters().value(NicCounter.CAPTURE_TIME_BACKWARDS),
            port.counters().value(NicCounter.CAPTURE_RECORD_TOO_LONG)));
        return lines;
    }

    /**
     * The CONFIG text of the run replayed.
     *
     * @return the text, or null for captures or a run without one.
     */
    String recordedConfig()
    {
        return isJournal() ? runs.get(runIndex).configText() : null;
    }

    /**
     * Read the same input raw, parse only, and count the frames.
     *
     * @return frames read.
     */
    long readRaw(final CounterAllocator allocator)
    {
        if (!isJournal())
        {
            try (PcapNicPort raw = PcapNicPort.open("raw", paths, null, PcapPacing.MAX, PcapClock.WALL, allocator,
                SystemEpochNanoClock.INSTANCE, new PcapPortOptions()))
            {
                long frames = 0;
                final long[] bytes = { 0 };
                while (!raw.isEndOfCapture())
                {
                    frames += raw.rxQueue(0).poll((buffer, offset, length, rxNs) -> bytes[0] += length, 256);
                }
                return frames;
            }
        }
        final long[] frames = { 0 };
        try (JournalReader reader = JournalReader.open(paths.get(0),
            new JournalQuery().streams(EnumSet.of(JournalStream.RAW_FRAME_IN))))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) -> frames[0]++);
        }
        return frames[0];
    }

    public void close()
    {
        port.close();
    }
}
