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
 * sorted into final, retry and renegotiate by {@link FixpErrorCodes}), Sequence, Terminate, RetransmitReject and
 * NotApplied.
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
    private final NegotiationReject502Decoder negotiationReject = new NegotiationReject502Decoder();
    private final EstablishmentAck504Decoder establishmentAck = new EstablishmentAck504Decoder();
    private final EstablishmentReject505Decoder establishmentReject = new EstablishmentReject505Decoder();
    private final Sequence506Decoder sequence = new Sequence506Decoder();
    private final Terminate507Decoder terminate = new Terminate507Decoder();
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
                break;
            case RetransmitReject510Decoder.TEMPLATE_ID:
                counters.increment(SessionCounter.RETRANSMIT_REJECTS);
                if (InitiatorState.RETRANSMITTING == session.initiatorState())
                {
                    sequencer.onRetransmitReject(rxTimestampNs);
                }
                break;
            case NotApplied513Decoder.TEMPLATE_ID:
                notApplied.wrap(buffer, body, blockLength, version);
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
        counters.increment(SessionCounter.NEGOTIATIONS);
        negotiated = true;
        sender.resetSequence();
        sequencer.resetSequence();
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
        session.setState(InitiatorState.ESTABLISHED, 0, nowNs);
        // NextSeqNo is the venue's next business message to us; PreviousSeqNo belongs to PreviousUUID's session.
        sequencer.onVenueNextSeqNo(nowNs, establishmentAck.nextSeqNo());
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
        if (KeepAliveLapsed.Lapsed == sequence.keepAliveIntervalLapsed())
        {
            sender.sendSequence(nowNs, false);
        }
        if (InitiatorState.ESTABLISHED == state)
        {
            sequencer.onVenueNextSeqNo(nowNs, sequence.nextSeqNo());
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
