package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.wirespeed.gateway.GatewayFixture.OPERATOR;
import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.BETA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order logic when reports are lost: a refused retransmission latches the kill switch and asks the venue for the
 * status of every open order; the answers, and a fill whose cumulative quantity jumps, report the fills the gateway
 * missed.
 */
class VenueRecoveryTest
{
    private static final long NULL_PRICE = ExecutionReportDecoder.lastPriceNullValue();

    private final GatewayFixture fixture = new GatewayFixture(GatewayFixture.lenientRisk());

    VenueRecoveryTest()
    {
        fixture.quote(ES, ES_PRICE);
    }

    @Test
    void refusedRetransmissionLatchesTheKillSwitchAndAsksForTheStatusOfEveryOpenOrder()
    {
        final long acked = fixture.accepted(ALPHA, 1, Side.BUY, 5);
        final long otherAcked = fixture.accepted(BETA, 1, Side.SELL, 2);
        fixture.buy(ALPHA, 2, ES_PRICE, 1);
        final long unacked = fixture.venue.lastOrderId;

        fixture.venue.listener.onSessionAlarm(SessionAlarm.RETRANSMIT_REJECTED, 4, 0);

        assertEquals(List.of(SessionAlarm.RETRANSMIT_REJECTED), fixture.output.alarms);
        assertEquals(KillDecoder.TEMPLATE_ID, fixture.output.lastAck().templateId());
        assertEquals(ControlScope.GLOBAL, fixture.output.lastAck().scope());
        assertTrue(fixture.logic.state().isKilled(ALPHA));
        assertEquals(1, fixture.counters.get(GatewayCounter.RECOVERY_KILLS));
        final List<Long> statusOf = new ArrayList<>();
        for (int i = 0; i < fixture.venue.statusVenueOrderIds.size(); i++)
        {
            statusOf.add(fixture.venue.statusVenueOrderIds.getLong(i));
        }
        statusOf.sort(null);
        assertEquals(List.of(900_000 + acked, 900_000 + otherAcked), statusOf);
        assertEquals(1, fixture.venue.massStatusSecurityIds.size(), "the unacknowledged order's instrument");
        assertEquals(ES, fixture.venue.massStatusSecurityIds.getLong(0));
        assertEquals(3, fixture.counters.get(GatewayCounter.STATUS_REQUESTS_SENT));
        assertEquals(0, fixture.venue.cancels, "nothing cancelled");
        assertTrue(unacked > 0);

        fixture.buy(ALPHA, 3, ES_PRICE, 1);
        assertEquals(RejectReason.KILL_SWITCH, fixture.output.lastDecision().reason());
        fixture.logic.onResume(ControlScope.GLOBAL, 0, OPERATOR);
        fixture.buy(ALPHA, 3, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    @Test
    void statusAnswersReportMissedFillsAndCloseWhatIsDone()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 5);
        fixture.buy(ALPHA, 2, ES_PRICE, 3);
        final long unacked = fixture.venue.lastOrderId;
        fixture.venue.listener.onSessionAlarm(SessionAlarm.RETRANSMIT_REJECTED, 4, 0);
        fixture.output.clear();

        fixture.venue.listener.onOrderStatus(orderId, 900_000 + orderId, OrdStatus.PARTIALLY_FILLED, ES_PRICE, 5, 2,
            3, 0, 0);
        final RecordingOutput.Report missed = fixture.output.lastReport();
        assertEquals(ExecType.TRADE, missed.execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, missed.ordStatus());
        assertEquals(2, missed.lastQty());
        assertEquals(NULL_PRICE, missed.lastPrice(), "the status does not say at what price");
        assertEquals(0, missed.execId());
        assertEquals(2, fixture.logic.state().position(ALPHA, ES));
        assertEquals(1, fixture.counters.get(GatewayCounter.MISSED_FILLS));

        fixture.venue.listener.onOrderStatus(orderId, 900_000 + orderId, OrdStatus.PARTIALLY_FILLED, ES_PRICE, 5, 2,
            3, 0, 0);
        assertEquals(1, fixture.output.reports.size(), "the same status again changes nothing");

        fixture.venue.listener.onOrderStatus(orderId, 900_000 + orderId, OrdStatus.CANCELED, ES_PRICE, 5, 2, 0, 0,
            0);
        assertEquals(ExecType.CANCELED, fixture.output.lastReport().execType());

        fixture.venue.listener.onOrderStatus(unacked, 900_123, OrdStatus.NEW, ES_PRICE, 3, 0, 3, 0, 0);
        final RecordingOutput.Report acknowledged = fixture.output.lastReport();
        assertEquals(ExecType.NEW, acknowledged.execType());
        assertEquals(900_123, acknowledged.venueOrderId());
        assertEquals(1, fixture.logic.state().openOrders(ALPHA));
        assertEquals(3, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
    }

    @Test
    void aFillWhoseCumulativeQuantityJumpsReportsTheMissedFillFirst()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.SELL, 10);
        fixture.venue.listener.onFill(orderId, 900_000 + orderId, 77, 5_001, ES_PRICE, 2, 3, 7, 0, 0);

        final int count = fixture.output.reports.size();
        final RecordingOutput.Report missed = fixture.output.reports.get(count - 2);
        final RecordingOutput.Report fill = fixture.output.reports.get(count - 1);
        assertEquals(ExecType.TRADE, missed.execType());
        assertEquals(5, missed.lastQty());
        assertEquals(5, missed.cumQty());
        assertEquals(5, missed.leavesQty());
        assertEquals(NULL_PRICE, missed.lastPrice());
        assertEquals(ExecutionReportDecoder.mdTradeEntryIdNullValue(), missed.mdTradeEntryId());
        assertEquals(2, fill.lastQty());
        assertEquals(7, fill.cumQty());
        assertEquals(ES_PRICE, fill.lastPrice());
        assertEquals(5_001, fill.mdTradeEntryId());
        assertEquals(-7, fixture.logic.state().position(ALPHA, ES));
        assertEquals(3, fixture.logic.state().openQty(ALPHA, ES, Side.SELL));
    }

    @Test
    void aStatusForAnOrderTheVenueDoesNotKnowIsCounted()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 5);
        fixture.output.clear();
        fixture.venue.listener.onOrderStatus(orderId, 0, OrdStatus.NULL_VAL, 0, 0, 0, 0, 0, 0);
        fixture.venue.listener.onOrderStatus(12_345, 0, OrdStatus.NEW, 0, 0, 0, 0, 0, 0);
        assertTrue(fixture.output.reports.isEmpty());
        assertEquals(2, fixture.counters.get(GatewayCounter.UNKNOWN_VENUE_ORDERS));
        assertFalse(fixture.logic.state().isKilled(ALPHA));
    }

    @Test
    void theExecutionReportCarriesTheMarketDataTradeEntryId()
    {
        final UnsafeBuffer published = new UnsafeBuffer(new byte[512]);
        final int[] length = {0};
        final GatewayFixture encoding = new GatewayFixture(GatewayFixture.lenientRisk(), (buffer, offset, len) ->
        {
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
            if (ExecutionReportDecoder.TEMPLATE_ID == header.templateId())
            {
                published.putBytes(0, buffer, offset, len);
                length[0] = len;
            }
            return true;
        }, 64);
        encoding.quote(ES, ES_PRICE);
        final long orderId = encoding.accepted(ALPHA, 1, Side.BUY, 5);
        encoding.venue.listener.onFill(orderId, 900_000 + orderId, 77, 3_000_000_123L, ES_PRICE, 2, 3, 2, 0, 0);

        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(published, 0);
        final ExecutionReportDecoder report = new ExecutionReportDecoder().wrap(
            published, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        assertTrue(length[0] > 0);
        assertEquals(ExecType.TRADE, report.execType());
        assertEquals(3_000_000_123L, report.mdTradeEntryId());
        assertEquals(77, report.execId());
    }
}
