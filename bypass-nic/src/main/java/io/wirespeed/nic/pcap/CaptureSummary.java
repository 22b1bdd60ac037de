package io.wirespeed.nic.pcap;

import java.time.Instant;

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
        return out.toString();
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
