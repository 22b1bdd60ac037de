package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The strategy's own order table and net positions, kept from its requests and the gateway's answers.
 * <p>
 * Orders are pooled: a table of fixed capacity, no allocation per order. An order is found by its client order id
 * and, while a cancel or replace is outstanding, by that request's id too.
 */
public final class StrategyOrders
{
    private final StrategyOrder[] free;
    private int freeCount;
    private int liveCount;
    private final Long2ObjectHashMap<StrategyOrder> byClOrdId;
    private final Long2LongHashMap positions = new Long2LongHashMap(0);

    /**
     * An empty table.
     *
     * @param capacity orders live at once.
     */
    public StrategyOrders(final int capacity)
    {
        free = new StrategyOrder[capacity];
        for (int i = 0; i < capacity; i++)
        {
            free[i] = new StrategyOrder();
        }
        freeCount = capacity;
        byClOrdId = new Long2ObjectHashMap<>(capacity * 4, 0.5f);
    }

    /**
     * The live order a client order id (or an outstanding request id) belongs to.
     *
     * @param clOrdId of the order or of its outstanding cancel or replace.
     * @return the order, or null when none is live.
     */
    public StrategyOrder order(final long clOrdId)
    {
        return byClOrdId.get(clOrdId);
    }

    /**
     * Orders live now (not done).
     *
     * @return the count.
     */
    public int liveCount()
    {
        return liveCount;
    }

    /**
     * Whether another order fits.
     *
     * @return true when the table has room.
     */
    public boolean hasCapacity()
    {
        return freeCount > 0;
    }

    /**
     * Net position from fills: bought minus sold.
     *
     * @param securityId of the instrument.
     * @return the position in lots.
     */
    public long position(final int securityId)
    {
        return positions.get(securityId);
    }

    StrategyOrder onNewOrder(
        final long clOrdId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty,
        final long triggerRxTimestampNs)
    {
        if (0 == freeCount)
        {
            return null;
        }
        final StrategyOrder order = free[--freeCount];
        free[freeCount] = null;
        order.reset();
        order.clOrdId = clOrdId;
        order.securityId = securityId;
        order.side = side;
        order.ordType = ordType;
        order.timeInForce = timeInForce;
        order.price = price;
        order.orderQty = qty;
        order.leavesQty = qty;
        order.triggerRxTimestampNs = triggerRxTimestampNs;
        byClOrdId.put(clOrdId, order);
        liveCount++;
        return order;
    }

    void onNewOrderNotSent(final StrategyOrder order)
    {
        order.done = true;
        release(order);
    }

    void onCancelSent(final StrategyOrder order, final long requestClOrdId)
    {
        order.pendingClOrdId = requestClOrdId;
        order.pendingCancel = true;
        byClOrdId.put(requestClOrdId, order);
    }

    void onReplaceSent(final StrategyOrder order, final long requestClOrdId, final long price, final long qty)
    {
        order.pendingClOrdId = requestClOrdId;
        order.pendingCancel = false;
        order.pendingPrice = price;
        order.pendingQty = qty;
        byClOrdId.put(requestClOrdId, order);
    }

    /**
     * Apply an execution report for this strategy.
     *
     * @param report of this strategy.
     * @return the order it is about, or null when no live order has its ids.
     */
    StrategyOrder onExecutionReport(final ExecutionReportDecoder report)
    {
        final long clOrdId = report.clOrdId();
        StrategyOrder order = byClOrdId.get(clOrdId);
        if (null == order && 0 != report.origClOrdId())
        {
            order = byClOrdId.get(report.origClOrdId());
        }
        if (null == order)
        {
            return null;
        }

        if (0 != report.orderId())
        {
            order.orderId = report.orderId();
        }
        final OrdStatus reportStatus = report.ordStatus();
        switch (report.execType())
        {
            case NEW:
                order.leavesQty = report.leavesQty();
                break;
            case TRADE:
                order.lastPrice = report.lastPrice();
                order.lastQty = report.lastQty();
                order.cumQty = report.cumQty();
                order.leavesQty = report.leavesQty();
                addPosition(order.securityId, Side.BUY == order.side ? order.lastQty : -order.lastQty);
                break;
            case REPLACED:
                if (clOrdId == order.pendingClOrdId && clOrdId != order.clOrdId)
                {
                    byClOrdId.remove(order.clOrdId);
                    order.clOrdId = clOrdId;
                }
                order.pendingClOrdId = 0;
                order.price = report.price();
                order.orderQty = report.orderQty();
                order.leavesQty = report.leavesQty();
                order.cumQty = report.cumQty();
                break;
            case CANCEL_REJECTED:
            case REPLACE_REJECTED:
                clearPending(order);
                order.rejectReason = report.rejectReason();
                return order;
            case REJECTED:
                order.rejectReason = report.rejectReason();
                if (clOrdId != order.clOrdId)
                {
                    clearPending(order);
                    return order;
                }
                order.leavesQty = 0;
                order.status = OrdStatus.REJECTED;
                order.done = true;
                return order;
            case CANCELED:
            case EXPIRED:
                order.leavesQty = 0;
                order.done = true;
                break;
            default:
                break;
        }
        if (null != reportStatus && OrdStatus.NULL_VAL != reportStatus)
        {
            order.status = reportStatus;
        }
        if (OrdStatus.FILLED == order.status || OrdStatus.CANCELED == order.status ||
            OrdStatus.REJECTED == order.status)
        {
            order.done = true;
        }
        if (order.done)
        {
            order.leavesQty = 0;
        }
        return order;
    }

    /**
     * Apply a risk decision for this strategy.
     *
     * @param decision of this strategy.
     * @return the order it is about, or null when no live order has its id.
     */
    StrategyOrder onRiskDecision(final RiskDecisionDecoder decision)
    {
        final StrategyOrder order = byClOrdId.get(decision.clOrdId());
        if (null == order || RiskResult.REJECTED != decision.result())
        {
            return order;
        }
        order.rejectReason = decision.rejectReason();
        if (NewOrderDecoder.TEMPLATE_ID == decision.requestTemplateId() && decision.clOrdId() == order.clOrdId)
        {
            order.status = OrdStatus.REJECTED;
            order.leavesQty = 0;
            order.done = true;
        }
        else if (decision.clOrdId() == order.pendingClOrdId)
        {
            clearPending(order);
        }
        return order;
    }

    /**
     * Return an order that is done to the pool; call once its callbacks have run.
     *
     * @param order to release when done.
     */
    void releaseIfDone(final StrategyOrder order)
    {
        if (order.done)
        {
            release(order);
        }
    }

    private void addPosition(final int securityId, final long delta)
    {
        final long position = positions.get(securityId) + delta;
        if (0 == position)
        {
            positions.remove(securityId);
        }
        else
        {
            positions.put(securityId, position);
        }
    }

    private void clearPending(final StrategyOrder order)
    {
        if (0 != order.pendingClOrdId)
        {
            byClOrdId.remove(order.pendingClOrdId);
            order.pendingClOrdId = 0;
        }
    }

    private void release(final StrategyOrder order)
    {
        clearPending(order);
        if (byClOrdId.get(order.clOrdId) == order)
        {
            byClOrdId.remove(order.clOrdId);
        }
        liveCount--;
        free[freeCount++] = order;
    }
}
