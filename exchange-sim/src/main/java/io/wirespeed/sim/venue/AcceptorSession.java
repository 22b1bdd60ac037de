package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One FIXP session (one UUID) at the venue: its sequence numbers both ways, the business messages it sent (kept for
 * retransmission, also after the client moved to a new UUID), its keepalive and the connection it is established on,
 * if any. Outlives connections, so a client re-establishing the UUID continues it.
 */
final class AcceptorSession implements VenueOutbound
{
    /**
     * {@link #acceptBusiness}: in sequence (or after a gap, answered with NotApplied); apply it.
     */
    static final int APPLY = 0;

    /**
     * {@link #acceptBusiness}: ignored as if lost, by the fault knob.
     */
    static final int LOST = 1;

    /**
     * {@link #acceptBusiness}: SeqNum below the one expected.
     */
    static final int BELOW_EXPECTED = 2;

    /**
     * Creates sessions for new UUIDs and forgets recycled ones.
     */
    interface Factory
    {
        /**
         * A session for a UUID never seen.
         *
         * @param uuid  the UUID.
         * @param owner the client negotiating it.
         * @return the session.
         */
        AcceptorSession newSession(long uuid, FirmSession owner);

        /**
         * A kept UUID's session is about to be reused for another UUID.
         *
         * @param uuid the UUID being forgotten.
         */
        void forgetUuid(long uuid);

        /**
         * A session reused for another UUID is known under it from now on.
         *
         * @param session the session, already reset to its new UUID.
         */
        void renamed(AcceptorSession session);
    }

    private final FirmSession owner;
    private final AcceptorFaults faults;
    private final AcceptorCounters counters;
    private final AcceptorMessageEncoder sessionEncoder;
    private final OutboundStore store;
    private final DelayLine delayLine = new DelayLine(1024 * 1024);
    private final UnsafeBuffer encodeBuffer = new UnsafeBuffer(new byte[OutboundStore.SLOT_BYTES]);
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[OutboundStore.SLOT_BYTES]);
    private long uuid;
    private long negotiationOrder;
    private VenueChannel channel;
    private long nextInSeqNo = 1;
    private long keepAliveIntervalNs;
    private long lastSentNs;
    private long lastReceivedNs;
    private boolean lapseSent;
    private long nowNs;

    AcceptorSession(
        final long uuid,
        final FirmSession owner,
        final AcceptorFaults faults,
        final AcceptorCounters counters,
        final AcceptorMessageEncoder sessionEncoder,
        final int keptMessages)
    {
        this.uuid = uuid;
        this.owner = owner;
        this.faults = faults;
        this.counters = counters;
        this.sessionEncoder = sessionEncoder;
        this.store = new OutboundStore(keptMessages);
    }

    /**
     * Start over as another UUID, its sequence numbers at 1 and nothing kept.
     */
    void reset(final long newUuid)
    {
        uuid = newUuid;
        channel = null;
        nextInSeqNo = 1;
        store.reset();
        delayLine.clear();
    }

    FirmSession owner()
    {
        return owner;
    }

    long negotiationOrder()
    {
        return negotiationOrder;
    }

    void negotiationOrder(final long order)
    {
        negotiationOrder = order;
    }

    /**
     * {@inheritDoc}
     */
    public long clientId()
    {
        return owner.clientId();
    }

    /**
     * {@inheritDoc}
     */
    public long uuid()
    {
        return uuid;
    }

    /**
     * {@inheritDoc}
     */
    public long nextSeqNum()
    {
        return store.nextSeqNo();
    }

    /**
     * {@inheritDoc}
     */
    public MutableDirectBuffer buffer()
    {
        return encodeBuffer;
    }

    /**
     * {@inheritDoc}
     */
    public int offset()
    {
        return 0;
    }

    /**
     * {@inheritDoc}
     */
    public void commit(final int length)
    {
        final long seqNo = store.nextSeqNo();
        counters.increment(AcceptorCounter.MESSAGES_SENT);
        store.append(encodeBuffer, 0, length);
        owner.onSent(uuid, seqNo);
        if (faults.skipOutbound > 0)
        {
            faults.skipOutbound--;
            counters.increment(AcceptorCounter.FAULT_SKIPPED);
            return;
        }
        if (null != channel)
        {
            send(encodeBuffer, 0, length);
        }
    }

    boolean isEstablished()
    {
        return null != channel;
    }

    long nextInSeqNo()
    {
        return nextInSeqNo;
    }

    /**
     * The SeqNum of the last business message sent on this UUID, 0 if none.
     */
    long lastOutSeqNo()
    {
        return store.nextSeqNo() - 1;
    }

    /**
     * The first SeqNum still kept for retransmission.
     */
    long firstKeptSeqNo()
    {
        return store.firstSeqNo();
    }

    /**
     * Copy a kept message into a buffer at offset 0.
     *
     * @return its length.
     */
    int copy(final long seqNo, final MutableDirectBuffer dst)
    {
        return store.copy(seqNo, dst);
    }

    void bind(final VenueChannel channel, final long keepAliveIntervalNs, final long nowNs)
    {
        this.channel = channel;
        this.keepAliveIntervalNs = keepAliveIntervalNs;
        this.nowNs = nowNs;
        lastSentNs = nowNs;
        lastReceivedNs = nowNs;
        lapseSent = false;
        delayLine.clear();
    }

    void unbind()
    {
        channel = null;
        delayLine.clear();
    }

    /**
     * Write a message on this session's connection, in order behind anything held back.
     */
    void send(final DirectBuffer buffer, final int offset, final int length)
    {
        if (faults.delayNs > 0 || !delayLine.isEmpty())
        {
            if (!delayLine.hold(buffer, offset, length, nowNs + faults.delayNs))
            {
                counters.increment(AcceptorCounter.SEND_OVERFLOWS);
            }
            return;
        }
        if (VenueChannel.BACK_PRESSURED == channel.write(buffer, offset, length))
        {
            // Keep it, in order, for the next duty cycle rather than leave a gap the client may not see for a
            // keepalive interval; past the delay line's room it stays retransmittable from the store.
            if (!delayLine.hold(buffer, offset, length, nowNs))
            {
                counters.increment(AcceptorCounter.SEND_OVERFLOWS);
            }
            return;
        }
        lastSentNs = nowNs;
    }

    /**
     * A frame arrived on this session's connection.
     */
    void onReceived(final long nowNs)
    {
        this.nowNs = nowNs;
        lastReceivedNs = nowNs;
        lapseSent = false;
    }

    /**
     * Sequence a client business message.
     *
     * @param seqNo its SeqNum.
     * @return {@link #APPLY}, {@link #LOST} (the fault knob ate it) or {@link #BELOW_EXPECTED} (the caller
     * terminates the session).
     */
    int acceptBusiness(final long seqNo)
    {
        if (seqNo < nextInSeqNo)
        {
            counters.increment(AcceptorCounter.DUPLICATES);
            return BELOW_EXPECTED;
        }
        if (faults.loseInbound > 0)
        {
            faults.loseInbound--;
            counters.increment(AcceptorCounter.FAULT_INBOUND_LOST);
            return LOST;
        }
        if (seqNo > nextInSeqNo)
        {
            sendNotApplied(seqNo);
        }
        nextInSeqNo = seqNo + 1;
        counters.increment(AcceptorCounter.MESSAGES_RECEIVED);
        return APPLY;
    }

    /**
     * The client said its next SeqNum is {@code clientNextSeqNo} (Establish or Sequence) and it is not below what
     * the venue expects: a higher one is a gap, answered with NotApplied.
     */
    void onClientNextSeqNo(final long clientNextSeqNo)
    {
        if (clientNextSeqNo > nextInSeqNo)
        {
            sendNotApplied(clientNextSeqNo);
            nextInSeqNo = clientNextSeqNo;
        }
    }

    /**
     * A keepalive: NextSeqNo is the SeqNum of the venue's next business message on this UUID.
     */
    void sendSequence(final boolean lapsed)
    {
        final int length = sessionEncoder.sequence(scratch, uuid, store.nextSeqNo(), lapsed);
        counters.increment(AcceptorCounter.SEQUENCES_SENT);
        send(scratch, 0, length);
    }

    /**
     * Release delayed frames and run the keepalive.
     *
     * @return work done; negative when the client stayed silent through a lapse warning (terminate it).
     */
    int doWork(final long nowNs)
    {
        this.nowNs = nowNs;
        if (null == channel)
        {
            return 0;
        }
        int workCount = 0;
        while (delayLine.isDue(nowNs))
        {
            if (VenueChannel.BACK_PRESSURED == channel.write(
                delayLine.buffer(), delayLine.firstOffset(), delayLine.firstLength()))
            {
                break;
            }
            lastSentNs = nowNs;
            delayLine.removeFirst();
            workCount++;
        }

        if (nowNs - lastReceivedNs >= keepAliveIntervalNs)
        {
            if (!lapseSent)
            {
                lapseSent = true;
                sendSequence(true);
                return workCount + 1;
            }
            if (nowNs - lastReceivedNs >= 2 * keepAliveIntervalNs)
            {
                counters.increment(AcceptorCounter.KEEPALIVE_TERMINATES);
                return -1;
            }
        }
        if (nowNs - lastSentNs >= keepAliveIntervalNs && delayLine.isEmpty())
        {
            sendSequence(false);
            workCount++;
        }
        return workCount;
    }

    private void sendNotApplied(final long endSeqNo)
    {
        counters.increment(AcceptorCounter.NOT_APPLIED_SENT);
        send(scratch, 0, sessionEncoder.notApplied(scratch, uuid, nextInSeqNo, endSeqNo - nextInSeqNo));
    }
}
