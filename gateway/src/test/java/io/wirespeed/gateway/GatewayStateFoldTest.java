package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.BETA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static io.wirespeed.gateway.GatewayFixture.GAMMA;
import static io.wirespeed.gateway.GatewayFixture.OPERATOR;
import static io.wirespeed.gateway.GatewayFixture.TRIGGER_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's GATEWAY_STATE records, captured from a real run of the order logic through a journal tap, folded
 * ({@link GatewayStateFold}) and restored into a new order logic (the old one dropped, as kill -9 drops it): open
 * orders, positions, latches, limits, ids and the session's sequence numbers come back; a venue message the gateway
 * died in the middle of leaves no effect; new orders wait for reconciliation; nothing is sent unjournaled.
 */
class GatewayStateFoldTest
{
    private static final long FIRST_ID = 1_000;
    private static final long NULL_PRICE = Long.MIN_VALUE;

    @TempDir
    Path dir;

    private CountersFile countersFile;
    private TapRing ring;
    private JournalTap tap;

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(dir.resolve("counters"), 16);
        ring = TapRing.create(dir.resolve("tap"), 1 << 20);
        tap = new JournalTap(ring, countersFile.newCounter(1, "tap: records lost"));
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(ring, countersFile);
    }

    /**
     * One venue application message as the session delivers it: announced, applied, marked processed.
     */
    private static void venueMessage(final GatewayFixture fixture, final long seqNum, final Runnable effects)
    {
        fixture.venue.listener.onVenueMessage(TestVenue.UUID, seqNum);
        effects.run();
        fixture.venue.listener.onVenueMessageProcessed(TestVenue.UUID, seqNum, fixture.clock.nanoTime());
    }

    private GatewayStateFold foldRing()
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
        return fold;
    }

    /**
     * Alpha's 5-lot (acknowledged, 2 filled, a cancel in flight), beta's 3-lot (filled), alpha's unacknowledged
     * 1-lot, gamma killed, alpha's max order qty set to 50; then a fill of alpha's 5-lot the gateway dies in.
     */
    private GatewayFixture run()
    {
        final GatewayFixture fixture = new GatewayFixture(GatewayFixture.lenientRisk(), tap, FIRST_ID);
        fixture.quote(ES, ES_PRICE);
        final long t = fixture.clock.nanoTime();
        fixture.buy(ALPHA, 1, ES_PRICE, 5);
        final long a = fixture.venue.lastOrderId;
        venueMessage(fixture, 1, () -> fixture.venue.listener.onOrderAccepted(a, 900_001, t, t));
        venueMessage(fixture, 2, () -> fixture.venue.listener.onFill(a, 900_001, 11, 1, ES_PRICE, 2, 3, 2, t, t));
        fixture.sell(BETA, 1, ES_PRICE, 3);
        final long b = fixture.venue.lastOrderId;
        venueMessage(fixture, 3, () -> fixture.venue.listener.onOrderAccepted(b, 900_002, t, t));
        venueMessage(fixture, 4, () -> fixture.venue.listener.onFill(b, 900_002, 12, 2, ES_PRICE, 3, 0, 3, t, t));
        fixture.buy(ALPHA, 2, ES_PRICE, 1);
        fixture.logic.onCancelOrder(ALPHA, 3, 1, ES, TRIGGER_NS);
        fixture.logic.onKill(ControlScope.STRATEGY, GAMMA, OPERATOR);
        fixture.logic.onSetLimit(ControlScope.STRATEGY, ALPHA, LimitType.MAX_ORDER_QTY, 50, OPERATOR);

        // the venue's SeqNum 5 fills 1 more of alpha's 5-lot; the gateway dies before it has all its effects
        fixture.venue.listener.onVenueMessage(TestVenue.UUID, 5);
        fixture.venue.listener.onFill(a, 900_001, 13, 3, ES_PRICE, 1, 2, 3, t, t);
        return fixture;
    }

    @Test
    void foldOfARealRunRestoresOpenOrdersPositionsLatchesLimitsIdsAndSequenceNumbers()
    {
        final GatewayFixture before = run();
        final RestoredGatewayState restored = foldRing().result();

        assertEquals(TestVenue.UUID, restored.session().uuid());
        assertEquals(4, restored.session().lastProcessedSeqNum(), "SeqNum 5 has no processed mark");
        assertEquals(before.venue.nextSeqNum, restored.session().nextSentSeqNum(), "above all 4 sent");
        assertEquals(2, restored.openOrders().size());
        final RestoredGatewayState.OrderState fiveLot = restored.openOrders().get(0);
        assertEquals(1, fiveLot.clOrdId());
        assertEquals(ALPHA, fiveLot.strategyId());
        assertEquals(900_001, fiveLot.venueOrderId());
        assertEquals(2, fiveLot.cumQty(), "the fill of SeqNum 5 is not restored: the venue sends it again");
        assertEquals(3, fiveLot.leavesQty());
        assertEquals(Order.CANCEL_REQUEST, fiveLot.pending());
        assertEquals(3, fiveLot.pendingClOrdId());
        final RestoredGatewayState.OrderState oneLot = restored.openOrders().get(1);
        assertEquals(2, oneLot.clOrdId());
        assertEquals(OrdStatus.PENDING_NEW, oneLot.status());
        assertEquals(0, oneLot.venueOrderId());
        assertEquals(2, restored.position(ALPHA, ES));
        assertEquals(-3, restored.position(BETA, ES));
        assertEquals(Boolean.TRUE,
            restored.killLatches().get(new RestoredGatewayState.LatchKey(ControlScope.STRATEGY, GAMMA)));
        assertTrue(restored.limits().contains(
            new RestoredGatewayState.LimitChange(ControlScope.STRATEGY, ALPHA, LimitType.MAX_ORDER_QTY, 50)));
        assertTrue(restored.highestRequestId() >= FIRST_ID + StateJournal.ID_BLOCK - 1, "the reserved block");
        assertEquals(0, tap.lostRecords());
    }

    @Test
    void aRestoredLogicRefusesNewOrdersUntilReconciledThenAppliesWhatItMissedOnce()
    {
        run();
        final RestoredGatewayState restored = foldRing().result();

        // the old logic is dropped; a new one starts from the fold, its clock-derived first id below the journal's
        final GatewayFixture after = new GatewayFixture(GatewayFixture.lenientRisk(), tap, 1);
        after.quote(ES, ES_PRICE);
        after.venue.nextSeqNum = restored.session().nextSentSeqNum();
        assertEquals(2, after.logic.restore(restored));
        final GatewayState state = after.logic.state();
        assertEquals(2, state.position(ALPHA, ES));
        assertEquals(-1, state.accountPosition(state.accountId("ACC1"), ES));
        assertEquals(2, state.openOrders(ALPHA));
        assertEquals(2, state.liveOrders());
        assertEquals(4, state.openQty(ALPHA, ES, io.wirespeed.codecs.internal.Side.BUY));
        assertTrue(state.isKilled(GAMMA));
        assertFalse(state.isKilled(ALPHA));
        assertEquals(50, state.limit(ControlScope.STRATEGY, ALPHA, LimitType.MAX_ORDER_QTY));
        assertTrue(after.logic.isReconciling());

        after.buy(ALPHA, 10, ES_PRICE, 1);
        assertEquals(RejectReason.RECONCILING, after.output.lastDecision().reason());
        assertEquals(1, after.counters.get(GatewayCounter.REJECTED_RECONCILING));
        assertEquals(0, after.venue.newOrders);

        // the venue retransmits SeqNum 5: applied once, reported to alpha
        final long t = after.clock.nanoTime();
        final long a = restored.openOrders().get(0).orderId();
        venueMessage(after, 5, () -> after.venue.listener.onFill(a, 900_001, 13, 3, ES_PRICE, 1, 2, 3, t, t));
        assertEquals(3, state.position(ALPHA, ES));
        final RecordingOutput.Report fill = after.output.lastReport();
        assertEquals(ExecType.TRADE, fill.execType());
        assertEquals(ALPHA, fill.strategyId());
        assertEquals(1, fill.clOrdId());
        assertEquals(1, fill.lastQty());

        // established with nothing left to recover: the status of every open order is asked
        after.logic.sweepKills();
        assertEquals(List.of(900_001L), List.of(after.venue.statusVenueOrderIds.getLong(0)));
        assertEquals(1, after.venue.massStatusSecurityIds.size(), "the unacknowledged order's instrument");
        assertTrue(after.logic.isReconciling());
        after.venue.listener.onOrderStatus(a, 900_001, OrdStatus.PARTIALLY_FILLED, ES_PRICE, 5, 3, 2, t, t);
        assertFalse(after.logic.isReconciling());
        assertEquals(1, after.counters.get(GatewayCounter.RESTORES_RECONCILED));

        after.buy(ALPHA, 11, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, after.output.lastDecision().reason());
        assertTrue(after.venue.lastOrderId > restored.highestRequestId(), "no gateway id used twice");
    }

    @Test
    void aNewOrderWhoseRecordsWouldNotFitIsRefusedNotSent()
    {
        final GatewayFixture fixture = new GatewayFixture(GatewayFixture.lenientRisk(), tap, FIRST_ID);
        fixture.quote(ES, ES_PRICE);
        final UnsafeBuffer filler = new UnsafeBuffer(new byte[4096]);
        for (int length = filler.capacity(); length >= 8; length /= 2)
        {
            while (tap.hasRoomFor(length))
            {
                tap.record(JournalStream.RAW_FRAME_IN, 0, 0, filler, 0, length);
            }
        }

        fixture.buy(ALPHA, 1, ES_PRICE, 1);

        assertEquals(RejectReason.JOURNAL_BEHIND, fixture.output.lastDecision().reason());
        assertEquals(1, fixture.counters.get(GatewayCounter.REJECTED_JOURNAL_BEHIND));
        assertEquals(0, fixture.venue.newOrders, "never sent unjournaled");

        foldRing();
        fixture.buy(ALPHA, 2, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
        assertEquals(1, fixture.venue.newOrders);
    }
}
