package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.Side;

/**
 * The fields of one execution report, filled by the order logic and reused for every report.
 */
public final class Execution
{
    long strategyId;
    long clOrdId;
    long origClOrdId;
    long venueOrderId;
    int securityId;
    Side side;
    ExecType execType;
    OrdStatus ordStatus;
    RejectReason rejectReason;
    int venueRejectCode;
    long price;
    long orderQty;
    long lastPrice;
    long lastQty;
    long leavesQty;
    long cumQty;
    long execId;
    long mdTradeEntryId;
    long venueTransactTimeNs;
    long triggerRxTimestampNs;
    long gatewayRxTimestampNs;

    /**
     * Strategy that owns the order.
     *
     * @return the strategy id.
     */
    public long strategyId()
    {
        return strategyId;
    }

    /**
     * Client order id of the order or of the request the report answers.
     *
     * @return the client order id.
     */
    public long clOrdId()
    {
        return clOrdId;
    }

    /**
     * Client order id of the order acted on by a cancel or replace, else 0.
     *
     * @return the original client order id.
     */
    public long origClOrdId()
    {
        return origClOrdId;
    }

    /**
     * Venue order id, 0 until known.
     *
     * @return the venue order id.
     */
    public long venueOrderId()
    {
        return venueOrderId;
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
     * Side of the order.
     *
     * @return the side.
     */
    public Side side()
    {
        return side;
    }

    /**
     * What happened.
     *
     * @return the exec type.
     */
    public ExecType execType()
    {
        return execType;
    }

    /**
     * The order's status after it.
     *
     * @return the status.
     */
    public OrdStatus ordStatus()
    {
        return ordStatus;
    }

    /**
     * Why a request was refused, else NONE.
     *
     * @return the reason.
     */
    public RejectReason rejectReason()
    {
        return rejectReason;
    }

    /**
     * The venue's own reason code, 0 if none.
     *
     * @return the code.
     */
    public int venueRejectCode()
    {
        return venueRejectCode;
    }

    /**
     * Limit price mantissa.
     *
     * @return the price.
     */
    public long price()
    {
        return price;
    }

    /**
     * Total order quantity.
     *
     * @return the quantity.
     */
    public long orderQty()
    {
        return orderQty;
    }

    /**
     * Fill price mantissa, or the null price when not a fill.
     *
     * @return the price.
     */
    public long lastPrice()
    {
        return lastPrice;
    }

    /**
     * Fill quantity, 0 when not a fill.
     *
     * @return the quantity.
     */
    public long lastQty()
    {
        return lastQty;
    }

    /**
     * Quantity still open.
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
     * Venue execution id of a fill, else 0.
     *
     * @return the execution id.
     */
    public long execId()
    {
        return execId;
    }

    /**
     * The venue's id of the trade on its market-data feed (iLink 3 MDTradeEntryID) for a fill, else 0; 0 also for a
     * fill the gateway learned only from the venue's cumulative quantity.
     *
     * @return the trade entry id.
     */
    public long mdTradeEntryId()
    {
        return mdTradeEntryId;
    }

    /**
     * Venue transaction time, 0 when the gateway made the report.
     *
     * @return epoch nanoseconds.
     */
    public long venueTransactTimeNs()
    {
        return venueTransactTimeNs;
    }

    /**
     * Rx time of the tick that caused the order.
     *
     * @return epoch nanoseconds.
     */
    public long triggerRxTimestampNs()
    {
        return triggerRxTimestampNs;
    }

    /**
     * When the gateway read the venue frame or took the request.
     *
     * @return epoch nanoseconds.
     */
    public long gatewayRxTimestampNs()
    {
        return gatewayRxTimestampNs;
    }
}
