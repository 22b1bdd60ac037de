package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.SecretRef;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounters;
import io.wirespeed.gateway.transport.VenueTransport;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.sim.venue.AcceptorCounter;
import io.wirespeed.sim.venue.AcceptorCounters;
import io.wirespeed.sim.venue.FixpAcceptor;
import io.wirespeed.sim.venue.VenueApplication;
import io.wirespeed.sim.venue.VenueOutbound;
import org.agrona.CloseHelper;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A FIXP initiator and acceptor over real TCP on 127.0.0.1, pumped by hand on the test's thread with a manual clock.
 */
final class SessionRig implements AutoCloseable
{
    final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    final RecordingListener listener = new RecordingListener();
    final SessionCounters sessionCounters = SessionCounters.inMemory("rig");
    final FixpAcceptor acceptor;
    final FixpInitiator initiator;

    SessionRig(final VenueApplication application, final VenueTransport transport)
    {
        acceptor = new FixpAcceptor("127.0.0.1", 0, Map.of("KEY1", FixpSessionTest.SECRET), 4, application, clock,
            AcceptorCounters.inMemory());
        final GatewayContext context = new GatewayContext()
            .venuePort(acceptor.port())
            .sessionId("ABC")
            .firmId("F1")
            .accessKeyId("KEY1")
            .secretRef(SecretRef.parse("env:UNUSED"))
            .keepaliveIntervalMs(FixpSessionTest.KEEPALIVE_MS)
            .reconnectBackoffMs(FixpSessionTest.BACKOFF_MS);
        initiator = new FixpInitiator(context, FixpSessionTest.SECRET, FixpInitiator.newUuid(clock.nanoTime()),
            transport, listener, clock, sessionCounters);
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

    VenueOutbound venueSide()
    {
        return acceptor.session(initiator.uuid());
    }

    long acceptorCount(final AcceptorCounter counter)
    {
        return acceptor.counters().value(counter);
    }

    public void close()
    {
        initiator.onClose();
        acceptor.onClose();
        CloseHelper.quietClose(sessionCounters);
    }
}
