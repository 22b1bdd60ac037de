package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.gateway.venue.VenueSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static io.wirespeed.gateway.GatewayFixture.GAMMA;
import static io.wirespeed.gateway.GatewayFixture.NQ;
import static io.wirespeed.gateway.GatewayFixture.TICK;
import static io.wirespeed.gateway.GatewayFixture.TRIGGER_NS;
import static io.wirespeed.gateway.GatewayFixture.UNLISTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidationTest
{
    private GatewayFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new GatewayFixture(GatewayFixture.lenientRisk());
        fixture.quote(ES, ES_PRICE);
        fixture.quote(NQ, ES_PRICE);
    }

    @Test
    void acceptedOrderReachesTheVenueAndIsStamped()
    {
        fixture.buy(ALPHA, 7, ES_PRICE, 2);
        assertEquals(1, fixture.venue.newOrders);
        assertEquals(TRIGGER_NS, fixture.venue.lastTriggerRxTimestampNs);
        final RecordingOutput.Decision decision = fixture.output.lastDecision();
        assertEquals(RejectReason.NONE, decision.reason());
        assertEquals(ALPHA, decision.strategyId());
        assertEquals(7, decision.clOrdId());
        assertEquals(NewOrderDecoder.TEMPLATE_ID, decision.templateId());
        final RecordingOutput.Sent sent = fixture.output.sent.get(0);
        assertEquals(fixture.venue.lastSeqNum, sent.venueSeqNum());
        assertEquals(TRIGGER_NS, sent.triggerRxTimestampNs());
        assertEquals(fixture.clock.nanoTime(), sent.txTimestampNs());
        assertEquals(1, fixture.counters.get(GatewayCounter.ORDERS_ACCEPTED));
    }

    @Test
    void unknownStrategy()
    {
        assertRejected(RejectReason.UNKNOWN_STRATEGY, () -> fixture.buy(42, 1, ES_PRICE, 1));
        assertEquals(42, fixture.output.lastDecision().strategyId());
    }

    @Test
    void unknownInstrument()
    {
        assertRejected(RejectReason.UNKNOWN_INSTRUMENT, () -> fixture.logic.onNewOrder(ALPHA, 1, UNLISTED,
            Side.BUY, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE, 1, 0, 0));
    }

    @Test
    void instrumentTheStrategyMayNotTrade()
    {
        assertRejected(RejectReason.UNKNOWN_INSTRUMENT, () -> fixture.logic.onNewOrder(GAMMA, 1, NQ,
            Side.BUY, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE, 1, 0, 0));
    }

    @Test
    void quantityZeroOrNegative()
    {
        assertRejected(RejectReason.INVALID_QUANTITY, () -> fixture.buy(ALPHA, 1, ES_PRICE, 0));
        assertRejected(RejectReason.INVALID_QUANTITY, () -> fixture.buy(ALPHA, 2, ES_PRICE, -5));
        assertEquals(-5, fixture.output.lastDecision().observedValue());
    }

    @Test
    void quantityAboveTheInstrumentMaximum()
    {
        assertRejected(RejectReason.INVALID_QUANTITY, () -> fixture.buy(ALPHA, 1, ES_PRICE, 1001));
        assertEquals(1000, fixture.output.lastDecision().limitValue());
    }

    @Test
    void priceOffTick()
    {
        assertRejected(RejectReason.PRICE_NOT_ON_TICK, () -> fixture.buy(ALPHA, 1, ES_PRICE + TICK / 2, 1));
        assertEquals(TICK, fixture.output.lastDecision().limitValue());
    }

    @Test
    void limitOrderWithoutPrice()
    {
        assertRejected(RejectReason.PRICE_NOT_ON_TICK,
            () -> fixture.buy(ALPHA, 1, NewOrderDecoder.priceNullValue(), 1));
    }

    @Test
    void invalidSide()
    {
        assertRejected(RejectReason.INVALID_SIDE, () -> fixture.logic.onNewOrder(ALPHA, 1, ES,
            Side.NULL_VAL, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE, 1, 0, 0));
    }

    @Test
    void invalidOrderType()
    {
        assertRejected(RejectReason.INVALID_ORDER_TYPE, () -> fixture.logic.onNewOrder(ALPHA, 1, ES,
            Side.BUY, OrdType.NULL_VAL, TimeInForce.DAY, ES_PRICE, 1, 0, 0));
    }

    @Test
    void invalidTimeInForce()
    {
        assertRejected(RejectReason.INVALID_TIME_IN_FORCE, () -> fixture.logic.onNewOrder(ALPHA, 1, ES,
            Side.BUY, OrdType.LIMIT, TimeInForce.NULL_VAL, ES_PRICE, 1, 0, 0));
    }

    @Test
    void duplicateClientOrderIdOfALiveOrder()
    {
        fixture.buy(ALPHA, 5, ES_PRICE, 1);
        assertRejected(RejectReason.DUPLICATE_CLORDID, () -> fixture.buy(ALPHA, 5, ES_PRICE, 1));
        assertEquals(1, fixture.counters.get(GatewayCounter.REJECTED_DUPLICATE));
    }

    @Test
    void sameClientOrderIdOfAnotherStrategyIsNoDuplicate()
    {
        fixture.buy(ALPHA, 5, ES_PRICE, 1);
        fixture.buy(GatewayFixture.BETA, 5, ES_PRICE, 1);
        assertEquals(2, fixture.venue.newOrders);
    }

    @Test
    void sessionNotEstablished()
    {
        fixture.venue.state = SessionState.NEGOTIATED;
        assertRejected(RejectReason.SESSION_NOT_ESTABLISHED, () -> fixture.buy(ALPHA, 1, ES_PRICE, 1));
    }

    @Test
    void notSentBecauseNotEstablished()
    {
        fixture.venue.refuseWith = VenueSession.NOT_SENT_NOT_ESTABLISHED;
        assertRejected(RejectReason.SESSION_NOT_ESTABLISHED, () -> fixture.buy(ALPHA, 1, ES_PRICE, 1));
        assertEquals(0, fixture.logic.state().openOrders(ALPHA));
    }

    @Test
    void notSentBecauseBackPressured()
    {
        fixture.venue.refuseWith = VenueSession.NOT_SENT_BACK_PRESSURED;
        assertRejected(RejectReason.VENUE_MESSAGE_RATE, () -> fixture.buy(ALPHA, 1, ES_PRICE, 1));
        fixture.venue.refuseWith = 0;
        fixture.buy(ALPHA, 1, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    @Test
    void notSentBecauseTheJournalIsFull()
    {
        fixture.venue.refuseWith = VenueSession.NOT_SENT_JOURNAL_FULL;
        assertRejected(RejectReason.JOURNAL_FULL, () -> fixture.buy(ALPHA, 1, ES_PRICE, 1));
        assertEquals(0, fixture.logic.state().openOrders(ALPHA));
        fixture.venue.refuseWith = 0;
        fixture.buy(ALPHA, 1, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    private void assertRejected(final RejectReason reason, final Runnable request)
    {
        final long sentBefore = fixture.venue.newOrders;
        final int decisionsBefore = fixture.output.decisions.size();
        request.run();
        assertEquals(sentBefore, fixture.venue.newOrders, "reached the venue");
        assertEquals(decisionsBefore + 1, fixture.output.decisions.size());
        assertEquals(reason, fixture.output.lastDecision().reason());
        assertEquals(TRIGGER_NS == fixture.output.lastDecision().triggerRxTimestampNs() ? TRIGGER_NS : 0,
            fixture.output.lastDecision().triggerRxTimestampNs());
    }
}
