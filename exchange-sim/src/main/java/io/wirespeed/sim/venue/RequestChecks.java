package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.OrderCancelReplaceRequest515Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelRequest516Decoder;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;
import io.wirespeed.sim.ClientMarket;

/**
 * Whether the venue takes a client's request: a new order's OrdRejReason, or for a cancel or a cancel/replace the
 * order it names ({@link #order()}) and, when the venue refuses, CME's {@link CxlRejReason}.
 */
final class RequestChecks
{
    private final ClientMarket market;
    private final ClientOrders orders;
    private ClientOrder order;

    RequestChecks(final ClientMarket market, final ClientOrders orders)
    {
        this.market = market;
        this.orders = orders;
    }

    /**
     * Why a new order is refused.
     *
     * @return an {@link OrdRejReasons} value, or -1 to take it.
     */
    int newOrder(
        final int securityId,
        final SideReq side,
        final OrderType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        if (!market.hasInstrument(securityId))
        {
            return OrdRejReasons.UNKNOWN_SECURITY;
        }
        if (qty <= 0)
        {
            return OrdRejReasons.BAD_QTY;
        }
        if (SideReq.NULL_VAL == side || OrderType.NULL_VAL == ordType || TimeInForce.NULL_VAL == timeInForce ||
            OrderType.StopLimit == ordType || OrderType.MarketWithLeftoverAsLimit == ordType)
        {
            return OrdRejReasons.UNSUPPORTED;
        }
        if (OrderType.Limit == ordType && !onTick(securityId, price))
        {
            return OrdRejReasons.OFF_TICK;
        }
        if (!market.isOpen(securityId))
        {
            return OrdRejReasons.MARKET_CLOSED;
        }
        if (!orders.hasRoom() || !market.hasRoom(securityId))
        {
            return OrdRejReasons.BOOK_FULL;
        }
        return -1;
    }

    /**
     * Check a cancel; on success {@link #order()} is the order to cancel.
     *
     * @param clOrdId the request's ClOrdID, which names the order when OrderID is 0.
     * @return null to cancel, or why not.
     */
    CxlRejReason cancel(final ClientSession session, final OrderCancelRequest516Decoder request, final byte[] clOrdId)
    {
        final CxlRejReason notFound = locate(session, request.orderID(), clOrdId);
        if (null != notFound)
        {
            return notFound;
        }
        if (Decoding.side(request.sideRaw()) != order.side)
        {
            return CxlRejReason.DIFFERENT_SIDE;
        }
        return market.isClosed(order.securityId) ? CxlRejReason.MARKET_CLOSED : null;
    }

    /**
     * Check a cancel/replace; on success {@link #order()} is the order to modify.
     *
     * @param clOrdId the request's ClOrdID, which names the order when OrderID is 0.
     * @return null to modify, or why not.
     */
    CxlRejReason replace(
        final ClientSession session, final OrderCancelReplaceRequest515Decoder request, final byte[] clOrdId)
    {
        final CxlRejReason notFound = locate(session, request.orderID(), clOrdId);
        if (null != notFound)
        {
            return notFound;
        }
        if (Decoding.side(request.sideRaw()) != order.side)
        {
            return CxlRejReason.DIFFERENT_SIDE;
        }
        final TimeInForce timeInForce = Decoding.timeInForce(request.timeInForceRaw());
        if (request.securityID() != order.securityId || OrderType.Limit != order.ordType ||
            Decoding.ordType(request.ordTypeRaw()) != OrderType.Limit ||
            (TimeInForce.Day != timeInForce && TimeInForce.GoodTillCancel != timeInForce &&
            TimeInForce.GoodTillDate != timeInForce))
        {
            return CxlRejReason.UNCHANGEABLE_FIELD;
        }
        if (request.orderQty() <= order.cumQty)
        {
            return CxlRejReason.QTY_NOT_ABOVE_FILLED;
        }
        if (!onTick(order.securityId, request.price().mantissa()))
        {
            return CxlRejReason.INVALID_PRICE_INCREMENT;
        }
        return market.isClosed(order.securityId) ? CxlRejReason.MARKET_CLOSED : null;
    }

    /**
     * The working order the last successful check found.
     */
    ClientOrder order()
    {
        return order;
    }

    /**
     * Whether a price is above zero and a multiple of the instrument's tick.
     */
    boolean onTick(final int securityId, final long price)
    {
        final long tick = market.tickMantissa(securityId);
        return price != Long.MAX_VALUE && price > 0 && 0 == price % tick;
    }

    private CxlRejReason locate(final ClientSession session, final long orderId, final byte[] clOrdId)
    {
        order = null;
        if (0 == orderId)
        {
            order = orders.byClOrdId(session, clOrdId);
            return null == order ? CxlRejReason.UNKNOWN_ORDER : null;
        }
        final ClientOrder working = orders.byOrderId(orderId);
        if (null != working)
        {
            if (working.session != session)
            {
                return CxlRejReason.DIFFERENT_SENDER;
            }
            order = working;
            return null;
        }
        final ClientOrder finished = orders.finished(orderId);
        if (null != finished)
        {
            return finished.owner != session ? CxlRejReason.DIFFERENT_SENDER : CxlRejReason.NOT_IN_BOOK;
        }
        return 0 < orderId && orderId <= orders.lastOrderId() ? CxlRejReason.NOT_IN_BOOK : CxlRejReason.UNKNOWN_ORDER;
    }
}
