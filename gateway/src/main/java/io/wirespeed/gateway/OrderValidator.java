package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;

/**
 * Checks the terms of an order against its instrument: known and allowed to the strategy, side, type, time in
 * force, quantity bounds and price on tick; the bound broken and the value seen are left in fields.
 */
final class OrderValidator
{
    private static final long NULL_PRICE = NewOrderDecoder.priceNullValue();

    private final Instruments instruments;
    long limitValue;
    long observedValue;

    OrderValidator(final Instruments instruments)
    {
        this.instruments = instruments;
    }

    RejectReason validate(
        final Strategy strategy,
        final int instrument,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        limitValue = 0;
        observedValue = 0;
        if (Instruments.UNKNOWN == instrument || !strategy.allowedInstruments[instrument])
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (Side.BUY != side && Side.SELL != side)
        {
            return RejectReason.INVALID_SIDE;
        }
        if (OrdType.LIMIT != ordType && OrdType.MARKET != ordType)
        {
            return RejectReason.INVALID_ORDER_TYPE;
        }
        if (null == timeInForce || TimeInForce.NULL_VAL == timeInForce)
        {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        final long minQty = Math.max(1, instruments.minOrderQty[instrument]);
        if (qty < minQty)
        {
            return invalid(RejectReason.INVALID_QUANTITY, minQty, qty);
        }
        if (qty > instruments.maxOrderQty[instrument])
        {
            return invalid(RejectReason.INVALID_QUANTITY, instruments.maxOrderQty[instrument], qty);
        }
        if (OrdType.LIMIT == ordType)
        {
            final long tick = instruments.tickSize[instrument];
            if (NULL_PRICE == price || 0 != price % tick)
            {
                return invalid(RejectReason.PRICE_NOT_ON_TICK, tick, price);
            }
        }
        return RejectReason.NONE;
    }

    private RejectReason invalid(final RejectReason reason, final long limit, final long observed)
    {
        limitValue = limit;
        observedValue = observed;
        return reason;
    }
}
