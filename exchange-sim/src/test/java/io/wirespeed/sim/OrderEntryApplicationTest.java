package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.MassActionResponse;
import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.codecs.ilink3.OrdStatusTrd;
import io.wirespeed.codecs.ilink3.BooleanFlag;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Encoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Encoder;
import io.wirespeed.codecs.ilink3.BusinessReject521Encoder;
import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.CxlRejReason;
import io.wirespeed.sim.venue.MassActionRejectReasons;
import io.wirespeed.sim.venue.OrdRejReasons;
import io.wirespeed.sim.venue.VenueCounter;
import io.wirespeed.sim.venue.VenueCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static io.wirespeed.sim.VenueClient.BUY;
import static io.wirespeed.sim.VenueClient.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderEntryApplicationTest
{
    static final long TICK = 250_000_000L;
    static final long P = 1_000_000_000_000L;
    static final int PARTICIPANT = 5;

    @TempDir
    Path dir;

    private SimHarness harness;
    private OrderEntryApplication app;
    private VenueClient alice;
    private VenueClient bob;

    @BeforeEach
    void setUp()
    {
        harness = new SimHarness(dir, SimHarness.simContext(42));
        app = new OrderEntryApplication(
            harness.sim.clientMarket(), harness.clock, 20_000, false, VenueCounters.inMemory());
        alice = new VenueClient(app, 1001);
        bob = new VenueClient(app, 2002);
    }

    @AfterEach
    void tearDown()
    {
        harness.close();
    }

    @Test
    void rejectsEveryInvalidOrderWithItsReason()
    {
        alice.newOrder(1, 9999, BUY, P, 1);
        alice.newOrder(2, ES, BUY, P, 0);
        alice.newOrder(3, ES, BUY, P + 1, 1);
        alice.newOrder(4, ES, (short)3, P, 1);
        alice.newOrder(5, ES, BUY, (byte)'4', VenueClient.DAY, P, 1);
        alice.newOrder(6, ES, BUY, VenueClient.LIMIT, (short)9, P, 1);
        alice.newOrder(7, ES, BUY, VenueClient.MARKET, VenueClient.DAY, 0, 1);
        harness.sim.requestTradingStatus(ES, SecurityTradingStatus.TradingHalt, HaltReason.MarketEvent);
        harness.sim.doWork();
        alice.newOrder(8, ES, BUY, P, 1);

        final int[] expected = {
            OrdRejReasons.UNKNOWN_SECURITY, OrdRejReasons.BAD_QTY, OrdRejReasons.OFF_TICK,
            OrdRejReasons.UNSUPPORTED, OrdRejReasons.UNSUPPORTED, OrdRejReasons.UNSUPPORTED, OrdRejReasons.NO_MARKET,
            OrdRejReasons.MARKET_CLOSED };
        assertEquals(expected.length, alice.outbound.messages.size());
        for (int i = 0; i < expected.length; i++)
        {
            assertEquals(ExecutionReportReject523Encoder.TEMPLATE_ID, alice.outbound.templateId(i));
            final var reject = VenueClient.asReject(alice.outbound.messages.get(i));
            assertEquals(expected[i], reject.ordRejReason(), "order " + (i + 1));
            assertEquals(String.valueOf(i + 1), reject.clOrdID().trim());
            assertEquals((i + 1) * 10L, reject.orderRequestID());
            assertEquals(i + 1, reject.seqNum());
            assertEquals(1001, reject.uUID());
            assertFalse(reject.text().isBlank());
        }
        assertEquals(8, app.counters().value(VenueCounter.ORDERS_RECEIVED));
        assertEquals(8, app.counters().value(VenueCounter.ORDERS_REJECTED));
        assertEquals(0, app.orders().openOrderCount());
        assertEquals(8, app.orders().ordersReceived(1001));
        assertEquals(Set.of("1", "2", "3", "4", "5", "6", "7", "8"), app.orders().clOrdIdsReceived(1001));
    }

    /**
     * CME validates ClOrdID uniqueness per session among its working orders: a duplicate is refused (here with FIX
     * OrdRejReason 6, Duplicate order); a ClOrdID of a finished order may be used again.
     */
    @Test
    void refusesANewOrderWhoseClOrdIdIsAWorkingOrdersOfTheSameSession()
    {
        alice.newOrder(21, ES, BUY, P - TICK, 1);
        alice.newOrder(21, ES, BUY, P - 2 * TICK, 1);

        assertEquals(2, alice.outbound.messages.size());
        assertEquals(ExecutionReportNew522Encoder.TEMPLATE_ID, alice.outbound.templateId(0));
        assertEquals(ExecutionReportReject523Encoder.TEMPLATE_ID, alice.outbound.templateId(1));
        final var reject = VenueClient.asReject(alice.outbound.messages.get(1));
        assertEquals(OrdRejReasons.DUPLICATE_ORDER, reject.ordRejReason());
        assertEquals("21", reject.clOrdID().trim());
        assertEquals(1, app.counters().value(VenueCounter.DUPLICATE_CL_ORD_IDS));
        assertEquals(1, app.orders().openOrderCount());
    }

    @Test
    void newPartialThenFilledAgainstAParticipantAndAnotherClient()
    {
        harness.sim.orderBook(ES).add(Side.ASK, P, 3, PARTICIPANT, new Fills(4));

        alice.newOrder(1, ES, BUY, P, 5);

        assertEquals(
            List.of(ExecutionReportNew522Encoder.TEMPLATE_ID, ExecutionReportTradeOutright525Encoder.TEMPLATE_ID),
            alice.outbound.templateIds());
        final ExecutionReportNew522Decoder ack = VenueClient.asNew(alice.outbound.messages.get(0));
        final long orderId = ack.orderID();
        assertEquals("1", ack.clOrdID().trim());
        assertEquals(P, ack.price().mantissa());
        assertEquals(5, ack.orderQty());
        assertEquals(ES, ack.securityID());
        final ExecutionReportTradeOutright525Decoder partial = VenueClient.asTrade(alice.outbound.last());
        assertEquals(orderId, partial.orderID());
        assertEquals(P, partial.lastPx().mantissa());
        assertEquals(3, partial.lastQty());
        assertEquals(3, partial.cumQty());
        assertEquals(2, partial.leavesQty());
        assertEquals(OrdStatusTrd.PartiallyFilled, partial.ordStatus());
        assertEquals(BooleanFlag.True, partial.aggressorIndicator());
        assertEquals(1, harness.sim.orderBook(ES).clientOrderCount());

        bob.newOrder(1, ES, SELL, P, 2);

        assertEquals(
            List.of(ExecutionReportNew522Encoder.TEMPLATE_ID, ExecutionReportTradeOutright525Encoder.TEMPLATE_ID),
            bob.outbound.templateIds());
        final ExecutionReportTradeOutright525Decoder bobFill = VenueClient.asTrade(bob.outbound.last());
        assertEquals(2, bobFill.lastQty());
        assertEquals(OrdStatusTrd.Filled, bobFill.ordStatus());
        assertEquals(BooleanFlag.True, bobFill.aggressorIndicator());
        final ExecutionReportTradeOutright525Decoder aliceFill = VenueClient.asTrade(alice.outbound.last());
        assertEquals(orderId, aliceFill.orderID());
        assertEquals(2, aliceFill.lastQty());
        assertEquals(5, aliceFill.cumQty());
        assertEquals(0, aliceFill.leavesQty());
        assertEquals(OrdStatusTrd.Filled, aliceFill.ordStatus());
        assertEquals(BooleanFlag.False, aliceFill.aggressorIndicator());

        final Set<String> execIds = new HashSet<>();
        execIds.add(partial.execID());
        execIds.add(bobFill.execID());
        execIds.add(aliceFill.execID());
        assertEquals(3, execIds.size(), "ExecIDs unique");
        assertEquals(0, app.orders().openOrderCount());
        assertEquals(0, harness.sim.orderBook(ES).clientOrderCount());
        assertEquals(3, app.counters().value(VenueCounter.FILLS));
    }

    @Test
    void participantOrdersTradeAgainstRestingClientOrders()
    {
        harness.runUntilMsgSeqNum(200, 100_000);
        final OrderBook book = harness.sim.orderBook(ES);
        final long bid = book.levelPrice(Side.BID, 0);
        final long ask = book.levelPrice(Side.ASK, 0);
        for (int i = 0; i < 20; i++)
        {
            alice.newOrder(100 + i, ES, BUY, bid, 1);
            alice.newOrder(200 + i, ES, SELL, ask, 1);
        }
        alice.outbound.clear();
        final long fillsBefore = app.counters().value(VenueCounter.FILLS);

        for (int i = 0; i < 100_000 && app.counters().value(VenueCounter.FILLS) == fillsBefore; i++)
        {
            harness.step(100_000);
        }

        assertTrue(app.counters().value(VenueCounter.FILLS) > fillsBefore, "a participant traded with a client");
        final ExecutionReportTradeOutright525Decoder fill = VenueClient.asTrade(alice.outbound.messages.get(0));
        assertEquals(BooleanFlag.False, fill.aggressorIndicator());
        assertEquals(1, fill.lastQty());
        assertEquals(OrdStatusTrd.Filled, fill.ordStatus());
    }

    @Test
    void newThenCanceledAndCancelRejects()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 4);
        final long orderId = VenueClient.asNew(alice.outbound.last()).orderID();
        assertEquals(1, harness.sim.orderBook(ES).clientOrderCount());

        alice.cancel(2, orderId, ES, BUY);

        final ExecutionReportCancel534Decoder canceled = VenueClient.asCancel(alice.outbound.last());
        assertEquals(ExecutionReportCancel534Encoder.TEMPLATE_ID, alice.outbound.templateId(1));
        assertEquals(orderId, canceled.orderID());
        assertEquals("2", canceled.clOrdID().trim());
        assertEquals(20, canceled.orderRequestID());
        assertEquals(0, canceled.cumQty());
        assertEquals(0, harness.sim.orderBook(ES).clientOrderCount());

        alice.cancel(3, 999_999, ES, BUY);
        assertEquals(OrderCancelReject535Encoder.TEMPLATE_ID, alice.outbound.templateId(2));
        assertEquals(CxlRejReason.UNKNOWN_ORDER.code(),
            VenueClient.asCancelReject(alice.outbound.last()).cxlRejReason());

        harness.sim.orderBook(ES).add(Side.ASK, P, 1, PARTICIPANT, new Fills(4));
        alice.newOrder(4, ES, BUY, P, 1);
        final long filledId = VenueClient.asNew(alice.outbound.messages.get(3)).orderID();
        alice.cancel(5, filledId, ES, BUY);
        assertEquals(CxlRejReason.NOT_IN_BOOK.code(),
            VenueClient.asCancelReject(alice.outbound.last()).cxlRejReason());

        bob.newOrder(6, ES, BUY, P - TICK, 1);
        alice.cancel(7, VenueClient.asNew(bob.outbound.last()).orderID(), ES, BUY);
        assertEquals(CxlRejReason.DIFFERENT_SENDER.code(),
            VenueClient.asCancelReject(alice.outbound.last()).cxlRejReason(),
            "another session's order is not this session's to cancel");
        assertEquals(3, app.counters().value(VenueCounter.CANCEL_REJECTS));
    }

    @Test
    void cancelByClOrdIdWhenOrderIdIsZero()
    {
        alice.newOrder(11, ES, BUY, P - TICK, 4);

        alice.cancel(11, 0, ES, BUY);

        assertEquals(ExecutionReportCancel534Encoder.TEMPLATE_ID, alice.outbound.templateId(1));
        assertEquals(0, app.orders().openOrderCount(1001));
    }

    @Test
    void replaceKeepsPriorityOnQtyDownAndLosesItOnPriceChange()
    {
        final OrderBook book = harness.sim.orderBook(ES);
        alice.newOrder(1, ES, BUY, P - TICK, 5);
        final long a = VenueClient.asNew(alice.outbound.last()).orderID();
        bob.newOrder(1, ES, BUY, P - TICK, 5);
        final long first = book.levelOrderId(Side.BID, 0, 0);

        alice.replace(2, a, ES, BUY, P - TICK, 3);

        assertEquals(ExecutionReportModify531Encoder.TEMPLATE_ID, alice.outbound.templateId(1));
        final var modify = VenueClient.asModify(alice.outbound.last());
        assertEquals(a, modify.orderID());
        assertEquals("2", modify.clOrdID().trim());
        assertEquals(3, modify.orderQty());
        assertEquals(3, modify.leavesQty());
        assertEquals(first, book.levelOrderId(Side.BID, 0, 0), "qty down keeps priority");
        assertEquals(8, book.levelQty(Side.BID, 0));

        alice.replace(3, a, ES, BUY, P - 2 * TICK, 3);
        alice.replace(4, a, ES, BUY, P - TICK, 3);

        assertEquals(2, book.levelOrderCount(Side.BID, 0));
        assertTrue(first != book.levelOrderId(Side.BID, 0, 1), "price change loses priority");
        assertEquals(a, VenueClient.asModify(alice.outbound.last()).orderID(), "OrderID survives a replace");

        alice.replace(5, 999_999, ES, BUY, P - TICK, 3);
        assertEquals(OrderCancelReplaceReject536Encoder.TEMPLATE_ID, alice.outbound.templateId(4));
        assertEquals(CxlRejReason.UNKNOWN_ORDER.code(),
            VenueClient.asReplaceReject(alice.outbound.last()).cxlRejReason());
        alice.replace(6, a, ES, BUY, P - TICK + 1, 3);
        assertEquals(CxlRejReason.INVALID_PRICE_INCREMENT.code(),
            VenueClient.asReplaceReject(alice.outbound.last()).cxlRejReason());
        assertEquals(3, app.counters().value(VenueCounter.REPLACES));
    }

    @Test
    void replaceThroughTheSpreadTrades()
    {
        bob.newOrder(1, ES, SELL, P, 2);
        alice.newOrder(1, ES, BUY, P - TICK, 5);
        final long a = VenueClient.asNew(alice.outbound.last()).orderID();

        alice.replace(2, a, ES, BUY, P, 5);

        assertEquals(List.of(ExecutionReportNew522Encoder.TEMPLATE_ID, ExecutionReportModify531Encoder.TEMPLATE_ID,
            ExecutionReportTradeOutright525Encoder.TEMPLATE_ID), alice.outbound.templateIds());
        assertEquals(3, VenueClient.asTrade(alice.outbound.last()).leavesQty());
        assertEquals(OrdStatusTrd.Filled, VenueClient.asTrade(bob.outbound.last()).ordStatus());
    }

    @Test
    void fillAndKillRemainderIsCanceledAndFillOrKillAllOrNothing()
    {
        harness.sim.orderBook(ES).add(Side.ASK, P, 3, PARTICIPANT, new Fills(4));

        alice.newOrder(1, ES, BUY, VenueClient.LIMIT, VenueClient.FOK, P, 4);
        alice.newOrder(2, ES, BUY, VenueClient.LIMIT, VenueClient.FAK, P, 4);

        assertEquals(List.of(ExecutionReportNew522Encoder.TEMPLATE_ID, ExecutionReportCancel534Encoder.TEMPLATE_ID,
            ExecutionReportNew522Encoder.TEMPLATE_ID, ExecutionReportTradeOutright525Encoder.TEMPLATE_ID,
            ExecutionReportCancel534Encoder.TEMPLATE_ID), alice.outbound.templateIds());
        assertEquals(0, VenueClient.asCancel(alice.outbound.messages.get(1)).cumQty());
        assertEquals(3, VenueClient.asCancel(alice.outbound.last()).cumQty());
        assertEquals(0, app.orders().openOrderCount());
        assertEquals(0, harness.sim.orderBook(ES).clientOrderCount());
    }

    @Test
    void massCancelOfAThousandOpenOrders()
    {
        for (int i = 0; i < 1_000; i++)
        {
            alice.newOrder(i + 1, i % 2 == 0 ? ES : NQ, BUY, P - (1 + i % 50) * TICK, 1 + i % 7);
        }
        bob.newOrder(5_000, ES, BUY, P - TICK, 1);
        assertEquals(1_000, app.orders().openOrderCount(1001));
        alice.outbound.clear();

        alice.massCancel(9_000, MassActionScope.All, Integer.MAX_VALUE, (short)255);

        assertEquals(1_001, alice.outbound.messages.size());
        assertEquals(OrderMassActionReport562Encoder.TEMPLATE_ID, alice.outbound.templateId(0));
        final OrderMassActionReport562Decoder report = VenueClient.asMassReport(alice.outbound.messages.get(0));
        assertEquals(1_000, report.totalAffectedOrders());
        assertEquals(MassActionResponse.Accepted, report.massActionResponse());
        assertEquals(90_000, report.orderRequestID());
        final Set<Long> canceled = new HashSet<>();
        for (int i = 1; i <= 1_000; i++)
        {
            assertEquals(ExecutionReportCancel534Encoder.TEMPLATE_ID, alice.outbound.templateId(i));
            canceled.add(VenueClient.asCancel(alice.outbound.messages.get(i)).orderID());
        }
        assertEquals(1_000, canceled.size());
        assertEquals(0, app.orders().openOrderCount(1001));
        assertEquals(1, app.orders().openOrderCount(2002), "another session's orders stay");
        assertEquals(1, harness.sim.orderBook(ES).clientOrderCount());
        assertEquals(0, harness.sim.orderBook(NQ).clientOrderCount());
        assertEquals(1, app.counters().value(VenueCounter.OPEN_ORDERS));
    }

    @Test
    void massCancelOfOneInstrumentAndSideAndRejectOfUnknownInstrument()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 1);
        alice.newOrder(2, ES, SELL, P + TICK, 1);
        alice.newOrder(3, NQ, BUY, P - TICK, 1);
        alice.outbound.clear();

        alice.massCancel(4, MassActionScope.Instrument, ES, BUY);
        assertEquals(1, VenueClient.asMassReport(alice.outbound.messages.get(0)).totalAffectedOrders());
        assertEquals(2, app.orders().openOrderCount(1001));

        alice.massCancel(5, MassActionScope.Instrument, 4242, (short)255);
        final OrderMassActionReport562Decoder rejected = VenueClient.asMassReport(alice.outbound.last());
        assertEquals(MassActionResponse.Rejected, rejected.massActionResponse());
        assertEquals(MassActionRejectReasons.UNKNOWN_SECURITY, rejected.massActionRejectReason());
        assertEquals(0, rejected.totalAffectedOrders());
    }

    @Test
    void delayedResponsesAreHeldAndReleasedThroughDoWorkInOrder()
    {
        app.faults().delayResponses(1_000_000);
        final long t0 = harness.clock.nanoTime();

        alice.newOrder(1, ES, BUY, P - TICK, 1);
        alice.newOrder(2, ES, BUY, P - TICK, 1);
        assertEquals(0, alice.outbound.commits);
        assertEquals(0, app.doWork(t0 + 999_999));
        assertEquals(0, alice.outbound.commits);

        app.doWork(t0 + 1_000_000);

        assertEquals(2, alice.outbound.commits);
        assertEquals("1", VenueClient.asNew(alice.outbound.messages.get(0)).clOrdID().trim());
        assertEquals(1, VenueClient.asNew(alice.outbound.messages.get(0)).seqNum());
        assertEquals(2, VenueClient.asNew(alice.outbound.messages.get(1)).seqNum());
        assertEquals(1001, VenueClient.asNew(alice.outbound.messages.get(1)).uUID());
        assertEquals(2, app.counters().value(VenueCounter.DELAYED_RESPONSES));

        app.faults().delayResponses(0);
        alice.newOrder(3, ES, BUY, P - TICK, 1);
        assertEquals(3, alice.outbound.commits, "answers at once again");
    }

    @Test
    void injectedRejectsForTheNextOrdersAndForAnInstrument()
    {
        app.faults().rejectNextOrders(2, 77).rejectSecurity(NQ, 88);

        alice.newOrder(1, NQ, BUY, P - TICK, 1);
        alice.newOrder(2, ES, BUY, P - TICK, 1);
        alice.newOrder(3, ES, BUY, P - TICK, 1);
        alice.newOrder(4, ES, BUY, P - TICK, 1);
        alice.newOrder(5, NQ, BUY, P - TICK, 1);

        assertEquals(88, VenueClient.asReject(alice.outbound.messages.get(0)).ordRejReason());
        assertEquals(77, VenueClient.asReject(alice.outbound.messages.get(1)).ordRejReason());
        assertEquals(77, VenueClient.asReject(alice.outbound.messages.get(2)).ordRejReason());
        assertEquals(ExecutionReportNew522Encoder.TEMPLATE_ID, alice.outbound.templateId(3));
        assertEquals(88, VenueClient.asReject(alice.outbound.messages.get(4)).ordRejReason());
        assertEquals(4, app.counters().value(VenueCounter.INJECTED_REJECTS));

        app.faults().clear();
        alice.newOrder(6, NQ, BUY, P - TICK, 1);
        assertEquals(ExecutionReportNew522Encoder.TEMPLATE_ID, alice.outbound.templateId(5));
    }

    @Test
    void ordersStayAfterDisconnectAndTheirFillsStillFlow()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 2);
        app.onSessionDisconnected(1001, alice.outbound);
        assertEquals(1, app.orders().openOrderCount(1001));

        bob.newOrder(1, ES, SELL, P - TICK, 2);

        assertEquals(ExecutionReportTradeOutright525Encoder.TEMPLATE_ID, alice.outbound.templateId(1));
        assertEquals(2, alice.outbound.nextSeqNum - 1);
    }

    @Test
    void cancelOnDisconnectWhenConfigured()
    {
        final OrderEntryApplication codApp = new OrderEntryApplication(
            harness.sim.clientMarket(), harness.clock, 100, true, VenueCounters.inMemory());
        final VenueClient carol = new VenueClient(codApp, 3003);
        carol.newOrder(1, ES, BUY, P - TICK, 2);
        carol.newOrder(2, NQ, SELL, P + TICK, 2);

        codApp.onSessionDisconnected(3003, carol.outbound);

        assertEquals(0, codApp.orders().openOrderCount(3003));
        assertEquals(
            ExecReason.CancelOnDisconnect, VenueClient.asCancel(carol.outbound.last()).execRestatementReason());
        assertEquals(0, harness.sim.orderBook(ES).clientOrderCount());
    }

    @Test
    void unsupportedOrShortMessagesGetABusinessReject()
    {
        alice.sendRaw(999, 20);
        alice.sendRaw(514, 12);

        assertEquals(List.of(BusinessReject521Encoder.TEMPLATE_ID, BusinessReject521Encoder.TEMPLATE_ID),
            alice.outbound.templateIds());
        assertEquals(2, app.counters().value(VenueCounter.BUSINESS_REJECTS));
    }
}
