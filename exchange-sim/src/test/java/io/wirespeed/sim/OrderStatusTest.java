package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.BooleanNULL;
import io.wirespeed.codecs.ilink3.ExecutionReportStatus532Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportStatus532Encoder;
import io.wirespeed.codecs.ilink3.MassStatusOrdTyp;
import io.wirespeed.codecs.ilink3.MassStatusReqTyp;
import io.wirespeed.codecs.ilink3.MassStatusTIF;
import io.wirespeed.codecs.ilink3.OrderStatus;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.sim.venue.OrderEntryApplication;
import io.wirespeed.sim.venue.VenueCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.wirespeed.sim.SimHarness.CL;
import static io.wirespeed.sim.SimHarness.ES;
import static io.wirespeed.sim.SimHarness.NQ;
import static io.wirespeed.sim.VenueClient.BUY;
import static io.wirespeed.sim.VenueClient.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * OrderStatusRequest and OrderMassStatusRequest are answered with ExecutionReportStatus reports of the orders' true
 * state (ExecType I), echoing OrdStatusReqID or MassStatusReqID, the last report of a mass status flagged
 * LastRptRequested; an order the venue does not know for the client is answered OrdStatus U (Undefined).
 */
class OrderStatusTest
{
    static final long TICK = OrderEntryApplicationTest.TICK;
    static final long P = OrderEntryApplicationTest.P;
    static final long CL_P = 100_000_000_000L;

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
            harness.sim.clientMarket(), harness.clock, 1000, false, VenueCounters.inMemory());
        alice = new VenueClient(app, 1001);
        bob = new VenueClient(app, 2002);
    }

    @AfterEach
    void tearDown()
    {
        harness.close();
    }

    ExecutionReportStatus532Decoder lastStatus(final VenueClient client)
    {
        assertEquals(ExecutionReportStatus532Encoder.TEMPLATE_ID,
            client.outbound.templateId(client.outbound.messages.size() - 1));
        return VenueClient.asStatus(client.outbound.last());
    }

    @Test
    void statusOfAWorkingOrderThenPartiallyFilledThenFilled()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 5);
        final long orderId = VenueClient.asNew(alice.outbound.last()).orderID();

        alice.orderStatus(77, orderId);
        ExecutionReportStatus532Decoder status = lastStatus(alice);
        assertEquals(OrderStatus.New, status.ordStatus());
        assertEquals('I', status.execType());
        assertEquals(77, status.ordStatusReqID());
        assertEquals(ExecutionReportStatus532Decoder.massStatusReqIDNullValue(), status.massStatusReqID());
        assertEquals(orderId, status.orderID());
        assertEquals("1", status.clOrdID().trim());
        assertEquals(ES, status.securityID());
        assertEquals(P - TICK, status.price().mantissa());
        assertEquals(5, status.orderQty());
        assertEquals(0, status.cumQty());
        assertEquals(5, status.leavesQty());
        assertEquals(SideReq.Buy, status.side());
        assertEquals(BooleanNULL.NULL_VAL, status.lastRptRequested());
        assertEquals(1001, status.uUID());

        bob.newOrder(1, ES, SELL, P - TICK, 2);
        alice.orderStatus(78, orderId);
        status = lastStatus(alice);
        assertEquals(OrderStatus.PartiallyFilled, status.ordStatus());
        assertEquals(2, status.cumQty());
        assertEquals(3, status.leavesQty());

        bob.newOrder(2, ES, SELL, P - TICK, 3);
        alice.orderStatus(79, orderId);
        status = lastStatus(alice);
        assertEquals(OrderStatus.Filled, status.ordStatus());
        assertEquals(5, status.cumQty());
        assertEquals(0, status.leavesQty());
        assertEquals(79, status.ordStatusReqID());
    }

    @Test
    void statusOfACanceledAReplacedAndAnUnknownOrder()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 5);
        final long canceled = VenueClient.asNew(alice.outbound.last()).orderID();
        alice.cancel(2, canceled, ES, BUY);
        alice.newOrder(3, ES, BUY, P - 2 * TICK, 5);
        final long replaced = VenueClient.asNew(alice.outbound.last()).orderID();
        alice.replace(4, replaced, ES, BUY, P - 3 * TICK, 4);

        alice.orderStatus(1, canceled);
        assertEquals(OrderStatus.Cancelled, lastStatus(alice).ordStatus());
        assertEquals(0, lastStatus(alice).leavesQty());
        assertEquals("2", lastStatus(alice).clOrdID().trim());

        alice.orderStatus(2, replaced);
        assertEquals(OrderStatus.Replaced, lastStatus(alice).ordStatus());
        assertEquals(4, lastStatus(alice).orderQty());
        assertEquals(P - 3 * TICK, lastStatus(alice).price().mantissa());
        assertEquals("4", lastStatus(alice).clOrdID().trim());

        alice.orderStatus(3, 999_999);
        final ExecutionReportStatus532Decoder unknown = lastStatus(alice);
        assertEquals(OrderStatus.Undefined, unknown.ordStatus());
        assertEquals(999_999, unknown.orderID());
        assertEquals(3, unknown.ordStatusReqID());
        assertEquals("order not found", unknown.text().trim());

        bob.orderStatus(4, replaced);
        assertEquals(OrderStatus.Undefined, lastStatus(bob).ordStatus(), "another client's order is not bob's");
    }

    @Test
    void massStatusByInstrumentGroupAndSegmentFlagsTheLastReport()
    {
        alice.newOrder(1, ES, BUY, P - TICK, 1);
        alice.newOrder(2, ES, SELL, P + TICK, 2);
        alice.newOrder(3, NQ, BUY, P - TICK, 3);
        alice.newOrder(4, CL, BUY, CL_P, 4);
        bob.newOrder(1, ES, BUY, P - 2 * TICK, 9);
        final int before = alice.outbound.messages.size();

        alice.massStatus(500, MassStatusReqTyp.Instrument, ES, "", (short)255, MassStatusTIF.NULL_VAL,
            MassStatusOrdTyp.NULL_VAL);
        assertEquals(before + 2, alice.outbound.messages.size(), "alice's two ES orders, not bob's");
        final ExecutionReportStatus532Decoder first = VenueClient.asStatus(alice.outbound.messages.get(before));
        final ExecutionReportStatus532Decoder last = VenueClient.asStatus(alice.outbound.messages.get(before + 1));
        assertEquals(500, first.massStatusReqID());
        assertEquals(500, last.massStatusReqID());
        assertEquals(ExecutionReportStatus532Decoder.ordStatusReqIDNullValue(), first.ordStatusReqID());
        assertEquals(BooleanNULL.False, first.lastRptRequested());
        assertEquals(BooleanNULL.True, last.lastRptRequested());
        assertEquals(OrderStatus.New, first.ordStatus());
        assertEquals(3, first.orderQty() + last.orderQty());

        alice.massStatus(501, MassStatusReqTyp.InstrumentGroup, Integer.MIN_VALUE, "NQ", (short)255,
            MassStatusTIF.NULL_VAL, MassStatusOrdTyp.NULL_VAL);
        assertEquals(before + 3, alice.outbound.messages.size());
        assertEquals(NQ, lastStatus(alice).securityID());
        assertEquals(BooleanNULL.True, lastStatus(alice).lastRptRequested());

        alice.massStatus(502, MassStatusReqTyp.MarketSegment, Integer.MIN_VALUE, "", (short)0,
            MassStatusTIF.Day, MassStatusOrdTyp.SenderSubID);
        assertEquals(before + 7, alice.outbound.messages.size(), "every working order of alice in segment 0");
        assertEquals(BooleanNULL.True, lastStatus(alice).lastRptRequested());

        alice.massStatus(503, MassStatusReqTyp.InstrumentGroup, Integer.MIN_VALUE, "ZN", (short)255,
            MassStatusTIF.NULL_VAL, MassStatusOrdTyp.NULL_VAL);
        final ExecutionReportStatus532Decoder none = lastStatus(alice);
        assertEquals(before + 8, alice.outbound.messages.size());
        assertEquals(OrderStatus.Undefined, none.ordStatus());
        assertEquals(503, none.massStatusReqID());
        assertEquals(BooleanNULL.True, none.lastRptRequested());

        alice.massStatus(504, MassStatusReqTyp.Instrument, ES, "", (short)255, MassStatusTIF.GTC,
            MassStatusOrdTyp.NULL_VAL);
        assertEquals(OrderStatus.Undefined, lastStatus(alice).ordStatus(), "no GTC orders");
    }
}
