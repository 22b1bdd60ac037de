package io.wirespeed.nic.pcap;

import java.nio.file.Path;

/**
 * Told of each problem found in a capture file, on the thread that polls or commits; must not block.
 */
@FunctionalInterface
public interface CaptureErrorHandler
{
    /**
     * A problem in a capture file; {@link CaptureProblem#describe(Path, long, long, long)} makes it readable.
     *
     * @param file       the capture.
     * @param problem    what is wrong.
     * @param fileOffset of the record or block at fault.
     * @param value      the problem's value, as documented per {@link CaptureProblem} constant.
     * @param limit      the problem's limit, as documented per {@link CaptureProblem} constant.
     */
    void onCaptureError(Path file, CaptureProblem problem, long fileOffset, long value, long limit);
}
