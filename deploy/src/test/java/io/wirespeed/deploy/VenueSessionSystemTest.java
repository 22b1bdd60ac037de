package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.StrategySample;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.sim.venue.AcceptorCounter;
import io.wirespeed.sim.venue.AcceptorCounters;
import io.wirespeed.sim.venue.ClientOrders;
import io.wirespeed.strategy.BookView;
import io.wirespeed.strategy.StrategyClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.OrderPathRig.TICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The iLink 3-style venue session through the whole appliance: the gateway's FIXP initiator against the simulator's
 * acceptor over loopback TCP, with the acceptor's fault knobs standing in for a misbehaving venue.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class VenueSessionSystemTest
{
    private static final long KEEPALIVE_MS = 200;
    private static final long KEEPALIVE_NS = TimeUnit.MILLISECONDS.toNanos(KEEPALIVE_MS);
    private static final Consumer<WirespeedConfig> SESSION_TIMERS = (config) ->
    {
        config.gateway().keepaliveIntervalMs(KEEPALIVE_MS).reconnectBackoffMs(20);
        // only the test's strategy trades, so every count at the venue is the test's
        config.strategies().forEach((strategy) -> strategy.sample(StrategySample.NONE));
    };

    @TempDir
    Path dir;

    private OrderPathRig rig;
    private final SessionProbe.Recorder recorder = new SessionProbe.Recorder();
    private StrategyClient s1;

    @AfterEach
    void stop()
    {
        if (null != rig)
        {
            rig.close();
        }
    }

    @Test
    void happyPathEstablishesAndSequencesBothWays()
    {
        start(null);
        final FixpInitiator session = rig.appliance.session;
        final AcceptorCounters venue = rig.venue.acceptor.counters();
        assertTrue(rig.venue.acceptor.isEstablished(session.uuid()));
        assertEquals(1, session.nextOutSeqNo());
        assertEquals(1, session.nextInSeqNo());

        final long bestAsk = s1.book(ES).bestAsk();
        final long take = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.IOC, bestAsk, 1, 0);
        final long rest = restingBuy();
        rig.pumpUntil(() -> isDone(take) && hasReport(rest, ExecType.NEW), "the IOC filled and the bid resting");
        assertTrue(s1.orderEntry().cancel(rest, 0) > 0);
        rig.pumpUntil(() -> isDone(rest), "the bid canceled");

        assertEquals(List.of(ExecType.NEW, ExecType.TRADE), execTypes(take));
        assertEquals(OrdStatus.FILLED, recorder.reports(take).get(1).ordStatus());
        assertEquals(List.of(ExecType.NEW, ExecType.CANCELED), execTypes(rest));
        assertEquals(1, s1.orders().position(ES));

        // three business messages out (two orders, a cancel), every venue message in, each once and in order
        assertEquals(4, session.nextOutSeqNo());
        assertEquals(3, venue.value(AcceptorCounter.MESSAGES_RECEIVED));
        assertEquals(venue.value(AcceptorCounter.MESSAGES_SENT), session.nextInSeqNo() - 1);
        assertTrue(session.nextInSeqNo() - 1 >= 3, "at least the fill, the new and the cancel");
        assertEquals(2, rig.venue.orders.orders().receivedCount());

        // keepalives both ways over a few intervals, no lapse
        final long sequencesSent = SessionProbe.session(rig, SessionCounter.SEQUENCES_SENT);
        final long sequencesReceived = SessionProbe.session(rig, SessionCounter.SEQUENCES_RECEIVED);
        rig.pumpFor(3 * KEEPALIVE_NS);
        assertEquals(SessionState.ESTABLISHED, session.state());
        assertTrue(SessionProbe.session(rig, SessionCounter.SEQUENCES_SENT) >= sequencesSent + 2);
        assertTrue(SessionProbe.session(rig, SessionCounter.SEQUENCES_RECEIVED) >= sequencesReceived + 2);
        assertEquals(0, SessionProbe.session(rig, SessionCounter.KEEPALIVE_LAPSES));
        assertEquals(0, SessionProbe.session(rig, SessionCounter.GAPS));
        assertEquals(0, SessionProbe.session(rig, SessionCounter.DUPLICATES));
        assertEquals(1, SessionProbe.session(rig, SessionCounter.NEGOTIATIONS));
        assertEquals(1, SessionProbe.session(rig, SessionCounter.ESTABLISHMENTS));
        assertEquals(0, venue.value(AcceptorCounter.KEEPALIVE_TERMINATES));
    }

    @Test
    void wrongHmacIsRejectedAndNoOrderReachesTheVenue()
    {
        rig = new OrderPathRig(dir, SESSION_TIMERS, "not-the-gateway-secret");
        s1 = SessionProbe.recorded(rig, "s1", recorder);
        rig.pumpUntil(() -> SessionState.REJECTED == rig.appliance.session.state(), "session rejected");
        rig.pumpUntil(() -> s1.isOrderStreamConnected() && s1.isExecutionStreamConnected() &&
            BookView.NULL_PRICE != s1.book(ES).bestBid(), "strategy connected with a book");

        final long buy = restingBuy();
        rig.pumpUntil(() -> null != recorder.decision(buy), "the gateway's decision");
        assertEquals(RiskResult.REJECTED, recorder.decision(buy).result());
        assertEquals(RejectReason.SESSION_NOT_ESTABLISHED, recorder.decision(buy).rejectReason());

        // rejected stays rejected: no retry with a key the venue refuses
        rig.pumpFor(5 * KEEPALIVE_NS);
        assertEquals(SessionState.REJECTED, rig.appliance.session.state());
        assertEquals(SessionState.REJECTED, rig.appliance.gateway.logic().sessionState());
        final AcceptorCounters venue = rig.venue.acceptor.counters();
        assertEquals(1, venue.value(AcceptorCounter.NEGOTIATION_REJECTS));
        assertEquals(0, venue.value(AcceptorCounter.NEGOTIATIONS));
        assertEquals(0, venue.value(AcceptorCounter.MESSAGES_RECEIVED));
        assertEquals(1, SessionProbe.session(rig, SessionCounter.NEGOTIATION_REJECTS));
        assertEquals(1, SessionProbe.session(rig, SessionCounter.CONNECT_ATTEMPTS));
        assertFalse(rig.venue.acceptor.isEstablished(rig.appliance.session.uuid()));
        assertEquals(0, rig.venue.orders.orders().receivedCount());
        assertEquals(1, SessionProbe.gateway(rig, GatewayCounter.REJECTED_SESSION));
        assertEquals(0, SessionProbe.gateway(rig, GatewayCounter.ORDERS_ACCEPTED));
    }

    @Test
    void silentVenueLapsesThenTerminatesAndTheSessionReconnects()
    {
        start(null);
        final FixpInitiator session = rig.appliance.session;
        final long uuid = session.uuid();
        final long first = restingBuy();
        rig.pumpUntil(() -> hasReport(first, ExecType.NEW), "first order acknowledged");
        final long nextOut = session.nextOutSeqNo();
        final long nextIn = session.nextInSeqNo();

        // everything the venue writes is held for an hour: it goes silent but still reads
        rig.venue.acceptor.faults().delayNs(TimeUnit.HOURS.toNanos(1));
        rig.pumpUntil(() -> 1 == SessionProbe.session(rig, SessionCounter.KEEPALIVE_LAPSES), "Sequence lapsed sent");
        assertEquals(0, SessionProbe.session(rig, SessionCounter.TERMINATES_SENT));
        assertTrue(SessionState.ESTABLISHED == session.state() || SessionState.RETRANSMITTING == session.state());
        rig.pumpUntil(() -> 1 == SessionProbe.session(rig, SessionCounter.KEEPALIVE_TERMINATES), "terminated");
        rig.venue.acceptor.faults().delayNs(0);
        assertEquals(1, SessionProbe.session(rig, SessionCounter.TERMINATES_SENT));
        assertTrue(SessionState.ESTABLISHED != session.state());
        rig.pumpUntil(() -> 1 == rig.venue.acceptor.counters().value(AcceptorCounter.TERMINATES_RECEIVED),
            "the venue read the Terminate");

        rig.pumpUntil(() -> SessionState.ESTABLISHED == session.state(), "re-established");
        assertEquals(uuid, session.uuid());
        assertEquals(1, SessionProbe.session(rig, SessionCounter.NEGOTIATIONS), "same UUID, not renegotiated");
        assertEquals(2, SessionProbe.session(rig, SessionCounter.ESTABLISHMENTS));
        assertEquals(nextOut, session.nextOutSeqNo(), "outbound sequence continues");
        assertTrue(session.nextInSeqNo() >= nextIn, "inbound sequence continues");

        final long second = restingBuy();
        rig.pumpUntil(() -> hasReport(second, ExecType.NEW), "an order after the reconnect acknowledged");
        assertEquals(nextOut + 1, session.nextOutSeqNo());
        final AcceptorCounters venue = rig.venue.acceptor.counters();
        assertEquals(session.nextOutSeqNo() - 1, venue.value(AcceptorCounter.MESSAGES_RECEIVED));
        assertEquals(0, venue.value(AcceptorCounter.NOT_APPLIED_SENT));
        assertEquals(0, venue.value(AcceptorCounter.DUPLICATES));
        rig.pumpUntil(() -> session.nextInSeqNo() - 1 == venue.value(AcceptorCounter.MESSAGES_SENT),
            "every venue message delivered");
        assertEquals(1, recorder.reports(first).size());
        assertEquals(1, recorder.reports(second).size());
    }

    @Test
    void inboundGapIsRetransmittedAndEveryReportArrivesOnceInOrder()
    {
        start(null);
        final FixpInitiator session = rig.appliance.session;
        final AcceptorCounters venue = rig.venue.acceptor.counters();

        // a gap in the middle of a burst: detected by the next message's sequence number
        rig.venue.acceptor.faults().skipOutbound(3);
        final List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++)
        {
            ids.add(restingBuy());
        }
        rig.pumpUntil(() -> recorder.count(ExecType.NEW) == 6, "six orders acknowledged");
        assertEquals(3, venue.value(AcceptorCounter.FAULT_SKIPPED));
        assertEquals(3, venue.value(AcceptorCounter.RETRANSMITTED));
        assertTrue(SessionProbe.session(rig, SessionCounter.GAPS) >= 1);
        assertTrue(SessionProbe.session(rig, SessionCounter.RETRANSMIT_REQUESTS) >= 1);
        assertEquals(0, SessionProbe.session(rig, SessionCounter.RETRANSMIT_REJECTS));
        assertEquals(ids, clOrdIds(ExecType.NEW), "acknowledgements once each, in the order sent");

        // a gap at the end of a burst: only the venue's Sequence heartbeat shows it
        rig.venue.acceptor.faults().skipOutbound(2);
        assertTrue(s1.orderEntry().cancel(ids.get(0), 0) > 0);
        assertTrue(s1.orderEntry().cancel(ids.get(1), 0) > 0);
        rig.pumpUntil(() -> 4 == rig.venue.orders.orders().openOrderCount(), "cancels applied at the venue");
        assertEquals(5, venue.value(AcceptorCounter.FAULT_SKIPPED));
        assertEquals(0, recorder.count(ExecType.CANCELED), "both cancel reports withheld");
        rig.pumpUntil(() -> recorder.count(ExecType.CANCELED) == 2, "cancels recovered after the heartbeat");
        assertEquals(5, venue.value(AcceptorCounter.RETRANSMITTED));
        assertTrue(SessionProbe.session(rig, SessionCounter.SEQUENCES_RECEIVED) >= 1);

        for (int i = 2; i < ids.size(); i++)
        {
            assertTrue(s1.orderEntry().cancel(ids.get(i), 0) > 0);
        }
        rig.pumpUntil(() -> recorder.count(ExecType.CANCELED) == 6, "every order canceled");
        assertEquals(ids, clOrdIds(ExecType.CANCELED), "cancels once each, in the order sent");
        assertEquals(12, recorder.reports.size(), () -> "no report twice: " + recorder.reports);
        final Set<String> distinct = new HashSet<>();
        recorder.reports.forEach((r) -> distinct.add(r.clOrdId() + "/" + r.execType()));
        assertEquals(12, distinct.size(), "distinct reports");
        assertEquals(venue.value(AcceptorCounter.MESSAGES_SENT), session.nextInSeqNo() - 1);
        assertEquals(SessionState.ESTABLISHED, session.state());
        assertEquals(0, s1.orders().liveCount());
    }

    @Test
    void venueDropMidFlowReconnectsContinuingSequenceAndSendsNothingTwice()
    {
        start(null);
        final FixpInitiator session = rig.appliance.session;
        final long uuid = session.uuid();
        final AcceptorCounters venue = rig.venue.acceptor.counters();
        rig.venue.acceptor.faults().dropAfterInbound(3);

        // the strategy keeps sending, one order every 50 steps, through the drop and the reconnect
        final List<Long> sent = new ArrayList<>();
        for (long i = 0; i < OrderPathRig.MAX_PUMPS; i++)
        {
            if (0 == i % 50)
            {
                sent.add(restingBuy());
            }
            rig.pumpOnce();
            if (recorder.refusals(RejectReason.SESSION_NOT_ESTABLISHED) >= 2 &&
                SessionState.ESTABLISHED == session.state() && acknowledgedAfterRefusals() >= 3)
            {
                break;
            }
        }
        rig.pumpUntil(() -> allAnswered(sent), "every order answered");

        assertEquals(1, venue.value(AcceptorCounter.FAULT_DROPS));
        assertEquals(uuid, session.uuid());
        assertEquals(1, SessionProbe.session(rig, SessionCounter.NEGOTIATIONS), "same UUID, not renegotiated");
        assertEquals(2, SessionProbe.session(rig, SessionCounter.ESTABLISHMENTS));
        assertEquals(0, venue.value(AcceptorCounter.DUPLICATES), "no message sent twice");

        final long refused = recorder.refusals(RejectReason.SESSION_NOT_ESTABLISHED);
        final long accepted = SessionProbe.gateway(rig, GatewayCounter.ORDERS_ACCEPTED);
        final long notApplied = recorder.reports.stream().filter((r) -> ExecType.REJECTED == r.execType()).count();
        assertEquals(refused, SessionProbe.gateway(rig, GatewayCounter.REJECTED_SESSION));
        assertEquals(sent.size(), accepted + refused);
        final ClientOrders orders = rig.venue.orders.orders();
        assertEquals(accepted, orders.receivedCount() + notApplied, "accepted = received (+ lost in flight)");
        assertEquals(orders.receivedCount(), orders.ordersReceived(uuid));
        assertEquals(orders.receivedCount(), orders.clOrdIdsReceived(uuid).size(), "ClOrdIDs unique at the venue");
        assertEquals(orders.receivedCount(), recorder.count(ExecType.NEW));
        for (final long id : sent)
        {
            final SessionProbe.Decision decision = recorder.decision(id);
            assertNotNull(decision);
            if (RiskResult.ACCEPTED == decision.result())
            {
                assertEquals(1, recorder.reports(id).size(), () -> "one answer for " + id + ": " + recorder.reports);
            }
            else
            {
                assertTrue(recorder.reports(id).isEmpty());
            }
        }

        // outbound continued across the reconnect; every venue message delivered once
        assertEquals(accepted + 1, session.nextOutSeqNo());
        assertEquals(session.nextOutSeqNo() - 1, venue.value(AcceptorCounter.MESSAGES_RECEIVED) + notApplied);
        rig.pumpUntil(() -> session.nextInSeqNo() - 1 == venue.value(AcceptorCounter.MESSAGES_SENT),
            "every venue message delivered");
    }

    private void start(final String venueOnlySecret)
    {
        rig = new OrderPathRig(dir, SESSION_TIMERS, venueOnlySecret);
        s1 = SessionProbe.recorded(rig, "s1", recorder);
        rig.awaitReady();
    }

    private long restingBuy()
    {
        final long price = s1.book(ES).bestBid() - 3 * TICK;
        final long id = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 1, 0);
        assertTrue(id > 0, "sent: " + id);
        return id;
    }

    private boolean hasReport(final long clOrdId, final ExecType execType)
    {
        return recorder.reports(clOrdId).stream().anyMatch((r) -> r.execType() == execType);
    }

    private boolean isDone(final long clOrdId)
    {
        return recorder.reports(clOrdId).stream().anyMatch((r) -> OrdStatus.FILLED == r.ordStatus() ||
            OrdStatus.CANCELED == r.ordStatus() || OrdStatus.REJECTED == r.ordStatus() ||
            ExecType.CANCELED == r.execType());
    }

    private List<ExecType> execTypes(final long clOrdId)
    {
        final List<ExecType> types = new ArrayList<>();
        recorder.reports(clOrdId).forEach((r) -> types.add(r.execType()));
        return types;
    }

    private List<Long> clOrdIds(final ExecType execType)
    {
        final List<Long> ids = new ArrayList<>();
        for (final SessionProbe.Report report : recorder.reports)
        {
            if (report.execType() == execType)
            {
                ids.add(ExecType.CANCELED == execType && 0 != report.origClOrdId() ?
                    report.origClOrdId() : report.clOrdId());
            }
        }
        return ids;
    }

    private long acknowledgedAfterRefusals()
    {
        long lastRefused = 0;
        for (final SessionProbe.Decision decision : recorder.decisions)
        {
            if (RiskResult.REJECTED == decision.result())
            {
                lastRefused = Math.max(lastRefused, decision.clOrdId());
            }
        }
        final long after = lastRefused;
        return 0 == after ? 0 : recorder.reports.stream()
            .filter((r) -> ExecType.NEW == r.execType() && r.clOrdId() > after).count();
    }

    private boolean allAnswered(final List<Long> sent)
    {
        for (final long id : sent)
        {
            final SessionProbe.Decision decision = recorder.decision(id);
            if (null == decision || (RiskResult.ACCEPTED == decision.result() && recorder.reports(id).isEmpty()))
            {
                return false;
            }
        }
        return true;
    }
}
