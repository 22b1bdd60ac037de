package io.wirespeed.latency.order;

import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.EstablishmentAck504Encoder;
import io.wirespeed.codecs.ilink3.FTI;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Encoder;
import io.wirespeed.codecs.ilink3.SplitMsg;
import io.wirespeed.gateway.transport.FrameHandler;
import io.wirespeed.gateway.transport.Sofh;
import io.wirespeed.gateway.transport.VenueTransport;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A venue transport with no socket, for measuring the gateway alone: it frames every message as the TCP transport
 * does (SOFH header and message copied into a send buffer) and then discards it, answers the FIXP Negotiate and
 * Establish itself so the real session reaches ESTABLISHED, and hands the session the venue messages the benchmark
 * queued, on the session's next poll.
 * <pre>
 *   inbound queue record, aligned to 8:
 *   +--------+-------------------------------+
 *   | length | SBE message (length bytes)    | ... next record
 *   +--------+-------------------------------+
 * </pre>
 */
final class SinkVenueTransport implements VenueTransport
{
    /** KeepAliveInterval the handshake answer grants, in milliseconds. */
    static final int KEEPALIVE_INTERVAL_MS = 60_000;

    private static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final int INBOUND_BUFFER_BYTES = 1024 * 1024;
    private static final int RECORD_HEADER_LENGTH = 8;

    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(SEND_BUFFER_BYTES, 64));
    private final UnsafeBuffer inbound = new UnsafeBuffer(BufferUtil.allocateDirectAligned(INBOUND_BUFFER_BYTES, 64));
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final Negotiate500Decoder negotiate = new Negotiate500Decoder();
    private final Establish503Decoder establish = new Establish503Decoder();
    private final NegotiationResponse501Encoder negotiationResponse = new NegotiationResponse501Encoder();
    private final EstablishmentAck504Encoder establishmentAck = new EstablishmentAck504Encoder();
    private boolean connected;
    private boolean answering = true;
    private int inboundLimit;
    private int claimedOffset;
    private long messagesWritten;
    private long bytesWritten;
    private long sessionUuid;

    /**
     * {@inheritDoc}
     */
    public boolean connect(final String host, final int port, final long nowNs)
    {
        connected = true;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isConnecting()
    {
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isConnected()
    {
        return connected;
    }

    /**
     * Deliver every queued venue message, oldest first, stamped with the duty cycle's clock reading; an answer to a
     * message the session writes meanwhile is delivered in the same poll.
     *
     * @param handler gets each message.
     * @param nowNs   the rx timestamp.
     * @return messages delivered.
     */
    public int poll(final FrameHandler handler, final long nowNs)
    {
        int delivered = 0;
        int offset = 0;
        while (offset < inboundLimit)
        {
            final int length = inbound.getInt(offset);
            handler.onFrame(inbound, offset + RECORD_HEADER_LENGTH, length, nowNs);
            offset += BitUtil.align(RECORD_HEADER_LENGTH + length, 8);
            delivered++;
        }
        inboundLimit = 0;
        return delivered;
    }

    /**
     * Frame the message as it would go on the wire, then drop it; answer a Negotiate or Establish while the
     * handshake is on.
     *
     * @param buffer holds the message.
     * @param offset where its SBE message header starts.
     * @param length bytes of SBE message, header included.
     * @return {@link #OK}, {@link #NOT_CONNECTED} or {@link #TOO_LONG}.
     */
    public int write(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!connected)
        {
            return NOT_CONNECTED;
        }
        final int frameLength = Sofh.HEADER_LENGTH + length;
        if (frameLength > Sofh.MAX_FRAME_LENGTH || frameLength > SEND_BUFFER_BYTES)
        {
            return TOO_LONG;
        }
        Sofh.write(sendBuffer, 0, length);
        sendBuffer.putBytes(Sofh.HEADER_LENGTH, buffer, offset, length);
        messagesWritten++;
        bytesWritten += frameLength;
        if (answering)
        {
            answer(buffer, offset);
        }
        return OK;
    }

    /**
     * {@inheritDoc}
     */
    public int pendingBytes()
    {
        return 0;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        connected = false;
        inboundLimit = 0;
    }

    /**
     * Stop answering handshake messages: from now on every write is framed and dropped, nothing more.
     */
    void stopAnswering()
    {
        answering = false;
    }

    /**
     * Room for one venue message at the end of the inbound queue, to encode into before {@link #commit(int)}.
     *
     * @param maxLength the most bytes the message may take.
     * @return the offset in {@link #inboundBuffer()} where its SBE message header goes.
     * @throws IllegalStateException when the queue is full: the benchmark queued more than one poll's worth.
     */
    int claim(final int maxLength)
    {
        if (inboundLimit + RECORD_HEADER_LENGTH + maxLength > INBOUND_BUFFER_BYTES)
        {
            throw new IllegalStateException("inbound queue full");
        }
        claimedOffset = inboundLimit;
        return claimedOffset + RECORD_HEADER_LENGTH;
    }

    /**
     * Queue the message encoded at the last claim.
     *
     * @param length bytes of SBE message, header included.
     */
    void commit(final int length)
    {
        inbound.putInt(claimedOffset, length);
        inboundLimit = claimedOffset + BitUtil.align(RECORD_HEADER_LENGTH + length, 8);
    }

    MutableDirectBuffer inboundBuffer()
    {
        return inbound;
    }

    long messagesWritten()
    {
        return messagesWritten;
    }

    long bytesWritten()
    {
        return bytesWritten;
    }

    /**
     * The UUID the gateway established, which every venue business message carries.
     *
     * @return the UUID, 0 before the handshake.
     */
    long sessionUuid()
    {
        return sessionUuid;
    }

    private void answer(final DirectBuffer buffer, final int offset)
    {
        headerDecoder.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (Negotiate500Decoder.TEMPLATE_ID == headerDecoder.templateId())
        {
            negotiate.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
            final int at = claim(256);
            negotiationResponse.wrapAndApplyHeader(inbound, at, headerEncoder)
                .uUID(negotiate.uUID())
                .requestTimestamp(negotiate.requestTimestamp())
                .secretKeySecureIDExpiration(NegotiationResponse501Encoder.secretKeySecureIDExpirationNullValue())
                .faultToleranceIndicator(FTI.Primary)
                .splitMsg(SplitMsg.NULL_VAL)
                .previousSeqNo(0)
                .previousUUID(0)
                .putCredentials(buffer, 0, 0);
            commit(negotiationResponse.limit() - at);
        }
        else if (Establish503Decoder.TEMPLATE_ID == headerDecoder.templateId())
        {
            establish.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
            sessionUuid = establish.uUID();
            final int at = claim(256);
            establishmentAck.wrapAndApplyHeader(inbound, at, headerEncoder)
                .uUID(establish.uUID())
                .requestTimestamp(establish.requestTimestamp())
                .nextSeqNo(1)
                .previousSeqNo(0)
                .previousUUID(0)
                .keepAliveInterval(KEEPALIVE_INTERVAL_MS)
                .secretKeySecureIDExpiration(EstablishmentAck504Encoder.secretKeySecureIDExpirationNullValue())
                .faultToleranceIndicator(FTI.Primary)
                .splitMsg(SplitMsg.NULL_VAL);
            commit(MessageHeaderEncoder.ENCODED_LENGTH + establishmentAck.encodedLength());
        }
    }
}
