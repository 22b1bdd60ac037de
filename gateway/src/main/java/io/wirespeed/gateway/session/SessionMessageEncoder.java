package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.Establish503Encoder;
import io.wirespeed.codecs.ilink3.FTI;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.Negotiate500Encoder;
import io.wirespeed.codecs.ilink3.RetransmitRequest508Encoder;
import io.wirespeed.codecs.ilink3.Sequence506Encoder;
import io.wirespeed.codecs.ilink3.SplitMsg;
import io.wirespeed.codecs.ilink3.Terminate507Encoder;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the FIXP session-layer messages: the client's Negotiate, Establish and RetransmitRequest, and the Sequence
 * and Terminate both sides send.
 */
public final class SessionMessageEncoder
{
    /**
     * TradingSystemName sent on Establish.
     */
    public static final String TRADING_SYSTEM_NAME = "wirespeed";

    /**
     * TradingSystemVersion sent on Establish.
     */
    public static final String TRADING_SYSTEM_VERSION = "0.1.0";

    /**
     * TradingSystemVendor sent on Establish.
     */
    public static final String TRADING_SYSTEM_VENDOR = "wirespeed";

    private static final byte[] NO_BYTES = new byte[0];

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final Negotiate500Encoder negotiate = new Negotiate500Encoder();
    private final Establish503Encoder establish = new Establish503Encoder();
    private final Sequence506Encoder sequence = new Sequence506Encoder();
    private final Terminate507Encoder terminate = new Terminate507Encoder();
    private final RetransmitRequest508Encoder retransmitRequest = new RetransmitRequest508Encoder();

    /**
     * Encode a Negotiate.
     *
     * @param buffer             to encode into.
     * @param offset             where the message header goes.
     * @param signature          32-byte HMAC signature.
     * @param accessKeyId        AccessKeyID.
     * @param uuid               UUID.
     * @param requestTimestampNs RequestTimestamp.
     * @param sessionId          Session.
     * @param firmId             Firm.
     * @return bytes encoded, header included.
     */
    public int encodeNegotiate(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] signature,
        final String accessKeyId,
        final long uuid,
        final long requestTimestampNs,
        final String sessionId,
        final String firmId)
    {
        final Negotiate500Encoder e = negotiate.wrapAndApplyHeader(buffer, offset, headerEncoder);
        e.putHMACSignature(signature, 0);
        AsciiFields.putText(buffer, e.offset() + Negotiate500Encoder.accessKeyIDEncodingOffset(), 20, accessKeyId);
        e.uUID(uuid).requestTimestamp(requestTimestampNs);
        AsciiFields.putText(buffer, e.offset() + Negotiate500Encoder.sessionEncodingOffset(), 3, sessionId);
        AsciiFields.putText(buffer, e.offset() + Negotiate500Encoder.firmEncodingOffset(), 5, firmId);
        e.putCredentials(NO_BYTES, 0, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode an Establish naming this trading system ({@link #TRADING_SYSTEM_NAME} and the rest).
     *
     * @param buffer               to encode into.
     * @param offset               where the message header goes.
     * @param signature            32-byte HMAC signature.
     * @param accessKeyId          AccessKeyID.
     * @param uuid                 UUID.
     * @param requestTimestampNs   RequestTimestamp.
     * @param nextSeqNo            NextSeqNo.
     * @param sessionId            Session.
     * @param firmId               Firm.
     * @param keepAliveIntervalMs  KeepAliveInterval.
     * @return bytes encoded, header included.
     */
    public int encodeEstablish(
        final MutableDirectBuffer buffer,
        final int offset,
        final byte[] signature,
        final String accessKeyId,
        final long uuid,
        final long requestTimestampNs,
        final long nextSeqNo,
        final String sessionId,
        final String firmId,
        final int keepAliveIntervalMs)
    {
        final Establish503Encoder e = establish.wrapAndApplyHeader(buffer, offset, headerEncoder);
        final int base = e.offset();
        e.putHMACSignature(signature, 0);
        AsciiFields.putText(buffer, base + Establish503Encoder.accessKeyIDEncodingOffset(), 20, accessKeyId);
        AsciiFields.putText(
            buffer, base + Establish503Encoder.tradingSystemNameEncodingOffset(), 30, TRADING_SYSTEM_NAME);
        AsciiFields.putText(
            buffer, base + Establish503Encoder.tradingSystemVersionEncodingOffset(), 10, TRADING_SYSTEM_VERSION);
        AsciiFields.putText(
            buffer, base + Establish503Encoder.tradingSystemVendorEncodingOffset(), 10, TRADING_SYSTEM_VENDOR);
        e.uUID(uuid).requestTimestamp(requestTimestampNs).nextSeqNo(nextSeqNo);
        AsciiFields.putText(buffer, base + Establish503Encoder.sessionEncodingOffset(), 3, sessionId);
        AsciiFields.putText(buffer, base + Establish503Encoder.firmEncodingOffset(), 5, firmId);
        e.keepAliveInterval(keepAliveIntervalMs);
        e.putCredentials(NO_BYTES, 0, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode a Sequence (heartbeat).
     *
     * @param buffer    to encode into.
     * @param offset    where the message header goes.
     * @param uuid      UUID.
     * @param nextSeqNo the sender's next outbound sequence number.
     * @param lapsed    whether the peer's keepalive interval lapsed.
     * @return bytes encoded, header included.
     */
    public int encodeSequence(
        final MutableDirectBuffer buffer, final int offset, final long uuid, final long nextSeqNo, final boolean lapsed)
    {
        sequence.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .uUID(uuid)
            .nextSeqNo(nextSeqNo)
            .faultToleranceIndicator(FTI.Primary)
            .keepAliveIntervalLapsed(lapsed ? KeepAliveLapsed.Lapsed : KeepAliveLapsed.NotLapsed);
        return MessageHeaderEncoder.ENCODED_LENGTH + Sequence506Encoder.BLOCK_LENGTH;
    }

    /**
     * Encode a Terminate.
     *
     * @param buffer             to encode into.
     * @param offset             where the message header goes.
     * @param uuid               UUID.
     * @param requestTimestampNs RequestTimestamp.
     * @param errorCodes         ErrorCodes, 0 for a normal end.
     * @param reason             Reason text, up to 48 characters.
     * @return bytes encoded, header included.
     */
    public int encodeTerminate(
        final MutableDirectBuffer buffer,
        final int offset,
        final long uuid,
        final long requestTimestampNs,
        final int errorCodes,
        final CharSequence reason)
    {
        final Terminate507Encoder e = terminate.wrapAndApplyHeader(buffer, offset, headerEncoder);
        AsciiFields.putText(buffer, e.offset() + Terminate507Encoder.reasonEncodingOffset(), 48, reason);
        e.uUID(uuid).requestTimestamp(requestTimestampNs).errorCodes(errorCodes).splitMsg(SplitMsg.NULL_VAL);
        return MessageHeaderEncoder.ENCODED_LENGTH + Terminate507Encoder.BLOCK_LENGTH;
    }

    /**
     * Encode a RetransmitRequest for messages of the current UUID.
     *
     * @param buffer             to encode into.
     * @param offset             where the message header goes.
     * @param uuid               UUID.
     * @param requestTimestampNs RequestTimestamp.
     * @param fromSeqNo          first sequence number wanted.
     * @param msgCount           how many.
     * @return bytes encoded, header included.
     */
    public int encodeRetransmitRequest(
        final MutableDirectBuffer buffer,
        final int offset,
        final long uuid,
        final long requestTimestampNs,
        final long fromSeqNo,
        final int msgCount)
    {
        return encodeRetransmitRequest(
            buffer, offset, uuid, RetransmitRequest508Encoder.lastUUIDNullValue(), requestTimestampNs, fromSeqNo,
            msgCount);
    }

    /**
     * Encode a RetransmitRequest, for messages of the current UUID or of a previous one.
     *
     * @param buffer             to encode into.
     * @param offset             where the message header goes.
     * @param uuid               UUID, the current session's.
     * @param lastUuid           LastUUID: the previous UUID whose messages are wanted, or
     *                           {@link RetransmitRequest508Encoder#lastUUIDNullValue()} for the current UUID's.
     * @param requestTimestampNs RequestTimestamp.
     * @param fromSeqNo          first sequence number wanted.
     * @param msgCount           how many.
     * @return bytes encoded, header included.
     */
    public int encodeRetransmitRequest(
        final MutableDirectBuffer buffer,
        final int offset,
        final long uuid,
        final long lastUuid,
        final long requestTimestampNs,
        final long fromSeqNo,
        final int msgCount)
    {
        retransmitRequest.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .uUID(uuid)
            .lastUUID(lastUuid)
            .requestTimestamp(requestTimestampNs)
            .fromSeqNo(fromSeqNo)
            .msgCount(msgCount);
        return MessageHeaderEncoder.ENCODED_LENGTH + RetransmitRequest508Encoder.BLOCK_LENGTH;
    }
}
