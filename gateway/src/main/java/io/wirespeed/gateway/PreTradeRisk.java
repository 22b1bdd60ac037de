package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.Side;

/**
 * Pre-trade risk checks of one request against a strategy's and its account's limits and the venue session's
 * rate limits; the breached limit, the value observed and the book breached are left in fields for the caller.
 */
final class PreTradeRisk
{
    private static final double PRICE_SCALE = 1e9;
    private static final long BPS = 10_000;

    private final Instruments instruments;
    private final ReferencePrices referencePrices;
    private final Limits venueLimits;
    private final RateThrottle venueOrderRate = new RateThrottle();
    private final RateThrottle venueMessageRate = new RateThrottle();
    private long referenceMaxAgeNs;
    private long checkNowNs;

    long limitValue;
    long observedValue;
    RiskBook breachedBook;

    PreTradeRisk(final Instruments instruments, final ReferencePrices referencePrices, final Limits venueLimits)
    {
        this.instruments = instruments;
        this.referencePrices = referencePrices;
        this.venueLimits = venueLimits;
    }

    /**
     * The oldest reference price the collar uses.
     *
     * @param maxAgeNs oldest, 0 for no limit.
     */
    void referenceMaxAgeNs(final long maxAgeNs)
    {
        this.referenceMaxAgeNs = maxAgeNs;
    }

    Limits venueLimits()
    {
        return venueLimits;
    }

    /**
     * Check a new order or a replace.
     *
     * @param strategy    sending it.
     * @param instrument  index.
     * @param side        of the order.
     * @param ordType     of the order (or of the replace).
     * @param price       limit price mantissa.
     * @param qty         order quantity.
     * @param openDelta   change in open quantity on the order's side it would make.
     * @param isNewOrder  true for a new order (open orders and order rate count it).
     * @param nowNs       current time.
     * @return NONE when it passes, else the reason.
     */
    RejectReason check(
        final Strategy strategy,
        final int instrument,
        final Side side,
        final OrdType ordType,
        final long price,
        final long qty,
        final long openDelta,
        final boolean isNewOrder,
        final long nowNs)
    {
        limitValue = 0;
        observedValue = 0;
        breachedBook = null;
        checkNowNs = nowNs;
        RejectReason reason = checkBook(strategy.book, instrument, side, ordType, price, qty, openDelta, isNewOrder);
        if (RejectReason.NONE == reason)
        {
            reason = checkBook(strategy.account.book, instrument, side, ordType, price, qty, openDelta, isNewOrder);
        }
        if (RejectReason.NONE == reason)
        {
            reason = checkRates(strategy, isNewOrder, nowNs);
        }
        return reason;
    }

    /**
     * Check the message rates alone, for a cancel.
     */
    RejectReason checkRates(final Strategy strategy, final boolean isNewOrder, final long nowNs)
    {
        limitValue = 0;
        observedValue = 0;
        breachedBook = null;
        RejectReason reason = checkBookRates(strategy.book, isNewOrder, nowNs);
        if (RejectReason.NONE == reason)
        {
            reason = checkBookRates(strategy.account.book, isNewOrder, nowNs);
        }
        if (RejectReason.NONE == reason)
        {
            if (isNewOrder && venueOrderRate.wouldExceed(nowNs, venueLimits.maxOrdersPerSecond))
            {
                reason = breach(null, RejectReason.VENUE_MESSAGE_RATE, venueLimits.maxOrdersPerSecond,
                    venueOrderRate.count(nowNs) + 1);
            }
            else if (venueMessageRate.wouldExceed(nowNs, venueLimits.maxMessagesPerSecond))
            {
                reason = breach(null, RejectReason.VENUE_MESSAGE_RATE, venueLimits.maxMessagesPerSecond,
                    venueMessageRate.count(nowNs) + 1);
            }
        }
        return reason;
    }

    /**
     * Count a message that was sent in every rate window it belongs to.
     */
    void recordSent(final Strategy strategy, final boolean isNewOrder, final long nowNs)
    {
        final RiskBook book = strategy.book;
        final RiskBook accountBook = strategy.account.book;
        if (isNewOrder)
        {
            book.orderRate.record(nowNs);
            accountBook.orderRate.record(nowNs);
            venueOrderRate.record(nowNs);
        }
        book.messageRate.record(nowNs);
        accountBook.messageRate.record(nowNs);
        venueMessageRate.record(nowNs);
    }

    /**
     * Count a message the gateway sent on its own (kill switch, disconnect) in the venue's window only.
     */
    void recordGatewaySent(final long nowNs)
    {
        venueMessageRate.record(nowNs);
    }

    private RejectReason checkBook(
        final RiskBook book,
        final int instrument,
        final Side side,
        final OrdType ordType,
        final long price,
        final long qty,
        final long openDelta,
        final boolean isNewOrder)
    {
        final Limits limits = book.limits;
        final long reference = referencePrices.reference(instrument);
        final boolean collared = Limits.NONE != limits.priceCollarTicks || Limits.NONE != limits.priceCollarBps;
        if (OrdType.LIMIT == ordType && collared)
        {
            if (ReferencePrices.NULL_PRICE == reference)
            {
                return breach(book, RejectReason.NO_REFERENCE_PRICE, 0, 0);
            }
            if (referencePrices.isStale(instrument, referenceMaxAgeNs, checkNowNs))
            {
                return breach(book, RejectReason.STALE_REFERENCE_PRICE, referenceMaxAgeNs, 0);
            }
            final RejectReason collar = checkCollar(book, instrument, price, reference);
            if (RejectReason.NONE != collar)
            {
                return collar;
            }
        }
        if (qty > limits.maxOrderQty)
        {
            return breach(book, RejectReason.MAX_ORDER_QTY, limits.maxOrderQty, qty);
        }
        final long notionalPrice = OrdType.LIMIT == ordType ? price : reference;
        if (ReferencePrices.NULL_PRICE == notionalPrice)
        {
            return breach(book, RejectReason.NO_REFERENCE_PRICE, 0, 0);
        }
        final double notional = Math.abs((double)notionalPrice) * qty / PRICE_SCALE *
            instruments.contractMultiplier[instrument];
        if (notional > limits.maxOrderNotional)
        {
            return breach(book, RejectReason.MAX_ORDER_NOTIONAL, limits.maxOrderNotional, (long)Math.ceil(notional));
        }
        if (openDelta > 0)
        {
            final long worst = Side.BUY == side ?
                book.position[instrument] + book.openBuyQty[instrument] + openDelta :
                book.openSellQty[instrument] + openDelta - book.position[instrument];
            if (worst > limits.maxPosition)
            {
                return breach(book, RejectReason.POSITION_LIMIT, limits.maxPosition, worst);
            }
        }
        if (isNewOrder && book.openOrders + 1 > limits.maxOpenOrders)
        {
            return breach(book, RejectReason.MAX_OPEN_ORDERS, limits.maxOpenOrders, book.openOrders + 1);
        }
        return RejectReason.NONE;
    }

    private RejectReason checkCollar(final RiskBook book, final int instrument, final long price, final long reference)
    {
        final Limits limits = book.limits;
        final long distance = Math.abs(price - reference);
        if (Limits.NONE != limits.priceCollarTicks)
        {
            final long tick = instruments.tickSize[instrument];
            final long ticks = distance / tick + (0 == distance % tick ? 0 : 1);
            if (ticks > limits.priceCollarTicks)
            {
                return breach(book, RejectReason.PRICE_COLLAR, limits.priceCollarTicks, ticks);
            }
        }
        else
        {
            final long absReference = Math.abs(reference);
            final long bpsDistance = 0 == absReference ? Long.MAX_VALUE :
                (long)Math.ceil((double)distance * BPS / absReference);
            final long product = limits.priceCollarBps * absReference;
            final long allowed = 0 != Math.multiplyHigh(limits.priceCollarBps, absReference) || product < 0 ?
                Long.MAX_VALUE : product;
            final boolean breached = distance > Long.MAX_VALUE / BPS || distance * BPS > allowed;
            if (breached)
            {
                return breach(book, RejectReason.PRICE_COLLAR, limits.priceCollarBps, bpsDistance);
            }
        }
        return RejectReason.NONE;
    }

    private RejectReason checkBookRates(final RiskBook book, final boolean isNewOrder, final long nowNs)
    {
        final Limits limits = book.limits;
        if (isNewOrder && book.orderRate.wouldExceed(nowNs, limits.maxOrdersPerSecond))
        {
            return breach(book, RejectReason.ORDER_RATE, limits.maxOrdersPerSecond, book.orderRate.count(nowNs) + 1);
        }
        if (book.messageRate.wouldExceed(nowNs, limits.maxMessagesPerSecond))
        {
            return breach(
                book, RejectReason.MESSAGE_RATE, limits.maxMessagesPerSecond, book.messageRate.count(nowNs) + 1);
        }
        return RejectReason.NONE;
    }

    private RejectReason breach(final RiskBook book, final RejectReason reason, final long limit, final long observed)
    {
        breachedBook = book;
        limitValue = limit;
        observedValue = observed;
        return reason;
    }
}
