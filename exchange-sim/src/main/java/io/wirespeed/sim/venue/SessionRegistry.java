package io.wirespeed.sim.venue;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The venue's clients (Session ID and Firm ID) and every UUID they negotiated that is still kept.
 */
final class SessionRegistry implements AcceptorSession.Factory
{
    /**
     * The most clients the venue serves.
     */
    static final int MAX_CLIENTS = 64;

    private final Long2ObjectHashMap<FirmSession> clients = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<AcceptorSession> byUuid = new Long2ObjectHashMap<>();
    private final AcceptorFaults faults;
    private final AcceptorCounters counters;
    private final AcceptorMessageEncoder encoder;
    private final int keptMessages;

    SessionRegistry(
        final AcceptorFaults faults,
        final AcceptorCounters counters,
        final AcceptorMessageEncoder encoder,
        final int keptMessages)
    {
        this.faults = faults;
        this.counters = counters;
        this.encoder = encoder;
        this.keptMessages = keptMessages;
    }

    /**
     * A client, created on its first negotiation.
     *
     * @return the client, or null when the venue has no room for another.
     */
    FirmSession client(final long key, final String sessionId, final String firmId)
    {
        FirmSession client = clients.get(key);
        if (null == client && clients.size() < MAX_CLIENTS)
        {
            client = new FirmSession(key, sessionId + "/" + firmId);
            clients.put(key, client);
        }
        return client;
    }

    /**
     * The session of a kept UUID.
     *
     * @return it, or null.
     */
    AcceptorSession session(final long uuid)
    {
        return byUuid.get(uuid);
    }

    /**
     * {@inheritDoc}
     */
    public AcceptorSession newSession(final long uuid, final FirmSession owner)
    {
        final AcceptorSession session = new AcceptorSession(uuid, owner, faults, counters, encoder, keptMessages);
        byUuid.put(uuid, session);
        return session;
    }

    /**
     * {@inheritDoc}
     */
    public void forgetUuid(final long uuid)
    {
        byUuid.remove(uuid);
    }

    /**
     * {@inheritDoc}
     */
    public void renamed(final AcceptorSession session)
    {
        byUuid.put(session.uuid(), session);
    }
}
