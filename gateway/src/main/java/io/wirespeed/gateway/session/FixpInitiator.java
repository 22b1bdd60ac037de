package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.EstablishmentAck504Decoder;
import io.wirespeed.codecs.ilink3.EstablishmentReject505Decoder;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.NegotiationReject502Decoder;
import io.wirespeed.codecs.ilink3.NegotiationResponse501Decoder;
import io.wirespeed.codecs.ilink3.NotApplied513Decoder;
import io.wirespeed.codecs.ilink3.RetransmitReject510Decoder;
import io.wirespeed.codecs.ilink3.Retransmission509Decoder;
import io.wirespeed.codecs.ilink3.Sequence506Decoder;
import io.wirespeed.codecs.ilink3.Terminate507Decoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.gateway.transport.FrameHandler;
import io.wirespeed.gateway.transport.VenueTransport;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.gateway.venue.VenueSession;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

/**
 * The gateway's iLink 3-style FIXP session, initiator side: Negotiate, Establish, Sequence keepalives, inbound gap
 * recovery by RetransmitRequest, NotApplied, Terminate and reconnection continuing the same UUID and sequence numbers.
 */
public final class FixpInitiator implements VenueSession, Agent, FrameHandler
{
    /**
     * Largest MsgCount of one RetransmitRequest, as iLink 3 allows.
     */
    public static final int MAX_RETRANSMIT_COUNT = 2500;

    private static final int SCHEMA_ID = MessageHeaderDecoder.SCHEMA_ID;
    private static final int SEQ_NUM_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int LIVE_BUFFER_BYTES = 1024 * 1024;

    private final GatewayContext context;
    private final HmacSigner signer;
    private final VenueTransport transport;
    private final VenueListener listener;
    private final EpochNanoClock clock;
    private final SessionCounters counters;
    private final long uuid;
    private final long reconnectBackoffNs;
    private final long connectTimeoutNs;
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[4096]);
    private final OrderEncoder orderEncoder;
    private final SessionMessageEncoder sessionEncoder = new SessionMessageEncoder();
    private final VenueMessageDecoder venueDecoder = new VenueMessageDecoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final NegotiationReject502Decoder negotiationReject = new NegotiationReject502Decoder();
    private final EstablishmentAck504Decoder establishmentAck = new EstablishmentAck504Decoder();
    private final EstablishmentReject505Decoder establishmentReject = new EstablishmentReject505Decoder();
    private final Sequence506Decoder sequence = new Sequence506Decoder();
    private final Terminate507Decoder terminate = new Terminate507Decoder();
    private final NotApplied513Decoder notApplied = new NotApplied513Decoder();
    private final LiveMessageBuffer liveBuffer = new LiveMessageBuffer(LIVE_BUFFER_BYTES);

    private InitiatorState state = InitiatorState.DISCONNECTED;
    private boolean negotiated;
    private boolean stopped;
    private long nextOutSeqNo = 1;
    private long nextInSeqNo = 1;
    private long retransmitEndSeqNo;
    private long keepAliveIntervalNs;
    private long reconnectAtNs;
    private long deadlineNs;
    private long lastSentNs;
    private long lastReceivedNs;
    private boolean lapseSent;

    /**
     * A session that connects on its first duty cycle.
     *
     * @param context   venue address, identity and timers.
     * @param secret    the resolved secret key (base64url), from {@link GatewayContext#secretRef()}.
     * @param uuid      the session UUID to negotiate, e.g. {@link #newUuid(long)}.
     * @param transport the connection to the venue.
     * @param listener  gets what the venue reports.
     * @param clock     epoch nanoseconds.
     * @param counters  the session's counters.
     */
    public FixpInitiator(
        final GatewayContext context,
        final String secret,
        final long uuid,
        final VenueTransport transport,
        final VenueListener listener,
        final EpochNanoClock clock,
        final SessionCounters counters)
    {
        this.context = context;
        this.signer = new HmacSigner(secret);
        this.uuid = uuid;
        this.transport = transport;
        this.listener = listener;
        this.clock = clock;
        this.counters = counters;
        this.reconnectBackoffNs = TimeUnit.MILLISECONDS.toNanos(context.reconnectBackoffMs());
        this.connectTimeoutNs = TimeUnit.MILLISECONDS.toNanos(context.connectTimeoutMs());
        this.keepAliveIntervalNs = TimeUnit.MILLISECONDS.toNanos(context.keepaliveIntervalMs());
        this.orderEncoder = new OrderEncoder(context.firmId() + context.sessionId(), "US,IL", 1);
    }

    /**
     * A UUID as iLink 3 recommends: microseconds since the epoch.
     *
     * @param nowNs epoch nanoseconds.
     * @return the UUID.
     */
    public static long newUuid(final long nowNs)
    {
        return nowNs / 1000;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "venue-session";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        return doWork(clock.nanoTime());
    }

    /**
     * One duty cycle at a given time.
     *
     * @param nowNs the clock reading.
     * @return work done.
     */
    public int doWork(final long nowNs)
    {
        int workCount = 0;
        switch (state)
        {
            case DISCONNECTED:
                if (!stopped && reconnectAtNs - nowNs <= 0)
                {
                    workCount += startConnect(nowNs);
                }
                return workCount;

            case REJECTED:
                return 0;

            case CONNECTING:
                workCount += transport.poll(this, nowNs);
                if (transport.isConnected())
                {
                    workCount += onConnected(nowNs);
                }
                else if (!transport.isConnecting())
                {
                    counters.increment(SessionCounter.CONNECT_FAILURES);
                    disconnect(nowNs, 0);
                }
                break;

            default:
                workCount += transport.poll(this, nowNs);
                break;
        }

        if (InitiatorState.DISCONNECTED == state || InitiatorState.REJECTED == state)
        {
            return workCount;
        }
        if (!transport.isConnected() && !transport.isConnecting())
        {
            counters.increment(SessionCounter.DISCONNECTS);
            disconnect(nowNs, 0);
            return workCount + 1;
        }

        return workCount + checkTimers(nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public SessionState state()
    {
        return state.sessionState();
    }

    /**
     * The session UUID.
     *
     * @return the UUID.
     */
    public long uuid()
    {
        return uuid;
    }

    /**
     * The sequence number the next business message will carry.
     *
     * @return the next outbound sequence number.
     */
    public long nextOutSeqNo()
    {
        return nextOutSeqNo;
    }

    /**
     * The sequence number expected next from the venue.
     *
     * @return the next inbound sequence number.
     */
    public long nextInSeqNo()
    {
        return nextInSeqNo;
    }

    /**
     * End the session: send Terminate, wait briefly for the venue's, disconnect and stay disconnected.
     *
     * @param nowNs the clock reading.
     */
    public void terminate(final long nowNs)
    {
        stopped = true;
        if (isEstablished())
        {
            sendTerminate(nowNs, 0, "client logout");
            setState(InitiatorState.TERMINATING, 0, nowNs);
            deadlineNs = nowNs + keepAliveIntervalNs;
        }
        else if (InitiatorState.REJECTED != state)
        {
            disconnect(nowNs, 0);
        }
    }

    /**
     * {@inheritDoc}
     */
    public long sendNewOrder(
        final long orderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty,
        final long triggerRxTimestampNs)
    {
        if (!isEstablished())
        {
            counters.increment(SessionCounter.NOT_ESTABLISHED);
            return NOT_SENT_NOT_ESTABLISHED;
        }
        final long nowNs = clock.nanoTime();
        final int length = orderEncoder.encodeNewOrder(
            sendBuffer, 0, nextOutSeqNo, nowNs, orderId, securityId, side, ordType, timeInForce, price, qty);
        return sendBusiness(length, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public long sendCancel(
        final long requestId, final long origOrderId, final long venueOrderId, final int securityId, final Side side)
    {
        if (!isEstablished())
        {
            counters.increment(SessionCounter.NOT_ESTABLISHED);
            return NOT_SENT_NOT_ESTABLISHED;
        }
        final long nowNs = clock.nanoTime();
        final int length = orderEncoder.encodeCancel(
            sendBuffer, 0, nextOutSeqNo, nowNs, requestId, origOrderId, venueOrderId, securityId, side);
        return sendBusiness(length, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public long sendReplace(
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
        if (!isEstablished())
        {
            counters.increment(SessionCounter.NOT_ESTABLISHED);
            return NOT_SENT_NOT_ESTABLISHED;
        }
        final long nowNs = clock.nanoTime();
        final int length = orderEncoder.encodeReplace(
            sendBuffer, nextOutSeqNo, nowNs, requestId, origOrderId, venueOrderId, securityId, side, ordType,
            timeInForce, price, qty);
        return sendBusiness(length, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public long sendMassCancel(final long requestId, final int securityId)
    {
        if (!isEstablished())
        {
            counters.increment(SessionCounter.NOT_ESTABLISHED);
            return NOT_SENT_NOT_ESTABLISHED;
        }
        final long nowNs = clock.nanoTime();
        final int length = orderEncoder.encodeMassCancel(sendBuffer, 0, nextOutSeqNo, nowNs, requestId, securityId);
        return sendBusiness(length, nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        lastReceivedNs = rxTimestampNs;
        lapseSent = false;
        headerDecoder.wrap(buffer, offset);
        if (SCHEMA_ID != headerDecoder.schemaId())
        {
            counters.increment(SessionCounter.MALFORMED);
            return;
        }

        final int templateId = headerDecoder.templateId();
        if (VenueMessageDecoder.isBusinessMessage(templateId))
        {
            if (isEstablished())
            {
                onSequencedMessage(buffer, offset, length, rxTimestampNs, true);
            }
            return;
        }

        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            counters.increment(SessionCounter.MALFORMED);
            return;
        }
        switch (templateId)
        {
            case NegotiationResponse501Decoder.TEMPLATE_ID:
                onNegotiationResponse(rxTimestampNs);
                break;
            case NegotiationReject502Decoder.TEMPLATE_ID:
                negotiationReject.wrap(buffer, body, blockLength, version);
                counters.increment(SessionCounter.NEGOTIATION_REJECTS);
                reject(negotiationReject.errorCodes(), rxTimestampNs);
                break;
            case EstablishmentAck504Decoder.TEMPLATE_ID:
                establishmentAck.wrap(buffer, body, blockLength, version);
                onEstablishmentAck(rxTimestampNs);
                break;
            case EstablishmentReject505Decoder.TEMPLATE_ID:
                establishmentReject.wrap(buffer, body, blockLength, version);
                counters.increment(SessionCounter.ESTABLISHMENT_REJECTS);
                reject(establishmentReject.errorCodes(), rxTimestampNs);
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
                if (InitiatorState.RETRANSMITTING == state)
                {
                    nextInSeqNo = retransmitEndSeqNo;
                    setState(InitiatorState.ESTABLISHED, 0, rxTimestampNs);
                    drainLiveBuffer(rxTimestampNs);
                }
                break;
            case NotApplied513Decoder.TEMPLATE_ID:
                notApplied.wrap(buffer, body, blockLength, version);
                counters.increment(SessionCounter.NOT_APPLIED);
                listener.onNotApplied(notApplied.fromSeqNo(), (int)notApplied.msgCount(), rxTimestampNs);
                sendSequence(rxTimestampNs, false);
                break;
            default:
                counters.increment(SessionCounter.UNKNOWN_TEMPLATES);
                break;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        transport.close();
    }

    private boolean isEstablished()
    {
        return InitiatorState.ESTABLISHED == state || InitiatorState.RETRANSMITTING == state;
    }

    private long sendBusiness(final int length, final long nowNs)
    {
        final int result = transport.write(sendBuffer, 0, length);
        if (VenueTransport.OK == result)
        {
            counters.increment(SessionCounter.MESSAGES_SENT);
            lastSentNs = nowNs;
            return nextOutSeqNo++;
        }
        if (VenueTransport.BACK_PRESSURED == result)
        {
            counters.increment(SessionCounter.BACK_PRESSURED);
            return NOT_SENT_BACK_PRESSURED;
        }
        counters.increment(SessionCounter.NOT_ESTABLISHED);
        return NOT_SENT_NOT_ESTABLISHED;
    }

    private int startConnect(final long nowNs)
    {
        counters.increment(SessionCounter.CONNECT_ATTEMPTS);
        deadlineNs = nowNs + connectTimeoutNs;
        setState(InitiatorState.CONNECTING, 0, nowNs);
        if (!transport.connect(context.venueHost(), context.venuePort(), nowNs))
        {
            counters.increment(SessionCounter.CONNECT_FAILURES);
            disconnect(nowNs, 0);
        }
        return 1;
    }

    private int onConnected(final long nowNs)
    {
        lastReceivedNs = nowNs;
        lastSentNs = nowNs;
        if (negotiated)
        {
            sendEstablish(nowNs);
            state = InitiatorState.ESTABLISHING;
        }
        else
        {
            final String canonical =
                HmacSigner.negotiateCanonical(nowNs, uuid, context.sessionId(), context.firmId());
            final int length = sessionEncoder.encodeNegotiate(
                sendBuffer, 0, signer.sign(canonical), context.accessKeyId(), uuid, nowNs, context.sessionId(),
                context.firmId());
            transport.write(sendBuffer, 0, length);
            state = InitiatorState.NEGOTIATING;
        }
        return 1;
    }

    private void sendEstablish(final long nowNs)
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

    private void onNegotiationResponse(final long nowNs)
    {
        if (InitiatorState.NEGOTIATING != state)
        {
            return;
        }
        counters.increment(SessionCounter.NEGOTIATIONS);
        negotiated = true;
        nextOutSeqNo = 1;
        nextInSeqNo = 1;
        setState(InitiatorState.ESTABLISHING, 0, nowNs);
        sendEstablish(nowNs);
    }

    private void onEstablishmentAck(final long nowNs)
    {
        if (InitiatorState.ESTABLISHING != state || establishmentAck.uUID() != uuid)
        {
            counters.increment(SessionCounter.WRONG_UUID);
            return;
        }
        counters.increment(SessionCounter.ESTABLISHMENTS);
        final int keepAliveMs = establishmentAck.keepAliveInterval();
        if (keepAliveMs > 0)
        {
            keepAliveIntervalNs = TimeUnit.MILLISECONDS.toNanos(keepAliveMs);
        }
        setState(InitiatorState.ESTABLISHED, 0, nowNs);
        final long venueLastSeqNo = establishmentAck.previousSeqNo();
        if (venueLastSeqNo >= nextInSeqNo)
        {
            requestRetransmit(nowNs, venueLastSeqNo + 1);
        }
    }

    private void onSequence(final long nowNs)
    {
        counters.increment(SessionCounter.SEQUENCES_RECEIVED);
        if (!isEstablished())
        {
            return;
        }
        if (KeepAliveLapsed.Lapsed == sequence.keepAliveIntervalLapsed())
        {
            sendSequence(nowNs, false);
        }
        final long venueNextSeqNo = sequence.nextSeqNo();
        if (InitiatorState.ESTABLISHED == state && venueNextSeqNo > nextInSeqNo)
        {
            requestRetransmit(nowNs, venueNextSeqNo);
        }
    }

    private void onTerminate(final long nowNs)
    {
        counters.increment(SessionCounter.TERMINATES_RECEIVED);
        final int errorCodes = terminate.errorCodes();
        if (InitiatorState.TERMINATING != state)
        {
            sendTerminate(nowNs, 0, "terminate acknowledged");
        }
        disconnect(nowNs, errorCodes);
    }

    private void onSequencedMessage(
        final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs, final boolean live)
    {
        final long seqNo = buffer.getInt(offset + SEQ_NUM_OFFSET) & 0xFFFF_FFFFL;
        if (seqNo < nextInSeqNo)
        {
            counters.increment(SessionCounter.DUPLICATES);
            return;
        }

        if (InitiatorState.RETRANSMITTING == state)
        {
            if (seqNo == nextInSeqNo && seqNo < retransmitEndSeqNo)
            {
                deliver(buffer, offset, length, rxTimestampNs);
                if (nextInSeqNo == retransmitEndSeqNo)
                {
                    setState(InitiatorState.ESTABLISHED, 0, rxTimestampNs);
                    drainLiveBuffer(rxTimestampNs);
                }
            }
            else if (seqNo >= retransmitEndSeqNo && live)
            {
                bufferLive(buffer, offset, length);
            }
            return;
        }

        if (seqNo == nextInSeqNo)
        {
            deliver(buffer, offset, length, rxTimestampNs);
        }
        else
        {
            requestRetransmit(rxTimestampNs, seqNo);
            if (live)
            {
                bufferLive(buffer, offset, length);
            }
        }
    }

    private void deliver(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        nextInSeqNo++;
        counters.increment(SessionCounter.MESSAGES_RECEIVED);
        headerDecoder.wrap(buffer, offset);
        final int result = venueDecoder.decode(buffer, offset, length, headerDecoder, rxTimestampNs, listener);
        if (VenueMessageDecoder.MALFORMED == result)
        {
            counters.increment(SessionCounter.MALFORMED);
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
        while (liveBuffer.count() > 0 && InitiatorState.ESTABLISHED == state)
        {
            final DirectBuffer buffer = liveBuffer.buffer();
            final int offset = liveBuffer.firstOffset();
            final long seqNo = buffer.getInt(offset + SEQ_NUM_OFFSET) & 0xFFFF_FFFFL;
            if (seqNo > nextInSeqNo)
            {
                requestRetransmit(nowNs, seqNo);
                return;
            }
            if (seqNo == nextInSeqNo)
            {
                deliver(buffer, offset, liveBuffer.firstLength(), nowNs);
            }
            else
            {
                counters.increment(SessionCounter.DUPLICATES);
            }
            liveBuffer.removeFirst();
        }
    }

    private void requestRetransmit(final long nowNs, final long endSeqNo)
    {
        counters.increment(SessionCounter.GAPS);
        final int count = (int)Math.min(endSeqNo - nextInSeqNo, MAX_RETRANSMIT_COUNT);
        retransmitEndSeqNo = nextInSeqNo + count;
        final int length =
            sessionEncoder.encodeRetransmitRequest(sendBuffer, 0, uuid, nowNs, nextInSeqNo, count);
        if (VenueTransport.OK == transport.write(sendBuffer, 0, length))
        {
            counters.increment(SessionCounter.RETRANSMIT_REQUESTS);
            lastSentNs = nowNs;
        }
        deadlineNs = nowNs + 2 * keepAliveIntervalNs;
        setState(InitiatorState.RETRANSMITTING, 0, nowNs);
    }

    private int checkTimers(final long nowNs)
    {
        switch (state)
        {
            case CONNECTING:
            case NEGOTIATING:
            case ESTABLISHING:
                if (deadlineNs - nowNs <= 0)
                {
                    counters.increment(SessionCounter.CONNECT_FAILURES);
                    disconnect(nowNs, 0);
                    return 1;
                }
                return 0;

            case TERMINATING:
                if (deadlineNs - nowNs <= 0)
                {
                    disconnect(nowNs, 0);
                    return 1;
                }
                return 0;

            case RETRANSMITTING:
                if (deadlineNs - nowNs <= 0)
                {
                    requestRetransmit(nowNs, retransmitEndSeqNo);
                }
                return checkKeepalive(nowNs);

            default:
                return checkKeepalive(nowNs);
        }
    }

    private int checkKeepalive(final long nowNs)
    {
        int workCount = 0;
        if (nowNs - lastReceivedNs >= keepAliveIntervalNs)
        {
            if (!lapseSent)
            {
                counters.increment(SessionCounter.KEEPALIVE_LAPSES);
                lapseSent = true;
                sendSequence(nowNs, true);
                return 1;
            }
            if (nowNs - lastReceivedNs >= 2 * keepAliveIntervalNs)
            {
                counters.increment(SessionCounter.KEEPALIVE_TERMINATES);
                sendTerminate(nowNs, 0, "keepalive interval lapsed");
                disconnect(nowNs, 0);
                return 1;
            }
        }
        if (nowNs - lastSentNs >= keepAliveIntervalNs)
        {
            sendSequence(nowNs, false);
            workCount++;
        }
        return workCount;
    }

    private void sendSequence(final long nowNs, final boolean lapsed)
    {
        final int length = sessionEncoder.encodeSequence(sendBuffer, 0, uuid, nextOutSeqNo, lapsed);
        if (VenueTransport.OK == transport.write(sendBuffer, 0, length))
        {
            counters.increment(SessionCounter.SEQUENCES_SENT);
            lastSentNs = nowNs;
        }
    }

    private void sendTerminate(final long nowNs, final int errorCodes, final String reason)
    {
        final int length = sessionEncoder.encodeTerminate(sendBuffer, 0, uuid, nowNs, errorCodes, reason);
        if (VenueTransport.OK == transport.write(sendBuffer, 0, length))
        {
            counters.increment(SessionCounter.TERMINATES_SENT);
            lastSentNs = nowNs;
        }
    }

    private void reject(final int errorCodes, final long nowNs)
    {
        transport.close();
        liveBuffer.clear();
        setState(InitiatorState.REJECTED, errorCodes, nowNs);
    }

    private void disconnect(final long nowNs, final int errorCodes)
    {
        transport.close();
        liveBuffer.clear();
        reconnectAtNs = nowNs + reconnectBackoffNs;
        if (InitiatorState.DISCONNECTED != state)
        {
            setState(InitiatorState.DISCONNECTED, errorCodes, nowNs);
        }
    }

    private void setState(final InitiatorState newState, final int reasonCode, final long nowNs)
    {
        final SessionState before = state.sessionState();
        state = newState;
        if (before != newState.sessionState())
        {
            listener.onSessionState(newState.sessionState(), reasonCode, nowNs);
        }
    }
}
