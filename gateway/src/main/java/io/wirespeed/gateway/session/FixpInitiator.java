package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.gateway.transport.FrameHandler;
import io.wirespeed.gateway.transport.VenueTransport;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.gateway.venue.VenueSession;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * The gateway's iLink 3-style FIXP session, initiator side: Negotiate, Establish, Sequence keepalives, inbound gap
 * recovery by RetransmitRequest, NotApplied, Terminate and reconnection continuing the same UUID and sequence numbers.
 * <p>
 * A reject is final only when trying again cannot help (see {@link FixpErrorCodes}): a transient one (the UUID still
 * established on a connection the venue has not yet seen die, for example) is retried after the reconnect backoff,
 * and an Establish refused as unnegotiated negotiates the same UUID again.
 * <p>
 * Restarting with a new UUID: build the initiator with {@link #newUuid(long)} and a {@link PreviousSession} naming
 * the UUID it follows and the last venue sequence number processed under it ({@link #asPreviousSession()} of the
 * session it replaces, or what the journal recorded). When the venue's NegotiationResponse or
 * EstablishmentAck names that UUID with a PreviousSeqNo beyond it, the missing messages are recovered with
 * RetransmitRequest (LastUUID) and delivered once, before the new UUID's. A previous UUID the gateway does not know,
 * a refused retransmission, a NextSeqNo below the next expected (the session terminates and stays down) and a refused
 * frame each raise an alarm: a counter, the error handler and {@link VenueListener#onSessionAlarm}.
 * <p>
 * Resuming after a restart ({@link #resume}): the UUID the journal recorded is established again (Establish, not
 * Negotiate) with NextSeqNo the restored next sent, above every SeqNum the venue may have seen, and the next venue
 * SeqNum expected is one above the last the restored state processed: whatever the venue sent beyond is recovered with
 * RetransmitRequest and applied once. Should the venue no longer know the UUID (EstablishmentReject unnegotiated), the
 * same UUID is negotiated again as for any such reject, and both sequences start again at 1, as a Negotiate means.
 */
public final class FixpInitiator implements VenueSession, Agent, FrameHandler
{
    /**
     * Largest MsgCount of one RetransmitRequest, as iLink 3 allows.
     */
    public static final int MAX_RETRANSMIT_COUNT = 2500;

    private static final int SCHEMA_ID = MessageHeaderDecoder.SCHEMA_ID;

    private final GatewayContext context;
    private final VenueTransport transport;
    private final VenueListener listener;
    private final EpochNanoClock clock;
    private final SessionCounters counters;
    private final long uuid;
    private final long reconnectBackoffNs;
    private final long connectTimeoutNs;
    private final KeepaliveTimer keepalive;
    private final SessionSender sender;
    private final InboundSequencer sequencer;
    private final SessionMessageHandler sessionHandler;
    private final ErrorHandler errorHandler;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private long framingErrorsSeen;

    private InitiatorState state = InitiatorState.DISCONNECTED;
    private boolean stopped;
    private long reconnectAtNs;
    private long deadlineNs;

    /**
     * A session that connects on its first duty cycle, with no previous session known, reporting alarms on standard
     * error.
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
        this(context, secret, uuid, PreviousSession.NONE, transport, listener, clock, counters,
            FixpInitiator::printAlarm);
    }

    /**
     * A session that connects on its first duty cycle and follows a previous one.
     *
     * @param context      venue address, identity and timers.
     * @param secret       the resolved secret key (base64url), from {@link GatewayContext#secretRef()}.
     * @param uuid         the session UUID to negotiate, e.g. {@link #newUuid(long)}.
     * @param previous     the session this UUID follows, or {@link PreviousSession#NONE}.
     * @param transport    the connection to the venue.
     * @param listener     gets what the venue reports.
     * @param clock        epoch nanoseconds.
     * @param counters     the session's counters.
     * @param errorHandler gets a {@link VenueSessionAlarm} for every alarm raised.
     */
    public FixpInitiator(
        final GatewayContext context,
        final String secret,
        final long uuid,
        final PreviousSession previous,
        final VenueTransport transport,
        final VenueListener listener,
        final EpochNanoClock clock,
        final SessionCounters counters,
        final ErrorHandler errorHandler)
    {
        this.context = context;
        this.uuid = uuid;
        this.transport = transport;
        this.listener = listener;
        this.clock = clock;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.reconnectBackoffNs = TimeUnit.MILLISECONDS.toNanos(context.reconnectBackoffMs());
        this.connectTimeoutNs = TimeUnit.MILLISECONDS.toNanos(context.connectTimeoutMs());
        this.keepalive = new KeepaliveTimer(TimeUnit.MILLISECONDS.toNanos(context.keepaliveIntervalMs()));
        this.sender = new SessionSender(context, secret, uuid, transport, counters, keepalive);
        this.sequencer = new InboundSequencer(this, uuid, previous, sender, keepalive, counters, listener);
        this.sessionHandler = new SessionMessageHandler(this, uuid, sender, sequencer, keepalive, counters, listener);
    }

    /**
     * A session that resumes what the journal restored, or negotiates a new UUID when there is none.
     *
     * @param context      venue address, identity and timers.
     * @param secret       the resolved secret key (base64url), from {@link GatewayContext#secretRef()}.
     * @param resume       the restored UUID and sequence numbers, or {@link SessionResume#NONE}.
     * @param transport    the connection to the venue.
     * @param listener     gets what the venue reports.
     * @param clock        epoch nanoseconds, for a new UUID.
     * @param counters     the session's counters.
     * @param errorHandler gets a {@link VenueSessionAlarm} for every alarm raised.
     * @return the session, not yet connected.
     */
    public static FixpInitiator resume(
        final GatewayContext context,
        final String secret,
        final SessionResume resume,
        final VenueTransport transport,
        final VenueListener listener,
        final EpochNanoClock clock,
        final SessionCounters counters,
        final ErrorHandler errorHandler)
    {
        if (!resume.isResumed())
        {
            return new FixpInitiator(context, secret, newUuid(clock.nanoTime()), resume.previous(), transport,
                listener, clock, counters, errorHandler);
        }
        final FixpInitiator session = new FixpInitiator(context, secret, resume.uuid(), resume.previous(),
            transport, listener, clock, counters, errorHandler);
        session.sender.restoreSequence(resume.nextSentSeqNum());
        session.sequencer.restoreSequence(resume.lastProcessedSeqNum());
        session.sessionHandler.restoreNegotiated();
        return session;
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
            checkFramingErrors(nowNs);
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
     * {@inheritDoc}
     */
    public long previousUuid()
    {
        return sequencer.previousUuid();
    }

    /**
     * {@inheritDoc}
     */
    public long nextSentSeqNum()
    {
        return nextOutSeqNo();
    }

    /**
     * {@inheritDoc}
     */
    public long nextReceivedSeqNum()
    {
        return nextInSeqNo();
    }

    /**
     * The sequence number the next business message will carry.
     *
     * @return the next outbound sequence number.
     */
    public long nextOutSeqNo()
    {
        return sender.nextOutSeqNo();
    }

    /**
     * The sequence number expected next from the venue.
     *
     * @return the next inbound sequence number.
     */
    public long nextInSeqNo()
    {
        return sequencer.nextInSeqNo();
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
            sender.sendTerminate(nowNs, 0, "client logout");
            setState(InitiatorState.TERMINATING, 0, nowNs);
            deadlineNs = nowNs + keepalive.intervalNs();
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
        return !isEstablished() ? notEstablished() :
            sender.sendNewOrder(clock.nanoTime(), orderId, securityId, side, ordType, timeInForce, price, qty);
    }

    /**
     * {@inheritDoc}
     */
    public long sendCancel(
        final long requestId, final long origOrderId, final long venueOrderId, final int securityId, final Side side)
    {
        return !isEstablished() ? notEstablished() :
            sender.sendCancel(clock.nanoTime(), requestId, origOrderId, venueOrderId, securityId, side);
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
        return !isEstablished() ? notEstablished() :
            sender.sendReplace(clock.nanoTime(), requestId, origOrderId, venueOrderId, securityId, side, ordType,
                timeInForce, price, qty);
    }

    /**
     * {@inheritDoc}
     */
    public long sendMassCancel(final long requestId, final int securityId)
    {
        return !isEstablished() ? notEstablished() :
            sender.sendMassCancel(clock.nanoTime(), requestId, securityId);
    }

    /**
     * {@inheritDoc}
     */
    public long sendOrderStatus(final long requestId, final long venueOrderId)
    {
        return !isEstablished() ? notEstablished() : sender.sendOrderStatus(clock.nanoTime(), requestId, venueOrderId);
    }

    /**
     * {@inheritDoc}
     */
    public long sendMassStatus(final long requestId, final int securityId)
    {
        return !isEstablished() ? notEstablished() : sender.sendMassStatus(clock.nanoTime(), requestId, securityId);
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        keepalive.onReceived(rxTimestampNs);
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            counters.increment(SessionCounter.MALFORMED);
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (SCHEMA_ID != headerDecoder.schemaId())
        {
            counters.increment(SessionCounter.MALFORMED);
            return;
        }

        final int templateId = headerDecoder.templateId();
        if (!VenueMessageDecoder.isSessionMessage(templateId))
        {
            if (isEstablished())
            {
                sequencer.onMessage(buffer, offset, length, rxTimestampNs);
            }
            else
            {
                counters.increment(SessionCounter.BUSINESS_NOT_ESTABLISHED);
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
        sessionHandler.onMessage(templateId, buffer, body, blockLength, version, rxTimestampNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        transport.close();
    }

    /**
     * This session as the previous one of a session that follows it under a new UUID: its UUID and the last venue
     * sequence number delivered (messages held for a gap are not delivered, so they are recovered by the next one).
     *
     * @return the previous session to give the next initiator.
     */
    public PreviousSession asPreviousSession()
    {
        return PreviousSession.of(uuid, sequencer.nextInSeqNo() - 1);
    }

    /**
     * The next sequence number expected of the previous session's UUID; its recovery is complete when it reaches
     * the end the venue reported.
     *
     * @return the next sequence number of the previous UUID.
     */
    public long previousUuidNextSeqNo()
    {
        return sequencer.previousNextSeqNo();
    }

    InitiatorState initiatorState()
    {
        return state;
    }

    /**
     * Raise an alarm: counted, handed to the error handler and reported to the listener.
     */
    void alarm(final SessionAlarm alarm, final long value, final long nowNs, final String text)
    {
        counters.increment(SessionCounter.ALARMS);
        errorHandler.onError(new VenueSessionAlarm(alarm, "venue session " + uuid + ": " + text));
        listener.onSessionAlarm(alarm, value, nowNs);
    }

    /**
     * The venue's NextSeqNo is below the next expected: messages already received would be sent again under the same
     * numbers, so nothing it sends can be trusted. Terminate, raise the alarm and stay down, as CME and Artio do.
     */
    void terminateOnLowSeqNo(final long nowNs, final String messageName, final long venueNextSeqNo)
    {
        final long expected = sequencer.nextInSeqNo();
        counters.increment(SessionCounter.SEQ_NO_TOO_LOW_TERMINATES);
        sender.sendTerminate(nowNs, 0, "NextSeqNo " + venueNextSeqNo + " below expected " + expected);
        stopped = true;
        reject(0, nowNs);
        alarm(SessionAlarm.NEXT_SEQ_NO_TOO_LOW, venueNextSeqNo, nowNs,
            messageName + " NextSeqNo " + venueNextSeqNo + " is below the next expected " + expected +
            ": session terminated and stopped");
    }

    private void checkFramingErrors(final long nowNs)
    {
        final long framingErrors = transport.framingErrors();
        if (framingErrors != framingErrorsSeen)
        {
            framingErrorsSeen = framingErrors;
            counters.increment(SessionCounter.FRAMING_ERRORS);
            alarm(SessionAlarm.FRAMING_ERROR, 0, nowNs, "connection dropped: " + transport.disconnectDetail());
        }
    }

    private static void printAlarm(final Throwable alarm)
    {
        System.err.println(alarm.getMessage());
    }

    void reject(final int errorCodes, final long nowNs)
    {
        transport.close();
        sequencer.clear();
        setState(InitiatorState.REJECTED, errorCodes, nowNs);
    }

    private long notEstablished()
    {
        counters.increment(SessionCounter.NOT_ESTABLISHED);
        return NOT_SENT_NOT_ESTABLISHED;
    }

    private boolean isEstablished()
    {
        return InitiatorState.ESTABLISHED == state || InitiatorState.RETRANSMITTING == state;
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
        keepalive.reset(nowNs);
        if (sessionHandler.isNegotiated())
        {
            sender.sendEstablish(nowNs);
            state = InitiatorState.ESTABLISHING;
        }
        else
        {
            sender.sendNegotiate(nowNs);
            state = InitiatorState.NEGOTIATING;
        }
        return 1;
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
                sequencer.checkRetransmitTimeout(nowNs);
                return checkKeepalive(nowNs);

            default:
                return checkKeepalive(nowNs);
        }
    }

    private int checkKeepalive(final long nowNs)
    {
        switch (keepalive.poll(nowNs))
        {
            case KeepaliveTimer.LAPSED:
                counters.increment(SessionCounter.KEEPALIVE_LAPSES);
                sender.sendSequence(nowNs, true);
                return 1;

            case KeepaliveTimer.EXPIRED:
                counters.increment(SessionCounter.KEEPALIVE_TERMINATES);
                sender.sendTerminate(nowNs, 0, "keepalive interval lapsed");
                disconnect(nowNs, 0);
                return 1;

            case KeepaliveTimer.HEARTBEAT:
                sender.sendSequence(nowNs, false);
                return 1;

            default:
                return 0;
        }
    }

    void disconnect(final long nowNs, final int errorCodes)
    {
        transport.close();
        sequencer.clear();
        reconnectAtNs = nowNs + reconnectBackoffNs;
        if (InitiatorState.DISCONNECTED != state)
        {
            setState(InitiatorState.DISCONNECTED, errorCodes, nowNs);
        }
    }

    void setState(final InitiatorState newState, final int reasonCode, final long nowNs)
    {
        final SessionState before = state.sessionState();
        state = newState;
        if (before != newState.sessionState())
        {
            listener.onSessionState(newState.sessionState(), reasonCode, nowNs);
        }
    }
}
