package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One client of the venue as CME knows it, a Session ID and Firm ID pair, across the FIXP sessions (UUIDs) it
 * negotiates: the current UUID, a few earlier ones whose messages stay retransmittable with LastUUID, and the UUID
 * and SeqNum of the last business message the venue sent it (PreviousUUID and PreviousSeqNo of NegotiationResponse
 * and EstablishmentAck).
 * <p>
 * As the application's {@link VenueOutbound} it always writes on the current UUID, so the reports of an order
 * entered under an earlier UUID reach the client on the one it uses now.
 */
final class FirmSession implements VenueOutbound
{
    /**
     * UUIDs kept per client: the current one and those before it; the oldest is recycled for a new one.
     */
    static final int MAX_UUIDS = 4;

    private final long key;
    private final String name;
    private final AcceptorSession[] sessions = new AcceptorSession[MAX_UUIDS];
    private int sessionCount;
    private AcceptorSession current;
    private long lastSentUuid;
    private long lastSentSeqNo;
    private long negotiations;

    FirmSession(final long key, final String name)
    {
        this.key = key;
        this.name = name;
    }

    /**
     * The key of a Session ID (3 bytes) and Firm ID (5 bytes) as they are in a message, NUL-padded.
     * <pre>
     *   key = S0 S1 S2 F0 F1 F2 F3 F4 (most significant byte first)
     * </pre>
     */
    static long key(final DirectBuffer buffer, final int sessionOffset, final int firmOffset)
    {
        long key = 0;
        for (int i = 0; i < 3; i++)
        {
            key = (key << 8) | (buffer.getByte(sessionOffset + i) & 0xFF);
        }
        for (int i = 0; i < 5; i++)
        {
            key = (key << 8) | (buffer.getByte(firmOffset + i) & 0xFF);
        }
        return key;
    }

    /**
     * "SESSION/FIRM", for people.
     */
    String name()
    {
        return name;
    }

    AcceptorSession current()
    {
        return current;
    }

    /**
     * One of this client's UUIDs.
     *
     * @return its session, or null if it is not (or no longer) kept.
     */
    AcceptorSession find(final long uuid)
    {
        for (int i = 0; i < sessionCount; i++)
        {
            if (sessions[i].uuid() == uuid)
            {
                return sessions[i];
            }
        }
        return null;
    }

    /**
     * Make a UUID the current one after a verified Negotiate: a UUID already kept continues its sequence numbers,
     * a new one starts at 1 in a free or recycled slot (the oldest non-current UUID's store is discarded).
     *
     * @return the UUID's session, or null if every slot holds a session still connected.
     */
    AcceptorSession negotiated(final long uuid, final AcceptorSession.Factory factory)
    {
        AcceptorSession session = find(uuid);
        if (null == session)
        {
            if (sessionCount < MAX_UUIDS)
            {
                session = factory.newSession(uuid, this);
                sessions[sessionCount++] = session;
            }
            else
            {
                session = oldestRecyclable();
                if (null == session)
                {
                    return null;
                }
                factory.forgetUuid(session.uuid());
                session.reset(uuid);
                factory.renamed(session);
            }
        }
        session.negotiationOrder(++negotiations);
        current = session;
        return session;
    }

    /**
     * The last business message sent to this client was {@code seqNo} on {@code uuid}.
     */
    void onSent(final long uuid, final long seqNo)
    {
        lastSentUuid = uuid;
        lastSentSeqNo = seqNo;
    }

    /**
     * PreviousUUID: the UUID of the last business message sent to this client, 0 if none was.
     */
    long previousUuid()
    {
        return lastSentUuid;
    }

    /**
     * PreviousSeqNo: the SeqNum of the last business message sent to this client, 0 if none was.
     */
    long previousSeqNo()
    {
        return lastSentSeqNo;
    }

    /**
     * {@inheritDoc}
     */
    public long clientId()
    {
        return key;
    }

    /**
     * {@inheritDoc}
     */
    public long uuid()
    {
        return current.uuid();
    }

    /**
     * {@inheritDoc}
     */
    public long nextSeqNum()
    {
        return current.nextSeqNum();
    }

    /**
     * {@inheritDoc}
     */
    public MutableDirectBuffer buffer()
    {
        return current.buffer();
    }

    /**
     * {@inheritDoc}
     */
    public int offset()
    {
        return current.offset();
    }

    /**
     * {@inheritDoc}
     */
    public void commit(final int length)
    {
        current.commit(length);
    }

    private AcceptorSession oldestRecyclable()
    {
        AcceptorSession oldest = null;
        for (int i = 0; i < sessionCount; i++)
        {
            final AcceptorSession candidate = sessions[i];
            if (candidate != current && !candidate.isEstablished() &&
                (null == oldest || candidate.negotiationOrder() < oldest.negotiationOrder()))
            {
                oldest = candidate;
            }
        }
        return oldest;
    }
}
