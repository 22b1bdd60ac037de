package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.Execution;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.gateway.GatewayCounters;
import io.wirespeed.gateway.GatewayOutput;
import io.wirespeed.gateway.GatewayStateFold;
import io.wirespeed.gateway.OrderGatewayLogic;
import io.wirespeed.gateway.RestoredGatewayState;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.gateway.session.SessionCounters;
import io.wirespeed.gateway.session.SessionResume;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.venue.AcceptorCounter;
import io.wirespeed.sim.venue.VenueCounter;
import org.agrona.CloseHelper;
import org.agrona.collections.LongHashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order logic killed mid-stream and restarted from its journal, against the real simulator (its FIXP acceptor over
 * loopback TCP keeps the session across the client's TCP death, as CME does): the old logic and its session are
 * dropped with three orders resting (their socket closed, as kill -9 closes it), another firm fills them while the
 * gateway is down, and a new logic is built from the fold of the records the old one wrote through its journal tap.
 * It must establish the same UUID (Establish, not Negotiate) without a low SeqNum at the venue, recover the fills
 * and publish each once to the strategy that owns the order, refuse new orders until reconciled, end with the
 * venue's position, and never send a ClOrdID twice, though its clock-derived first id is below the old one's ids.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class GatewayJournalRestartSystemTest
{
    private static final int ES = OrderPathRig.ES;
    private static final long TICK = OrderPathRig.TICK;
    private static final long STRATEGY = 11;
    private static final long MAX_PUMPS = 5_000_000;

    @TempDir
    Path dir;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    private final String secret = secret();
    private final Outcomes outcomes = new Outcomes();
    private final List<Throwable> alarms = new ArrayList<>();
    private WirespeedConfig config;
    private Venue venue;
    private CountersFile countersFile;
    private TapRing ring;
    private JournalTap tap;
    private GatewayCounters counters;
    private SessionCounters sessionCounters;
    private OrderGatewayLogic logic;
    private FixpInitiator session;
    private FixpInitiator counterparty;

    @AfterEach
    void stop()
    {
        if (null != session)
        {
            session.onClose();
        }
        if (null != counterparty)
        {
            counterparty.onClose();
        }
        CloseHelper.closeAll(venue, ring, countersFile);
    }

    @Test
    void restartFromTheJournalResumesTheSessionAndRecoversWhatHappenedWhileDown()
    {
        start();
        newLogic(SessionResume.NONE, null);
        pump(() -> SessionState.ESTABLISHED == session.state(), "first session established");
        final long oldUuid = session.uuid();
        final MbpBook book = book();
        pump(() -> book.levelCount(io.wirespeed.sim.Side.BID) > 0 && book.levelCount(io.wirespeed.sim.Side.ASK) > 0,
            "a two-sided market");
        final long bestBid = book.price(io.wirespeed.sim.Side.BID, 1);
        final long bestAsk = book.price(io.wirespeed.sim.Side.ASK, 1);
        logic.onTopOfBook(ES, bestBid, bestAsk);

        // before the crash: one order filled at once, three resting below the market
        final long price = bestBid - 2 * TICK;
        logic.onNewOrder(STRATEGY, 1, ES, Side.BUY, OrdType.LIMIT, TimeInForce.IOC, bestAsk, 1, 0, 0);
        for (int i = 2; i <= 4; i++)
        {
            logic.onNewOrder(STRATEGY, i, ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, 2, 0, 0);
        }
        pump(() -> outcomes.filled(1) == 1 && outcomes.accepted.size() >= 4, "one filled, three resting");

        // kill -9: the logic and its session are gone, the kernel closes the socket; nothing else runs for them
        session.onClose();
        session = null;
        logic = null;

        // another firm sells through the three resting bids while the gateway is down
        final GatewayRestartSystemTest.Ledger sold = new GatewayRestartSystemTest.Ledger();
        counterparty = new FixpInitiator(new GatewayContext().venueHost("127.0.0.1").venuePort(venue.acceptor.port())
            .sessionId("CPT").firmId("F2").accessKeyId(config.gateway().accessKeyId())
            .secretRef(config.gateway().secretRef()), secret, FixpInitiator.newUuid(clock.nanoTime()),
            new TcpVenueTransport(), sold, clock, SessionCounters.inMemory("counterparty"));
        pump(() -> SessionState.ESTABLISHED == counterparty.state(), "counterparty established");
        assertTrue(counterparty.sendNewOrder(1, ES, Side.SELL, OrdType.LIMIT, TimeInForce.IOC, price, 500, 0) > 0);
        pump(() -> sold.done.contains(1), "the counterparty's sell done");

        // the fold of what the old logic journaled
        final RestoredGatewayState restored = fold();
        assertEquals(oldUuid, restored.session().uuid());
        assertEquals(3, restored.openOrders().size());
        assertEquals(1, restored.position(STRATEGY, ES));
        final long establishmentsBefore = venue.acceptor.counters().value(AcceptorCounter.ESTABLISHMENTS);
        final long negotiationsBefore = venue.acceptor.counters().value(AcceptorCounter.NEGOTIATIONS);

        // the new logic, from the fold; new orders wait for reconciliation
        outcomes.clear();
        newLogic(restored.session(), restored);
        logic.onTopOfBook(ES, bestBid, bestAsk);
        logic.onNewOrder(STRATEGY, 10, ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price - TICK, 1, 0, 0);
        assertEquals(RejectReason.RECONCILING, outcomes.decisions.get(0));
        pump(() -> !logic.isReconciling(), "reconciled");

        assertEquals(oldUuid, session.uuid(), "the same UUID");
        assertEquals(negotiationsBefore, venue.acceptor.counters().value(AcceptorCounter.NEGOTIATIONS),
            "Establish, not Negotiate");
        assertEquals(establishmentsBefore + 1, venue.acceptor.counters().value(AcceptorCounter.ESTABLISHMENTS));
        assertEquals(0, venue.acceptor.counters().value(AcceptorCounter.DUPLICATES), "no low SeqNum at the venue");
        assertTrue(sessionCounters.value(SessionCounter.GAPS) >= 1, "the fills recovered by RetransmitRequest");
        for (long clOrdId = 2; clOrdId <= 4; clOrdId++)
        {
            assertEquals(2, outcomes.filled(clOrdId), "the fill of " + clOrdId + " published once");
        }
        assertEquals(0, outcomes.filled(1), "the fill processed before the crash is not published again");
        assertEquals(3, outcomes.fills, "three fills, no more");
        assertEquals(outcomes.fills, outcomes.execIds.size(), "each execution once");
        assertEquals(7, logic.state().position(STRATEGY, ES), "1 before the crash and 6 while down");
        assertEquals(venue.orders.orders().netFilledQty(oldUuid), logic.state().position(STRATEGY, ES),
            "the gateway's position is the venue's");
        assertTrue(alarms.isEmpty(), alarms::toString);

        // after reconciliation orders flow again, their ClOrdIDs never used before
        logic.onNewOrder(STRATEGY, 11, ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price - TICK, 1, 0, 0);
        pump(() -> outcomes.accepted.size() >= 1, "a new order after the restart accepted");
        assertEquals(venue.orders.orders().ordersReceived(oldUuid),
            venue.orders.orders().clOrdIdsReceived(oldUuid).size(), "no ClOrdID twice on the wire");
        assertEquals(0, venue.orders.counters().value(VenueCounter.DUPLICATE_CL_ORD_IDS));
        assertEquals(1, counters.get(GatewayCounter.RESTORES_RECONCILED));
    }

    private void start()
    {
        config = WirespeedConfig.readDefault();
        config.nic().shm().path(dir.resolve("nic"));
        config.aeron().dir(dir.resolve("aeron"));
        config.sim().snapshotIntervalMs(20).messageRatePerSecond(1).cancelOnDisconnect(false);
        config.addStrategy(new StrategyContext().id((int)STRATEGY).name("s1").account("ACC"));
        config.risk().defaults().maxOrderQty(1_000).maxPosition(10_000).maxOpenOrders(5_000)
            .maxOrdersPerSecond(100_000).maxMessagesPerSecond(100_000).autoKillOnBreach(false);
        config.risk().accounts().values().forEach((limits) -> limits.maxPosition(10_000).maxOpenOrders(5_000));
        config.risk().strategies().values().forEach((limits) -> limits.maxPosition(10_000));
        config.conclude();
        venue = new Venue(config, clock, dir.resolve("venue-counters"), "127.0.0.1", 0,
            Map.of(config.gateway().accessKeyId(), secret));
        config.gateway().venueHost("127.0.0.1").venuePort(venue.port());
        venue.agent.onStart();
        countersFile = CountersFile.create(dir.resolve("counters"), 256);
        counters = new GatewayCounters(countersFile::newCounter);
        ring = TapRing.create(dir.resolve("gateway-tap"), TapRing.CAPACITY_DEFAULT);
        tap = new JournalTap(ring, countersFile.newCounter(9_000, "gateway tap: records lost"));
    }

    /**
     * A logic as the appliance builds it: first id from the clock, a session resuming what was restored.
     */
    private void newLogic(final SessionResume resume, final RestoredGatewayState restored)
    {
        sessionCounters = SessionCounters.inMemory("gateway-" + clock.nanoTime());
        logic = new OrderGatewayLogic(config.instruments(), config.strategies(), config.risk(), false,
            (listener) -> session = FixpInitiator.resume(config.gateway(), secret, resume, new TcpVenueTransport(),
                listener, clock, sessionCounters, alarms::add),
            outcomes, counters, clock, 1024, clock.nanoTime() / 1_000, tap);
        logic.venueThrottle(100_000, 200_000);
        if (null != restored)
        {
            logic.restore(restored);
        }
    }

    private RestoredGatewayState fold()
    {
        final GatewayStateFold fold = new GatewayStateFold();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final JournalRecordHeaderDecoder record = new JournalRecordHeaderDecoder();
        int read;
        do
        {
            read = ring.ring().read((typeId, buffer, index, length) ->
            {
                record.wrapAndApplyHeader(buffer, index, header);
                fold.onRecord(record.stream(), buffer, index + JournalTap.RECORD_HEADER_LENGTH,
                    (int)record.payloadLength());
            });
        }
        while (read > 0);
        return fold.result();
    }

    private MbpBook book()
    {
        for (final MarketDataSimulator simulator : venue.simulators)
        {
            for (int i = 0; i < simulator.instrumentCount(); i++)
            {
                try
                {
                    final MbpBook book = simulator.book(ES);
                    if (null != book)
                    {
                        return book;
                    }
                }
                catch (final RuntimeException ignored)
                {
                    break;
                }
            }
        }
        throw new AssertionError("no simulator trades " + ES);
    }

    private void pump(final BooleanSupplier condition, final String what)
    {
        for (long i = 0; i < MAX_PUMPS; i++)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            clock.advance(OrderPathRig.STEP_NS);
            venue.agent.doWork();
            if (null != session)
            {
                session.doWork();
                logic.sweepKills();
            }
            if (null != counterparty)
            {
                counterparty.doWork();
            }
        }
        throw new AssertionError("not reached: " + what);
    }

    private static String secret()
    {
        final byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /**
     * What the order logic published, as a strategy and the risk log would see it.
     */
    static final class Outcomes implements GatewayOutput
    {
        final List<RejectReason> decisions = new ArrayList<>();
        final LongHashSet accepted = new LongHashSet();
        final LongHashSet execIds = new LongHashSet();
        final org.agrona.collections.Long2LongHashMap filledByClOrdId = new org.agrona.collections.Long2LongHashMap(0);
        long fills;

        long filled(final long clOrdId)
        {
            return filledByClOrdId.get(clOrdId);
        }

        void clear()
        {
            decisions.clear();
            accepted.clear();
            execIds.clear();
            filledByClOrdId.clear();
            fills = 0;
        }

        public void onRiskDecision(
            final long strategyId,
            final long clOrdId,
            final int securityId,
            final int requestTemplateId,
            final RejectReason reason,
            final long limitValue,
            final long observedValue,
            final long triggerRxTimestampNs,
            final long gatewayRxTimestampNs,
            final long decisionTimestampNs)
        {
            decisions.add(reason);
        }

        public void onOrderSent(
            final long strategyId,
            final long clOrdId,
            final int securityId,
            final long venueSeqNum,
            final long triggerRxTimestampNs,
            final long strategyTimestampNs,
            final long gatewayRxTimestampNs,
            final long txTimestampNs)
        {
        }

        public void onExecutionReport(final Execution report)
        {
            if (ExecType.NEW == report.execType())
            {
                accepted.add(report.clOrdId());
            }
            else if (ExecType.TRADE == report.execType())
            {
                fills++;
                execIds.add(report.execId());
                filledByClOrdId.put(report.clOrdId(), filledByClOrdId.get(report.clOrdId()) + report.lastQty());
            }
        }

        public void onControlAck(
            final int controlTemplateId,
            final ControlScope scope,
            final long targetId,
            final ControlRefusal refusal,
            final long openOrders,
            final long cancelsSent,
            final long canceled,
            final boolean complete,
            final byte[] operator,
            final long timestampNs)
        {
        }

        public void onSessionEvent(
            final SessionState state,
            final long uuid,
            final long nextSentSeqNum,
            final long nextReceivedSeqNum,
            final int venueReasonCode,
            final long timestampNs,
            final SessionAlarm alarm,
            final long alarmValue)
        {
        }

    }
}
