package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.EstablishmentAck504Encoder;
import io.wirespeed.codecs.ilink3.EstablishmentReject505Encoder;
import io.wirespeed.codecs.ilink3.FTI;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NegotiationReject502Encoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Encoder;
import io.wirespeed.codecs.ilink3.NotApplied513Encoder;
import io.wirespeed.codecs.ilink3.RetransmitReject510Encoder;
import io.wirespeed.codecs.ilink3.Retransmission509Encoder;
import io.wirespeed.codecs.ilink3.SplitMsg;
import io.wirespeed.gateway.session.AsciiFields;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the FIXP session-layer messages only the venue sends, each at offset 0 of the given buffer.
 */
final class AcceptorMessageEncoder
{
    private static final byte[] NO_BYTES = new byte[0];

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NegotiationResponse501Encoder negotiationResponse = new NegotiationResponse501Encoder();
    private final NegotiationReject502Encoder negotiationReject = new NegotiationReject502Encoder();
    private final EstablishmentAck504Encoder establishmentAck = new EstablishmentAck504Encoder();
    private final EstablishmentReject505Encoder establishmentReject = new EstablishmentReject505Encoder();
    private final Retransmission509Encoder retransmission = new Retransmission509Encoder();
    private final RetransmitReject510Encoder retransmitReject = new RetransmitReject510Encoder();
    private final NotApplied513Encoder notApplied = new NotApplied513Encoder();

    int negotiationResponse(final MutableDirectBuffer buffer, final long uuid, final long requestTimestampNs)
    {
        final NegotiationResponse501Encoder e = negotiationResponse.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid)
            .requestTimestamp(requestTimestampNs)
            .secretKeySecureIDExpiration(NegotiationResponse501Encoder.secretKeySecureIDExpirationNullValue())
            .faultToleranceIndicator(FTI.Primary)
            .splitMsg(SplitMsg.NULL_VAL)
            .previousSeqNo(0)
            .previousUUID(0);
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
        AsciiFields.putText(buffer, e.offset() + NegotiationReject502Encoder.reasonEncodingOffset(), 48, reason);
        e.uUID(uuid).requestTimestamp(requestTimestampNs).errorCodes(errorCodes)
            .faultToleranceIndicator(FTI.Primary).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + NegotiationReject502Encoder.BLOCK_LENGTH;
    }

    int establishmentAck(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final long nextSeqNo,
        final long previousSeqNo,
        final int keepAliveIntervalMs)
    {
        establishmentAck.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid)
            .requestTimestamp(requestTimestampNs)
            .nextSeqNo(nextSeqNo)
            .previousSeqNo(previousSeqNo)
            .previousUUID(uuid)
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
        AsciiFields.putText(buffer, e.offset() + EstablishmentReject505Encoder.reasonEncodingOffset(), 48, reason);
        e.uUID(uuid).requestTimestamp(requestTimestampNs).nextSeqNo(nextSeqNo).errorCodes(errorCodes)
            .faultToleranceIndicator(FTI.Primary).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + EstablishmentReject505Encoder.BLOCK_LENGTH;
    }

    int retransmission(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final long fromSeqNo,
        final int msgCount)
    {
        retransmission.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid)
            .lastUUID(Retransmission509Encoder.lastUUIDNullValue())
            .requestTimestamp(requestTimestampNs)
            .fromSeqNo(fromSeqNo)
            .msgCount(msgCount)
            .splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + Retransmission509Encoder.BLOCK_LENGTH;
    }

    int retransmitReject(
        final MutableDirectBuffer buffer,
        final long uuid,
        final long requestTimestampNs,
        final int errorCodes,
        final String reason)
    {
        final RetransmitReject510Encoder e = retransmitReject.wrapAndApplyHeader(buffer, 0, header);
        AsciiFields.putText(buffer, e.offset() + RetransmitReject510Encoder.reasonEncodingOffset(), 48, reason);
        e.uUID(uuid).lastUUID(RetransmitReject510Encoder.lastUUIDNullValue()).requestTimestamp(requestTimestampNs)
            .errorCodes(errorCodes).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + RetransmitReject510Encoder.BLOCK_LENGTH;
    }

    int notApplied(final MutableDirectBuffer buffer, final long uuid, final long fromSeqNo, final long msgCount)
    {
        notApplied.wrapAndApplyHeader(buffer, 0, header)
            .uUID(uuid).fromSeqNo(fromSeqNo).msgCount(msgCount).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + NotApplied513Encoder.BLOCK_LENGTH;
    }
}
