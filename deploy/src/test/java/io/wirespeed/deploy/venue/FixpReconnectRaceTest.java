package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.sim.venue.AcceptorCounter;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client reconnects before the venue has noticed its old connection die: the venue must move the session to the
 * new connection rather than lock the client out with "UUID established elsewhere".
 */
@Timeout(30)
class FixpReconnectRaceTest
{
    final AckingApplication application = new AckingApplication();
    final HalfOpenTransport transport = new HalfOpenTransport();
    final SessionRig rig = new SessionRig(application, transport);

    @AfterEach
    void after()
    {
        rig.close();
        transport.closeAbandoned();
    }

    long send(final long orderId)
    {
        return rig.initiator.sendNewOrder(orderId, 7, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1_000_000_000L, 1, 0);
    }

    @Test
    void reEstablishWhileVenueStillHoldsOldConnectionTakesTheSessionOver()
    {
        rig.pumpEstablished();
        assertEquals(1, send(1));
        rig.pump(() -> rig.listener.accepted.size() == 1);

        transport.loseConnection();
        rig.pump(() -> SessionState.DISCONNECTED == rig.initiator.state());
        assertTrue(rig.acceptor.isEstablished(rig.initiator.uuid()), "venue still holds the old connection");
        assertTrue(transport.abandoned().isConnected());

        rig.clock.advance(TimeUnit.MILLISECONDS.toNanos(FixpSessionTest.BACKOFF_MS));
        rig.pumpEstablished();

        assertEquals(1, rig.acceptorCount(AcceptorCounter.TAKEOVERS));
        assertEquals(0, rig.acceptorCount(AcceptorCounter.ESTABLISHMENT_REJECTS));
        assertEquals(1, rig.acceptorCount(AcceptorCounter.NEGOTIATIONS));
        assertEquals(2, rig.acceptorCount(AcceptorCounter.ESTABLISHMENTS));
        assertEquals(1, application.disconnects, "the old connection counts as lost");
        assertEquals(0, rig.sessionCounters.value(SessionCounter.ESTABLISHMENT_REJECTS));

        assertEquals(2, send(2));
        rig.pump(() -> rig.listener.accepted.size() == 2);
        assertEquals(List.of(1L, 2L), application.clOrdIds);
        assertEquals(List.of(1L, 2L), rig.listener.accepted);
        assertEquals(3, rig.initiator.nextInSeqNo());

        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (transport.abandoned().isConnected() && System.nanoTime() - deadline < 0)
        {
            transport.abandoned().poll(FixpReconnectRaceTest::ignore, rig.clock.nanoTime());
        }
        assertFalse(transport.abandoned().isConnected(), "venue closed the old connection");
    }

    private static void ignore(final DirectBuffer buffer, final int offset, final int length, final long rx)
    {
    }
}
