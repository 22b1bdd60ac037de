package io.wirespeed.strategy.sample;

import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.strategy.BookView;
import io.wirespeed.strategy.OrderEntry;
import io.wirespeed.strategy.Strategy;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyOrder;
import io.wirespeed.strategy.StrategyOrders;

/**
 * The tick-to-trade probe: on a trigger tick it sends an IOC limit order priced off the book, stamped with the
 * tick's rx timestamp.
 * <p>
 * The trigger is a change of the best bid or ask price ({@code triggerEveryN} 0) or every Nth TopOfBook of the
 * instrument. Orders alternate buy at the best ask and sell at the best bid, so the position stays near flat; a side
 * that would take the position past its limit is skipped for the other.
 */
public final class TickResponder implements Strategy
{
    private final OrderEntry orderEntry;
    private final StrategyOrders orders;
    private final int securityId;
    private final int triggerEveryN;
    private final long orderQty;
    private final long maxPosition;
    private long lastBidPrice = BookView.NULL_PRICE;
    private long lastAskPrice = BookView.NULL_PRICE;
    private long topOfBookCount;
    private long triggers;
    private long lastClOrdId;
    private boolean buyNext = true;
    private boolean standingDown;

    /**
     * A responder on one instrument.
     *
     * @param client        it trades through.
     * @param securityId    instrument whose ticks trigger it.
     * @param triggerEveryN 0 to fire on each best price change, else on every Nth TopOfBook.
     * @param orderQty      of each order.
     * @param maxPosition   largest absolute position it takes.
     */
    public TickResponder(
        final StrategyClient client,
        final int securityId,
        final int triggerEveryN,
        final long orderQty,
        final long maxPosition)
    {
        this.orderEntry = client.orderEntry();
        this.orders = client.orders();
        this.securityId = securityId;
        this.triggerEveryN = triggerEveryN;
        this.orderQty = orderQty;
        this.maxPosition = maxPosition;
    }

    /**
     * A responder configured from the client's settings: its first instrument, trigger, quantity and position limit.
     *
     * @param client it trades through.
     * @return the responder.
     */
    public static TickResponder fromSettings(final StrategyClient client)
    {
        return new TickResponder(
            client,
            client.settings().instruments().get(0).securityId(),
            client.settings().strategy().triggerEveryN(),
            client.settings().strategy().orderQty(),
            client.settings().maxPosition());
    }

    /**
     * {@inheritDoc}
     */
    public void onTopOfBook(final BookView book, final TopOfBookDecoder topOfBook)
    {
        if (securityId != topOfBook.securityId())
        {
            return;
        }
        final long bidPrice = topOfBook.bidPrice();
        final long askPrice = topOfBook.askPrice();
        final boolean fire;
        if (0 == triggerEveryN)
        {
            fire = bidPrice != lastBidPrice || askPrice != lastAskPrice;
        }
        else
        {
            fire = 0 == ++topOfBookCount % triggerEveryN;
        }
        lastBidPrice = bidPrice;
        lastAskPrice = askPrice;
        if (fire && !book.isStale())
        {
            respond(bidPrice, askPrice, topOfBook.rxTimestampNs());
        }
    }

    /**
     * Trigger ticks seen.
     *
     * @return the count.
     */
    public long triggers()
    {
        return triggers;
    }

    /**
     * Client order id of the last order sent, or the last negative outcome of a send.
     *
     * @return the id or outcome, 0 before any.
     */
    public long lastClOrdId()
    {
        return lastClOrdId;
    }

    private void respond(final long bidPrice, final long askPrice, final long rxTimestampNs)
    {
        if (standingDown)
        {
            return;
        }
        triggers++;
        final long position = orders.position(securityId);
        final boolean canBuy = BookView.NULL_PRICE != askPrice && position + orderQty <= maxPosition;
        final boolean canSell = BookView.NULL_PRICE != bidPrice && position - orderQty >= -maxPosition;
        final boolean buy = buyNext ? canBuy : !canSell && canBuy;
        if (!buy && !canSell)
        {
            return;
        }
        lastClOrdId = orderEntry.newOrder(
            securityId,
            buy ? Side.BUY : Side.SELL,
            OrdType.LIMIT,
            TimeInForce.IOC,
            buy ? askPrice : bidPrice,
            orderQty,
            rxTimestampNs);
        buyNext = !buy;
    }

    /**
     * A kill switch refusal makes the strategy stand down until an operator's resume: it sends nothing more, rather
     * than have every tick refused (the kill switch is latched until an operator resets it).
     */
    public void onRiskDecision(final StrategyOrder order, final RiskDecisionDecoder decision)
    {
        if (RejectReason.KILL_SWITCH == decision.rejectReason())
        {
            standingDown = true;
        }
    }

    /**
     * An operator's resume (of any scope) lifts the stand-down: the next tick trades again; a kill switch still
     * latched for this strategy stands it down again at its first refusal.
     */
    public void onControlAck(final ControlAckDecoder controlAck)
    {
        if (ResumeDecoder.TEMPLATE_ID == controlAck.controlTemplateId() && BooleanFlag.TRUE == controlAck.applied())
        {
            standingDown = false;
        }
    }

    /**
     * Whether a kill switch refusal made it stand down.
     *
     * @return true once it has.
     */
    public boolean isStandingDown()
    {
        return standingDown;
    }
}
