package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.PreviousSession;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.gateway.session.SessionCounters;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.sim.venue.VenueCounter;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyOrder;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.OrderPathRig.TICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway restart against the real simulator, which holds execution reports for the gateway's old UUID: the
 * gateway dies with orders resting, another participant fills them while it is down (the venue sends the fills on the
 * old UUID into a connection nobody reads), and a new gateway session negotiates a new UUID knowing the old one and
 * the last sequence number processed on it. Every fill must arrive exactly once: the old UUID's through a
 * RetransmitRequest with LastUUID, the new UUID's live, none dropped as a duplicate. The venue's own order status
 * answers are the truth the quantities are checked against.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class GatewayRestartSystemTest
{
    private static final long MAX_PUMPS = 5_000_000;

    @TempDir
    Path dir;

    private OrderPathRig rig;
    private FixpInitiator counterparty;
    private FixpInitiator restarted;

    @AfterEach
    void stop()
    {
        if (null != restarted)
        {
            restarted.onClose();
        }
        if (null != counterparty)
        {
            counterparty.onClose();
        }
        rig.close();
    }

    @Test
    void everyFillHeldForTheOldUuidArrivesOnceAfterARestartWithANewUuid() throws Exception
    {
        rig = new OrderPathRig(dir, (config) -> config.sim().cancelOnDisconnect(false));
        final StrategyClient s1 = rig.strategy("s1");
        rig.awaitReady();
        final String secret = rig.secret;

        // before the crash: one order filled at once (the old gateway processes its fill), three resting below
        final long bestAsk = s1.book(ES).bestAsk();
        final long price = s1.book(ES).bestBid() - 2 * TICK;
        final long filled = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.IOC, bestAsk, 1, 0);
        final List<StrategyOrder> resting = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final long clOrdId = s1.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 2, 0);
            assertTrue(clOrdId > 0);
            resting.add(s1.orders().order(clOrdId));
        }
        final StrategyOrder filledOrder = s1.orders().order(filled);
        rig.pumpUntil(() -> OrdStatus.FILLED == filledOrder.status() && resting.stream()
            .allMatch((o) -> OrdStatus.NEW == o.status()), "one order filled, three resting");
        final long oldUuid = rig.appliance.session.uuid();

        // the counterparty, another firm's session on the same venue
        final Ledger counterpartyLedger = new Ledger();
        counterparty = new FixpInitiator(new GatewayContext().venueHost("127.0.0.1").venuePort(rig.venue.acceptor
            .port()).sessionId("CPT").firmId("F2").accessKeyId(rig.config.gateway().accessKeyId())
            .secretRef(rig.config.gateway().secretRef()), secret, FixpInitiator.newUuid(rig.clock.nanoTime()),
            new TcpVenueTransport(), counterpartyLedger, rig.clock, SessionCounters.inMemory("counterparty"));
        venueOnly(() -> SessionState.ESTABLISHED == counterparty.state(), "counterparty established");

        // the gateway is gone (its thread no longer runs, its socket stays open and unread); the counterparty sells
        // through the three resting bids, so the venue sends their fills on the old UUID
        final long fillsBefore = rig.venue.orders.counters().value(VenueCounter.FILLS);
        assertTrue(counterparty.sendNewOrder(1, ES, Side.SELL, OrdType.LIMIT, TimeInForce.IOC, price, 500, 0) > 0);
        venueOnly(() -> counterpartyLedger.done.contains(1), "the counterparty's sell done");
        assertTrue(rig.venue.orders.counters().value(VenueCounter.FILLS) - fillsBefore >= 6,
            "fills of the three resting orders and the counterparty's own");

        // the gateway restarts with a new UUID, knowing its previous session
        final PreviousSession previous = rig.appliance.session.asPreviousSession();
        assertEquals(oldUuid, previous.uuid());
        final Ledger ledger = new Ledger();
        final SessionCounters counters = SessionCounters.inMemory("restarted");
        final List<Throwable> alarms = new ArrayList<>();
        restarted = new FixpInitiator(rig.config.gateway(), secret, FixpInitiator.newUuid(rig.clock.nanoTime()),
            previous, new TcpVenueTransport(), ledger, rig.clock, counters, alarms::add);
        venueOnly(() -> SessionState.ESTABLISHED == restarted.state() &&
            resting.stream().allMatch((o) -> ledger.qtyByVenueOrder.get(o.orderId()) == 2),
            "the old UUID's fills recovered");

        // the new UUID's own messages arrive too: an order that trades at once
        final long bid = counterparty.sendNewOrder(2, ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 1, 0);
        assertTrue(bid > 0);
        venueOnly(() -> counterpartyLedger.accepted.contains(2), "the counterparty's bid resting");
        assertTrue(restarted.sendNewOrder(900, ES, Side.SELL, OrdType.LIMIT, TimeInForce.IOC, price, 1, 0) > 0);
        venueOnly(() -> ledger.done.contains(900), "the new UUID's order done");

        // the venue's truth for every order: status answers
        for (final StrategyOrder order : resting)
        {
            assertTrue(restarted.sendOrderStatus(order.clOrdId(), order.orderId()) > 0);
        }
        assertTrue(restarted.sendOrderStatus(filledOrder.clOrdId(), filledOrder.orderId()) > 0);
        venueOnly(() -> ledger.statusCumQty.size() == 4, "order status answers");

        for (final StrategyOrder order : resting)
        {
            final long venueCum = ledger.statusCumQty.get(order.orderId());
            assertEquals(2, venueCum, "the venue filled " + order);
            assertEquals(0, order.cumQty(), "the old gateway never read these fills: " + order);
            assertEquals(venueCum, order.cumQty() + ledger.qtyByVenueOrder.get(order.orderId()),
                "old gateway's fills + restarted session's fills == the venue's, for " + order);
        }
        assertEquals(1, ledger.statusCumQty.get(filledOrder.orderId()));
        assertEquals(Ledger.MISSING, ledger.qtyByVenueOrder.get(filledOrder.orderId()),
            "the fill the old gateway processed is not delivered again");
        assertEquals(1, ledger.qtyByVenueOrder.get(ledger.venueOrderOf(900)), "the new UUID's own fill");
        assertEquals(ledger.fills, ledger.execIds.size(), "every execution id once");

        assertEquals(0, counters.value(SessionCounter.DUPLICATES));
        assertEquals(0, counters.value(SessionCounter.UNKNOWN_PREVIOUS_UUIDS));
        assertEquals(0, counters.value(SessionCounter.RETRANSMIT_REJECTS));
        assertTrue(counters.value(SessionCounter.PREVIOUS_UUID_REQUESTS) >= 1);
        assertEquals(3, counters.value(SessionCounter.PREVIOUS_UUID_RECOVERED), "the three fills of the old UUID");
        assertTrue(alarms.isEmpty(), alarms::toString);
        assertFalse(ledger.alarms.contains(SessionAlarm.UNKNOWN_PREVIOUS_UUID));
        System.out.println("gateway restart: old UUID " + oldUuid + " processed to " + previous.lastProcessedSeqNo() +
            ", new UUID " + restarted.uuid() + "; recovered " + counters.value(SessionCounter.PREVIOUS_UUID_RECOVERED) +
            " messages of the old UUID, " + ledger.fills + " fills, duplicates " +
            counters.value(SessionCounter.DUPLICATES));
    }

    /**
     * Drive the venue, the counterparty and the restarted session; the old appliance stays frozen.
     */
    private void venueOnly(final BooleanSupplier condition, final String what) throws Exception
    {
        for (long i = 0; i < MAX_PUMPS; i++)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            rig.clock.advance(OrderPathRig.STEP_NS);
            rig.venue.agent.doWork();
            if (null != counterparty)
            {
                counterparty.doWork();
            }
            if (null != restarted)
            {
                restarted.doWork();
            }
        }
        throw new AssertionError("not reached: " + what);
    }

    /**
     * What a session is told, by venue order id.
     */
    static final class Ledger implements VenueListener
    {
        static final long MISSING = -1;

        final Long2LongHashMap qtyByVenueOrder = new Long2LongHashMap(MISSING);
        final Long2LongHashMap venueOrderByOrder = new Long2LongHashMap(MISSING);
        final Long2LongHashMap statusCumQty = new Long2LongHashMap(MISSING);
        final LongHashSet execIds = new LongHashSet();
        final LongHashSet accepted = new LongHashSet();
        final LongHashSet done = new LongHashSet();
        final List<SessionAlarm> alarms = new ArrayList<>();
        long fills;

        long venueOrderOf(final long orderId)
        {
            return venueOrderByOrder.get(orderId);
        }

        public void onOrderAccepted(
            final long orderId, final long venueOrderId, final long transactTimeNs, final long rxTimestampNs)
        {
            accepted.add(orderId);
            venueOrderByOrder.put(orderId, venueOrderId);
        }

        public void onFill(
            final long orderId,
            final long venueOrderId,
            final long execId,
            final long mdTradeEntryId,
            final long lastPrice,
            final long lastQty,
            final long leavesQty,
            final long cumQty,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
            fills++;
            execIds.add(execId);
            venueOrderByOrder.put(orderId, venueOrderId);
            final long before = qtyByVenueOrder.get(venueOrderId);
            qtyByVenueOrder.put(venueOrderId, (MISSING == before ? 0 : before) + lastQty);
            if (0 == leavesQty)
            {
                done.add(orderId);
            }
        }

        public void onCanceled(
            final long requestId,
            final long orderId,
            final long venueOrderId,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
            done.add(orderId);
        }

        public void onReplaced(
            final long requestId,
            final long origOrderId,
            final long venueOrderId,
            final long price,
            final long orderQty,
            final long leavesQty,
            final long cumQty,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
        }

        public void onOrderRejected(
            final long orderId,
            final RejectReason reason,
            final int venueReasonCode,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
            done.add(orderId);
        }

        public void onCancelOrReplaceRejected(
            final long requestId,
            final long origOrderId,
            final boolean replace,
            final RejectReason reason,
            final int venueReasonCode,
            final long rxTimestampNs)
        {
        }

        public void onOrderStatus(
            final long orderId,
            final long venueOrderId,
            final OrdStatus status,
            final long price,
            final long orderQty,
            final long cumQty,
            final long leavesQty,
            final long transactTimeNs,
            final long rxTimestampNs)
        {
            statusCumQty.put(venueOrderId, cumQty);
        }

        public void onSessionAlarm(final SessionAlarm alarm, final long value, final long timestampNs)
        {
            alarms.add(alarm);
        }

        public void onMassCancelReport(
            final long requestId, final boolean accepted, final int totalAffected, final long rxTimestampNs)
        {
        }

        public void onBusinessReject(final long refSeqNum, final int venueReasonCode, final long rxTimestampNs)
        {
        }

        public void onNotApplied(final long fromSeqNum, final int count, final long rxTimestampNs)
        {
        }

        public void onSessionState(final SessionState state, final int venueReasonCode, final long timestampNs)
        {
        }
    }
}
