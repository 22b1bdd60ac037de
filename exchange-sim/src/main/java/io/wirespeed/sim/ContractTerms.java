package io.wirespeed.sim;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.TimeUnit;

/**
 * What CME's definition of a future says beyond the configuration, worked out from its symbol (product code, CME
 * month code, last digit of the year: ESZ6 is ES December 2026) and a small table of well-known products: contract
 * month, activation and last trade times, unit of measure, CFI code, product complex, eligibility flags.
 * <p>
 * Last trade times follow each product's rule roughly (equity index: the third Friday of the contract month at
 * 13:30 UTC; crude oil: the 20th of the month before at 19:30 UTC; others: the third Friday); activation is two years
 * before, never after the simulator starts. A symbol without a month code and year digit gets null maturity and no
 * events.
 */
final class ContractTerms
{
    static final int NULL_YEAR = 0xFFFF;
    static final short NULL_MONTH = 0xFF;

    private static final String MONTH_CODES = "FGHJKMNQUVXZ";
    private static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);

    final String product;
    final int maturityYear;
    final short maturityMonth;
    final long activationNs;
    final long lastTradeNs;
    final byte[] unitOfMeasure;
    final byte[] cfiCode;
    final short underlyingProduct;
    final boolean negativePricesEligible;

    private ContractTerms(
        final String product,
        final int maturityYear,
        final short maturityMonth,
        final long activationNs,
        final long lastTradeNs,
        final Complex complex)
    {
        this.product = product;
        this.maturityYear = maturityYear;
        this.maturityMonth = maturityMonth;
        this.activationNs = activationNs;
        this.lastTradeNs = lastTradeNs;
        this.unitOfMeasure = padded(complex.unitOfMeasure, 30);
        this.cfiCode = padded(complex.cfiCode, 6);
        this.underlyingProduct = complex.underlyingProduct;
        this.negativePricesEligible = complex.negativePrices;
    }

    /**
     * The terms of a future by its symbol, the contract year the one of that last digit nearest at or after the year
     * before {@code startNs}.
     *
     * @param symbol  e.g. ESZ6.
     * @param startNs when the simulator starts, epoch nanoseconds.
     * @return the terms.
     */
    static ContractTerms of(final String symbol, final long startNs)
    {
        final int length = symbol.length();
        final int month = length >= 3 ? MONTH_CODES.indexOf(symbol.charAt(length - 2)) + 1 : 0;
        final char yearDigit = length >= 3 ? symbol.charAt(length - 1) : 'x';
        if (month < 1 || yearDigit < '0' || yearDigit > '9')
        {
            return new ContractTerms(symbol, NULL_YEAR, NULL_MONTH, 0, 0, Complex.of(symbol));
        }

        final String product = symbol.substring(0, length - 2);
        final Complex complex = Complex.of(product);
        final LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(startNs, NANOS_PER_DAY));
        int year = start.getYear() - start.getYear() % 10 + (yearDigit - '0');
        if (year < start.getYear() - 1)
        {
            year += 10;
        }
        final LocalDate lastTradeDate = complex.lastTradeDate(year, month);
        final long lastTradeNs = epochNs(lastTradeDate) + complex.lastTradeTimeOfDayNs;
        final long activationNs = Math.min(epochNs(lastTradeDate.minusYears(2)), epochNs(start.minusDays(1)));
        return new ContractTerms(product, year, (short)month, activationNs, lastTradeNs, complex);
    }

    boolean hasMaturity()
    {
        return NULL_YEAR != maturityYear;
    }

    private static long epochNs(final LocalDate date)
    {
        return TimeUnit.SECONDS.toNanos(date.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    }

    private static byte[] padded(final String text, final int length)
    {
        final byte[] bytes = new byte[length];
        final byte[] source = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(source, 0, bytes, 0, Math.min(length, source.length));
        return bytes;
    }

    /**
     * CME product complexes the simulator knows, with their units, CFI codes and UnderlyingProduct (tag 462) values.
     */
    private enum Complex
    {
        EQUITY_INDEX("IPNT", "FFICSX", 5, false, 13 * 60 + 30),
        ENERGY("BBL", "FCEPSX", 16, true, 19 * 60 + 30),
        METALS("OZTR", "FCEPSX", 17, false, 17 * 60 + 30),
        INTEREST_RATE("USD", "FFDPSX", 14, false, 17 * 60 + 1),
        CURRENCY("USD", "FFCPSX", 4, false, 14 * 60 + 16);

        final String unitOfMeasure;
        final String cfiCode;
        final short underlyingProduct;
        final boolean negativePrices;
        final long lastTradeTimeOfDayNs;

        Complex(
            final String unitOfMeasure,
            final String cfiCode,
            final int underlyingProduct,
            final boolean negativePrices,
            final int lastTradeMinuteOfDay)
        {
            this.unitOfMeasure = unitOfMeasure;
            this.cfiCode = cfiCode;
            this.underlyingProduct = (short)underlyingProduct;
            this.negativePrices = negativePrices;
            this.lastTradeTimeOfDayNs = TimeUnit.MINUTES.toNanos(lastTradeMinuteOfDay);
        }

        static Complex of(final String product)
        {
            switch (product)
            {
                case "CL", "MCL", "QM":
                    return ENERGY;
                case "GC", "MGC", "SI", "PL":
                    return METALS;
                case "ZN", "ZB", "ZF", "ZT", "UB", "TN", "SR3":
                    return INTEREST_RATE;
                case "6E", "6J", "6B", "6A", "6C", "6S":
                    return CURRENCY;
                default:
                    return EQUITY_INDEX;
            }
        }

        LocalDate lastTradeDate(final int year, final int month)
        {
            if (ENERGY == this)
            {
                return LocalDate.of(year, month, 20).minusMonths(1);
            }
            return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
        }
    }
}
