package io.wirespeed.gateway.session;

/**
 * The session a new UUID follows: its UUID and the last sequence number the gateway processed under it, so messages
 * the venue sent on it after that are recovered (RetransmitRequest with LastUUID) before the new UUID's.
 * <p>
 * iLink 3 names the previous UUID in NegotiationResponse and EstablishmentAck (PreviousUUID, PreviousSeqNo). When it
 * is this one and PreviousSeqNo is beyond {@link #lastProcessedSeqNo()}, the initiator asks for the rest. The journal
 * (issue #13) will fill it from disk at start; until then the caller passes what it knows.
 */
public final class PreviousSession
{
    /**
     * No previous session: the start of the week, where CME's default UUID is 0 and nothing of it was processed.
     */
    public static final PreviousSession NONE = new PreviousSession(0, 0);

    private final long uuid;
    private final long lastProcessedSeqNo;

    private PreviousSession(final long uuid, final long lastProcessedSeqNo)
    {
        this.uuid = uuid;
        this.lastProcessedSeqNo = lastProcessedSeqNo;
    }

    /**
     * A previous session.
     *
     * @param uuid               the UUID it ran under.
     * @param lastProcessedSeqNo the last venue sequence number processed under it, 0 if none.
     * @return the value.
     */
    public static PreviousSession of(final long uuid, final long lastProcessedSeqNo)
    {
        if (lastProcessedSeqNo < 0 || lastProcessedSeqNo > 0xFFFF_FFFFL)
        {
            throw new IllegalArgumentException("lastProcessedSeqNo out of uint32 range: " + lastProcessedSeqNo);
        }
        return new PreviousSession(uuid, lastProcessedSeqNo);
    }

    /**
     * The UUID the previous session ran under.
     *
     * @return the UUID, 0 for none (CME's default UUID).
     */
    public long uuid()
    {
        return uuid;
    }

    /**
     * The last venue sequence number the gateway processed under {@link #uuid()}.
     *
     * @return the sequence number, 0 if none.
     */
    public long lastProcessedSeqNo()
    {
        return lastProcessedSeqNo;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "PreviousSession{uuid=" + uuid + ", lastProcessedSeqNo=" + lastProcessedSeqNo + "}";
    }
}
