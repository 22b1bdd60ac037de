package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.ilink3.ExecReason;
import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceRequest515Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelRequest516Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionRequest529Decoder;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.gateway.session.AsciiFields;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.gateway.transport.TcpVenueTransport;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The initiator's business paths through the real acceptor over TCP: each request arrives at the venue with the ids
 * {@link io.wirespeed.gateway.session.OrderEncoder} documents, and each report the venue answers with reaches the
 * right {@link io.wirespeed.gateway.venue.VenueListener} call with the right ids.
 */
@Timeout(30)
class FixpBusinessPathsTest
{
    private static final int SECURITY_ID = 7;
    private static final long PRICE = 101_250_000_000L;
    private static final long ORDER_ID = 31;
    private static final long VENUE_ORDER_ID = 5001;

    final ScriptedApplication application = new ScriptedApplication();
    final SessionRig rig = new SessionRig(application, new TcpVenueTransport());
    VenueReports venue;

    @BeforeEach
    void before()
    {
        rig.pumpEstablished();
        venue = new VenueReports(rig.venueSide());
    }

    @AfterEach
    void after()
    {
        rig.close();
    }

    void awaitReceived(final int count)
    {
        rig.pump(() -> application.received.size() == count);
    }

    void awaitEvents(final int count)
    {
        rig.pump(() -> rig.listener.events.size() == count);
    }

    long newOrder(final long orderId, final long qty)
    {
        return rig.initiator.sendNewOrder(
            orderId, SECURITY_ID, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, PRICE, qty, 0);
    }

    static long id(final DirectBuffer buffer, final int offset)
    {
        return AsciiFields.parseDecimal(buffer, offset, 20);
    }

    @Test
    void newOrderRejected()
    {
        assertEquals(1, newOrder(ORDER_ID, 5));
        awaitReceived(1);
        final ScriptedApplication.Received request = application.last();
        assertEquals(NewOrderSingle514Decoder.TEMPLATE_ID, request.templateId);
        assertEquals(ORDER_ID, id(request.message, request.body() + NewOrderSingle514Decoder.clOrdIDEncodingOffset()));

        venue.rejected(ORDER_ID, 1003, 900);
        awaitEvents(1);
        assertEquals(List.of("rejected order=31 reason=1003 time=900"), rig.listener.events);
    }

    @Test
    void partialThenFullFill()
    {
        newOrder(ORDER_ID, 5);
        awaitReceived(1);
        venue.accepted(ORDER_ID, VENUE_ORDER_ID, 900);
        venue.trade(ORDER_ID, VENUE_ORDER_ID, "9001", PRICE, 2, 3, 2, 901);
        venue.trade(ORDER_ID, VENUE_ORDER_ID, "9002", PRICE, 3, 0, 5, 902);
        awaitEvents(2);

        assertEquals(List.of(ORDER_ID), rig.listener.accepted);
        assertEquals(List.of(
            "fill order=31 venueOrder=5001 exec=9001 px=101250000000 lastQty=2 leaves=3 cum=2 time=901",
            "fill order=31 venueOrder=5001 exec=9002 px=101250000000 lastQty=3 leaves=0 cum=5 time=902"),
            rig.listener.events);
        assertEquals(4, rig.initiator.nextInSeqNo());
    }

    @Test
    void replaceCarriesNewAndPreviousIdsAndIsReportedAsModify()
    {
        newOrder(ORDER_ID, 5);
        awaitReceived(1);
        venue.accepted(ORDER_ID, VENUE_ORDER_ID, 900);
        rig.pump(() -> rig.listener.accepted.size() == 1);

        assertEquals(2, rig.initiator.sendReplace(
            41, ORDER_ID, VENUE_ORDER_ID, SECURITY_ID, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, PRICE + 1, 8));
        awaitReceived(2);
        final ScriptedApplication.Received request = application.last();
        assertEquals(OrderCancelReplaceRequest515Decoder.TEMPLATE_ID, request.templateId);
        assertEquals(2, request.seqNum);
        final OrderCancelReplaceRequest515Decoder replace = new OrderCancelReplaceRequest515Decoder().wrap(
            request.message, request.body(), OrderCancelReplaceRequest515Decoder.BLOCK_LENGTH,
            OrderCancelReplaceRequest515Decoder.SCHEMA_VERSION);
        assertEquals(41, id(request.message,
            replace.offset() + OrderCancelReplaceRequest515Decoder.clOrdIDEncodingOffset()));
        assertEquals(ORDER_ID, replace.orderRequestID());
        assertEquals(VENUE_ORDER_ID, replace.orderID());
        assertEquals(PRICE + 1, replace.price().mantissa());
        assertEquals(8, replace.orderQty());
        assertEquals(SideReq.Sell, replace.side());

        venue.modified(41, ORDER_ID, VENUE_ORDER_ID, PRICE + 1, 8, 8, 0, 903);
        venue.replaceRejected(42, 41, 2045);
        awaitEvents(2);
        assertEquals(List.of(
            "replaced request=41 origOrder=31 venueOrder=5001 px=101250000001 qty=8 leaves=8 cum=0 time=903",
            "replace refused request=42 origOrder=41 reason=2045"),
            rig.listener.events);
    }

    @Test
    void cancelOnRequestByVenueAndRefused()
    {
        newOrder(ORDER_ID, 5);
        awaitReceived(1);
        assertEquals(2, rig.initiator.sendCancel(51, ORDER_ID, VENUE_ORDER_ID, SECURITY_ID, Side.SELL));
        awaitReceived(2);
        final ScriptedApplication.Received request = application.last();
        assertEquals(OrderCancelRequest516Decoder.TEMPLATE_ID, request.templateId);
        final OrderCancelRequest516Decoder cancel = new OrderCancelRequest516Decoder().wrap(
            request.message, request.body(), OrderCancelRequest516Decoder.BLOCK_LENGTH,
            OrderCancelRequest516Decoder.SCHEMA_VERSION);
        assertEquals(ORDER_ID, id(request.message,
            cancel.offset() + OrderCancelRequest516Decoder.clOrdIDEncodingOffset()));
        assertEquals(51, cancel.orderRequestID());
        assertEquals(VENUE_ORDER_ID, cancel.orderID());
        assertEquals(SECURITY_ID, cancel.securityID());

        venue.canceled(ORDER_ID, 51, VENUE_ORDER_ID, ExecReason.NULL_VAL, 904);
        venue.canceled(32, 32, 5002, ExecReason.NULL_VAL, 905);
        venue.canceled(33, 57, 5003, ExecReason.CancelOnDisconnect, 906);
        venue.cancelRejected(34, 52, 2019);
        awaitEvents(4);
        assertEquals(List.of(
            "canceled request=51 order=31 venueOrder=5001 time=904",
            "canceled request=0 order=32 venueOrder=5002 time=905",
            "canceled request=0 order=33 venueOrder=5003 time=906",
            "cancel refused request=52 origOrder=34 reason=2019"),
            rig.listener.events);
    }

    @Test
    void massCancelForOneInstrumentAndForAll()
    {
        assertEquals(1, rig.initiator.sendMassCancel(61, SECURITY_ID));
        assertEquals(2, rig.initiator.sendMassCancel(62, 0));
        awaitReceived(2);
        final OrderMassActionRequest529Decoder mass = new OrderMassActionRequest529Decoder();
        final ScriptedApplication.Received one = application.received.get(0);
        assertEquals(OrderMassActionRequest529Decoder.TEMPLATE_ID, one.templateId);
        mass.wrap(one.message, one.body(), OrderMassActionRequest529Decoder.BLOCK_LENGTH,
            OrderMassActionRequest529Decoder.SCHEMA_VERSION);
        assertEquals(61, mass.orderRequestID());
        assertEquals(SECURITY_ID, mass.securityID());
        assertEquals(MassActionScope.Instrument, mass.massActionScope());
        final ScriptedApplication.Received all = application.received.get(1);
        mass.wrap(all.message, all.body(), OrderMassActionRequest529Decoder.BLOCK_LENGTH,
            OrderMassActionRequest529Decoder.SCHEMA_VERSION);
        assertEquals(62, mass.orderRequestID());
        assertEquals(OrderMassActionRequest529Decoder.securityIDNullValue(), mass.securityID());
        assertEquals(MassActionScope.All, mass.massActionScope());

        venue.massActionReport(61, true, 3);
        venue.massActionReport(62, false, 0);
        awaitEvents(2);
        assertEquals(List.of(
            "mass cancel request=61 accepted=true affected=3",
            "mass cancel request=62 accepted=false affected=0"),
            rig.listener.events);
    }

    @Test
    void businessRejectNamesTheRefusedMessage()
    {
        newOrder(ORDER_ID, 5);
        assertEquals(2, newOrder(ORDER_ID + 1, 5));
        awaitReceived(2);
        venue.businessReject(application.last().seqNum, 5);
        awaitEvents(1);
        assertEquals(List.of("business reject refSeqNum=2 reason=5"), rig.listener.events);
        assertEquals(1, rig.sessionCounters.value(SessionCounter.MESSAGES_RECEIVED));
    }
}
