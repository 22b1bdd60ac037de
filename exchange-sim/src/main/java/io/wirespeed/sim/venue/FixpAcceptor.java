package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.KeepAliveLapsed;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import io.wirespeed.codecs.ilink3.RetransmitRequest508Decoder;
import io.wirespeed.codecs.ilink3.Sequence506Decoder;
import io.wirespeed.codecs.ilink3.Terminate507Decoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The venue's iLink 3 FIXP acceptor: a non-blocking TCP listener serving many clients, written from CME's iLink 3
 * documentation (it shares no code with the gateway it is tested against). It checks Negotiate and Establish
 * signatures, sequences both ways, answers keepalives and retransmit requests (also for a client's earlier UUIDs),
 * terminates a session whose client breaks the sequence rules as CME does, and hands in-sequence business messages to
 * the {@link VenueApplication}.
 * <p>
 * A client is a Session ID and Firm ID; its orders outlive the UUIDs it negotiates, and what the application writes
 * to it goes out on its current UUID.
 */
public final class FixpAcceptor implements Agent
{
    private static final int KEPT_MESSAGES = 4096;
    private static final long ACCEPT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int ACCEPT_INTERVAL_CYCLES = 4096;
    private static final long HANDSHAKE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long LINGER_NS = TimeUnit.SECONDS.toNanos(1);

    private final ServerSocketChannel serverChannel;
    private final VenueApplication application;
    private final EpochNanoClock clock;
    private final AcceptorCounters counters;
    private final AcceptorFaults faults = new AcceptorFaults();
    private final AcceptorConnection[] connections;
    private final AcceptorMessageEncoder encoder = new AcceptorMessageEncoder();
    private final SessionRegistry registry;
    private final SessionHandshake handshake;
    private final Retransmitter retransmitter;
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final Negotiate500Decoder negotiate = new Negotiate500Decoder();
    private final Establish503Decoder establish = new Establish503Decoder();
    private final Sequence506Decoder sequence = new Sequence506Decoder();
    private final Terminate507Decoder terminate = new Terminate507Decoder();
    private final RetransmitRequest508Decoder retransmitRequest = new RetransmitRequest508Decoder();
    private long lastAcceptNs;
    private int cyclesSinceAccept;

    /**
     * Listen on an address.
     *
     * @param bindHost       address to listen on, e.g. 127.0.0.1.
     * @param port           port, 0 for an ephemeral one (see {@link #port()}).
     * @param credentials    access key id to secret (base64url, as CME hands secrets out).
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
        this.application = application;
        this.clock = clock;
        this.counters = counters;
        this.registry = new SessionRegistry(faults, counters, encoder, KEPT_MESSAGES);
        this.handshake = new SessionHandshake(this, registry, credentials, encoder, counters);
        this.retransmitter = new Retransmitter(encoder, counters);
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
        final AcceptorSession session = registry.session(uuid);
        return null != session && session.isEstablished();
    }

    /**
     * The session of a UUID, to write on that UUID as the application would.
     *
     * @param uuid the session's UUID.
     * @return the session, or null if never negotiated (or no longer kept).
     */
    public VenueOutbound session(final long uuid)
    {
        return registry.session(uuid);
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
            workCount += connection.channel.poll(connection, nowNs);
            if (!connection.inUse)
            {
                continue;
            }
            if (!connection.channel.isConnected() || (connection.channel.isClosing() &&
                nowNs - connection.closingSinceNs > LINGER_NS))
            {
                closeConnection(connection);
                continue;
            }
            if (connection.channel.isClosing())
            {
                continue;
            }
            if (null == connection.session)
            {
                if (nowNs - connection.acceptedAtNs > HANDSHAKE_TIMEOUT_NS)
                {
                    closeConnection(connection);
                }
                continue;
            }
            final int sessionWork = connection.session.doWork(nowNs);
            if (sessionWork < 0)
            {
                terminate(connection, connection.session.uuid(), nowNs, SessionErrorCodes.TERMINATE_KEEPALIVE_LAPSED,
                    "keepalive interval lapsed");
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
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            decodingError(connection, nowNs, "message shorter than its SBE header");
            return;
        }
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId() ||
            length < MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            decodingError(connection, nowNs, "not an iLink 3 message or shorter than its block");
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
                if (fits(connection, blockLength, Negotiate500Decoder.BLOCK_LENGTH, nowNs))
                {
                    handshake.onNegotiate(connection, negotiate.wrap(buffer, body, blockLength, version));
                }
                break;

            case Establish503Decoder.TEMPLATE_ID:
                if (fits(connection, blockLength, Establish503Decoder.BLOCK_LENGTH, nowNs))
                {
                    handshake.onEstablish(connection, establish.wrap(buffer, body, blockLength, version), nowNs);
                }
                break;

            case Sequence506Decoder.TEMPLATE_ID:
                if (established(connection, nowNs) && fits(connection, blockLength, Sequence506Decoder.BLOCK_LENGTH,
                    nowNs))
                {
                    onSequence(connection, sequence.wrap(buffer, body, blockLength, version), nowNs);
                }
                break;

            case Terminate507Decoder.TEMPLATE_ID:
                counters.increment(AcceptorCounter.TERMINATES_RECEIVED);
                if (fits(connection, blockLength, Terminate507Decoder.BLOCK_LENGTH, nowNs))
                {
                    terminate.wrap(buffer, body, blockLength, version);
                    terminate(connection, terminate.uUID(), terminate.requestTimestamp(),
                        SessionErrorCodes.TERMINATE_FINISHED, "terminate acknowledged");
                }
                break;

            case RetransmitRequest508Decoder.TEMPLATE_ID:
                if (established(connection, nowNs) &&
                    fits(connection, blockLength, RetransmitRequest508Decoder.BLOCK_LENGTH, nowNs))
                {
                    retransmitter.onRequest(session, retransmitRequest.wrap(buffer, body, blockLength, version));
                }
                break;

            default:
                onBusiness(connection, templateId, buffer, offset, length, nowNs);
                break;
        }
    }

    void onInvalidFrame(final AcceptorConnection connection, final int frameLength, final int encodingType)
    {
        counters.increment(AcceptorCounter.PROTOCOL_ERRORS);
        terminate(connection, connectionUuid(connection), clock.nanoTime(), SessionErrorCodes.TERMINATE_INVALID_SOFH,
            "invalid SOFH");
    }

    /**
     * Send Terminate on a connection, end the session established on it (if any) and close the connection once the
     * Terminate is sent.
     */
    void terminate(
        final AcceptorConnection connection,
        final long uuid,
        final long requestTimestampNs,
        final int errorCodes,
        final String reason)
    {
        counters.increment(AcceptorCounter.TERMINATES_SENT);
        connection.channel.write(sendBuffer, 0, encoder.terminate(sendBuffer, uuid, requestTimestampNs, errorCodes,
            reason));
        connection.channel.closeWhenSent();
        connection.closingSinceNs = clock.nanoTime();
        endSession(connection);
    }

    /**
     * A verified client claims a session still established on another connection: close that one first.
     */
    void takeOver(final AcceptorSession session)
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

    private void onSequence(final AcceptorConnection connection, final Sequence506Decoder sequence, final long nowNs)
    {
        final AcceptorSession session = connection.session;
        final long clientNextSeqNo = sequence.nextSeqNo();
        if (clientNextSeqNo < session.nextInSeqNo())
        {
            terminate(connection, session.uuid(), nowNs, SessionErrorCodes.TERMINATE_INVALID_NEXT_SEQ_NO,
                "NextSeqNo below the one expected");
            return;
        }
        session.onClientNextSeqNo(clientNextSeqNo);
        if (KeepAliveLapsed.Lapsed.value() == sequence.keepAliveIntervalLapsedRaw())
        {
            session.sendSequence(false);
        }
    }

    private void onBusiness(
        final AcceptorConnection connection,
        final int templateId,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long nowNs)
    {
        final int seqNumOffset = ClientSeqNum.messageOffset(templateId);
        if (ClientSeqNum.UNKNOWN_TEMPLATE == seqNumOffset || length < seqNumOffset + 4)
        {
            decodingError(connection, nowNs, "not a message a client sends");
            return;
        }
        if (!established(connection, nowNs))
        {
            return;
        }
        final AcceptorSession session = connection.session;
        final long seqNum = buffer.getInt(offset + seqNumOffset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        final int outcome = session.acceptBusiness(seqNum);
        if (AcceptorSession.BELOW_EXPECTED == outcome)
        {
            terminate(connection, session.uuid(), nowNs, SessionErrorCodes.TERMINATE_INVALID_MSG_SEQ_NO,
                "SeqNum below the one expected");
            return;
        }
        if (AcceptorSession.LOST == outcome)
        {
            return;
        }
        application.onBusinessMessage(templateId, buffer, offset, length, seqNum, session.owner());
        if (faults.dropAfterInbound > 0 && 0 == --faults.dropAfterInbound && connection.inUse)
        {
            counters.increment(AcceptorCounter.FAULT_DROPS);
            closeConnection(connection);
        }
    }

    private boolean established(final AcceptorConnection connection, final long nowNs)
    {
        if (null != connection.session)
        {
            return true;
        }
        counters.increment(AcceptorCounter.PROTOCOL_ERRORS);
        if (0 == connection.negotiatedUuid)
        {
            terminate(connection, 0, nowNs, SessionErrorCodes.TERMINATE_UNNEGOTIATED, "not negotiated");
        }
        else
        {
            terminate(connection, connection.negotiatedUuid, nowNs, SessionErrorCodes.TERMINATE_NOT_ESTABLISHED,
                "not established");
        }
        return false;
    }

    private boolean fits(
        final AcceptorConnection connection, final int blockLength, final int required, final long nowNs)
    {
        if (blockLength >= required)
        {
            return true;
        }
        decodingError(connection, nowNs, "block shorter than the template's");
        return false;
    }

    private void decodingError(final AcceptorConnection connection, final long nowNs, final String reason)
    {
        counters.increment(AcceptorCounter.PROTOCOL_ERRORS);
        terminate(connection, connectionUuid(connection), nowNs, SessionErrorCodes.TERMINATE_DECODING_ERROR, reason);
    }

    private static long connectionUuid(final AcceptorConnection connection)
    {
        return null != connection.session ? connection.session.uuid() : connection.negotiatedUuid;
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
            if (connection.channel.adopt(channel))
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
        connection.channel.close();
        connection.inUse = false;
        endSession(connection);
    }

    private void endSession(final AcceptorConnection connection)
    {
        final AcceptorSession session = connection.session;
        connection.session = null;
        if (null != session)
        {
            session.unbind();
            application.onSessionDisconnected(session.uuid(), session.owner());
        }
    }
}
