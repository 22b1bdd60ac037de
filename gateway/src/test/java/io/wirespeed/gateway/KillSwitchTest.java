package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.RiskContext;
import io.wirespeed.gateway.venue.VenueSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

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

        fixture.logic.onKill(ControlScope.STRATEGY, ALPHA, OPERATOR);

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

        fixture.logic.onResume(ControlScope.STRATEGY, ALPHA, OPERATOR);
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
        fixture.logic.onKill(ControlScope.GLOBAL, 0, OPERATOR);
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
        fixture.logic.onResume(ControlScope.GLOBAL, 0, OPERATOR);
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
        fixture.logic.onKill(ControlScope.GLOBAL, 0, OPERATOR);
        fixture.venue.listener.onMassCancelReport(fixture.venue.massCancelRequestIds.getLong(0), false, 0, 0);
        assertEquals(10, fixture.venue.cancels);
    }

    @Test
    void accountKillCancelsEveryStrategyOfTheAccount()
    {
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.accepted(BETA, 1, Side.BUY, 1);
        fixture.accepted(GAMMA, 1, Side.BUY, 1);
        fixture.logic.onKill(ControlScope.ACCOUNT, fixture.logic.state().accountId("ACC1"), OPERATOR);
        assertEquals(2, fixture.output.lastAck().openOrdersCanceled());
        assertEquals(2, fixture.venue.cancels);
        assertTrue(fixture.logic.state().isKilled(BETA));
        assertFalse(fixture.logic.state().isKilled(GAMMA));
    }

    @Test
    void killOfAnUnknownStrategyIsNotApplied()
    {
        fixture.logic.onKill(ControlScope.STRATEGY, 999, OPERATOR);
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

    @Test
    void killWhileTheVenueSessionIsDownCancelsEveryOrderOnceItIsReestablished()
    {
        final Set<Long> orderIds = new HashSet<>();
        for (int i = 1; i <= 3; i++)
        {
            orderIds.add(fixture.accepted(ALPHA, i, Side.BUY, 1));
        }
        sessionDown();

        fixture.logic.onKill(ControlScope.STRATEGY, ALPHA, OPERATOR);

        final RecordingOutput.Ack tripped = fixture.output.lastAck();
        assertTrue(tripped.applied(), "latched");
        assertEquals(3, tripped.openOrdersCanceled(), "three open orders owed a cancel");
        assertEquals(0, tripped.cancelsSent(), "none could be sent");
        assertEquals(0, tripped.canceled());
        assertFalse(tripped.complete());
        assertEquals("ops-alice", tripped.operator());
        assertEquals(0, fixture.venue.cancels);

        for (int i = 0; i < 10; i++)
        {
            fixture.logic.sweepKills();
        }
        assertEquals(0, fixture.venue.cancels, "nothing is sent while the session is down");

        sessionUp();
        fixture.logic.sweepKills();
        assertEquals(3, fixture.venue.cancels, "every owed cancel sent once the session is back");
        assertEquals(orderIds, cancelOrigOrderIds());
        fixture.logic.sweepKills();
        assertEquals(3, fixture.venue.cancels, "an outstanding cancel is not sent twice");

        cancelEverything();
        fixture.logic.sweepKills();
        final RecordingOutput.Ack done = fixture.output.lastAck();
        assertTrue(done.complete(), "the kill finished");
        assertEquals(3, done.openOrdersCanceled());
        assertEquals(3, done.cancelsSent());
        assertEquals(3, done.canceled());
        assertEquals(0, fixture.logic.state().openOrders(ALPHA));
    }

    @Test
    void aBackPressuredCancelIsSentOnALaterDutyCycle()
    {
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.accepted(ALPHA, 2, Side.SELL, 1);
        fixture.venue.refuseWith = VenueSession.NOT_SENT_BACK_PRESSURED;

        fixture.logic.onKill(ControlScope.STRATEGY, ALPHA, OPERATOR);
        assertEquals(0, fixture.output.lastAck().cancelsSent());
        assertFalse(fixture.output.lastAck().complete());

        fixture.venue.refuseWith = 0;
        fixture.logic.sweepKills();
        assertEquals(2, fixture.venue.cancels);
        cancelEverything();
        fixture.logic.sweepKills();
        assertTrue(fixture.output.lastAck().complete());
        assertEquals(2, fixture.output.lastAck().canceled());
    }

    @Test
    void aCancelTheVenueRefusedIsSentAgainAndAgainAfterTheSessionIsReestablished()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.logic.onKill(ControlScope.STRATEGY, ALPHA, OPERATOR);
        assertEquals(1, fixture.venue.cancels);
        for (int attempt = 1; attempt <= KillSwitch.MAX_CANCELS_PER_SESSION + 2; attempt++)
        {
            fixture.venue.listener.onCancelOrReplaceRejected(fixture.venue.lastRequestId, orderId, false,
                RejectReason.VENUE_REJECT, 2045, 0);
            fixture.logic.sweepKills();
        }
        assertEquals(KillSwitch.MAX_CANCELS_PER_SESSION, fixture.venue.cancels, "a bounded round per session");

        sessionDown();
        sessionUp();
        fixture.logic.sweepKills();
        assertEquals(KillSwitch.MAX_CANCELS_PER_SESSION + 1, fixture.venue.cancels, "a fresh round after it");
        fixture.venue.listener.onCanceled(fixture.venue.lastRequestId, orderId, 0, 0, 0);
        fixture.logic.sweepKills();
        assertTrue(fixture.output.lastAck().complete());
        assertEquals(1, fixture.output.lastAck().canceled());
    }

    @Test
    void globalKillWhileTheSessionIsDownCancelsEveryOrderOnceItIsReestablished()
    {
        for (int i = 1; i <= 4; i++)
        {
            fixture.accepted(0 == i % 2 ? ALPHA : GAMMA, i, Side.BUY, 1);
        }
        sessionDown();
        fixture.logic.onKill(ControlScope.GLOBAL, 0, OPERATOR);
        assertEquals(4, fixture.output.lastAck().openOrdersCanceled());
        assertEquals(0, fixture.output.lastAck().cancelsSent());

        sessionUp();
        fixture.logic.sweepKills();
        assertEquals(4, fixture.venue.cancels);
        cancelEverything();
        fixture.logic.sweepKills();
        assertTrue(fixture.output.lastAck().complete());
        assertEquals(0, fixture.logic.state().liveOrders());
    }

    @Test
    void aMassCancelLostWithTheSessionIsFollowedByOneCancelPerOrder()
    {
        fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.accepted(BETA, 1, Side.BUY, 1);
        fixture.logic.onKill(ControlScope.GLOBAL, 0, OPERATOR);
        assertEquals(1, fixture.venue.massCancelRequestIds.size());
        assertEquals(2, fixture.output.lastAck().cancelsSent(), "the mass cancel covers both");

        sessionDown();
        sessionUp();
        fixture.logic.sweepKills();
        assertEquals(2, fixture.venue.cancels);
    }

    private void sessionDown()
    {
        fixture.venue.state = SessionState.DISCONNECTED;
        fixture.venue.refuseWith = VenueSession.NOT_SENT_NOT_ESTABLISHED;
        fixture.venue.listener.onSessionState(SessionState.DISCONNECTED, 0, fixture.clock.nanoTime());
    }

    private void sessionUp()
    {
        fixture.venue.state = SessionState.ESTABLISHED;
        fixture.venue.refuseWith = 0;
        fixture.venue.listener.onSessionState(SessionState.ESTABLISHED, 0, fixture.clock.nanoTime());
    }

    private Set<Long> cancelOrigOrderIds()
    {
        final Set<Long> ids = new HashSet<>();
        for (int i = 0; i < fixture.venue.cancelOrigOrderIds.size(); i++)
        {
            ids.add(fixture.venue.cancelOrigOrderIds.getLong(i));
        }
        return ids;
    }

    private void cancelEverything()
    {
        for (int i = 0; i < fixture.venue.cancelRequestIds.size(); i++)
        {
            fixture.venue.listener.onCanceled(fixture.venue.cancelRequestIds.getLong(i),
                fixture.venue.cancelOrigOrderIds.getLong(i), 0, 0, 0);
        }
    }
}
