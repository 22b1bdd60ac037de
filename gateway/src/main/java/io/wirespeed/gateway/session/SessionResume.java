package io.wirespeed.gateway.session;

/**
 * What a venue session resumes after a restart, from the journal: its UUID, the sequence number of the next message
 * it sends (above every one the venue may have seen under the UUID) and the last venue message the gateway processed
 * (the next expected is one above; anything beyond is recovered with RetransmitRequest), and the UUID it followed.
 *
 * @param uuid                 the session UUID to establish again, 0 for none (negotiate a new one).
 * @param nextSentSeqNum       the SeqNum of the next business message to the venue.
 * @param lastProcessedSeqNum  the last venue SeqNum whose effects the restored state holds, 0 for none.
 * @param previous             the session the UUID followed, or {@link PreviousSession#NONE}.
 */
public record SessionResume(long uuid, long nextSentSeqNum, long lastProcessedSeqNum, PreviousSession previous)
{
    /**
     * Nothing to resume: a fresh UUID is negotiated.
     */
    public static final SessionResume NONE = new SessionResume(0, 1, 0, PreviousSession.NONE);

    /**
     * Whether there is a UUID to establish again.
     *
     * @return true when {@link #uuid()} is set.
     */
    public boolean isResumed()
    {
        return 0 != uuid;
    }
}
