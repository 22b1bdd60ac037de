package io.wirespeed.strategy.sample;

import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.strategy.BookView;
import io.wirespeed.strategy.OrderEntry;
import io.wirespeed.strategy.Strategy;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyOrder;
import io.wirespeed.strategy.StrategyOrders;

/**
 * A simple market maker: one bid and one ask quoted a fixed number of ticks either side of mid, replaced as the book
 * moves, pulled when the book is stale or one-sided, and not added on a side that would take the position past its
 * limit.
 */
public final class MarketMaker implements Strategy
{
    private static final int BID = 0;
    private static final int ASK = 1;
    private boolean standingDown;

    private final OrderEntry orderEntry;
    private final StrategyOrders orders;
    private final BookView book;
    private final int securityId;
    private final long widthTicks;
    private final long orderQty;
    private final long maxPosition;
    private final long[] quoteIds = new long[2];
    private final long[] pendingIds = new long[2];

    /**
     * A market maker on one instrument.
     *
     * @param client      it trades through.
     * @param securityId  instrument it quotes; the client must see it.
     * @param widthTicks  distance of each quote from mid, in ticks.
     * @param orderQty    of each quote.
     * @param maxPosition largest absolute position it takes.
     */
    public MarketMaker(
        final StrategyClient client,
        final int securityId,
        final int widthTicks,
        final long orderQty,
        final long maxPosition)
    {
        this.orderEntry = client.orderEntry();
        this.orders = client.orders();
        this.book = client.book(securityId);
        if (null == book)
        {
            throw new IllegalArgumentException("the strategy does not see security id " + securityId);
        }
        this.securityId = securityId;
        this.widthTicks = widthTicks;
        this.orderQty = orderQty;
        this.maxPosition = maxPosition;
    }

    /**
     * A market maker configured from the client's settings: its first instrument, width, quantity and position limit.
     *
     * @param client it trades through.
     * @return the market maker.
     */
    public static MarketMaker fromSettings(final StrategyClient client)
    {
        return new MarketMaker(
            client,
            client.settings().instruments().get(0).securityId(),
            client.settings().strategy().quoteWidthTicks(),
            client.settings().strategy().orderQty(),
            client.settings().maxPosition());
    }

    /**
     * {@inheritDoc}
     */
    public void onBook(final BookView book, final BookUpdateDecoder update)
    {
        if (book == this.book)
        {
            requote(update.rxTimestampNs());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFeedState(final BookView book, final FeedStateDecoder feedState)
    {
        if (book == this.book)
        {
            requote(feedState.rxTimestampNs());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onExecutionReport(final StrategyOrder order, final ExecutionReportDecoder report)
    {
        if (null != order && securityId == order.securityId())
        {
            requote(0);
        }
    }

    /**
     * Client order id of the live bid quote.
     *
     * @return the id, 0 when there is none.
     */
    public long bidClOrdId()
    {
        return null == resolve(BID) ? 0 : quoteIds[BID];
    }

    /**
     * Client order id of the live ask quote.
     *
     * @return the id, 0 when there is none.
     */
    public long askClOrdId()
    {
        return null == resolve(ASK) ? 0 : quoteIds[ASK];
    }

    private void requote(final long triggerRxTimestampNs)
    {
        if (standingDown)
        {
            return;
        }
        if (book.isStale() || !book.isTwoSided())
        {
            pull(BID, triggerRxTimestampNs);
            pull(ASK, triggerRxTimestampNs);
            return;
        }
        final long tick = Math.max(1, book.tickSize());
        final long mid = (book.bestBid() + book.bestAsk()) / 2;
        final long bidPrice = Math.floorDiv(mid - widthTicks * tick, tick) * tick;
        final long askPrice = -Math.floorDiv(-(mid + widthTicks * tick), tick) * tick;
        final long position = orders.position(securityId);
        quote(BID, bidPrice, position + orderQty <= maxPosition, triggerRxTimestampNs);
        quote(ASK, askPrice, position - orderQty >= -maxPosition, triggerRxTimestampNs);
    }

    private void quote(final int side, final long price, final boolean allowed, final long triggerRxTimestampNs)
    {
        final StrategyOrder order = resolve(side);
        if (null == order)
        {
            if (allowed)
            {
                final long result = orderEntry.newOrder(
                    securityId,
                    BID == side ? Side.BUY : Side.SELL,
                    OrdType.LIMIT,
                    TimeInForce.DAY,
                    price,
                    orderQty,
                    triggerRxTimestampNs);
                quoteIds[side] = Math.max(0, result);
            }
        }
        else if (order.isPending() || OrdStatus.PENDING_NEW == order.status())
        {
            return;
        }
        else if (!allowed)
        {
            orderEntry.cancel(quoteIds[side], triggerRxTimestampNs);
        }
        else if (order.price() != price)
        {
            pendingIds[side] = Math.max(0, orderEntry.replace(quoteIds[side], price, orderQty, triggerRxTimestampNs));
        }
    }

    private void pull(final int side, final long triggerRxTimestampNs)
    {
        final StrategyOrder order = resolve(side);
        if (null != order && !order.isPending() && OrdStatus.PENDING_NEW != order.status())
        {
            orderEntry.cancel(quoteIds[side], triggerRxTimestampNs);
        }
    }

    private StrategyOrder resolve(final int side)
    {
        StrategyOrder order = 0 == quoteIds[side] ? null : orders.order(quoteIds[side]);
        if (null == order && 0 != pendingIds[side])
        {
            order = orders.order(pendingIds[side]);
        }
        if (null == order || order.isDone())
        {
            quoteIds[side] = 0;
            pendingIds[side] = 0;
            return null;
        }
        quoteIds[side] = order.clOrdId();
        if (!order.isPending())
        {
            pendingIds[side] = 0;
        }
        return order;
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
