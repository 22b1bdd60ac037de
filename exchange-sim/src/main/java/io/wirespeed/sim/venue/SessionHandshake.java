package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Negotiate and Establish at the venue: the HMAC signature over CME's canonical request is checked with the access
 * key's secret, then the UUID becomes the client's current one (NegotiationResponse) and is bound to the connection
 * (EstablishmentAck), each answer carrying the sequence numbers CME documents.
 * <p>
 * A verified Negotiate or Establish from a client whose session is still established on another connection (it
 * reconnected before the venue saw the old connection die, or restarted with a new UUID) closes that connection, as
 * if it had just been lost, and goes on on the new one.
 */
final class SessionHandshake
{
    private final FixpAcceptor acceptor;
    private final SessionRegistry registry;
    private final AcceptorMessageEncoder encoder;
    private final AcceptorCounters counters;
    private final Map<String, HmacVerifier> verifiers = new HashMap<>();
    private final CanonicalRequest canonical = new CanonicalRequest();
    private final UnsafeBuffer sendBuffer = new UnsafeBuffer(new byte[256]);

    SessionHandshake(
        final FixpAcceptor acceptor,
        final SessionRegistry registry,
        final Map<String, String> credentials,
        final AcceptorMessageEncoder encoder,
        final AcceptorCounters counters)
    {
        this.acceptor = acceptor;
        this.registry = registry;
        this.encoder = encoder;
        this.counters = counters;
        for (final Map.Entry<String, String> entry : credentials.entrySet())
        {
            verifiers.put(entry.getKey(), new HmacVerifier(entry.getKey(), entry.getValue()));
        }
    }

    void onNegotiate(final AcceptorConnection connection, final Negotiate500Decoder negotiate)
    {
        final long uuid = negotiate.uUID();
        final long requestTimestamp = negotiate.requestTimestamp();
        final DirectBuffer buffer = negotiate.buffer();
        final int base = negotiate.offset();
        if (null != connection.session || 0 != connection.negotiatedUuid)
        {
            acceptor.terminate(connection, uuid, requestTimestamp, SessionErrorCodes.TERMINATE_ALREADY_NEGOTIATED,
                "Negotiate on a negotiated connection");
            return;
        }
        final HmacVerifier verifier = verifiers.get(
            Ascii.text(buffer, base + Negotiate500Decoder.accessKeyIDEncodingOffset(),
            Negotiate500Decoder.accessKeyIDLength()));
        if (null == verifier)
        {
            rejectNegotiation(connection, uuid, requestTimestamp, SessionErrorCodes.HMAC_NOT_AUTHENTICATED,
                "access key id not recognized");
            return;
        }
        if (!verifier.verify(canonical.of(negotiate), buffer, base + Negotiate500Decoder.hMACSignatureEncodingOffset()))
        {
            rejectNegotiation(connection, uuid, requestTimestamp, SessionErrorCodes.HMAC_NOT_AUTHENTICATED,
                "HMAC signature does not verify");
            return;
        }

        final int sessionOffset = base + Negotiate500Decoder.sessionEncodingOffset();
        final int firmOffset = base + Negotiate500Decoder.firmEncodingOffset();
        final long key = FirmSession.key(buffer, sessionOffset, firmOffset);
        final AcceptorSession known = registry.session(uuid);
        if (null != known && known.clientId() != key)
        {
            rejectNegotiation(connection, uuid, requestTimestamp, SessionErrorCodes.SESSION_BLOCKED,
                "UUID belongs to another session");
            return;
        }
        final FirmSession client = registry.client(key,
            Ascii.text(buffer, sessionOffset, Negotiate500Decoder.sessionLength()),
            Ascii.text(buffer, firmOffset, Negotiate500Decoder.firmLength()));
        if (null == client)
        {
            rejectNegotiation(connection, uuid, requestTimestamp, SessionErrorCodes.SESSION_BLOCKED,
                "no room for another session");
            return;
        }
        if (null != client.current())
        {
            acceptor.takeOver(client.current());
        }
        final AcceptorSession session = client.negotiated(uuid, registry);
        if (null == session)
        {
            rejectNegotiation(connection, uuid, requestTimestamp, SessionErrorCodes.SESSION_BLOCKED,
                "every UUID of this session is in use");
            return;
        }
        counters.increment(AcceptorCounter.NEGOTIATIONS);
        connection.negotiatedUuid = uuid;
        connection.channel.write(sendBuffer, 0, encoder.negotiationResponse(
            sendBuffer, uuid, requestTimestamp, client.previousUuid(), client.previousSeqNo()));
    }

    void onEstablish(final AcceptorConnection connection, final Establish503Decoder establish, final long nowNs)
    {
        final long uuid = establish.uUID();
        final long requestTimestamp = establish.requestTimestamp();
        final long clientNextSeqNo = establish.nextSeqNo();
        final int keepAliveMs = establish.keepAliveInterval();
        final DirectBuffer buffer = establish.buffer();
        final int base = establish.offset();
        if (null != connection.session)
        {
            acceptor.terminate(connection, uuid, requestTimestamp, SessionErrorCodes.TERMINATE_ALREADY_ESTABLISHED,
                "Establish on an established connection");
            return;
        }

        final AcceptorSession session = registry.session(uuid);
        final long nextSeqNo = null == session ? 0 : session.nextSeqNum();
        final HmacVerifier verifier = verifiers.get(
            Ascii.text(buffer, base + Establish503Decoder.accessKeyIDEncodingOffset(),
            Establish503Decoder.accessKeyIDLength()));
        final int errorCodes;
        final String reason;
        if (null == verifier)
        {
            errorCodes = SessionErrorCodes.HMAC_NOT_AUTHENTICATED;
            reason = "access key id not recognized";
        }
        else if (!verifier.verify(
            canonical.of(establish), buffer, base + Establish503Decoder.hMACSignatureEncodingOffset()))
        {
            errorCodes = SessionErrorCodes.HMAC_NOT_AUTHENTICATED;
            reason = "HMAC signature does not verify";
        }
        else if (null == session || (0 != connection.negotiatedUuid && uuid != connection.negotiatedUuid))
        {
            errorCodes = SessionErrorCodes.ESTABLISH_UNNEGOTIATED;
            reason = "UUID not negotiated";
        }
        else if (session.clientId() != FirmSession.key(buffer, base + Establish503Decoder.sessionEncodingOffset(),
            base + Establish503Decoder.firmEncodingOffset()))
        {
            errorCodes = SessionErrorCodes.SESSION_BLOCKED;
            reason = "UUID belongs to another session";
        }
        else if (session != session.owner().current())
        {
            errorCodes = SessionErrorCodes.ESTABLISH_UNNEGOTIATED;
            reason = "UUID superseded by a later Negotiate";
        }
        else if (0 == keepAliveMs)
        {
            errorCodes = SessionErrorCodes.ESTABLISH_INVALID_KEEPALIVE_INTERVAL;
            reason = "KeepAliveInterval must be above 0";
        }
        else
        {
            errorCodes = -1;
            reason = null;
        }
        if (errorCodes >= 0)
        {
            counters.increment(AcceptorCounter.ESTABLISHMENT_REJECTS);
            connection.channel.write(sendBuffer, 0, encoder.establishmentReject(
                sendBuffer, uuid, requestTimestamp, nextSeqNo, errorCodes, reason));
            return;
        }
        if (clientNextSeqNo < session.nextInSeqNo())
        {
            acceptor.terminate(connection, uuid, requestTimestamp, SessionErrorCodes.TERMINATE_INVALID_NEXT_SEQ_NO,
                "NextSeqNo below the one expected");
            return;
        }

        acceptor.takeOver(session);
        counters.increment(AcceptorCounter.ESTABLISHMENTS);
        connection.session = session;
        connection.negotiatedUuid = uuid;
        session.bind(connection.channel, TimeUnit.MILLISECONDS.toNanos(keepAliveMs), nowNs);
        final FirmSession client = session.owner();
        connection.channel.write(sendBuffer, 0, encoder.establishmentAck(sendBuffer, uuid, requestTimestamp,
            session.nextSeqNum(), client.previousUuid(), client.previousSeqNo(), keepAliveMs));
        session.onClientNextSeqNo(clientNextSeqNo);
    }

    private void rejectNegotiation(
        final AcceptorConnection connection,
        final long uuid,
        final long requestTimestamp,
        final int errorCodes,
        final String reason)
    {
        counters.increment(AcceptorCounter.NEGOTIATION_REJECTS);
        connection.channel.write(
            sendBuffer, 0, encoder.negotiationReject(sendBuffer, uuid, requestTimestamp, errorCodes, reason));
    }
}
