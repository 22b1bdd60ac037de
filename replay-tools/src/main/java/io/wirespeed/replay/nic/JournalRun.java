package io.wirespeed.replay.nic;

/**
 * One run found in a journal: the frames received from one CONFIG record to the next (or from the journal's start
 * when frames precede the first CONFIG record).
 *
 * @param segment       how many CONFIG records precede it in the journal.
 * @param configText    the CONFIG record's text, or null for frames before the first CONFIG record.
 * @param configNs      when the CONFIG record was written, epoch ns, or 0 without one.
 * @param frames        RAW_FRAME_IN records of the run.
 * @param firstFrameNs  rx time of the first frame, epoch ns, or 0 without frames.
 * @param lastFrameNs   latest rx time of its frames, epoch ns, or 0 without frames.
 */
public record JournalRun(
    int segment, String configText, long configNs, long frames, long firstFrameNs, long lastFrameNs)
{
}
