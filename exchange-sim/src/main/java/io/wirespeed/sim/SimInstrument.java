package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import io.wirespeed.config.InstrumentContext;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * One simulated instrument: its definition and contract terms, matching engine, published MBP book, statistics, mid
 * price and feed sequences (RptSeq, MDTradeEntryID).
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
    final int contractMultiplier;
    final OrderBook book;
    final MbpBook mbp;
    final byte[] symbol;
    final byte[] securityGroup;
    final byte[] asset;
    final ContractTerms terms;
    final InstrumentStatistics stats;
    long midTicks;
    long rptSeq;
    long mdTradeEntryId;
    long lastTransactTimeNs;
    SecurityTradingStatus status = SecurityTradingStatus.PreOpen;
    HaltReason haltReason = HaltReason.GroupSchedule;

    SimInstrument(
        final InstrumentContext context,
        final int publishedDepth,
        final int maxOrders,
        final int maxClientOrders,
        final long minMidTicks,
        final int index,
        final long startNs)
    {
        this.context = context;
        this.securityId = context.securityId();
        this.tickMantissa = mantissa(context.tickSize(), "tick_size", context.symbol());
        this.contractMultiplierMantissa =
            mantissa(context.contractMultiplier(), "contract_multiplier", context.symbol());
        this.contractMultiplier = wholeNumber(context.contractMultiplier());
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
        this.terms = ContractTerms.of(name, startNs);
        this.stats = new InstrumentStatistics(tickMantissa);
        this.lastTransactTimeNs = startNs;
    }

    long nextRptSeq()
    {
        return ++rptSeq;
    }

    /**
     * The next MDTradeEntryID, a uInt32 that skips 0 and the null value as it wraps.
     */
    long nextTradeEntryId()
    {
        final long next = (mdTradeEntryId + 1) & 0xFFFF_FFFFL;
        mdTradeEntryId = 0 == next || Fills.NO_TRADE_ENTRY_ID == next ? 1 : next;
        return mdTradeEntryId;
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

    private static int wholeNumber(final BigDecimal value)
    {
        try
        {
            return value.intValueExact();
        }
        catch (final ArithmeticException ex)
        {
            return Integer.MAX_VALUE;
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
