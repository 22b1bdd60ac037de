package io.wirespeed.nic.pcap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Words for what a {@link PcapRxQueue} has replayed, for the operator at the end of a run.
 */
final class CaptureSummary
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private CaptureSummary()
    {
    }

    static String describe(final CaptureSource[] sources, final boolean ended)
    {
        long frames = 0;
        long bytes = 0;
        long problems = 0;
        long firstNs = Long.MAX_VALUE;
        long lastNs = Long.MIN_VALUE;
        for (final CaptureSource source : sources)
        {
            frames += source.frames;
            bytes += source.bytes;
            problems += source.problemCount;
            if (source.frames > 0)
            {
                firstNs = Math.min(firstNs, source.firstTimestampNs);
                lastNs = Math.max(lastNs, source.lastTimestampNs);
            }
        }

        final StringBuilder out = new StringBuilder(ended ? "capture replayed: " : "capture replaying: ")
            .append(sources.length).append(1 == sources.length ? " file, " : " files, ");
        totals(out, frames, bytes, firstNs, lastNs);
        out.append(", ").append(problems).append(1 == problems ? " problem" : " problems");
        if (1 == sources.length)
        {
            lastProblem(out, sources[0]);
        }
        else
        {
            for (final CaptureSource source : sources)
            {
                out.append(System.lineSeparator()).append("  ").append(source.file()).append(": ");
                totals(out, source.frames, source.bytes, source.firstTimestampNs, source.lastTimestampNs);
                out.append(", ").append(source.problemCount)
                    .append(1 == source.problemCount ? " problem" : " problems");
                lastProblem(out, source);
            }
        }
        for (final String line : problemLines(sources))
        {
            out.append(System.lineSeparator()).append("  ").append(line);
        }
        return out.toString();
    }

    /**
     * What in the captures was not replayed as recorded, one line per kind and file: frames cut short by the snap
     * length (not handed over), frames recorded out of order (handed over in file order), problems in the file.
     *
     * @param sources the files.
     * @return the lines, empty when every frame was whole, in order and readable.
     */
    static List<String> problemLines(final CaptureSource[] sources)
    {
        final List<String> lines = new ArrayList<>();
        for (final CaptureSource source : sources)
        {
            if (source.cutFrames > 0)
            {
                final String snaplen = source.cutLengthMin == source.cutLengthMax ? Long.toString(source.cutLengthMax) :
                    source.cutLengthMin + " to " + source.cutLengthMax;
                lines.add(source.file() + ": " + String.format("%,d", source.cutFrames) +
                    (1 == source.cutFrames ? " frame" : " frames") + " cut short by the capture's snap length of " +
                    snaplen + " bytes; their packets were not decoded");
            }
            if (source.outOfOrder > 0)
            {
                lines.add(source.file() + ": " + String.format("%,d", source.outOfOrder) +
                    (1 == source.outOfOrder ? " frame" : " frames") + " recorded earlier than a frame before them " +
                    "in the file (out-of-order timestamps); replayed in file order, each at once");
            }
            if (source.problemCount > 0)
            {
                lines.add(source.file() + ": " + source.problemCount +
                    (1 == source.problemCount ? " problem" : " problems") + " in the file, last: " +
                    source.problems.lastError());
            }
        }
        return lines;
    }

    private static void totals(
        final StringBuilder out, final long frames, final long bytes, final long firstNs, final long lastNs)
    {
        out.append(String.format("%,d frames, %,d bytes", frames, bytes));
        if (frames > 0)
        {
            out.append(", recorded ").append(instant(firstNs)).append(" to ").append(instant(lastNs));
        }
    }

    private static void lastProblem(final StringBuilder out, final CaptureSource source)
    {
        final String lastError = source.problems.lastError();
        if (null != lastError)
        {
            out.append(" (last: ").append(lastError).append(')');
        }
    }

    private static Instant instant(final long epochNs)
    {
        return Instant.ofEpochSecond(
            Math.floorDiv(epochNs, NANOS_PER_SECOND), Math.floorMod(epochNs, NANOS_PER_SECOND));
    }
}
