package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.config.InstrumentContext;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * One simulated instrument: its definition, matching engine, published MBP book, mid price and feed sequence.
 */
final class SimInstrument
{
    static final int PRICE_EXPONENT = -9;
    static final long INITIAL_MID_PRICE_MANTISSA = 1_000_000_000_000L;
    static final long MID_TICKS_APART = 100;

    final InstrumentContext context;
    final int securityId;
    final long tickMantissa;
    final long contractMultiplierMantissa;
    final long tickValueMantissa;
    final OrderBook book;
    final MbpBook mbp;
    final byte[] symbol;
    final byte[] securityGroup;
    final byte[] asset;
    long midTicks;
    long rptSeq;
    long lastTransactTimeNs;
    SecurityTradingStatus status = SecurityTradingStatus.ReadyToTrade;
    HaltReason haltReason = HaltReason.GroupSchedule;

    SimInstrument(
        final InstrumentContext context,
        final int publishedDepth,
        final int maxOrders,
        final int maxClientOrders,
        final long minMidTicks,
        final int index)
    {
        this.context = context;
        this.securityId = context.securityId();
        this.tickMantissa = mantissa(context.tickSize(), "tick_size", context.symbol());
        this.contractMultiplierMantissa =
            mantissa(context.contractMultiplier(), "contract_multiplier", context.symbol());
        this.tickValueMantissa =
            mantissa(context.tickSize().multiply(context.contractMultiplier()), "tick value", context.symbol());
        this.book = new OrderBook(securityId, maxOrders, maxClientOrders);
        this.mbp = new MbpBook(securityId, publishedDepth);
        this.midTicks = Math.max(minMidTicks, INITIAL_MID_PRICE_MANTISSA / tickMantissa + index * MID_TICKS_APART);
        final String name = context.symbol();
        this.symbol = padded(name, 20);
        final String product = name.length() > 2 ? name.substring(0, name.length() - 2) : name;
        this.securityGroup = padded(product, 6);
        this.asset = padded(product, 6);
    }

    long nextRptSeq()
    {
        return ++rptSeq;
    }

    long priceOfTicks(final long ticks)
    {
        return ticks * tickMantissa;
    }

    private static long mantissa(final BigDecimal value, final String key, final String symbol)
    {
        try
        {
            return value.movePointRight(-PRICE_EXPONENT).longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException(
                "instrument " + symbol + ": " + key + " " + value + " not representable at exponent " + PRICE_EXPONENT);
        }
    }

    private static byte[] padded(final String text, final int length)
    {
        final byte[] bytes = new byte[length];
        final byte[] source = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(source, 0, bytes, 0, Math.min(length, source.length));
        return bytes;
    }
}
