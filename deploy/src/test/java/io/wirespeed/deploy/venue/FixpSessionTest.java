package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.SecretRef;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.gateway.session.SessionCounters;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import io.wirespeed.gateway.venue.VenueSession;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.sim.venue.AcceptorCounter;
import io.wirespeed.sim.venue.AcceptorCounters;
import io.wirespeed.sim.venue.FixpAcceptor;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both sides of the FIXP venue session over real TCP on 127.0.0.1, driven by hand on one thread with a manual clock.
 */
@Timeout(30)
class FixpSessionTest
{
    static final String SECRET = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "a venue secret of thirty-two b..".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    static final long KEEPALIVE_MS = 1_000;
    static final long BACKOFF_MS = 100;

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    final AckingApplication application = new AckingApplication();
    final RecordingListener listener = new RecordingListener();
    final SessionCounters sessionCounters = SessionCounters.inMemory("test");
    FixpAcceptor acceptor;
    FixpInitiator initiator;

    @AfterEach
    void after()
    {
        if (null != initiator)
        {
            initiator.onClose();
        }
        if (null != acceptor)
        {
            acceptor.onClose();
        }
        CloseHelper.quietClose(sessionCounters);
    }

    void start(final String acceptorSecret)
    {
        acceptor = new FixpAcceptor("127.0.0.1", 0, Map.of("KEY1", acceptorSecret), 4, application, clock,
            AcceptorCounters.inMemory());
        final GatewayContext context = new GatewayContext()
            .venuePort(acceptor.port())
            .sessionId("ABC")
            .firmId("F1")
            .accessKeyId("KEY1")
            .secretRef(SecretRef.parse("env:UNUSED"))
            .keepaliveIntervalMs(KEEPALIVE_MS)
            .reconnectBackoffMs(BACKOFF_MS);
        initiator = new FixpInitiator(context, SECRET, FixpInitiator.newUuid(clock.nanoTime()),
            new TcpVenueTransport(), listener, clock, sessionCounters);
    }

    void pump(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            acceptor.doWork();
            initiator.doWork();
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("condition not met in time, session " + initiator.state());
            }
        }
    }

    void pumpEstablished()
    {
        pump(() -> SessionState.ESTABLISHED == initiator.state() && acceptor.isEstablished(initiator.uuid()));
    }

    long send(final long orderId)
    {
        return initiator.sendNewOrder(orderId, 7, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 100_000_000_000L, 1, 0);
    }

    @Test
    void negotiatesEstablishesAndCarriesOrdersBothWays()
    {
        start(SECRET);
        pumpEstablished();
        assertEquals(1, send(11));
        assertEquals(2, send(12));
        assertEquals(3, send(13));
        pump(() -> listener.accepted.size() == 3);

        assertEquals(java.util.List.of(11L, 12L, 13L), listener.accepted);
        assertEquals(java.util.List.of(11L, 12L, 13L), application.clOrdIds);
        assertEquals(4, initiator.nextOutSeqNo());
        assertEquals(4, initiator.nextInSeqNo());
        assertEquals(java.util.List.of(SessionState.CONNECTING, SessionState.NEGOTIATED, SessionState.ESTABLISHED),
            listener.states);
    }

    @Test
    void wrongSignatureIsRejected()
    {
        start(Base64.getUrlEncoder().encodeToString(
            "another secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        pump(() -> SessionState.REJECTED == initiator.state());

        assertEquals(1, acceptor.counters().value(AcceptorCounter.NEGOTIATION_REJECTS));
        assertEquals(1, sessionCounters.value(SessionCounter.NEGOTIATION_REJECTS));
        assertEquals(VenueSession.NOT_SENT_NOT_ESTABLISHED, send(1));
    }

    @Test
    void silentVenueLapsesThenTerminates()
    {
        start(SECRET);
        pumpEstablished();
        acceptor.faults().delayNs(TimeUnit.HOURS.toNanos(1));

        clock.advance(TimeUnit.MILLISECONDS.toNanos(KEEPALIVE_MS));
        pump(() -> sessionCounters.value(SessionCounter.KEEPALIVE_LAPSES) == 1);
        clock.advance(TimeUnit.MILLISECONDS.toNanos(KEEPALIVE_MS));
        pump(() -> SessionState.DISCONNECTED == initiator.state());
        pump(() -> acceptor.counters().value(AcceptorCounter.TERMINATES_RECEIVED) == 1);

        assertEquals(1, sessionCounters.value(SessionCounter.KEEPALIVE_TERMINATES));
        assertEquals(1, sessionCounters.value(SessionCounter.TERMINATES_SENT));
        assertTrue(listener.states.contains(SessionState.DISCONNECTED));
    }

    @Test
    void recoversSkippedVenueMessagesByRetransmitRequest()
    {
        start(SECRET);
        pumpEstablished();
        acceptor.faults().skipOutbound(2);
        for (long id = 1; id <= 5; id++)
        {
            send(id);
        }
        pump(() -> listener.accepted.size() == 5);

        assertEquals(java.util.List.of(1L, 2L, 3L, 4L, 5L), listener.accepted);
        assertEquals(1, sessionCounters.value(SessionCounter.RETRANSMIT_REQUESTS));
        assertEquals(2, acceptor.counters().value(AcceptorCounter.RETRANSMITTED));
        assertEquals(6, initiator.nextInSeqNo());
        assertEquals(SessionState.ESTABLISHED, initiator.state());
    }

    @Test
    void reconnectsAfterDropContinuingUuidAndSequence()
    {
        start(SECRET);
        pumpEstablished();
        acceptor.faults().dropAfterInbound(2);
        send(1);
        send(2);
        pump(() -> SessionState.DISCONNECTED == initiator.state());
        assertEquals(VenueSession.NOT_SENT_NOT_ESTABLISHED, send(3));

        clock.advance(TimeUnit.MILLISECONDS.toNanos(BACKOFF_MS));
        pumpEstablished();
        assertEquals(3, send(4));
        assertEquals(4, send(5));
        pump(() -> listener.accepted.size() == 4);

        assertEquals(java.util.List.of(1L, 2L, 4L, 5L), application.clOrdIds);
        assertEquals(java.util.List.of(1L, 2L, 4L, 5L), listener.accepted);
        assertEquals(1, acceptor.counters().value(AcceptorCounter.NEGOTIATIONS));
        assertEquals(2, acceptor.counters().value(AcceptorCounter.ESTABLISHMENTS));
        assertEquals(0, acceptor.counters().value(AcceptorCounter.NOT_APPLIED_SENT));
    }

    @Test
    void venueMissingClientMessagesSendsNotApplied()
    {
        start(SECRET);
        pumpEstablished();
        acceptor.faults().loseInbound(1);
        send(1);
        send(2);
        pump(() -> listener.notApplied.size() == 2 && listener.accepted.size() == 1);

        assertEquals(java.util.List.of(1L, 1L), listener.notApplied);
        assertEquals(java.util.List.of(2L), application.clOrdIds);
        assertEquals(1, sessionCounters.value(SessionCounter.NOT_APPLIED));
        assertEquals(3, send(3));
        pump(() -> listener.accepted.size() == 2);
        assertEquals(java.util.List.of(2L, 3L), application.clOrdIds);
    }
}
