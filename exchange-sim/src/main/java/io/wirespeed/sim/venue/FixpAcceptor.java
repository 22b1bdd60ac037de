package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import io.wirespeed.codecs.ilink3.RetransmitRequest508Decoder;
import io.wirespeed.codecs.ilink3.Sequence506Decoder;
import io.wirespeed.codecs.ilink3.Terminate507Decoder;
import io.wirespeed.gateway.session.AsciiFields;
import io.wirespeed.gateway.session.FixpErrorCodes;
import io.wirespeed.gateway.session.HmacSigner;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The venue's iLink 3-style FIXP acceptor: a non-blocking TCP listener serving many client sessions, checking
 * Negotiate and Establish signatures against configured credentials, sequencing both ways, answering retransmit
 * requests and handing in-sequence business messages to the {@link VenueApplication}.
 * <p>
 * A client that reconnects before the venue has seen its old connection die finds its UUID still established there;
 * a Negotiate or Establish for it that verifies (HMAC) closes the old connection, as if it had just been lost, and
 * goes on on the new one, so the reconnection race never locks the client out.
 */
public final class FixpAcceptor implements Agent
{
    /**
     * ErrorCodes (iLink 3 HMACNotAuthenticated): the HMAC signature did not verify.
     */
    public static final int ERROR_HMAC = FixpErrorCodes.HMAC_NOT_AUTHENTICATED;

    /**
     * ErrorCodes (iLink 3 HMACNotAuthenticated, identity not recognized): the access key id is unknown.
     */
    public static final int ERROR_UNKNOWN_KEY = FixpErrorCodes.HMAC_NOT_AUTHENTICATED;

    /**
     * ErrorCodes (iLink 3 AlreadyEstablished): Establish on a connection that is already established. A UUID
     * established on another connection is not refused: a verified Negotiate or Establish moves it to the new one.
     */
    public static final int ERROR_IN_USE = FixpErrorCodes.ALREADY_ESTABLISHED;

    /**
     * ErrorCodes (iLink 3 Unnegotiated): Establish for a UUID never negotiated.
     */
    public static final int ERROR_UNNEGOTIATED = FixpErrorCodes.UNNEGOTIATED;

    private static final int KEPT_MESSAGES = 4096;
    private static final long ACCEPT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int ACCEPT_INTERVAL_CYCLES = 4096;

    private final ServerSocketChannel serverChannel;
    private final Map<String, HmacSigner> signers = new HashMap<>();
    private final VenueApplication application;
    private final EpochNanoClock clock;
    private final AcceptorCounters counters;
    private final AcceptorFaults faults = new AcceptorFaults();
    private final AcceptorConnection[] connections;
    private final Long2ObjectHashMap<AcceptorSession> sessions = new Long2ObjectHashMap<>();
    private final AcceptorMessageEncoder encoder = new AcceptorMessageEncoder();
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final Negotiate500Decoder negotiate = new Negotiate500Decoder();
    private final Establish503Decoder establish = new Establish503Decoder();
    private final Sequence506Decoder sequence = new Sequence506Decoder();
    private final Terminate507Decoder terminate = new Terminate507Decoder();
    private final RetransmitRequest508Decoder retransmitRequest = new RetransmitRequest508Decoder();
    private final byte[] signature = new byte[HmacSigner.SIGNATURE_LENGTH];
    private final long handshakeTimeoutNs;
    private long lastAcceptNs;
    private int cyclesSinceAccept;

    /**
     * Listen on an address.
     *
     * @param bindHost       address to listen on, e.g. 127.0.0.1.
     * @param port           port, 0 for an ephemeral one (see {@link #port()}).
     * @param credentials    access key id to secret (base64url).
     * @param maxConnections connections served at once.
     * @param application    the venue's business layer.
     * @param clock          epoch nanoseconds.
     * @param counters       the acceptor's counters.
     */
    public FixpAcceptor(
        final String bindHost,
        final int port,
        final Map<String, String> credentials,
        final int maxConnections,
        final VenueApplication application,
        final EpochNanoClock clock,
        final AcceptorCounters counters)
    {
        for (final Map.Entry<String, String> entry : credentials.entrySet())
        {
            signers.put(entry.getKey(), new HmacSigner(entry.getValue()));
        }
        this.application = application;
        this.clock = clock;
        this.counters = counters;
        this.handshakeTimeoutNs = TimeUnit.SECONDS.toNanos(10);
        connections = new AcceptorConnection[maxConnections];
        for (int i = 0; i < maxConnections; i++)
        {
            connections[i] = new AcceptorConnection(this);
        }
        try
        {
            serverChannel = ServerSocketChannel.open();
            serverChannel.configureBlocking(false);
            serverChannel.bind(new InetSocketAddress(bindHost, port));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot listen on " + bindHost + ":" + port, ex);
        }
    }

    /**
     * The port listened on.
     *
     * @return the bound port.
     */
    public int port()
    {
        try
        {
            return ((InetSocketAddress)serverChannel.getLocalAddress()).getPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The fault knobs, used on this agent's thread.
     *
     * @return the faults.
     */
    public AcceptorFaults faults()
    {
        return faults;
    }

    /**
     * The counters.
     *
     * @return the counters.
     */
    public AcceptorCounters counters()
    {
        return counters;
    }

    /**
     * Whether a session is established on a connection now.
     *
     * @param uuid the session's UUID.
     * @return true when established.
     */
    public boolean isEstablished(final long uuid)
    {
        final AcceptorSession session = sessions.get(uuid);
        return null != session && session.isEstablished();
    }

    /**
     * The session of a UUID, to write to it as the application does.
     *
     * @param uuid the session's UUID.
     * @return the session, or null if never negotiated.
     */
    public VenueOutbound session(final long uuid)
    {
        return sessions.get(uuid);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "venue-acceptor";
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
        int workCount = accept(nowNs);
        final boolean dropAll = faults.dropNow;
        faults.dropNow = false;

        for (final AcceptorConnection connection : connections)
        {
            if (!connection.inUse)
            {
                continue;
            }
            if (dropAll && null != connection.session)
            {
                counters.increment(AcceptorCounter.FAULT_DROPS);
                closeConnection(connection);
                continue;
            }
            workCount += connection.transport.poll(connection, nowNs);
            if (connection.inUse && !connection.transport.isConnected())
            {
                closeConnection(connection);
                continue;
            }
            if (!connection.inUse)
            {
                continue;
            }
            if (null == connection.session)
            {
                if (nowNs - connection.acceptedAtNs > handshakeTimeoutNs)
                {
                    closeConnection(connection);
                }
                continue;
            }
            final int sessionWork = connection.session.doWork(nowNs);
            if (sessionWork < 0)
            {
                closeConnection(connection);
            }
            else
            {
                workCount += sessionWork;
            }
        }

        return workCount + application.doWork(nowNs);
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        for (final AcceptorConnection connection : connections)
        {
            if (connection.inUse)
            {
                closeConnection(connection);
            }
        }
        CloseHelper.quietClose(serverChannel);
    }

    void onFrame(
        final AcceptorConnection connection,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId() ||
            length < MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            counters.increment(AcceptorCounter.PROTOCOL_ERRORS);
            closeConnection(connection);
            return;
        }

        final AcceptorSession session = connection.session;
        if (null != session)
        {
            session.onReceived(nowNs);
        }
        switch (templateId)
        {
            case Negotiate500Decoder.TEMPLATE_ID:
                negotiate.wrap(buffer, body, blockLength, header.version());
                onNegotiate(connection);
                break;
            case Establish503Decoder.TEMPLATE_ID:
                establish.wrap(buffer, body, blockLength, header.version());
                onEstablish(connection, nowNs);
                break;
            case Sequence506Decoder.TEMPLATE_ID:
                if (null != session)
                {
                    sequence.wrap(buffer, body, blockLength, header.version());
                    session.onClientNextSeqNo(sequence.nextSeqNo());
                    if (KeepAliveLapsed.Lapsed == sequence.keepAliveIntervalLapsed())
                    {
                        session.sendSequence(false);
                    }
                }
                break;
            case Terminate507Decoder.TEMPLATE_ID:
                counters.increment(AcceptorCounter.TERMINATES_RECEIVED);
                if (null != session)
                {
                    terminate.wrap(buffer, body, blockLength, header.version());
                    session.sendTerminate(0, "terminate acknowledged");
                }
                closeConnection(connection);
                break;
            case RetransmitRequest508Decoder.TEMPLATE_ID:
                if (null != session)
                {
                    retransmitRequest.wrap(buffer, body, blockLength, header.version());
                    session.onRetransmitRequest(
                        retransmitRequest.lastUUID(),
                        retransmitRequest.requestTimestamp(),
                        retransmitRequest.fromSeqNo(),
                        retransmitRequest.msgCount());
                }
                break;
            default:
                onBusiness(connection, templateId, buffer, offset, length);
                break;
        }
    }

    private void onBusiness(
        final AcceptorConnection connection,
        final int templateId,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final AcceptorSession session = connection.session;
        if (null == session || templateId < 514)
        {
            counters.increment(AcceptorCounter.PROTOCOL_ERRORS);
            return;
        }
        if (!session.acceptBusiness(buffer, offset))
        {
            return;
        }
        application.onBusinessMessage(templateId, buffer, offset, length, session.nextInSeqNo() - 1, session);
        if (faults.dropAfterInbound > 0 && 0 == --faults.dropAfterInbound)
        {
            counters.increment(AcceptorCounter.FAULT_DROPS);
            closeConnection(connection);
        }
    }

    private void onNegotiate(final AcceptorConnection connection)
    {
        final long uuid = negotiate.uUID();
        final long requestTimestamp = negotiate.requestTimestamp();
        final HmacSigner signer = signers.get(negotiate.accessKeyID().strip());
        final String sessionId = AsciiFields.getText(
            negotiate.buffer(), negotiate.offset() + Negotiate500Decoder.sessionEncodingOffset(), 3);
        final String firmId = AsciiFields.getText(
            negotiate.buffer(), negotiate.offset() + Negotiate500Decoder.firmEncodingOffset(), 5);
        negotiate.getHMACSignature(signature, 0);

        final AcceptorSession existing = sessions.get(uuid);
        if (null != connection.session)
        {
            rejectNegotiation(connection, uuid, requestTimestamp, ERROR_IN_USE, "connection already established");
        }
        else if (null == signer)
        {
            rejectNegotiation(connection, uuid, requestTimestamp, ERROR_UNKNOWN_KEY, "unknown access key id");
        }
        else if (!signer.verify(HmacSigner.negotiateCanonical(requestTimestamp, uuid, sessionId, firmId), signature))
        {
            rejectNegotiation(connection, uuid, requestTimestamp, ERROR_HMAC, "HMAC signature does not verify");
        }
        else
        {
            if (null != existing)
            {
                takeOver(existing);
            }
            counters.increment(AcceptorCounter.NEGOTIATIONS);
            sessions.put(uuid, new AcceptorSession(uuid, faults, counters, encoder, KEPT_MESSAGES));
            connection.negotiatedUuid = uuid;
            connection.transport.write(sendBuffer, 0, encoder.negotiationResponse(sendBuffer, uuid, requestTimestamp));
        }
    }

    private void rejectNegotiation(
        final AcceptorConnection connection,
        final long uuid,
        final long requestTimestamp,
        final int errorCodes,
        final String reason)
    {
        counters.increment(AcceptorCounter.NEGOTIATION_REJECTS);
        connection.transport.write(
            sendBuffer, 0, encoder.negotiationReject(sendBuffer, uuid, requestTimestamp, errorCodes, reason));
    }

    private void onEstablish(final AcceptorConnection connection, final long nowNs)
    {
        final long uuid = establish.uUID();
        final long requestTimestamp = establish.requestTimestamp();
        final long clientNextSeqNo = establish.nextSeqNo();
        final int keepAliveMs = establish.keepAliveInterval();
        final HmacSigner signer = signers.get(establish.accessKeyID().strip());
        final DirectBuffer buffer = establish.buffer();
        final int base = establish.offset();
        final String canonical = HmacSigner.establishCanonical(
            requestTimestamp,
            uuid,
            AsciiFields.getText(buffer, base + Establish503Decoder.sessionEncodingOffset(), 3),
            AsciiFields.getText(buffer, base + Establish503Decoder.firmEncodingOffset(), 5),
            AsciiFields.getText(buffer, base + Establish503Decoder.tradingSystemNameEncodingOffset(), 30),
            AsciiFields.getText(buffer, base + Establish503Decoder.tradingSystemVersionEncodingOffset(), 10),
            AsciiFields.getText(buffer, base + Establish503Decoder.tradingSystemVendorEncodingOffset(), 10),
            clientNextSeqNo,
            keepAliveMs);
        establish.getHMACSignature(signature, 0);

        final AcceptorSession session = sessions.get(uuid);
        final long nextSeqNo = null == session ? 0 : session.nextInSeqNo();
        if (null != connection.session)
        {
            rejectEstablish(connection, uuid, requestTimestamp, nextSeqNo, ERROR_IN_USE, "already established");
        }
        else if (null == signer)
        {
            rejectEstablish(connection, uuid, requestTimestamp, nextSeqNo, ERROR_UNKNOWN_KEY, "unknown access key");
        }
        else if (!signer.verify(canonical, signature))
        {
            rejectEstablish(connection, uuid, requestTimestamp, nextSeqNo, ERROR_HMAC, "HMAC does not verify");
        }
        else if (null == session)
        {
            rejectEstablish(connection, uuid, requestTimestamp, 0, ERROR_UNNEGOTIATED, "UUID not negotiated");
        }
        else
        {
            takeOver(session);
            counters.increment(AcceptorCounter.ESTABLISHMENTS);
            connection.session = session;
            session.bind(connection.transport, TimeUnit.MILLISECONDS.toNanos(Math.max(keepAliveMs, 1)), nowNs);
            // EstablishmentAck.NextSeqNo is the venue's next business message to the client; PreviousUUID and
            // PreviousSeqNo name the last one the venue sent, here on this same UUID.
            connection.transport.write(sendBuffer, 0, encoder.establishmentAck(
                sendBuffer, uuid, requestTimestamp, session.nextSeqNum(), session.lastOutSeqNo(), keepAliveMs));
            session.onClientNextSeqNo(clientNextSeqNo);
        }
    }

    /**
     * A verified client claims a session still established on another connection: close that one first.
     */
    private void takeOver(final AcceptorSession session)
    {
        if (!session.isEstablished())
        {
            return;
        }
        for (final AcceptorConnection other : connections)
        {
            if (other.inUse && session == other.session)
            {
                counters.increment(AcceptorCounter.TAKEOVERS);
                closeConnection(other);
                return;
            }
        }
    }

    private void rejectEstablish(
        final AcceptorConnection connection,
        final long uuid,
        final long requestTimestamp,
        final long nextSeqNo,
        final int errorCodes,
        final String reason)
    {
        counters.increment(AcceptorCounter.ESTABLISHMENT_REJECTS);
        connection.transport.write(sendBuffer, 0,
            encoder.establishmentReject(sendBuffer, uuid, requestTimestamp, nextSeqNo, errorCodes, reason));
    }

    private int accept(final long nowNs)
    {
        // ServerSocketChannel.accept() allocates on every call, so look for connections once a millisecond (or
        // every 4096 cycles when the clock stands still) rather than every cycle.
        if (nowNs - lastAcceptNs < ACCEPT_INTERVAL_NS && ++cyclesSinceAccept < ACCEPT_INTERVAL_CYCLES)
        {
            return 0;
        }
        lastAcceptNs = nowNs;
        cyclesSinceAccept = 0;
        int workCount = 0;
        for (int i = 0; i < 4; i++)
        {
            final SocketChannel channel;
            try
            {
                channel = serverChannel.accept();
            }
            catch (final IOException ex)
            {
                return workCount;
            }
            if (null == channel)
            {
                return workCount;
            }
            workCount++;
            final AcceptorConnection connection = freeConnection();
            if (null == connection)
            {
                counters.increment(AcceptorCounter.CONNECTIONS_REFUSED);
                CloseHelper.quietClose(channel);
                continue;
            }
            if (connection.transport.adopt(channel))
            {
                counters.increment(AcceptorCounter.CONNECTIONS_ACCEPTED);
                connection.inUse = true;
                connection.session = null;
                connection.negotiatedUuid = 0;
                connection.acceptedAtNs = nowNs;
            }
        }
        return workCount;
    }

    private AcceptorConnection freeConnection()
    {
        for (final AcceptorConnection connection : connections)
        {
            if (!connection.inUse)
            {
                return connection;
            }
        }
        return null;
    }

    private void closeConnection(final AcceptorConnection connection)
    {
        counters.increment(AcceptorCounter.DISCONNECTS);
        connection.transport.close();
        connection.inUse = false;
        final AcceptorSession session = connection.session;
        connection.session = null;
        if (null != session)
        {
            session.unbind();
            application.onSessionDisconnected(session.uuid(), session);
        }
    }
}
