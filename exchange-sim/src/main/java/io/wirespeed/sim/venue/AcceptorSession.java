package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.BusinessReject521Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Encoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Encoder;
import io.wirespeed.gateway.session.SessionMessageEncoder;
import io.wirespeed.gateway.transport.VenueTransport;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One client session (one UUID) at the venue: its sequence numbers both ways, kept outbound messages, keepalive and
 * the connection it is established on, if any. Outlives connections, so a client re-establishing continues it.
 */
final class AcceptorSession implements VenueOutbound
{
    static final int MAX_RETRANSMIT_COUNT = 2500;
    private static final int CLIENT_SEQ_NUM_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH + 17;

    private final long uuid;
    private final AcceptorFaults faults;
    private final AcceptorCounters counters;
    private final OutboundStore store;
    private final DelayLine delayLine = new DelayLine(1024 * 1024);
    private final UnsafeBuffer encodeBuffer = new UnsafeBuffer(new byte[OutboundStore.SLOT_BYTES]);
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[OutboundStore.SLOT_BYTES]);
    private final SessionMessageEncoder sessionEncoder = new SessionMessageEncoder();
    private final AcceptorMessageEncoder acceptorEncoder;
    private VenueTransport transport;
    private long nextInSeqNo = 1;
    private long keepAliveIntervalNs;
    private long lastSentNs;
    private long lastReceivedNs;
    private boolean lapseSent;
    private long nowNs;

    AcceptorSession(
        final long uuid,
        final AcceptorFaults faults,
        final AcceptorCounters counters,
        final AcceptorMessageEncoder acceptorEncoder,
        final int keptMessages)
    {
        this.uuid = uuid;
        this.faults = faults;
        this.counters = counters;
        this.acceptorEncoder = acceptorEncoder;
        this.store = new OutboundStore(keptMessages);
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
        counters.increment(AcceptorCounter.MESSAGES_SENT);
        store.append(encodeBuffer, 0, length);
        if (faults.skipOutbound > 0)
        {
            faults.skipOutbound--;
            counters.increment(AcceptorCounter.FAULT_SKIPPED);
            return;
        }
        if (null != transport)
        {
            send(encodeBuffer, 0, length);
        }
    }

    boolean isEstablished()
    {
        return null != transport;
    }

    long nextInSeqNo()
    {
        return nextInSeqNo;
    }

    long lastOutSeqNo()
    {
        return store.nextSeqNo() - 1;
    }

    void bind(final VenueTransport transport, final long keepAliveIntervalNs, final long nowNs)
    {
        this.transport = transport;
        this.keepAliveIntervalNs = keepAliveIntervalNs;
        this.nowNs = nowNs;
        lastSentNs = nowNs;
        lastReceivedNs = nowNs;
        lapseSent = false;
        delayLine.clear();
    }

    void unbind()
    {
        transport = null;
        delayLine.clear();
    }

    void send(final DirectBuffer buffer, final int offset, final int length)
    {
        if (faults.delayNs > 0 || !delayLine.isEmpty())
        {
            delayLine.hold(buffer, offset, length, nowNs + faults.delayNs);
            return;
        }
        if (VenueTransport.BACK_PRESSURED == transport.write(buffer, offset, length))
        {
            // Keep it, in order, for the next duty cycle rather than leave a gap the client may not see for a
            // keepalive interval; past the delay line's room it stays retransmittable from the store.
            delayLine.hold(buffer, offset, length, nowNs);
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
     * Check a client business message's sequence number.
     *
     * @return true to apply it.
     */
    boolean acceptBusiness(final DirectBuffer buffer, final int offset)
    {
        final long seqNo = buffer.getInt(offset + CLIENT_SEQ_NUM_OFFSET) & 0xFFFF_FFFFL;
        if (faults.loseInbound > 0)
        {
            faults.loseInbound--;
            counters.increment(AcceptorCounter.FAULT_INBOUND_LOST);
            return false;
        }
        if (seqNo < nextInSeqNo)
        {
            counters.increment(AcceptorCounter.DUPLICATES);
            return false;
        }
        if (seqNo > nextInSeqNo)
        {
            sendNotApplied(seqNo);
        }
        nextInSeqNo = seqNo + 1;
        counters.increment(AcceptorCounter.MESSAGES_RECEIVED);
        return true;
    }

    /**
     * The client said its next sequence number is {@code clientNextSeqNo} (Establish or Sequence).
     */
    void onClientNextSeqNo(final long clientNextSeqNo)
    {
        if (clientNextSeqNo > nextInSeqNo)
        {
            sendNotApplied(clientNextSeqNo);
            nextInSeqNo = clientNextSeqNo;
        }
    }

    void sendSequence(final boolean lapsed)
    {
        final int length = sessionEncoder.encodeSequence(scratch, 0, uuid, store.nextSeqNo(), lapsed);
        counters.increment(AcceptorCounter.SEQUENCES_SENT);
        send(scratch, 0, length);
    }

    void sendTerminate(final int errorCodes, final String reason)
    {
        final int length = sessionEncoder.encodeTerminate(scratch, 0, uuid, nowNs, errorCodes, reason);
        send(scratch, 0, length);
    }

    void onRetransmitRequest(
        final long lastUuid, final long requestTimestampNs, final long fromSeqNo, final int msgCount)
    {
        counters.increment(AcceptorCounter.RETRANSMIT_REQUESTS);
        final long endSeqNo = fromSeqNo + msgCount;
        final String reason;
        if (0 != lastUuid && -1 != lastUuid && uuid != lastUuid)
        {
            reason = "LastUUID not supported";
        }
        else if (msgCount <= 0 || msgCount > MAX_RETRANSMIT_COUNT)
        {
            reason = "MsgCount out of range";
        }
        else if (!store.isKept(fromSeqNo) || !store.isKept(endSeqNo - 1))
        {
            reason = "sequence numbers not available";
        }
        else
        {
            reason = null;
        }

        if (null != reason)
        {
            counters.increment(AcceptorCounter.RETRANSMIT_REJECTS);
            send(scratch, 0, acceptorEncoder.retransmitReject(scratch, uuid, requestTimestampNs, 1, reason));
            return;
        }

        send(scratch, 0, acceptorEncoder.retransmission(scratch, uuid, requestTimestampNs, fromSeqNo, msgCount));
        for (long seqNo = fromSeqNo; seqNo < endSeqNo; seqNo++)
        {
            final int length = store.copy(seqNo, scratch);
            markPossRetrans(scratch);
            counters.increment(AcceptorCounter.RETRANSMITTED);
            send(scratch, 0, length);
        }
    }

    /**
     * Release delayed frames and run the keepalive.
     *
     * @return work done; negative when the session must be terminated for silence.
     */
    int doWork(final long nowNs)
    {
        this.nowNs = nowNs;
        if (null == transport)
        {
            return 0;
        }
        int workCount = 0;
        while (delayLine.isDue(nowNs))
        {
            if (VenueTransport.BACK_PRESSURED == transport.write(
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
                sendTerminate(0, "keepalive interval lapsed");
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
        send(scratch, 0, acceptorEncoder.notApplied(scratch, uuid, nextInSeqNo, endSeqNo - nextInSeqNo));
    }

    private static void markPossRetrans(final MutableDirectBuffer message)
    {
        final int body = MessageHeaderDecoder.ENCODED_LENGTH;
        final int offset;
        switch (message.getShort(2) & 0xFFFF)
        {
            case ExecutionReportNew522Encoder.TEMPLATE_ID:
                offset = ExecutionReportNew522Encoder.possRetransFlagEncodingOffset();
                break;
            case ExecutionReportReject523Encoder.TEMPLATE_ID:
                offset = ExecutionReportReject523Encoder.possRetransFlagEncodingOffset();
                break;
            case ExecutionReportTradeOutright525Encoder.TEMPLATE_ID:
                offset = ExecutionReportTradeOutright525Encoder.possRetransFlagEncodingOffset();
                break;
            case ExecutionReportModify531Encoder.TEMPLATE_ID:
                offset = ExecutionReportModify531Encoder.possRetransFlagEncodingOffset();
                break;
            case ExecutionReportCancel534Encoder.TEMPLATE_ID:
                offset = ExecutionReportCancel534Encoder.possRetransFlagEncodingOffset();
                break;
            case OrderCancelReject535Encoder.TEMPLATE_ID:
                offset = OrderCancelReject535Encoder.possRetransFlagEncodingOffset();
                break;
            case OrderCancelReplaceReject536Encoder.TEMPLATE_ID:
                offset = OrderCancelReplaceReject536Encoder.possRetransFlagEncodingOffset();
                break;
            case OrderMassActionReport562Encoder.TEMPLATE_ID:
                offset = OrderMassActionReport562Encoder.possRetransFlagEncodingOffset();
                break;
            case BusinessReject521Encoder.TEMPLATE_ID:
                offset = BusinessReject521Encoder.possRetransFlagEncodingOffset();
                break;
            default:
                return;
        }
        message.putByte(body + offset, (byte)1);
    }
}
