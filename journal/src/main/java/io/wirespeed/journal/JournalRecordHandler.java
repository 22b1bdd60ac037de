package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import org.agrona.DirectBuffer;

/**
 * Receives journal records one at a time, payload only, in journal order.
 */
@FunctionalInterface
public interface JournalRecordHandler
{
    /**
     * One record.
     *
     * @param stream             the stream it belongs to.
     * @param sourceId           port, channel, strategy, session or Aeron stream id it came from.
     * @param sequence           its number in its stream, from 0, no gaps.
     * @param captureTimestampNs when it was captured, epoch nanoseconds.
     * @param buffer             holding the payload (valid only during the call).
     * @param offset             of the payload.
     * @param length             of the payload.
     */
    void onRecord(
        JournalStream stream,
        int sourceId,
        long sequence,
        long captureTimestampNs,
        DirectBuffer buffer,
        int offset,
        int length);
}
