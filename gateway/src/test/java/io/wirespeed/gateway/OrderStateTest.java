package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.wirespeed.gateway.GatewayFixture.ALPHA;
import static io.wirespeed.gateway.GatewayFixture.BETA;
import static io.wirespeed.gateway.GatewayFixture.ES;
import static io.wirespeed.gateway.GatewayFixture.ES_PRICE;
import static io.wirespeed.gateway.GatewayFixture.TICK;
import static io.wirespeed.gateway.GatewayFixture.TRIGGER_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderStateTest
{
    private GatewayFixture fixture;

    @BeforeEach
    void setUp()
    {
        fixture = new GatewayFixture(GatewayFixture.lenientRisk());
        fixture.quote(ES, ES_PRICE);
    }

    @Test
    void newPartiallyFilledFilledWithPositionsRoutedToTheOwner()
    {
        final long orderId = fixture.accepted(BETA, 11, Side.BUY, 5);
        RecordingOutput.Report report = fixture.output.lastReport();
        assertEquals(ExecType.NEW, report.execType());
        assertEquals(OrdStatus.NEW, report.ordStatus());
        assertEquals(BETA, report.strategyId());
        assertEquals(TRIGGER_NS, report.triggerRxTimestampNs());

        fixture.venue.listener.onFill(orderId, 77, 1, 0, ES_PRICE, 2, 3, 2, 0, 0);
        report = fixture.output.lastReport();
        assertEquals(ExecType.TRADE, report.execType());
        assertEquals(OrdStatus.PARTIALLY_FILLED, report.ordStatus());
        assertEquals(3, report.leavesQty());
        assertEquals(TRIGGER_NS, report.triggerRxTimestampNs());
        assertEquals(2, fixture.logic.state().position(BETA, ES));
        assertEquals(3, fixture.logic.state().openQty(BETA, ES, Side.BUY));

        fixture.venue.listener.onFill(orderId, 77, 2, 0, ES_PRICE, 3, 0, 5, 0, 0);
        report = fixture.output.lastReport();
        assertEquals(OrdStatus.FILLED, report.ordStatus());
        assertEquals(5, report.cumQty());
        assertEquals(BETA, report.strategyId());
        assertEquals(5, fixture.logic.state().position(BETA, ES));
        assertEquals(5, fixture.logic.state().accountPosition(fixture.logic.state().accountId("ACC1"), ES));
        assertEquals(0, fixture.logic.state().position(ALPHA, ES));
        assertEquals(0, fixture.logic.state().openOrders(BETA));
        assertEquals(0, fixture.logic.state().liveOrders());

        final long sellId = fixture.accepted(BETA, 12, Side.SELL, 8);
        fixture.venue.listener.onFill(sellId, 78, 3, 0, ES_PRICE, 8, 0, 8, 0, 0);
        assertEquals(-3, fixture.logic.state().position(BETA, ES));
    }

    @Test
    void newThenCanceledOnRequest()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 5);
        fixture.logic.onCancelOrder(ALPHA, 2, 1, ES, 0);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
        assertEquals(orderId, fixture.venue.cancelOrigOrderIds.getLong(0));
        fixture.logic.onCancelOrder(ALPHA, 3, 1, ES, 0);
        assertEquals(RejectReason.ORDER_NOT_ACTIVE, fixture.output.lastDecision().reason());

        fixture.venue.listener.onCanceled(fixture.venue.lastRequestId, orderId, 0, 0, 0);
        final RecordingOutput.Report report = fixture.output.lastReport();
        assertEquals(ExecType.CANCELED, report.execType());
        assertEquals(OrdStatus.CANCELED, report.ordStatus());
        assertEquals(2, report.clOrdId());
        assertEquals(1, report.origClOrdId());
        assertEquals(0, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
        fixture.logic.onCancelOrder(ALPHA, 4, 1, ES, 0);
        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, fixture.output.lastDecision().reason(), "finished already");
        fixture.buy(ALPHA, 1, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    @Test
    void replaceChangesPriceQuantityAndClientOrderId()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 5);
        fixture.logic.onReplaceOrder(ALPHA, 2, 1, ES, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE - TICK, 8, 0);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
        assertEquals(8, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
        final long requestId = fixture.venue.lastRequestId;

        fixture.venue.listener.onReplaced(requestId, orderId, 900, ES_PRICE - TICK, 8, 8, 0, 0, 0);
        RecordingOutput.Report report = fixture.output.lastReport();
        assertEquals(ExecType.REPLACED, report.execType());
        assertEquals(OrdStatus.REPLACED, report.ordStatus());
        assertEquals(2, report.clOrdId());
        assertEquals(1, report.origClOrdId());
        assertEquals(ES_PRICE - TICK, report.price());

        fixture.venue.listener.onFill(requestId, 900, 1, 0, ES_PRICE - TICK, 8, 0, 8, 0, 0);
        report = fixture.output.lastReport();
        assertEquals(OrdStatus.FILLED, report.ordStatus());
        assertEquals(2, report.clOrdId());
        assertEquals(8, fixture.logic.state().position(ALPHA, ES));
        assertEquals(0, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
    }

    @Test
    void venueRejectsANewOrder()
    {
        final long sentBefore = fixture.venue.newOrders;
        fixture.buy(ALPHA, 1, ES_PRICE, 3);
        assertEquals(sentBefore + 1, fixture.venue.newOrders);
        fixture.venue.listener.onOrderRejected(fixture.venue.lastOrderId, RejectReason.MARKET_CLOSED, 1003, 0, 0);
        final RecordingOutput.Report report = fixture.output.lastReport();
        assertEquals(ExecType.REJECTED, report.execType());
        assertEquals(OrdStatus.REJECTED, report.ordStatus());
        assertEquals(RejectReason.MARKET_CLOSED, report.reason());
        assertEquals(1003, report.venueRejectCode());
        assertEquals(0, fixture.logic.state().openOrders(ALPHA));
        assertEquals(0, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
    }

    @Test
    void venueRefusesACancelAndAReplace()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 5);
        fixture.logic.onCancelOrder(ALPHA, 2, 1, ES, 0);
        fixture.venue.listener.onCancelOrReplaceRejected(
            fixture.venue.lastRequestId, orderId, false, RejectReason.TOO_LATE_TO_CANCEL, 2045, 0);
        RecordingOutput.Report report = fixture.output.lastReport();
        assertEquals(ExecType.CANCEL_REJECTED, report.execType());
        assertEquals(OrdStatus.NEW, report.ordStatus());
        assertEquals(2, report.clOrdId());
        assertEquals(1, report.origClOrdId());

        fixture.logic.onReplaceOrder(ALPHA, 3, 1, ES, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE, 9, 0);
        assertEquals(9, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
        fixture.venue.listener.onCancelOrReplaceRejected(
            fixture.venue.lastRequestId, orderId, true, RejectReason.VENUE_REJECT, 2046, 0);
        report = fixture.output.lastReport();
        assertEquals(ExecType.REPLACE_REJECTED, report.execType());
        assertEquals(5, fixture.logic.state().openQty(ALPHA, ES, Side.BUY));
        fixture.buy(ALPHA, 3, ES_PRICE, 1);
        assertEquals(RejectReason.NONE, fixture.output.lastDecision().reason());
    }

    @Test
    void aFillThatCompletesTheOrderSettlesTheCancelInFlight()
    {
        final long orderId = fixture.accepted(ALPHA, 1, Side.BUY, 5);
        fixture.logic.onCancelOrder(ALPHA, 2, 1, ES, 0);
        final long cancelId = fixture.venue.lastRequestId;

        fixture.venue.listener.onFill(orderId, 77, 1, 0, ES_PRICE, 5, 0, 5, 0, 0);
        final RecordingOutput.Report fill = fixture.output.lastReport();
        assertEquals(ExecType.TRADE, fill.execType());
        assertEquals(OrdStatus.FILLED, fill.ordStatus());
        final RecordingOutput.Report report = fixture.output.reports.get(fixture.output.reports.size() - 2);
        assertEquals(ExecType.CANCEL_REJECTED, report.execType());
        assertEquals(OrdStatus.FILLED, report.ordStatus());
        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, report.reason());
        assertEquals(2, report.clOrdId());
        assertEquals(1, report.origClOrdId());
        assertEquals(5, fixture.logic.state().position(ALPHA, ES));
        assertEquals(0, fixture.logic.state().openOrders(ALPHA));

        // the venue's own reject arrives later and finds no order: counted, nothing reported twice
        final int reportsBefore = fixture.output.reports.size();
        fixture.venue.listener.onCancelOrReplaceRejected(
            cancelId, orderId, false, RejectReason.TOO_LATE_TO_CANCEL, 2045, 0);
        assertEquals(reportsBefore, fixture.output.reports.size());

        // a replace racing the fill is told it came too late, not that the order is unknown
        fixture.logic.onReplaceOrder(ALPHA, 3, 1, ES, OrdType.LIMIT, TimeInForce.DAY, ES_PRICE, 9, 0);
        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, fixture.output.lastDecision().reason());
        fixture.logic.onCancelOrder(ALPHA, 4, 99, ES, 0);
        assertEquals(RejectReason.UNKNOWN_ORDER, fixture.output.lastDecision().reason());
    }

    @Test
    void notAppliedSettlesTheOrdersItCarried()
    {
        fixture.buy(ALPHA, 1, ES_PRICE, 1);
        final long firstSeq = fixture.venue.lastSeqNum;
        fixture.buy(ALPHA, 2, ES_PRICE, 1);
        final long keptOrderId = fixture.accepted(ALPHA, 3, Side.BUY, 1);
        fixture.logic.onCancelOrder(ALPHA, 4, 3, ES, 0);
        final long cancelSeq = fixture.venue.lastSeqNum;
        fixture.output.clear();

        fixture.venue.listener.onNotApplied(firstSeq, 2, 0);
        assertEquals(2, fixture.output.reports.size());
        for (final RecordingOutput.Report report : fixture.output.reports)
        {
            assertEquals(OrdStatus.REJECTED, report.ordStatus());
            assertEquals(RejectReason.VENUE_REJECT, report.reason());
        }
        fixture.venue.listener.onBusinessReject(cancelSeq, 5, 0);
        assertEquals(ExecType.CANCEL_REJECTED, fixture.output.lastReport().execType());
        assertEquals(1, fixture.logic.state().openOrders(ALPHA));
        fixture.venue.listener.onFill(keptOrderId, 1, 1, 0, ES_PRICE, 1, 0, 1, 0, 0);
        assertEquals(0, fixture.logic.state().liveOrders());
    }

    @Test
    void reportForAnUnknownOrderIsCounted()
    {
        fixture.venue.listener.onFill(12345, 1, 1, 0, ES_PRICE, 1, 0, 1, 0, 0);
        assertEquals(1, fixture.counters.get(GatewayCounter.UNKNOWN_VENUE_ORDERS));
        assertEquals(0, fixture.output.reports.size());
    }

    @Test
    void gatewayOrderIdsIncreasePerRequest()
    {
        final long first = fixture.accepted(ALPHA, 1, Side.BUY, 1);
        fixture.logic.onCancelOrder(ALPHA, 2, 1, ES, 0);
        final long cancel = fixture.venue.lastRequestId;
        final long second = fixture.accepted(ALPHA, 3, Side.BUY, 1);
        assertEquals(first + 1, cancel);
        assertEquals(cancel + 1, second);
    }
}
