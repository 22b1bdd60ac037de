package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.EstablishmentAck504Decoder;
import io.wirespeed.codecs.ilink3.EstablishmentReject505Decoder;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.NegotiationReject502Decoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Decoder;
import io.wirespeed.codecs.ilink3.NotApplied513Decoder;
import io.wirespeed.codecs.ilink3.RetransmitReject510Decoder;
import io.wirespeed.codecs.ilink3.Retransmission509Decoder;
import io.wirespeed.codecs.ilink3.Sequence506Decoder;
import io.wirespeed.codecs.ilink3.Terminate507Decoder;
import io.wirespeed.gateway.venue.VenueListener;
import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;

/**
 * The initiator's handling of the venue's session-layer messages: negotiation and establishment answers (rejects
 * sorted into final, retry and renegotiate by {@link FixpErrorCodes}; PreviousUUID and PreviousSeqNo handed to the
 * {@link InboundSequencer}), Sequence, Terminate, Retransmission, RetransmitReject and NotApplied. A NextSeqNo below
 * the next expected (EstablishmentAck, Sequence) terminates the session.
 */
final class SessionMessageHandler
{
    private final FixpInitiator session;
    private final long uuid;
    private final SessionSender sender;
    private final InboundSequencer sequencer;
    private final KeepaliveTimer keepalive;
    private final SessionCounters counters;
    private final VenueListener listener;
    private final NegotiationResponse501Decoder negotiationResponse = new NegotiationResponse501Decoder();
    private final NegotiationReject502Decoder negotiationReject = new NegotiationReject502Decoder();
    private final EstablishmentAck504Decoder establishmentAck = new EstablishmentAck504Decoder();
    private final EstablishmentReject505Decoder establishmentReject = new EstablishmentReject505Decoder();
    private final Sequence506Decoder sequence = new Sequence506Decoder();
    private final Terminate507Decoder terminate = new Terminate507Decoder();
    private final Retransmission509Decoder retransmission = new Retransmission509Decoder();
    private final RetransmitReject510Decoder retransmitReject = new RetransmitReject510Decoder();
    private final NotApplied513Decoder notApplied = new NotApplied513Decoder();
    private boolean negotiated;

    SessionMessageHandler(
        final FixpInitiator session,
        final long uuid,
        final SessionSender sender,
        final InboundSequencer sequencer,
        final KeepaliveTimer keepalive,
        final SessionCounters counters,
        final VenueListener listener)
    {
        this.session = session;
        this.uuid = uuid;
        this.sender = sender;
        this.sequencer = sequencer;
        this.keepalive = keepalive;
        this.counters = counters;
        this.listener = listener;
    }

    /**
     * Whether the venue knows our UUID, so a new connection establishes rather than negotiates.
     */
    boolean isNegotiated()
    {
        return negotiated;
    }

    /**
     * The UUID was negotiated by a previous process (a restart from the journal): establish it, do not negotiate.
     */
    void restoreNegotiated()
    {
        negotiated = true;
    }

    /**
     * One session-layer message, its length already checked against its block length.
     */
    void onMessage(
        final int templateId,
        final DirectBuffer buffer,
        final int body,
        final int blockLength,
        final int version,
        final long rxTimestampNs)
    {
        switch (templateId)
        {
            case NegotiationResponse501Decoder.TEMPLATE_ID:
                negotiationResponse.wrap(buffer, body, blockLength, version);
                onNegotiationResponse(rxTimestampNs);
                break;
            case NegotiationReject502Decoder.TEMPLATE_ID:
                negotiationReject.wrap(buffer, body, blockLength, version);
                counters.increment(SessionCounter.NEGOTIATION_REJECTS);
                final int negotiationCodes = negotiationReject.errorCodes();
                onReject(FixpErrorCodes.negotiationRejectAction(negotiationCodes), negotiationCodes, rxTimestampNs);
                break;
            case EstablishmentAck504Decoder.TEMPLATE_ID:
                establishmentAck.wrap(buffer, body, blockLength, version);
                onEstablishmentAck(rxTimestampNs);
                break;
            case EstablishmentReject505Decoder.TEMPLATE_ID:
                establishmentReject.wrap(buffer, body, blockLength, version);
                counters.increment(SessionCounter.ESTABLISHMENT_REJECTS);
                final int establishCodes = establishmentReject.errorCodes();
                onReject(FixpErrorCodes.establishmentRejectAction(establishCodes), establishCodes, rxTimestampNs);
                break;
            case Sequence506Decoder.TEMPLATE_ID:
                sequence.wrap(buffer, body, blockLength, version);
                onSequence(rxTimestampNs);
                break;
            case Terminate507Decoder.TEMPLATE_ID:
                terminate.wrap(buffer, body, blockLength, version);
                onTerminate(rxTimestampNs);
                break;
            case Retransmission509Decoder.TEMPLATE_ID:
                retransmission.wrap(buffer, body, blockLength, version);
                sequencer.onRetransmission(retransmission.uUID(), retransmission.lastUUID(),
                    retransmission.fromSeqNo(), retransmission.msgCount());
                break;
            case RetransmitReject510Decoder.TEMPLATE_ID:
                retransmitReject.wrap(buffer, body, blockLength, version);
                counters.increment(SessionCounter.RETRANSMIT_REJECTS);
                sequencer.onRetransmitReject(rxTimestampNs, retransmitReject.uUID(), retransmitReject.lastUUID(),
                    retransmitReject.errorCodes());
                break;
            case NotApplied513Decoder.TEMPLATE_ID:
                notApplied.wrap(buffer, body, blockLength, version);
                if (notApplied.uUID() != uuid)
                {
                    counters.increment(SessionCounter.WRONG_UUID);
                    break;
                }
                counters.increment(SessionCounter.NOT_APPLIED);
                listener.onNotApplied(notApplied.fromSeqNo(), (int)notApplied.msgCount(), rxTimestampNs);
                sender.sendSequence(rxTimestampNs, false);
                break;
            default:
                counters.increment(SessionCounter.UNKNOWN_TEMPLATES);
                break;
        }
    }

    private void onNegotiationResponse(final long nowNs)
    {
        if (InitiatorState.NEGOTIATING != session.initiatorState())
        {
            return;
        }
        if (negotiationResponse.uUID() != uuid)
        {
            counters.increment(SessionCounter.WRONG_UUID);
            return;
        }
        counters.increment(SessionCounter.NEGOTIATIONS);
        negotiated = true;
        sender.resetSequence();
        sequencer.resetSequence();
        sequencer.onPreviousSession(nowNs, negotiationResponse.previousUUID(), negotiationResponse.previousSeqNo());
        session.setState(InitiatorState.ESTABLISHING, 0, nowNs);
        sender.sendEstablish(nowNs);
    }

    private void onEstablishmentAck(final long nowNs)
    {
        if (InitiatorState.ESTABLISHING != session.initiatorState() || establishmentAck.uUID() != uuid)
        {
            counters.increment(SessionCounter.WRONG_UUID);
            return;
        }
        counters.increment(SessionCounter.ESTABLISHMENTS);
        final int keepAliveMs = establishmentAck.keepAliveInterval();
        if (keepAliveMs > 0)
        {
            keepalive.intervalNs(TimeUnit.MILLISECONDS.toNanos(keepAliveMs));
        }
        // NextSeqNo is the venue's next business message to us; PreviousSeqNo is the last one it sent on
        // PreviousUUID, which matters only when that is our previous session (recovered with LastUUID).
        final long nextSeqNo = establishmentAck.nextSeqNo();
        if (nextSeqNo < sequencer.nextInSeqNo())
        {
            session.terminateOnLowSeqNo(nowNs, "EstablishmentAck", nextSeqNo);
            return;
        }
        session.setState(InitiatorState.ESTABLISHED, 0, nowNs);
        sequencer.onPreviousSession(nowNs, establishmentAck.previousUUID(), establishmentAck.previousSeqNo());
        sequencer.onEstablished(nowNs, nextSeqNo);
    }

    private void onReject(final int action, final int errorCodes, final long nowNs)
    {
        if (FixpErrorCodes.ACTION_STOP == action)
        {
            session.reject(errorCodes, nowNs);
            return;
        }
        counters.increment(SessionCounter.REJECTS_RETRIED);
        if (FixpErrorCodes.ACTION_RENEGOTIATE == action)
        {
            counters.increment(SessionCounter.RENEGOTIATIONS);
            negotiated = false;
        }
        session.disconnect(nowNs, errorCodes);
    }

    private void onSequence(final long nowNs)
    {
        counters.increment(SessionCounter.SEQUENCES_RECEIVED);
        final InitiatorState state = session.initiatorState();
        if (InitiatorState.ESTABLISHED != state && InitiatorState.RETRANSMITTING != state)
        {
            return;
        }
        if (sequence.uUID() != uuid)
        {
            counters.increment(SessionCounter.WRONG_UUID);
            return;
        }
        if (KeepAliveLapsed.Lapsed == sequence.keepAliveIntervalLapsed())
        {
            sender.sendSequence(nowNs, false);
        }
        final long nextSeqNo = sequence.nextSeqNo();
        if (!sequencer.onVenueNextSeqNo(nowNs, nextSeqNo))
        {
            session.terminateOnLowSeqNo(nowNs, "Sequence", nextSeqNo);
        }
    }

    private void onTerminate(final long nowNs)
    {
        counters.increment(SessionCounter.TERMINATES_RECEIVED);
        final int errorCodes = terminate.errorCodes();
        if (InitiatorState.TERMINATING != session.initiatorState())
        {
            sender.sendTerminate(nowNs, 0, "terminate acknowledged");
        }
        session.disconnect(nowNs, errorCodes);
    }
}
