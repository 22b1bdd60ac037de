package io.wirespeed.strategy;

import io.aeron.Publication;
import io.aeron.logbuffer.BufferClaim;
import io.wirespeed.codecs.internal.CancelOrderEncoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.ReplaceOrderEncoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Sends the strategy's new, cancel and replace requests to the gateway, encoded in place in the order publication.
 * <p>
 * Every send returns the request's client order id (positive) or a negative outcome code; nothing allocates.
 */
public final class OrderEntry
{
    /** No gateway subscribes to the order stream. */
    public static final long NOT_CONNECTED = -1;

    /** The publication stayed back pressured through every attempt. */
    public static final long BACK_PRESSURED = -2;

    /** The order table is full. */
    public static final long TABLE_FULL = -3;

    /** No live order has that client order id. */
    public static final long UNKNOWN_ORDER = -4;

    /** The order already has a cancel or replace outstanding. */
    public static final long REQUEST_PENDING = -5;

    /** The publication is closed or the message does not fit. */
    public static final long PUBLICATION_ERROR = -6;

    /** Default attempts per send while the publication is back pressured. */
    public static final int MAX_ATTEMPTS_DEFAULT = 16;

    private final BufferClaim claim = new BufferClaim();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private final Publication publication;
    private final StrategyOrders orders;
    private final StrategyCounters counters;
    private final EpochNanoClock clock;
    private final int strategyId;
    private final int maxAttempts;
    private long nextClOrdId;

    /**
     * Order entry over a publication on the order stream.
     *
     * @param publication  on the order stream; not closed by this.
     * @param strategyId   carried on every request.
     * @param firstClOrdId the first client order id; later ones count up from it.
     * @param orders       the strategy's order table.
     * @param counters     where sends and failures are counted.
     * @param clock        stamps strategyTimestampNs.
     * @param maxAttempts  per send while back pressured.
     */
    public OrderEntry(
        final Publication publication,
        final int strategyId,
        final long firstClOrdId,
        final StrategyOrders orders,
        final StrategyCounters counters,
        final EpochNanoClock clock,
        final int maxAttempts)
    {
        if (firstClOrdId <= 0)
        {
            throw new IllegalArgumentException("firstClOrdId must be positive: " + firstClOrdId);
        }
        this.publication = publication;
        this.strategyId = strategyId;
        this.nextClOrdId = firstClOrdId;
        this.orders = orders;
        this.counters = counters;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Whether a gateway subscribes to the order stream.
     *
     * @return true when requests can be sent.
     */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /**
     * The client order id the next request will carry.
     *
     * @return the id.
     */
    public long nextClOrdId()
    {
        return nextClOrdId;
    }

    /**
     * Send a new order and enter it in the order table as PENDING_NEW.
     *
     * @param securityId           instrument.
     * @param side                 BUY or SELL.
     * @param ordType              LIMIT or MARKET.
     * @param timeInForce          DAY, GTC, IOC or FOK.
     * @param price                limit price mantissa (exponent -9), {@link BookView#NULL_PRICE} for a market order.
     * @param qty                  in lots.
     * @param triggerRxTimestampNs rx time of the tick that caused it, 0 when none.
     * @return the order's client order id, or {@link #TABLE_FULL}, {@link #NOT_CONNECTED}, {@link #BACK_PRESSURED},
     * {@link #PUBLICATION_ERROR}.
     */
    public long newOrder(
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty,
        final long triggerRxTimestampNs)
    {
        final long clOrdId = nextClOrdId;
        final StrategyOrder order = orders.onNewOrder(
            clOrdId, securityId, side, ordType, timeInForce, price, qty, triggerRxTimestampNs);
        if (null == order)
        {
            counters.increment(StrategyCounter.ORDER_TABLE_FULL);
            return TABLE_FULL;
        }

        final long result = claim(MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.BLOCK_LENGTH);
        if (result < 0)
        {
            orders.onNewOrderNotSent(order);
            return result;
        }
        newOrder.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
            .strategyId(strategyId)
            .clOrdId(clOrdId)
            .securityId(securityId)
            .side(side)
            .ordType(ordType)
            .timeInForce(timeInForce)
            .price(price)
            .qty(qty)
            .triggerRxTimestampNs(triggerRxTimestampNs)
            .strategyTimestampNs(clock.nanoTime());
        claim.commit();
        nextClOrdId++;
        counters.increment(StrategyCounter.NEW_ORDERS_SENT);
        return clOrdId;
    }

    /**
     * Ask to cancel a live order; it shows PENDING_CANCEL until answered.
     *
     * @param clOrdId              of the order.
     * @param triggerRxTimestampNs rx time of the tick that caused it, 0 when none.
     * @return the cancel request's client order id, or {@link #UNKNOWN_ORDER}, {@link #REQUEST_PENDING},
     * {@link #NOT_CONNECTED}, {@link #BACK_PRESSURED}, {@link #PUBLICATION_ERROR}.
     */
    public long cancel(final long clOrdId, final long triggerRxTimestampNs)
    {
        final StrategyOrder order = orders.order(clOrdId);
        if (null == order || order.clOrdId != clOrdId)
        {
            return UNKNOWN_ORDER;
        }
        if (order.isPending())
        {
            return REQUEST_PENDING;
        }

        final long result = claim(MessageHeaderEncoder.ENCODED_LENGTH + CancelOrderEncoder.BLOCK_LENGTH);
        if (result < 0)
        {
            return result;
        }
        final long requestId = nextClOrdId++;
        cancelOrder.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
            .strategyId(strategyId)
            .clOrdId(requestId)
            .origClOrdId(clOrdId)
            .securityId(order.securityId)
            .side(order.side)
            .triggerRxTimestampNs(triggerRxTimestampNs)
            .strategyTimestampNs(clock.nanoTime());
        claim.commit();
        orders.onCancelSent(order, requestId);
        counters.increment(StrategyCounter.CANCELS_SENT);
        return requestId;
    }

    /**
     * Ask to change a live order's price and quantity; it shows PENDING_REPLACE until answered, then carries the
     * request's client order id.
     *
     * @param clOrdId              of the order.
     * @param price                new limit price mantissa, exponent -9.
     * @param qty                  new quantity.
     * @param triggerRxTimestampNs rx time of the tick that caused it, 0 when none.
     * @return the replace request's client order id, or {@link #UNKNOWN_ORDER}, {@link #REQUEST_PENDING},
     * {@link #NOT_CONNECTED}, {@link #BACK_PRESSURED}, {@link #PUBLICATION_ERROR}.
     */
    public long replace(final long clOrdId, final long price, final long qty, final long triggerRxTimestampNs)
    {
        final StrategyOrder order = orders.order(clOrdId);
        if (null == order || order.clOrdId != clOrdId)
        {
            return UNKNOWN_ORDER;
        }
        if (order.isPending())
        {
            return REQUEST_PENDING;
        }

        final long result = claim(MessageHeaderEncoder.ENCODED_LENGTH + ReplaceOrderEncoder.BLOCK_LENGTH);
        if (result < 0)
        {
            return result;
        }
        final long requestId = nextClOrdId++;
        replaceOrder.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
            .strategyId(strategyId)
            .clOrdId(requestId)
            .origClOrdId(clOrdId)
            .securityId(order.securityId)
            .side(order.side)
            .ordType(order.ordType)
            .timeInForce(order.timeInForce)
            .price(price)
            .qty(qty)
            .triggerRxTimestampNs(triggerRxTimestampNs)
            .strategyTimestampNs(clock.nanoTime());
        claim.commit();
        orders.onReplaceSent(order, requestId, price, qty);
        counters.increment(StrategyCounter.REPLACES_SENT);
        return requestId;
    }

    private long claim(final int length)
    {
        for (int i = 0; i < maxAttempts; i++)
        {
            final long result = publication.tryClaim(length, claim);
            if (result > 0)
            {
                return result;
            }
            if (Publication.NOT_CONNECTED == result)
            {
                counters.increment(StrategyCounter.SENDS_NOT_CONNECTED);
                return NOT_CONNECTED;
            }
            if (Publication.BACK_PRESSURED != result && Publication.ADMIN_ACTION != result)
            {
                return PUBLICATION_ERROR;
            }
        }
        counters.increment(StrategyCounter.SENDS_BACK_PRESSURED);
        return BACK_PRESSURED;
    }
}
