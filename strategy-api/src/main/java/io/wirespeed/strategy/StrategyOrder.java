package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;

/**
 * One of the strategy's own orders as its execution reports describe it; pooled, so valid only while it is live.
 * <p>
 * Hold an order's {@link #clOrdId()} rather than the object: once the order is done (filled, canceled, rejected,
 * expired) and its callback has returned, the object is reused for another order.
 */
public final class StrategyOrder
{
    long clOrdId;
    long pendingClOrdId;
    boolean pendingCancel;
    long pendingPrice;
    long pendingQty;
    int securityId;
    Side side;
    OrdType ordType;
    TimeInForce timeInForce;
    long price;
    long orderQty;
    long leavesQty;
    long cumQty;
    long lastPrice;
    long lastQty;
    long orderId;
    OrdStatus status;
    RejectReason rejectReason;
    long triggerRxTimestampNs;
    boolean done;

    StrategyOrder()
    {
    }

    /**
     * The order's current client order id (the id of the last accepted replace).
     *
     * @return the client order id.
     */
    public long clOrdId()
    {
        return clOrdId;
    }

    /**
     * Venue security id.
     *
     * @return the security id.
     */
    public int securityId()
    {
        return securityId;
    }

    /**
     * Side.
     *
     * @return the side.
     */
    public Side side()
    {
        return side;
    }

    /**
     * Order type.
     *
     * @return the order type.
     */
    public OrdType ordType()
    {
        return ordType;
    }

    /**
     * Time in force.
     *
     * @return the time in force.
     */
    public TimeInForce timeInForce()
    {
        return timeInForce;
    }

    /**
     * Limit price as last acknowledged (or as sent, before the first acknowledgement).
     *
     * @return price mantissa, exponent -9.
     */
    public long price()
    {
        return price;
    }

    /**
     * Order quantity as last acknowledged.
     *
     * @return the quantity.
     */
    public long orderQty()
    {
        return orderQty;
    }

    /**
     * Quantity still working.
     *
     * @return the quantity.
     */
    public long leavesQty()
    {
        return leavesQty;
    }

    /**
     * Quantity filled so far.
     *
     * @return the quantity.
     */
    public long cumQty()
    {
        return cumQty;
    }

    /**
     * Price of the last fill.
     *
     * @return price mantissa, exponent -9, or {@link BookView#NULL_PRICE} before any.
     */
    public long lastPrice()
    {
        return lastPrice;
    }

    /**
     * Quantity of the last fill.
     *
     * @return the quantity.
     */
    public long lastQty()
    {
        return lastQty;
    }

    /**
     * Venue order id.
     *
     * @return the id, 0 until the venue assigns one.
     */
    public long orderId()
    {
        return orderId;
    }

    /**
     * The order's state: PENDING_CANCEL or PENDING_REPLACE while such a request is outstanding, otherwise the
     * status of the last execution report (PENDING_NEW before the first).
     *
     * @return the status.
     */
    public OrdStatus status()
    {
        if (!done && 0 != pendingClOrdId)
        {
            return pendingCancel ? OrdStatus.PENDING_CANCEL : OrdStatus.PENDING_REPLACE;
        }
        return status;
    }

    /**
     * Whether a cancel or replace request is outstanding.
     *
     * @return true while one is.
     */
    public boolean isPending()
    {
        return 0 != pendingClOrdId;
    }

    /**
     * Why the order or its last request was refused.
     *
     * @return the reason, NONE when nothing was refused.
     */
    public RejectReason rejectReason()
    {
        return rejectReason;
    }

    /**
     * Rx timestamp of the tick that caused the order.
     *
     * @return epoch nanoseconds, 0 when none.
     */
    public long triggerRxTimestampNs()
    {
        return triggerRxTimestampNs;
    }

    /**
     * Whether the order is finished: filled, canceled, rejected or expired.
     *
     * @return true when it is.
     */
    public boolean isDone()
    {
        return done;
    }

    void reset()
    {
        clOrdId = 0;
        pendingClOrdId = 0;
        pendingCancel = false;
        pendingPrice = 0;
        pendingQty = 0;
        securityId = 0;
        side = null;
        ordType = null;
        timeInForce = null;
        price = BookView.NULL_PRICE;
        orderQty = 0;
        leavesQty = 0;
        cumQty = 0;
        lastPrice = BookView.NULL_PRICE;
        lastQty = 0;
        orderId = 0;
        status = OrdStatus.PENDING_NEW;
        rejectReason = RejectReason.NONE;
        triggerRxTimestampNs = 0;
        done = false;
    }

    /**
     * The order as text, for diagnostics.
     *
     * @return the order as text.
     */
    public String toString()
    {
        return "StrategyOrder{clOrdId=" + clOrdId + ", securityId=" + securityId + ", side=" + side +
            ", price=" + price + ", orderQty=" + orderQty + ", leavesQty=" + leavesQty + ", cumQty=" + cumQty +
            ", status=" + status() + ", rejectReason=" + rejectReason + "}";
    }
}
