package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.RiskContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.BETA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static io.wirespeed.gateway.GatewayFixture.GAMMA;
import static io.wirespeed.gateway.GatewayFixture.TICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KillSwitchTest
{
    private GatewayFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new GatewayFixture(GatewayFixture.lenientRisk());
        fixture.quote(ES, ES_PRICE);
    }

    @Test
    void strategyKillCancelsEachOfAThousandOpenOrdersAndLatchesUntilResume()
    {
        final Set<Long> orderIds = new HashSet<>();
        for (int i = 1; i <= 1000; i++)
        {
            orderIds.add(fixture.accepted(ALPHA, i, 0 == i % 2 ? Side.BUY : Side.SELL, 1));
        }
        fixture.accepted(BETA, 1, Side.BUY, 1);

        fixture.logic.onKill(ControlScope.STRATEGY, ALPHA);

        final RecordingOutput.Ack ack = fixture.output.lastAck();
        assertEquals(KillDecoder.TEMPLATE_ID, ack.templateId());
        assertTrue(ack.applied());
        assertEquals(1000, ack.openOrdersCanceled());
        assertEquals(1000, fixture.venue.cancels);
        final Set<Long> canceled = new HashSet<>();
        for (int i = 0; i < fixture.venue.cancelOrigOrderIds.size(); i++)
        {
            canceled.add(fixture.venue.cancelOrigOrderIds.getLong(i));
        }
        assertEquals(orderIds, canceled);

        final long sent = fixture.venue.newOrders;
        fixture.buy(ALPHA, 5000, ES_PRICE, 1);
        assertEquals(RejectReason.KILL_SWITCH, fixture.output.lastDecision().reason());
        fixture.logic.onReplaceOrder(ALPHA, 5001, 2, ES, io.wirespeed.codecs.internal.OrdType.LIMIT,
            io.wirespeed.codecs.internal.TimeInForce.DAY, ES_PRICE, 2, 0);
        assertEquals(RejectReason.KILL_SWITCH, fixture.output.lastDecision().reason());
        fixture.buy(BETA, 2, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());

        for (int i = 0; i < fixture.venue.cancelRequestIds.size(); i++)
        {
            fixture.venue.listener.onCanceled(fixture.venue.cancelRequestIds.getLong(i),
                fixture.venue.cancelOrigOrderIds.getLong(i), 0, 0, 0);
        }
        assertEquals(0, fixture.logic.state().openOrders(ALPHA));
        assertEquals(0, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
        assertEquals(ExecType.CANCELED, fixture.output.lastReport().execType());

        fixture.clock.advance(3_600_000_000_000L);
        fixture.buy(ALPHA, 5002, ES_PRICE, 1);
        assertEquals(RejectReason.KILL_SWITCH, fixture.output.lastDecision().reason());
        assertEquals(sent + 1, fixture.venue.newOrders);

        fixture.logic.onResume(ControlScope.STRATEGY, ALPHA);
        assertEquals(ResumeDecoder.TEMPLATE_ID, fixture.output.lastAck().templateId());
        assertTrue(fixture.output.lastAck().applied());
        fixture.buy(ALPHA, 5003, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    @Test
    void globalKillSendsOneMassCancelAndBlocksEveryone()
    {
        for (int i = 1; i <= 1000; i++)
        {
            fixture.accepted(0 == i % 2 ? ALPHA : GAMMA, i, Side.BUY, 1);
        }
        fixture.logic.onKill(ControlScope.GLOBAL, 0);
        assertEquals(1, fixture.venue.massCancelRequestIds.size());
        assertEquals(0, fixture.venue.cancels);
        assertEquals(1000, fixture.output.lastAck().openOrdersCanceled());
        fixture.buy(BETA, 1, ES_PRICE, 1);
        assertEquals(RejectReason.KILL_SWITCH, fixture.output.lastDecision().reason());
        assertTrue(fixture.logic.state().isKilled(GAMMA));

        final long massCancelId = fixture.venue.massCancelRequestIds.getLong(0);
        for (int i = 0; i < fixture.venue.newOrderIds.size(); i++)
        {
            fixture.venue.listener.onCanceled(massCancelId, fixture.venue.newOrderIds.getLong(i), 0, 0, 0);
        }
        assertEquals(0, fixture.logic.state().liveOrders());
        fixture.logic.onResume(ControlScope.GLOBAL, 0);
        fixture.buy(BETA, 2, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    @Test
    void refusedMassCancelFallsBackToOneCancelPerOrder()
    {
        for (int i = 1; i <= 10; i++)
        {
            fixture.accepted(ALPHA, i, Side.BUY, 1);
        }
        fixture.logic.onKill(ControlScope.GLOBAL, 0);
        fixture.venue.listener.onMassCancelReport(fixture.venue.massCancelRequestIds.getLong(0), false, 0, 0);
        assertEquals(10, fixture.venue.cancels);
    }

    @Test
    void accountKillCancelsEveryStrategyOfTheAccount()
    {
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.accepted(BETA, 1, Side.BUY, 1);
        fixture.accepted(GAMMA, 1, Side.BUY, 1);
        fixture.logic.onKill(ControlScope.ACCOUNT, fixture.logic.state().accountId("ACC1"));
        assertEquals(2, fixture.output.lastAck().openOrdersCanceled());
        assertEquals(2, fixture.venue.cancels);
        assertTrue(fixture.logic.state().isKilled(BETA));
        assertFalse(fixture.logic.state().isKilled(GAMMA));
    }

    @Test
    void killOfAnUnknownStrategyIsNotApplied()
    {
        fixture.logic.onKill(ControlScope.STRATEGY, 999);
        assertFalse(fixture.output.lastAck().applied());
    }

    @Test
    void breachTripsTheStrategyKillSwitchWhenConfigured()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.strategy("alpha").autoKillOnBreach(true);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.accepted(ALPHA, 2, Side.BUY, 1);

        fixture.buy(ALPHA, 3, ES_PRICE + 50 * TICK, 1);

        assertEquals(RejectReason.PRICE_COLLAR, fixture.output.lastDecision().reason());
        final RecordingOutput.Ack ack = fixture.output.lastAck();
        assertEquals(ControlScope.STRATEGY, ack.scope());
        assertEquals(ALPHA, ack.targetId());
        assertEquals(2, ack.openOrdersCanceled());
        assertEquals(2, fixture.venue.cancels);
        assertEquals(1, fixture.counters.get(GatewayCounter.AUTO_KILLS));
        fixture.buy(ALPHA, 4, ES_PRICE, 1);
        assertEquals(RejectReason.KILL_SWITCH, fixture.output.lastDecision().reason());

        fixture.buy(BETA, 1, ES_PRICE + 50 * TICK, 1);
        assertEquals(RejectReason.PRICE_COLLAR, fixture.output.lastDecision().reason());
        assertFalse(fixture.logic.state().isKilled(BETA));
    }

    @Test
    void validationErrorsDoNotTripTheKillSwitch()
    {
        final RiskContext risk = GatewayFixture.lenientRisk();
        risk.defaults().autoKillOnBreach(true);
        fixture = new GatewayFixture(risk);
        fixture.quote(ES, ES_PRICE);
        fixture.buy(ALPHA, 1, ES_PRICE + 1, 1);
        assertEquals(RejectReason.PRICE_NOT_ON_TICK, fixture.output.lastDecision().reason());
        assertFalse(fixture.logic.state().isKilled(ALPHA));
    }

    @Test
    void disconnectedStrategyHasItsOrdersCanceledWithoutLatching()
    {
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.accepted(ALPHA, 2, Side.SELL, 1);
        fixture.accepted(BETA, 1, Side.BUY, 1);
        fixture.logic.onStrategyDisconnected(ALPHA);
        assertEquals(2, fixture.venue.cancels);
        assertEquals(1, fixture.counters.get(GatewayCounter.STRATEGIES_DISCONNECTED));
        assertFalse(fixture.logic.state().isKilled(ALPHA));
        final long requestId = fixture.venue.cancelRequestIds.getLong(0);
        fixture.venue.listener.onCanceled(requestId, fixture.venue.cancelOrigOrderIds.getLong(0), 0, 0, 0);
        final RecordingOutput.Report report = fixture.output.lastReport();
        assertEquals(ALPHA, report.strategyId());
        assertEquals(OrdStatus.CANCELED, report.ordStatus());
        assertEquals(1, report.clOrdId());
        assertEquals(0, report.origClOrdId());
    }

    @Test
    void disconnectLeavesOrdersWhenCancelOnDisconnectIsOff()
    {
        fixture = new GatewayFixture(GatewayFixture.lenientRisk(), new RecordingOutput(), 64, false);
        fixture.quote(ES, ES_PRICE);
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.logic.onStrategyDisconnected(ALPHA);
        assertEquals(0, fixture.venue.cancels);
        assertEquals(1, fixture.logic.state().openOrders(ALPHA));
    }
}
