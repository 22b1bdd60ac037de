package io.wirespeed.config;

/**
 * The Chronicle Queue roll cycles the journal may use, by their Chronicle names; the journal module maps them.
 */
public enum JournalRollCycle implements ConfigEnum
{
    /**
     * A file every 5 minutes.
     */
    FIVE_MINUTELY(5, false),

    /**
     * A file every 10 minutes.
     */
    TEN_MINUTELY(10, false),

    /**
     * A file every 20 minutes.
     */
    TWENTY_MINUTELY(20, false),

    /**
     * A file every 30 minutes.
     */
    HALF_HOURLY(30, false),

    /**
     * A file every hour, sparse index: the usual choice for a trading session.
     */
    FAST_HOURLY(60, false),

    /**
     * A file every 2 hours.
     */
    TWO_HOURLY(120, false),

    /**
     * A file every 4 hours.
     */
    FOUR_HOURLY(240, false),

    /**
     * A file every 6 hours.
     */
    SIX_HOURLY(360, false),

    /**
     * A file a day, sparse index.
     */
    FAST_DAILY(1440, false),

    /**
     * A file every hour with room for more entries per cycle.
     */
    LARGE_HOURLY(60, false),

    /**
     * A file a day with room for more entries per cycle.
     */
    LARGE_DAILY(1440, false),

    /**
     * A file a day with room for very many entries per cycle.
     */
    XLARGE_DAILY(1440, false),

    /**
     * A file a day with the largest capacity and sparsest index.
     */
    HUGE_DAILY(1440, false),

    /**
     * Legacy: a file every minute (Chronicle's LegacyRollCycles).
     */
    MINUTELY(1, true),

    /**
     * Legacy: a file every hour (Chronicle's LegacyRollCycles).
     */
    HOURLY(60, true),

    /**
     * Legacy: a file a day (Chronicle's LegacyRollCycles).
     */
    DAILY(1440, true);

    private final long lengthMs;
    private final boolean legacy;

    JournalRollCycle(final long lengthMinutes, final boolean legacy)
    {
        this.lengthMs = lengthMinutes * 60_000L;
        this.legacy = legacy;
    }

    @Override
    public String text()
    {
        return name();
    }

    /**
     * Length of one cycle.
     *
     * @return the cycle length in milliseconds.
     */
    public long lengthMs()
    {
        return lengthMs;
    }

    /**
     * Is this one of Chronicle's LegacyRollCycles rather than RollCycles?
     *
     * @return true for MINUTELY, HOURLY and DAILY.
     */
    public boolean isLegacy()
    {
        return legacy;
    }
}
