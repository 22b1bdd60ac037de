package io.wirespeed.sim;

/**
 * A statistic the simulated venue keeps per instrument and sends on its feed, for receivers that check what they
 * were told against what the venue holds ({@link MarketDataSimulator#statistic(int, SimStatistic)}).
 */
public enum SimStatistic
{
    /** Opening price of the trading session (a price mantissa, exponent -9). */
    OPEN_PRICE,
    /** Highest trade of the session. */
    HIGH_TRADE,
    /** Lowest trade of the session. */
    LOW_TRADE,
    /** Highest bid of the session. */
    HIGHEST_BID,
    /** Lowest offer of the session. */
    LOWEST_OFFER,
    /** Settlement price as last sent (prior final, intraday, preliminary or final). */
    SETTLEMENT_PRICE,
    /** Prior session's cleared volume (a quantity). */
    CLEARED_VOLUME,
    /** Prior session's open interest (a quantity). */
    OPEN_INTEREST,
    /** The session's electronic volume (a quantity). */
    ELECTRONIC_VOLUME,
    /** High limit price. */
    HIGH_LIMIT_PRICE,
    /** Low limit price. */
    LOW_LIMIT_PRICE,
    /** Max price variation: the band. */
    MAX_PRICE_VARIATION
}
