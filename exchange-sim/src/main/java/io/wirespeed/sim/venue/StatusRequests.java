package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.BooleanNULL;
import io.wirespeed.codecs.ilink3.OrderMassStatusRequest530Decoder;
import io.wirespeed.codecs.ilink3.OrderStatus;
import io.wirespeed.codecs.ilink3.OrderStatusRequest533Decoder;
import io.wirespeed.codecs.ilink3.TimeInForce;
import io.wirespeed.sim.ClientMarket;
import org.agrona.DirectBuffer;

/**
 * Answers OrderStatusRequest (one order, by OrderID) and OrderMassStatusRequest (the client's working orders of an
 * instrument, an instrument group or a market segment, optionally of one time in force or of the requesting SenderID)
 * with ExecutionReportStatus reports of the orders' true state. A client sees only its own orders; an order it does
 * not have, or a mass status nothing matches, is answered with one report of OrdStatus U (Undefined).
 * <p>
 * OrdStatusReqType SenderSubID (100) keeps the orders entered with the request's SenderID; Account (101) narrows
 * nothing, as the venue keeps no accounts.
 */
final class StatusRequests
{
    private static final int BY_INSTRUMENT = 1;
    private static final int BY_INSTRUMENT_GROUP = 3;
    private static final int BY_MARKET_SEGMENT = 100;
    private static final short SENDER_SUB_ID = 100;
    private static final short TIME_IN_FORCE_NULL = 255;
    private static final long UINT64_NULL = -1L;
    private static final byte[] NOT_FOUND = Ascii.padded("order not found", 256);
    private static final byte[] NO_MATCH = Ascii.padded("no working orders match", 256);
    private static final byte[] UNSUPPORTED_TYPE = Ascii.padded("MassStatusReqType not supported", 256);

    private final ClientOrders orders;
    private final ClientMarket market;
    private final StatusReports reports;

    StatusRequests(final ClientOrders orders, final ClientMarket market, final StatusReports reports)
    {
        this.orders = orders;
        this.market = market;
        this.reports = reports;
    }

    void onOrderStatus(final ClientSession session, final OrderStatusRequest533Decoder request, final long nowNs)
    {
        final long orderId = request.orderID();
        final long ordStatusReqId = request.ordStatusReqID();
        final ClientOrder working = orders.byOrderId(orderId);
        if (null != working && working.session == session)
        {
            reports.onOrder(session, working, workingStatus(working), ordStatusReqId, UINT64_NULL,
                BooleanNULL.NULL_VAL, nowNs);
            return;
        }
        final ClientOrder finished = orders.finished(orderId);
        if (null != finished && finished.owner == session)
        {
            reports.onOrder(session, finished, FinishedOrders.isFilled(finished) ? OrderStatus.Filled :
                OrderStatus.Cancelled, ordStatusReqId, UINT64_NULL, BooleanNULL.NULL_VAL, nowNs);
            return;
        }
        final int senderIdOffset = request.offset() + OrderStatusRequest533Decoder.senderIDEncodingOffset();
        reports.onNoOrder(session, request.buffer(), senderIdOffset, orderId, ordStatusReqId, UINT64_NULL, NOT_FOUND,
            nowNs);
    }

    void onMassStatus(
        final ClientSession session, final OrderMassStatusRequest530Decoder request, final long nowNs)
    {
        final long massStatusReqId = request.massStatusReqID();
        final DirectBuffer buffer = request.buffer();
        final int senderIdOffset = request.offset() + OrderMassStatusRequest530Decoder.senderIDEncodingOffset();
        final int type = request.massStatusReqTypeRaw();
        if (BY_INSTRUMENT != type && BY_INSTRUMENT_GROUP != type && BY_MARKET_SEGMENT != type)
        {
            reports.onNoOrder(session, buffer, senderIdOffset, 0, UINT64_NULL, massStatusReqId, UNSUPPORTED_TYPE,
                nowNs);
            return;
        }

        int remaining = 0;
        for (int i = 0; i < session.openCount; i++)
        {
            remaining += matches(session.open[i], request, type) ? 1 : 0;
        }
        if (0 == remaining)
        {
            reports.onNoOrder(session, buffer, senderIdOffset, 0, UINT64_NULL, massStatusReqId, NO_MATCH, nowNs);
            return;
        }
        for (int i = 0; i < session.openCount; i++)
        {
            final ClientOrder order = session.open[i];
            if (matches(order, request, type))
            {
                remaining--;
                reports.onOrder(session, order, workingStatus(order), UINT64_NULL, massStatusReqId,
                    0 == remaining ? BooleanNULL.True : BooleanNULL.False, nowNs);
            }
        }
    }

    /**
     * The status of a working order: partially filled once it traded, replaced once modified, new otherwise.
     */
    static OrderStatus workingStatus(final ClientOrder order)
    {
        return order.cumQty > 0 ? OrderStatus.PartiallyFilled :
            order.replaced ? OrderStatus.Replaced : OrderStatus.New;
    }

    private boolean matches(final ClientOrder order, final OrderMassStatusRequest530Decoder request, final int type)
    {
        final boolean inScope;
        switch (type)
        {
            case BY_INSTRUMENT:
                inScope = order.securityId == request.securityID();
                break;
            case BY_INSTRUMENT_GROUP:
                inScope = market.inSecurityGroup(order.securityId, request.buffer(),
                    request.offset() + OrderMassStatusRequest530Decoder.securityGroupEncodingOffset());
                break;
            default:
                inScope = ClientMarket.MARKET_SEGMENT_ID == request.marketSegmentID();
                break;
        }
        return inScope && timeInForceMatches(order, request.timeInForceRaw()) &&
            (SENDER_SUB_ID != request.ordStatusReqTypeRaw() || sameSender(order, request));
    }

    private static boolean timeInForceMatches(final ClientOrder order, final short raw)
    {
        return TIME_IN_FORCE_NULL == raw || (null != order.timeInForce && TimeInForce.NULL_VAL != order.timeInForce &&
            order.timeInForce.value() == raw);
    }

    private static boolean sameSender(final ClientOrder order, final OrderMassStatusRequest530Decoder request)
    {
        final int offset = request.offset() + OrderMassStatusRequest530Decoder.senderIDEncodingOffset();
        for (int i = 0; i < ClientOrder.SENDER_ID_LENGTH; i++)
        {
            if (order.senderId[i] != request.buffer().getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }
}
