package io.wirespeed.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract terms from CME symbols: month code and year digit, the year the nearest at or after the year before the
 * simulator's start (2025-11-24 here).
 */
class ContractTermsTest
{
    private static final long START_NS = SimHarness.T0_NS;

    @Test
    void symbolsGiveTheirContractMonth()
    {
        assertMonth("ESZ6", 2026, 12);
        assertMonth("ESZ5", 2025, 12);
        assertMonth("ESH5", 2025, 3);
        assertMonth("ZNH6", 2026, 3);
        assertMonth("6EM9", 2029, 6);
        assertMonth("ESZ4", 2024, 12);
        assertMonth("ESZ3", 2033, 12);
    }

    @Test
    void aSymbolWithoutMonthAndYearHasNoMaturityAndNoEvents()
    {
        final ContractTerms terms = ContractTerms.of("B17", START_NS);
        assertFalse(terms.hasMaturity());
        assertEquals(ContractTerms.NULL_YEAR, terms.maturityYear);
        assertEquals(ContractTerms.NULL_MONTH, terms.maturityMonth);
        assertEquals("IPNT", new String(terms.unitOfMeasure).trim());
    }

    @Test
    void activationIsNeverAfterTheSimulatorStarts()
    {
        final ContractTerms farOut = ContractTerms.of("ESZ9", START_NS);
        assertTrue(farOut.activationNs < START_NS, "listed before the start");
        assertTrue(farOut.lastTradeNs > farOut.activationNs);
    }

    private static void assertMonth(final String symbol, final int year, final int month)
    {
        final ContractTerms terms = ContractTerms.of(symbol, START_NS);
        assertTrue(terms.hasMaturity(), symbol);
        assertEquals(year, terms.maturityYear, symbol);
        assertEquals(month, terms.maturityMonth, symbol);
    }
}
