package io.wirespeed.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instrument's statistics: limits 7% either side of the settlement, a band of 5 per mille, the band moving when a
 * trade goes more than half the limit away; the session's opening, high and low as trades make them.
 */
class InstrumentStatisticsTest
{
    private static final long TICK = 250_000_000L;
    private static final long POINT = 1_000_000_000L;

    @Test
    void limitsCentreOnTheSettlementAndMoveWhenATradeGoesFar()
    {
        final InstrumentStatistics stats = new InstrumentStatistics(TICK);
        stats.startDay(20_000, 1_000 * POINT, 500_000, 2_000_000);

        assertEquals(1_070 * POINT, stats.highLimit);
        assertEquals(930 * POINT, stats.lowLimit);
        assertEquals(5 * POINT, stats.maxPriceVariation);
        assertFalse(stats.moveBand(1_035 * POINT), "half the limit away: not yet");
        assertTrue(stats.moveBand(1_035 * POINT + TICK), "beyond half the limit");
        assertEquals(1_035 * POINT + TICK, stats.referencePrice);
        assertEquals(1_105 * POINT + TICK, stats.highLimit);
        assertEquals(965 * POINT + TICK, stats.lowLimit);
    }

    @Test
    void tradesMakeTheOpeningHighAndLowAndVolume()
    {
        final InstrumentStatistics stats = new InstrumentStatistics(TICK);
        stats.startDay(20_000, 1_000 * POINT, 500_000, 2_000_000);
        final StatEntries entries = new StatEntries();

        stats.onTrades(new long[]{ 1_000 * POINT, 1_000 * POINT + TICK }, new long[]{ 3, 2 }, 2, entries);
        assertEquals(3, entries.count(), "open, high, low");
        assertEquals('4', (char)entries.type(0));
        assertEquals(1_000 * POINT, entries.price(0));
        assertEquals('7', (char)entries.type(1));
        assertEquals(1_000 * POINT + TICK, entries.price(1));
        assertEquals('8', (char)entries.type(2));
        assertEquals(1_000 * POINT, entries.price(2));

        entries.reset();
        stats.onTrades(new long[]{ 1_000 * POINT }, new long[]{ 4 }, 1, entries);
        assertEquals(0, entries.count(), "nothing new");
        assertEquals(9, stats.sessionVolume);

        stats.startDay(20_001, 1_000 * POINT, 9, 2_000_001);
        assertEquals(0, stats.sessionVolume, "a new session");
        assertEquals(InstrumentStatistics.NULL_PRICE, stats.openPrice);
    }
}
