package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.EstablishmentAck504Encoder;
import io.wirespeed.codecs.ilink3.EstablishmentReject505Encoder;
import io.wirespeed.codecs.ilink3.FTI;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NegotiationReject502Encoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Encoder;
import io.wirespeed.codecs.ilink3.NotApplied513Encoder;
import io.wirespeed.codecs.ilink3.RetransmitReject510Encoder;
import io.wirespeed.codecs.ilink3.Retransmission509Encoder;
import io.wirespeed.codecs.ilink3.Sequence506Encoder;
import io.wirespeed.codecs.ilink3.SplitMsg;
import io.wirespeed.codecs.ilink3.Terminate507Encoder;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the FIXP session-layer messages the venue sends, each at offset 0 of the given buffer, returning the
 * message's length (SBE header included). Reason texts are cut to the 48-byte Reason field and NUL-padded.
 */
final class AcceptorMessageEncoder
{
    private static final int REASON_LENGTH = 48;
    private static final byte[] NO_BYTES = new byte[0];

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NegotiationResponse501Encoder negotiationResponse = new NegotiationResponse501Encoder();
    private final NegotiationReject502Encoder negotiationReject = new NegotiationReject502Encoder();
    private final EstablishmentAck504Encoder establishmentAck = new EstablishmentAck504Encoder();
    private final EstablishmentReject505Encoder establishmentReject = new EstablishmentReject505Encoder();
    private final Sequence506Encoder sequence = new Sequence506Encoder();
    private final Terminate507Encoder terminate = new Terminate507Encoder();
    private final Retransmission509Encoder retransmission = new Retransmission509Encoder();
    private final RetransmitReject510Encoder retransmitReject = new RetransmitReject510Encoder();
    private final NotApplied513Encoder notApplied = new NotApplied513Encoder();

    /**
     * NegotiationResponse; PreviousUUID and PreviousSeqNo name the last business message the venue sent to this
     * client (session and firm), 0 and 0 when none.
     */
    int negotiationResponse(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final long previousUuid,
        final long previousSeqNo)
    {
        final NegotiationResponse501Encoder e = negotiationResponse.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid)
            .requestTimestamp(requestTimestampNs)
            .secretKeySecureIDExpiration(NegotiationResponse501Encoder.secretKeySecureIDExpirationNullValue())
            .faultToleranceIndicator(FTI.Primary)
            .splitMsg(SplitMsg.NULL_VAL)
            .previousSeqNo(previousSeqNo)
            .previousUUID(previousUuid);
        e.putCredentials(NO_BYTES, 0, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    int negotiationReject(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final int errorCodes,
        final String reason)
    {
        final NegotiationReject502Encoder e = negotiationReject.wrapAndApplyHeader(buffer, 0, header);
        Ascii.putPadded(buffer, e.offset() + NegotiationReject502Encoder.reasonEncodingOffset(), REASON_LENGTH, reason);
        e.uUID(uuid).requestTimestamp(requestTimestampNs).errorCodes(errorCodes)
            .faultToleranceIndicator(FTI.Primary).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + NegotiationReject502Encoder.BLOCK_LENGTH;
    }

    /**
     * EstablishmentAck: NextSeqNo is the SeqNum of the venue's next business message on this UUID; PreviousUUID and
     * PreviousSeqNo name the last business message sent to this client, on whichever UUID.
     */
    int establishmentAck(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final long nextSeqNo,
        final long previousUuid,
        final long previousSeqNo,
        final int keepAliveIntervalMs)
    {
        establishmentAck.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid)
            .requestTimestamp(requestTimestampNs)
            .nextSeqNo(nextSeqNo)
            .previousSeqNo(previousSeqNo)
            .previousUUID(previousUuid)
            .keepAliveInterval(keepAliveIntervalMs)
            .secretKeySecureIDExpiration(EstablishmentAck504Encoder.secretKeySecureIDExpirationNullValue())
            .faultToleranceIndicator(FTI.Primary)
            .splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + EstablishmentAck504Encoder.BLOCK_LENGTH;
    }

    int establishmentReject(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final long nextSeqNo,
        final int errorCodes,
        final String reason)
    {
        final EstablishmentReject505Encoder e = establishmentReject.wrapAndApplyHeader(buffer, 0, header);
        Ascii.putPadded(
            buffer, e.offset() + EstablishmentReject505Encoder.reasonEncodingOffset(), REASON_LENGTH, reason);
        e.uUID(uuid).requestTimestamp(requestTimestampNs).nextSeqNo(nextSeqNo).errorCodes(errorCodes)
            .faultToleranceIndicator(FTI.Primary).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + EstablishmentReject505Encoder.BLOCK_LENGTH;
    }

    /**
     * Sequence: the venue's keepalive; NextSeqNo is the SeqNum of its next business message.
     */
    int sequence(final MutableDirectBuffer buffer, final long uuid, final long nextSeqNo, final boolean lapsed)
    {
        sequence.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid)
            .nextSeqNo(nextSeqNo)
            .faultToleranceIndicator(FTI.Primary)
            .keepAliveIntervalLapsed(lapsed ? KeepAliveLapsed.Lapsed : KeepAliveLapsed.NotLapsed);
        return MessageHeaderEncoder.ENCODED_LENGTH + Sequence506Encoder.BLOCK_LENGTH;
    }

    /**
     * Terminate: RequestTimestamp echoes the message it answers, or is the venue's clock when unsolicited.
     */
    int terminate(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final int errorCodes,
        final String reason)
    {
        final Terminate507Encoder e = terminate.wrapAndApplyHeader(buffer, 0, header);
        Ascii.putPadded(buffer, e.offset() + Terminate507Encoder.reasonEncodingOffset(), REASON_LENGTH, reason);
        e.uUID(uuid).requestTimestamp(requestTimestampNs).errorCodes(errorCodes).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + Terminate507Encoder.BLOCK_LENGTH;
    }

    int retransmission(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long lastUuid,
        final long requestTimestampNs,
        final long fromSeqNo,
        final int msgCount)
    {
        retransmission.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid)
            .lastUUID(lastUuid)
            .requestTimestamp(requestTimestampNs)
            .fromSeqNo(fromSeqNo)
            .msgCount(msgCount)
            .splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + Retransmission509Encoder.BLOCK_LENGTH;
    }

    int retransmitReject(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long lastUuid,
        final long requestTimestampNs,
        final int errorCodes,
        final String reason)
    {
        final RetransmitReject510Encoder e = retransmitReject.wrapAndApplyHeader(buffer, 0, header);
        Ascii.putPadded(buffer, e.offset() + RetransmitReject510Encoder.reasonEncodingOffset(), REASON_LENGTH, reason);
        e.uUID(uuid).lastUUID(lastUuid).requestTimestamp(requestTimestampNs).errorCodes(errorCodes)
            .splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + RetransmitReject510Encoder.BLOCK_LENGTH;
    }

    int notApplied(final MutableDirectBuffer buffer, final long uuid, final long fromSeqNo, final long msgCount)
    {
        notApplied.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid).fromSeqNo(fromSeqNo).msgCount(msgCount).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + NotApplied513Encoder.BLOCK_LENGTH;
    }
}
