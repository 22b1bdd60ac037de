package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.gateway.transport.VenueTransport;
import io.wirespeed.gateway.venue.VenueSession;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The initiator's outbound half: encodes the session-layer messages and the sequenced business messages into one
 * send buffer and writes them to the transport, owning the outbound sequence number.
 */
final class SessionSender
{
    private final GatewayContext context;
    private final HmacSigner signer;
    private final long uuid;
    private final VenueTransport transport;
    private final SessionCounters counters;
    private final KeepaliveTimer keepalive;
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[4096]);
    private final SessionMessageEncoder sessionEncoder = new SessionMessageEncoder();
    private final OrderEncoder orderEncoder;
    private long nextOutSeqNo = 1;

    SessionSender(
        final GatewayContext context,
        final String secret,
        final long uuid,
        final VenueTransport transport,
        final SessionCounters counters,
        final KeepaliveTimer keepalive)
    {
        this.context = context;
        this.signer = new HmacSigner(secret);
        this.uuid = uuid;
        this.transport = transport;
        this.counters = counters;
        this.keepalive = keepalive;
        this.orderEncoder = new OrderEncoder(context.firmId() + context.sessionId(), "US,IL", 1);
    }

    long nextOutSeqNo()
    {
        return nextOutSeqNo;
    }

    /**
     * A fresh negotiation: our sequence starts again at 1.
     */
    void resetSequence()
    {
        nextOutSeqNo = 1;
    }

    /**
     * Continue a sequence a previous process used (a restart from the journal).
     */
    void restoreSequence(final long nextSeqNo)
    {
        nextOutSeqNo = nextSeqNo;
    }

    void sendNegotiate(final long nowNs)
    {
        final String canonical = HmacSigner.negotiateCanonical(nowNs, uuid, context.sessionId(), context.firmId());
        final int length = sessionEncoder.encodeNegotiate(
            sendBuffer, 0, signer.sign(canonical), context.accessKeyId(), uuid, nowNs, context.sessionId(),
            context.firmId());
        transport.write(sendBuffer, 0, length);
    }

    void sendEstablish(final long nowNs)
    {
        final int keepAliveMs = (int)context.keepaliveIntervalMs();
        final String canonical = HmacSigner.establishCanonical(
            nowNs, uuid, context.sessionId(), context.firmId(), SessionMessageEncoder.TRADING_SYSTEM_NAME,
            SessionMessageEncoder.TRADING_SYSTEM_VERSION, SessionMessageEncoder.TRADING_SYSTEM_VENDOR, nextOutSeqNo,
            keepAliveMs);
        final int length = sessionEncoder.encodeEstablish(
            sendBuffer, 0, signer.sign(canonical), context.accessKeyId(), uuid, nowNs, nextOutSeqNo,
            context.sessionId(), context.firmId(), keepAliveMs);
        transport.write(sendBuffer, 0, length);
    }

    void sendSequence(final long nowNs, final boolean lapsed)
    {
        final int length = sessionEncoder.encodeSequence(sendBuffer, 0, uuid, nextOutSeqNo, lapsed);
        if (VenueTransport.OK == transport.write(sendBuffer, 0, length))
        {
            counters.increment(SessionCounter.SEQUENCES_SENT);
            keepalive.onSent(nowNs);
        }
    }

    void sendTerminate(final long nowNs, final int errorCodes, final String reason)
    {
        final int length = sessionEncoder.encodeTerminate(sendBuffer, 0, uuid, nowNs, errorCodes, reason);
        if (VenueTransport.OK == transport.write(sendBuffer, 0, length))
        {
            counters.increment(SessionCounter.TERMINATES_SENT);
            keepalive.onSent(nowNs);
        }
    }

    void sendRetransmitRequest(final long nowNs, final long lastUuid, final long fromSeqNo, final int count)
    {
        final int length = sessionEncoder.encodeRetransmitRequest(
            sendBuffer, 0, uuid, lastUuid, nowNs, fromSeqNo, count);
        if (VenueTransport.OK == transport.write(sendBuffer, 0, length))
        {
            counters.increment(SessionCounter.RETRANSMIT_REQUESTS);
            keepalive.onSent(nowNs);
        }
    }

    long sendNewOrder(
        final long nowNs,
        final long orderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        final int length = orderEncoder.encodeNewOrder(
            sendBuffer, 0, nextOutSeqNo, nowNs, orderId, securityId, side, ordType, timeInForce, price, qty);
        return sendBusiness(length, nowNs);
    }

    long sendCancel(
        final long nowNs,
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final int securityId,
        final Side side)
    {
        final int length = orderEncoder.encodeCancel(
            sendBuffer, 0, nextOutSeqNo, nowNs, requestId, origOrderId, venueOrderId, securityId, side);
        return sendBusiness(length, nowNs);
    }

    long sendReplace(
        final long nowNs,
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        final int length = orderEncoder.encodeReplace(
            sendBuffer, nextOutSeqNo, nowNs, requestId, origOrderId, venueOrderId, securityId, side, ordType,
            timeInForce, price, qty);
        return sendBusiness(length, nowNs);
    }

    long sendMassCancel(final long nowNs, final long requestId, final int securityId)
    {
        final int length = orderEncoder.encodeMassCancel(sendBuffer, 0, nextOutSeqNo, nowNs, requestId, securityId);
        return sendBusiness(length, nowNs);
    }

    long sendOrderStatus(final long nowNs, final long requestId, final long venueOrderId)
    {
        final int length = orderEncoder.encodeOrderStatus(sendBuffer, 0, nextOutSeqNo, nowNs, requestId, venueOrderId);
        return sendBusiness(length, nowNs);
    }

    long sendMassStatus(final long nowNs, final long requestId, final int securityId)
    {
        final int length = orderEncoder.encodeMassStatus(sendBuffer, 0, nextOutSeqNo, nowNs, requestId, securityId);
        return sendBusiness(length, nowNs);
    }

    private long sendBusiness(final int length, final long nowNs)
    {
        final int result = transport.write(sendBuffer, 0, length);
        if (VenueTransport.OK == result)
        {
            counters.increment(SessionCounter.MESSAGES_SENT);
            keepalive.onSent(nowNs);
            return nextOutSeqNo++;
        }
        if (VenueTransport.BACK_PRESSURED == result)
        {
            counters.increment(SessionCounter.BACK_PRESSURED);
            return VenueSession.NOT_SENT_BACK_PRESSURED;
        }
        if (VenueTransport.JOURNAL_FULL == result)
        {
            counters.increment(SessionCounter.JOURNAL_FULL);
            return VenueSession.NOT_SENT_JOURNAL_FULL;
        }
        counters.increment(SessionCounter.NOT_ESTABLISHED);
        return VenueSession.NOT_SENT_NOT_ESTABLISHED;
    }
}
