package io.wirespeed.nic.pcap;

import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;

import java.nio.file.Path;

/**
 * Counts and remembers the problems of one capture file, and passes each to an optional handler, allocation free.
 */
final class CaptureProblems
{
    private final Path file;
    private final NicCounters counters;
    private final CaptureErrorHandler handler;
    private CaptureProblem lastProblem;
    private long lastFileOffset;
    private long lastValue;
    private long lastLimit;

    CaptureProblems(final Path file, final NicCounters counters, final CaptureErrorHandler handler)
    {
        this.file = file;
        this.counters = counters;
        this.handler = handler;
    }

    void report(final CaptureProblem problem, final long fileOffset, final long value, final long limit)
    {
        counters.increment(NicCounter.CAPTURE_ERRORS);
        counters.increment(problem.counter());
        lastProblem = problem;
        lastFileOffset = fileOffset;
        lastValue = value;
        lastLimit = limit;
        if (null != handler)
        {
            handler.onCaptureError(file, problem, fileOffset, value, limit);
        }
    }

    void count(final NicCounter counter)
    {
        counters.increment(counter);
    }

    CaptureProblem lastProblem()
    {
        return lastProblem;
    }

    long lastFileOffset()
    {
        return lastFileOffset;
    }

    String lastError()
    {
        return null == lastProblem ? null : lastProblem.describe(file, lastFileOffset, lastValue, lastLimit);
    }

    Path file()
    {
        return file;
    }
}
