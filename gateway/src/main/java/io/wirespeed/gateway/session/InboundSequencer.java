package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.RetransmitRequest508Encoder;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.gateway.venue.VenueListener;
import org.agrona.DirectBuffer;

/**
 * The initiator's inbound half: delivers the venue's business messages once and in order, asks for what is missing
 * with RetransmitRequest (at most {@link FixpInitiator#MAX_RETRANSMIT_COUNT} at a time) and holds the live messages
 * that arrive meanwhile until the gap before them is filled.
 * <p>
 * A message is identified by its UUID and SeqNum, as iLink 3 makes it recoverable. Messages of the
 * {@link PreviousSession} the venue reports beyond what was processed are recovered first (RetransmitRequest with
 * LastUUID), then the current UUID's gap, then the held live messages. Checks, each counted:
 * <ul>
 *     <li>a message too short to hold SeqNum, UUID and PossRetransFlag, or shorter than its declared block, is
 *     malformed and not read;</li>
 *     <li>a message of neither the current nor the previous UUID is dropped ({@link SessionCounter#WRONG_UUID}): it
 *     cannot be placed in either sequence, and should it be ours the gap it leaves is recovered;</li>
 *     <li>a message inside a retransmission without PossRetransFlag, or a live one with it, is counted
 *     ({@link SessionCounter#POSS_RETRANS_MISMATCHES}) but placed by UUID and SeqNum, which identify it: dropping
 *     an in-sequence report of our own UUID would lose it, delivering it twice is what the sequence numbers
 *     prevent;</li>
 *     <li>a NextSeqNo below what was already received terminates the session, as CME and Artio do.</li>
 * </ul>
 */
final class InboundSequencer
{
    private static final int LIVE_BUFFER_BYTES = 1024 * 1024;
    private static final long NULL_UUID = RetransmitRequest508Encoder.lastUUIDNullValue();

    private final FixpInitiator session;
    private final long uuid;
    private final SessionSender sender;
    private final KeepaliveTimer keepalive;
    private final SessionCounters counters;
    private final VenueListener listener;
    private final BusinessMessageView view = new BusinessMessageView();
    private final VenueMessageDecoder venueDecoder = new VenueMessageDecoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final LiveMessageBuffer liveBuffer = new LiveMessageBuffer(LIVE_BUFFER_BYTES);

    private long nextInSeqNo = 1;
    private long venueNextSeqNo;

    private final long previousUuid;
    private long previousNextSeqNo;
    private long previousEndSeqNo;
    private long alarmedPreviousUuid = NULL_UUID;

    private boolean recovering;
    private long retransmitUuid;
    private long retransmitFromSeqNo;
    private long retransmitEndSeqNo;
    private long retransmitDeadlineNs;

    InboundSequencer(
        final FixpInitiator session,
        final long uuid,
        final PreviousSession previous,
        final SessionSender sender,
        final KeepaliveTimer keepalive,
        final SessionCounters counters,
        final VenueListener listener)
    {
        this.session = session;
        this.uuid = uuid;
        this.sender = sender;
        this.keepalive = keepalive;
        this.counters = counters;
        this.listener = listener;
        this.previousUuid = previous.uuid();
        this.previousNextSeqNo = previous.lastProcessedSeqNo() + 1;
        this.previousEndSeqNo = previousNextSeqNo;
    }

    long nextInSeqNo()
    {
        return nextInSeqNo;
    }

    /**
     * The next sequence number expected of the previous session's UUID, its recovery done when it reaches
     * {@link #previousEndSeqNo()}.
     */
    long previousNextSeqNo()
    {
        return previousNextSeqNo;
    }

    long previousEndSeqNo()
    {
        return previousEndSeqNo;
    }

    /**
     * Continue from the last venue message a previous process processed (a restart from the journal): the next
     * expected is one above, and anything the venue sent beyond it is recovered on establishment.
     */
    void restoreSequence(final long lastProcessedSeqNo)
    {
        nextInSeqNo = lastProcessedSeqNo + 1;
        venueNextSeqNo = 0;
    }

    long previousUuid()
    {
        return previousUuid;
    }

    /**
     * A fresh negotiation of the same UUID: the venue's sequence starts again at 1.
     */
    void resetSequence()
    {
        nextInSeqNo = 1;
        venueNextSeqNo = 0;
    }

    /**
     * The connection is gone: drop held messages and any recovery in progress; the sequence numbers stay.
     */
    void clear()
    {
        liveBuffer.clear();
        recovering = false;
    }

    /**
     * The venue names the UUID and last sequence number it sent before this session (NegotiationResponse,
     * EstablishmentAck): note what of the previous session is to be recovered, or raise an alarm if it is not ours.
     */
    void onPreviousSession(final long nowNs, final long venuePreviousUuid, final long venuePreviousSeqNo)
    {
        if (venuePreviousUuid == uuid || 0 == venuePreviousSeqNo)
        {
            return;
        }
        if (venuePreviousUuid == previousUuid)
        {
            previousEndSeqNo = Math.max(previousEndSeqNo, venuePreviousSeqNo + 1);
        }
        else if (venuePreviousUuid != alarmedPreviousUuid)
        {
            alarmedPreviousUuid = venuePreviousUuid;
            counters.increment(SessionCounter.UNKNOWN_PREVIOUS_UUIDS);
            session.alarm(SessionAlarm.UNKNOWN_PREVIOUS_UUID, venuePreviousUuid, nowNs,
                "venue's previous UUID " + venuePreviousUuid + " (last SeqNo " + venuePreviousSeqNo +
                ") is not the gateway's previous session (" + previousUuid +
                "): that session's messages may be missing");
        }
    }

    /**
     * The session is established and the venue's next business message will be {@code venueNextSeqNo}, not below
     * {@link #nextInSeqNo()} (the caller terminates if it is): recover the previous session, then any gap of this
     * one.
     */
    void onEstablished(final long nowNs, final long venueNextSeqNo)
    {
        this.venueNextSeqNo = Math.max(this.venueNextSeqNo, venueNextSeqNo);
        continueRecovery(nowNs);
    }

    /**
     * The venue says its next message will be {@code venueNextSeqNo} (Sequence): ask for any gap once nothing
     * else is being recovered.
     *
     * @return false when the venue's NextSeqNo is below what was already received (the caller terminates).
     */
    boolean onVenueNextSeqNo(final long nowNs, final long venueNextSeqNo)
    {
        if (venueNextSeqNo < nextInSeqNo)
        {
            return false;
        }
        this.venueNextSeqNo = Math.max(this.venueNextSeqNo, venueNextSeqNo);
        if (!recovering && venueNextSeqNo > nextInSeqNo)
        {
            requestRetransmit(nowNs, uuid, venueNextSeqNo);
        }
        return true;
    }

    /**
     * The venue announces its answer (Retransmission): it must name the outstanding request; it may hold fewer
     * messages than asked for, the rest are asked for next.
     */
    void onRetransmission(final long retransmissionUuid, final long lastUuid, final long fromSeqNo, final int count)
    {
        if (!recovering || retransmissionUuid != uuid || lastUuid != requestLastUuid() ||
            fromSeqNo != retransmitFromSeqNo)
        {
            counters.increment(SessionCounter.RETRANSMISSION_MISMATCHES);
            return;
        }
        if (count > 0 && fromSeqNo + count < retransmitEndSeqNo)
        {
            retransmitEndSeqNo = fromSeqNo + count;
        }
    }

    /**
     * The venue refused to retransmit: give the missing messages up, raise the alarm (the order logic asks for order
     * status) and go on. A refusal for the previous UUID gives up the rest of it.
     */
    void onRetransmitReject(final long nowNs, final long rejectUuid, final long lastUuid, final int errorCodes)
    {
        if (!recovering || rejectUuid != uuid || lastUuid != requestLastUuid())
        {
            counters.increment(SessionCounter.RETRANSMISSION_MISMATCHES);
            return;
        }
        final long fromSeqNo = retransmitFromSeqNo;
        final long endSeqNo = retransmitEndSeqNo;
        if (retransmitUuid == uuid)
        {
            nextInSeqNo = endSeqNo;
        }
        else
        {
            previousNextSeqNo = previousEndSeqNo;
        }
        recovering = false;
        session.alarm(SessionAlarm.RETRANSMIT_REJECTED, fromSeqNo, nowNs,
            "venue refused to retransmit UUID " + retransmitUuid + " from SeqNo " + fromSeqNo + " to " +
            (endSeqNo - 1) + " (ErrorCodes " + errorCodes + "): those messages are lost");
        continueRecovery(nowNs);
    }

    /**
     * Ask again if a retransmission has not completed within two keepalive intervals.
     */
    void checkRetransmitTimeout(final long nowNs)
    {
        if (recovering && retransmitDeadlineNs - nowNs <= 0)
        {
            counters.increment(SessionCounter.RETRANSMIT_TIMEOUTS);
            if (retransmitUuid == uuid)
            {
                requestRetransmit(nowNs, uuid, retransmitEndSeqNo);
            }
            else
            {
                requestRetransmit(nowNs, retransmitUuid, previousEndSeqNo);
            }
        }
    }

    /**
     * A business message read from the connection (live, or a retransmission of one).
     */
    void onMessage(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        if (!view.wrap(buffer, offset, length))
        {
            counters.increment(SessionCounter.MALFORMED);
            return;
        }
        final long messageUuid = view.uuid();
        if (messageUuid == uuid)
        {
            onCurrentUuid(buffer, offset, length, rxTimestampNs);
        }
        else if (messageUuid == previousUuid)
        {
            onPreviousUuid(buffer, offset, length, rxTimestampNs);
        }
        else
        {
            counters.increment(SessionCounter.WRONG_UUID);
        }
    }

    private void onCurrentUuid(final DirectBuffer buffer, final int offset, final int length, final long rxNs)
    {
        final long seqNo = view.seqNum();
        if (seqNo < nextInSeqNo)
        {
            counters.increment(SessionCounter.DUPLICATES);
            return;
        }
        if (!recovering)
        {
            if (seqNo == nextInSeqNo)
            {
                checkLiveFlag();
                deliverCurrent(buffer, offset, length, rxNs);
            }
            else
            {
                bufferLive(buffer, offset, length);
                requestRetransmit(rxNs, uuid, seqNo);
            }
            return;
        }

        if (retransmitUuid != uuid || seqNo >= retransmitEndSeqNo)
        {
            bufferLive(buffer, offset, length);
        }
        else if (seqNo == nextInSeqNo)
        {
            checkRetransmittedFlag();
            deliverCurrent(buffer, offset, length, rxNs);
            if (nextInSeqNo == retransmitEndSeqNo)
            {
                endRecovery(rxNs);
            }
        }
        else
        {
            counters.increment(SessionCounter.OUT_OF_ORDER_RETRANSMISSIONS);
        }
    }

    private void onPreviousUuid(final DirectBuffer buffer, final int offset, final int length, final long rxNs)
    {
        final long seqNo = view.seqNum();
        if (seqNo < previousNextSeqNo)
        {
            counters.increment(SessionCounter.DUPLICATES);
        }
        else if (!recovering || retransmitUuid != previousUuid || seqNo >= retransmitEndSeqNo)
        {
            counters.increment(SessionCounter.WRONG_UUID);
        }
        else if (seqNo == previousNextSeqNo)
        {
            checkRetransmittedFlag();
            previousNextSeqNo++;
            counters.increment(SessionCounter.PREVIOUS_UUID_RECOVERED);
            deliver(buffer, offset, length, rxNs);
            if (previousNextSeqNo == retransmitEndSeqNo)
            {
                endRecovery(rxNs);
            }
        }
        else
        {
            counters.increment(SessionCounter.OUT_OF_ORDER_RETRANSMISSIONS);
        }
    }

    private void checkLiveFlag()
    {
        if (view.hasPossRetrans() && view.possRetrans())
        {
            counters.increment(SessionCounter.POSS_RETRANS_MISMATCHES);
        }
    }

    private void checkRetransmittedFlag()
    {
        if (view.hasPossRetrans() && !view.possRetrans())
        {
            counters.increment(SessionCounter.POSS_RETRANS_MISMATCHES);
        }
    }

    private long requestLastUuid()
    {
        return retransmitUuid == uuid ? NULL_UUID : retransmitUuid;
    }

    private void endRecovery(final long nowNs)
    {
        recovering = false;
        continueRecovery(nowNs);
    }

    /**
     * What is left to recover, in order: the previous UUID, the held live messages and any gap before them, then
     * what the venue announced beyond them.
     */
    private void continueRecovery(final long nowNs)
    {
        if (previousNextSeqNo < previousEndSeqNo)
        {
            requestRetransmit(nowNs, previousUuid, previousEndSeqNo);
            return;
        }
        drainLiveBuffer(nowNs);
        if (!recovering)
        {
            if (venueNextSeqNo > nextInSeqNo)
            {
                requestRetransmit(nowNs, uuid, venueNextSeqNo);
            }
            else
            {
                session.setState(InitiatorState.ESTABLISHED, 0, nowNs);
            }
        }
    }

    private void deliverCurrent(final DirectBuffer buffer, final int offset, final int length, final long rxNs)
    {
        nextInSeqNo++;
        deliver(buffer, offset, length, rxNs);
    }

    private void deliver(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        counters.increment(SessionCounter.MESSAGES_RECEIVED);
        final long messageUuid = view.uuid();
        final long messageSeqNum = view.seqNum();
        listener.onVenueMessage(messageUuid, messageSeqNum);
        headerDecoder.wrap(buffer, offset);
        final int result = venueDecoder.decode(buffer, offset, length, headerDecoder, rxTimestampNs, listener);
        listener.onVenueMessageProcessed(messageUuid, messageSeqNum, rxTimestampNs);
        if (VenueMessageDecoder.MALFORMED == result)
        {
            counters.increment(SessionCounter.MALFORMED);
        }
        else if (VenueMessageDecoder.UNKNOWN_TEMPLATE == result)
        {
            counters.increment(SessionCounter.UNKNOWN_TEMPLATES);
        }
    }

    private void bufferLive(final DirectBuffer buffer, final int offset, final int length)
    {
        if (liveBuffer.append(buffer, offset, length))
        {
            counters.increment(SessionCounter.LIVE_BUFFERED);
        }
        else
        {
            counters.increment(SessionCounter.LIVE_BUFFER_OVERFLOWS);
        }
    }

    private void drainLiveBuffer(final long nowNs)
    {
        while (liveBuffer.count() > 0 && !recovering)
        {
            final DirectBuffer buffer = liveBuffer.buffer();
            final int offset = liveBuffer.firstOffset();
            final int length = liveBuffer.firstLength();
            view.wrap(buffer, offset, length);
            final long seqNo = view.seqNum();
            if (seqNo > nextInSeqNo)
            {
                requestRetransmit(nowNs, uuid, seqNo);
                return;
            }
            if (seqNo == nextInSeqNo)
            {
                checkLiveFlag();
                deliverCurrent(buffer, offset, length, nowNs);
            }
            else
            {
                counters.increment(SessionCounter.DUPLICATES);
            }
            liveBuffer.removeFirst();
        }
    }

    /**
     * Ask for the messages of {@code requestUuid} from where its recovery stands up to {@code endSeqNo}
     * (exclusive), at most {@link FixpInitiator#MAX_RETRANSMIT_COUNT} of them.
     */
    private void requestRetransmit(final long nowNs, final long requestUuid, final long endSeqNo)
    {
        final long fromSeqNo = requestUuid == uuid ? nextInSeqNo : previousNextSeqNo;
        final int count = (int)Math.min(endSeqNo - fromSeqNo, FixpInitiator.MAX_RETRANSMIT_COUNT);
        counters.increment(requestUuid == uuid ? SessionCounter.GAPS : SessionCounter.PREVIOUS_UUID_REQUESTS);
        recovering = true;
        retransmitUuid = requestUuid;
        retransmitFromSeqNo = fromSeqNo;
        retransmitEndSeqNo = fromSeqNo + count;
        retransmitDeadlineNs = nowNs + 2 * keepalive.intervalNs();
        sender.sendRetransmitRequest(nowNs, requestLastUuid(), fromSeqNo, count);
        session.setState(InitiatorState.RETRANSMITTING, 0, nowNs);
    }
}
