package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SetLimitDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.RiskContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.wirespeed.gateway.GatewayFixture.OPERATOR;
import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.BETA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static io.wirespeed.gateway.GatewayFixture.GAMMA;
import static io.wirespeed.gateway.GatewayFixture.TICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreTradeRiskTest
{
    private GatewayFixture fixture = new GatewayFixture(GatewayFixture.lenientRisk());

    @Test
    void priceCollarInTicksFromTheMid()
    {
        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 1, ES_PRICE + 20 * TICK, 1);
        assertAccepted();
        assertRejected(RejectReason.PRICE_COLLAR, 20, 21, () -> fixture.buy(ALPHA, 2, ES_PRICE + 21 * TICK, 1));
        assertRejected(RejectReason.PRICE_COLLAR, 20, 30, () -> fixture.sell(ALPHA, 3, ES_PRICE - 30 * TICK, 1));
    }

    @Test
    void priceCollarRefusesAReferenceOlderThanTheConfiguredAgeOrFromAStaleBook()
    {
        fixture.logic.referencePriceMaxAgeNs(1_000_000_000L);
        fixture.quote(ES, ES_PRICE);
        fixture.clock.advance(1_000_000_000L);
        fixture.buy(ALPHA, 1, ES_PRICE, 1);
        assertAccepted();
        fixture.clock.advance(1);
        assertRejected(RejectReason.STALE_REFERENCE_PRICE, 1_000_000_000L, 0, () -> fixture.buy(ALPHA, 2, ES_PRICE, 1));
        assertEquals(1, fixture.counters.get(GatewayCounter.REJECTED_STALE_REFERENCE));

        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 3, ES_PRICE, 1);
        assertAccepted();
        fixture.logic.onFeedState(0, 1, true);
        assertRejected(RejectReason.STALE_REFERENCE_PRICE, 1_000_000_000L, 0, () -> fixture.buy(ALPHA, 4, ES_PRICE, 1));
        fixture.logic.onFeedState(ES, 0, false);
        fixture.buy(ALPHA, 5, ES_PRICE, 1);
        assertAccepted();
    }

    @Test
    void priceCollarInBasisPoints()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").priceCollarBps(10);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 1, ES_PRICE + 16 * TICK, 1);
        assertAccepted();
        assertRejected(RejectReason.PRICE_COLLAR, 10, 11, () -> fixture.buy(ALPHA, 2, ES_PRICE + 17 * TICK, 1));
    }

    @Test
    void lastTradeIsTheReferenceWithoutAMid()
    {
        assertRejected(RejectReason.NO_REFERENCE_PRICE, 0, 0, () -> fixture.buy(ALPHA, 1, ES_PRICE, 1));
        fixture.logic.onTopOfBook(ES, ES_PRICE, Long.MIN_VALUE);
        assertRejected(RejectReason.NO_REFERENCE_PRICE, 0, 0, () -> fixture.buy(ALPHA, 2, ES_PRICE, 1));
        fixture.logic.onTrade(ES, ES_PRICE + 100 * TICK);
        assertRejected(RejectReason.PRICE_COLLAR, 20, 100, () -> fixture.buy(ALPHA, 3, ES_PRICE, 1));
        fixture.buy(ALPHA, 4, ES_PRICE + 90 * TICK, 1);
        assertAccepted();
    }

    @Test
    void maxOrderQuantity()
    {
        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 1, ES_PRICE, 100);
        assertAccepted();
        assertRejected(RejectReason.MAX_ORDER_QTY, 100, 101, () -> fixture.buy(ALPHA, 2, ES_PRICE, 101));
    }

    @Test
    void maxOrderNotionalCountsTheContractMultiplier()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").maxOrderNotional(BigDecimal.valueOf(1_000_000));
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 1, ES_PRICE, 5);
        assertAccepted();
        assertRejected(RejectReason.MAX_ORDER_NOTIONAL, 1_000_000, 1_200_000,
            () -> fixture.buy(ALPHA, 2, ES_PRICE, 6));
    }

    @Test
    void marketOrderNotionalUsesTheReferencePrice()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").maxOrderNotional(BigDecimal.valueOf(1_000_000));
        fixture = new GatewayFixture(risk);
        assertRejected(RejectReason.NO_REFERENCE_PRICE, 0, 0, () -> fixture.logic.onNewOrder(ALPHA, 1, ES,
            Side.BUY, OrdType.MARKET, TimeInForce.IOC, Long.MIN_VALUE, 1, 0, 0));
        fixture.quote(ES, ES_PRICE);
        assertRejected(RejectReason.MAX_ORDER_NOTIONAL, 1_000_000, 1_200_000, () -> fixture.logic.onNewOrder(
            ALPHA, 2, ES, Side.BUY, OrdType.MARKET, TimeInForce.IOC, Long.MIN_VALUE, 6, 0, 0));
    }

    @Test
    void positionLimitCountsOpenOrdersAtWorstCase()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").maxPosition(10).maxOrderQty(10);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 6);
        assertRejected(RejectReason.POSITION_LIMIT, 10, 11, () -> fixture.buy(ALPHA, 2, ES_PRICE, 5));
        fixture.buy(ALPHA, 3, ES_PRICE, 4);
        assertAccepted();
        fixture.venue.listener.onFill(orderId, 1, 1, 0, ES_PRICE, 6, 0, 6, 0, 0);
        assertEquals(6, fixture.logic.state().position(ALPHA, ES));
        assertRejected(RejectReason.POSITION_LIMIT, 10, 11, () -> fixture.buy(ALPHA, 4, ES_PRICE, 1));
        fixture.sell(ALPHA, 5, ES_PRICE, 10);
        assertAccepted();
        assertRejected(RejectReason.POSITION_LIMIT, 10, 11, () -> fixture.sell(ALPHA, 6, ES_PRICE, 7));
    }

    @Test
    void accountPositionLimitAppliesToItsStrategiesTogether()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.account("ACC1").maxPosition(10).maxOrderQty(10);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 1, ES_PRICE, 6);
        assertAccepted();
        assertRejected(RejectReason.POSITION_LIMIT, 10, 11, () -> fixture.buy(BETA, 1, ES_PRICE, 5));
        fixture.buy(GAMMA, 1, ES_PRICE, 50);
        assertAccepted();
    }

    @Test
    void maxOpenOrders()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").maxOpenOrders(3);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        final long first = fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.accepted(ALPHA, 2, Side.BUY, 1);
        fixture.accepted(ALPHA, 3, Side.BUY, 1);
        assertRejected(RejectReason.MAX_OPEN_ORDERS, 3, 4, () -> fixture.buy(ALPHA, 4, ES_PRICE, 1));
        fixture.venue.listener.onFill(first, 1, 1, 0, ES_PRICE, 1, 0, 1, 0, 0);
        fixture.buy(ALPHA, 5, ES_PRICE, 1);
        assertAccepted();
    }

    @Test
    void orderRateOverASlidingSecond()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").maxOrdersPerSecond(3);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 1, ES_PRICE, 1);
        fixture.clock.advance(400_000_000L);
        fixture.buy(ALPHA, 2, ES_PRICE, 1);
        fixture.buy(ALPHA, 3, ES_PRICE, 1);
        assertAccepted();
        assertRejected(RejectReason.ORDER_RATE, 3, 4, () -> fixture.buy(ALPHA, 4, ES_PRICE, 1));
        fixture.clock.advance(500_000_000L);
        assertRejected(RejectReason.ORDER_RATE, 3, 4, () -> fixture.buy(ALPHA, 5, ES_PRICE, 1));
        fixture.clock.advance(110_000_000L);
        fixture.buy(ALPHA, 6, ES_PRICE, 1);
        assertAccepted();
        fixture.buy(BETA, 1, ES_PRICE, 1);
        assertAccepted();
    }

    @Test
    void messageRateCountsCancels()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").maxOrdersPerSecond(2).maxMessagesPerSecond(2);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.logic.onCancelOrder(ALPHA, 2, 1, ES, 0);
        assertAccepted();
        assertEquals(1, fixture.venue.cancels);
        assertRejected(RejectReason.MESSAGE_RATE, 2, 3, () -> fixture.buy(ALPHA, 3, ES_PRICE, 1));
    }

    @Test
    void venueSessionMessageRateAcrossStrategies()
    {
        fixture.quote(ES, ES_PRICE);
        fixture.logic.onSetLimit(ControlScope.GLOBAL, 0, LimitType.MAX_MESSAGES_PER_SECOND, 2, OPERATOR);
        assertTrue(fixture.output.lastAck().applied());
        fixture.buy(ALPHA, 1, ES_PRICE, 1);
        fixture.buy(BETA, 1, ES_PRICE, 1);
        assertRejected(RejectReason.VENUE_MESSAGE_RATE, 2, 3, () -> fixture.buy(GAMMA, 1, ES_PRICE, 1));
    }

    @Test
    void limitsChangeAtRunTime()
    {
        fixture.quote(ES, ES_PRICE);
        fixture.logic.onSetLimit(ControlScope.STRATEGY, ALPHA, LimitType.MAX_ORDER_QTY, 3, OPERATOR);
        final RecordingOutput.Ack ack = fixture.output.lastAck();
        assertEquals(SetLimitDecoder.TEMPLATE_ID, ack.templateId());
        assertTrue(ack.applied());
        assertEquals(3, fixture.logic.state().limit(ControlScope.STRATEGY, ALPHA, LimitType.MAX_ORDER_QTY));
        assertRejected(RejectReason.MAX_ORDER_QTY, 3, 4, () -> fixture.buy(ALPHA, 1, ES_PRICE, 4));
        fixture.buy(BETA, 1, ES_PRICE, 4);
        assertAccepted();

        fixture.logic.onSetLimit(ControlScope.STRATEGY, ALPHA, LimitType.PRICE_COLLAR_BPS, 1, OPERATOR);
        assertRejected(RejectReason.PRICE_COLLAR, 1, 2, () -> fixture.buy(ALPHA, 2, ES_PRICE + 2 * TICK, 1));

        final int account = fixture.logic.state().accountId("ACC1");
        fixture.logic.onSetLimit(ControlScope.ACCOUNT, account, LimitType.MAX_OPEN_ORDERS, 1, OPERATOR);
        assertRejected(RejectReason.MAX_OPEN_ORDERS, 1, 2, () -> fixture.buy(ALPHA, 3, ES_PRICE, 1));

        fixture.logic.onSetLimit(ControlScope.GLOBAL, 0, LimitType.MAX_ORDER_QTY, 1, OPERATOR);
        assertRejected(RejectReason.MAX_ORDER_QTY, 1, 2, () -> fixture.buy(GAMMA, 1, ES_PRICE, 2));
    }

    @Test
    void setLimitRefusedForAnUnknownTargetOrBadValue()
    {
        fixture.logic.onSetLimit(ControlScope.STRATEGY, 77, LimitType.MAX_ORDER_QTY, 3, OPERATOR);
        assertFalse(fixture.output.lastAck().applied());
        fixture.logic.onSetLimit(ControlScope.STRATEGY, ALPHA, LimitType.MAX_ORDER_QTY, 0, OPERATOR);
        assertFalse(fixture.output.lastAck().applied());
        fixture.logic.onSetLimit(ControlScope.ACCOUNT, 9, LimitType.MAX_POSITION, 3, OPERATOR);
        assertFalse(fixture.output.lastAck().applied());
        assertEquals(3, fixture.counters.get(GatewayCounter.CONTROL_REFUSED));
    }

    private void assertAccepted()
    {
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    private void assertRejected(final RejectReason reason, final long limit, final long observed, final Runnable r)
    {
        final long sentBefore = fixture.venue.newOrders;
        r.run();
        assertEquals(sentBefore, fixture.venue.newOrders, "a breaching order reached the venue");
        final RecordingOutput.Decision decision = fixture.output.lastDecision();
        assertEquals(reason, decision.reason());
        assertEquals(limit, decision.limitValue());
        assertEquals(observed, decision.observedValue());
    }
}
