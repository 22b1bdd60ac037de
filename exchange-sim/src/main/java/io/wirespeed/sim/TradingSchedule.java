package io.wirespeed.sim;

import io.wirespeed.config.SimContext;

import java.util.concurrent.TimeUnit;

/**
 * A channel's trading-session schedule, compressed for a simulator: each trading day starts in pre-open, opens after
 * {@code pre_open_ms} and, when {@code open_session_ms} is above 0, closes that long after the open; the final
 * settlement comes half way through {@code closed_ms}, and the next trading day (the trade date one on) starts at its
 * end.
 * <pre>
 *   START_OF_DAY --pre_open_ms--> OPEN --open_session_ms--> CLOSE --closed_ms/2--> FINAL_SETTLEMENT --> START_OF_DAY
 * </pre>
 */
final class TradingSchedule
{
    /**
     * A step of the trading day.
     */
    enum Transition
    {
        /**
         * A new trade date: prior session statistics, limits, pre-open.
         */
        START_OF_DAY,

        /**
         * Trading starts.
         */
        OPEN,

        /**
         * Trading stops; preliminary settlement.
         */
        CLOSE,

        /**
         * Final settlement of the day.
         */
        FINAL_SETTLEMENT
    }

    /**
     * When no transition is due.
     */
    static final long NEVER = Long.MAX_VALUE;

    private static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);

    private final long preOpenNs;
    private final long openSessionNs;
    private final long closedNs;
    private Transition next = Transition.START_OF_DAY;
    private long nextNs;
    private int tradeDate;

    TradingSchedule(final SimContext sim, final long startNs)
    {
        this.preOpenNs = TimeUnit.MILLISECONDS.toNanos(sim.preOpenMs());
        this.openSessionNs = TimeUnit.MILLISECONDS.toNanos(sim.openSessionMs());
        this.closedNs = TimeUnit.MILLISECONDS.toNanos(sim.closedMs());
        this.nextNs = startNs;
        this.tradeDate = (int)(startNs / NANOS_PER_DAY) - 1;
    }

    /**
     * When the next transition is due.
     *
     * @return epoch nanoseconds, or {@link #NEVER}.
     */
    long nextNs()
    {
        return nextNs;
    }

    /**
     * Take the next transition, scheduling the one after from the time it was due.
     *
     * @return the transition taken.
     */
    Transition advance()
    {
        final Transition taken = next;
        final long dueNs = nextNs;
        switch (taken)
        {
            case START_OF_DAY ->
            {
                tradeDate++;
                next = Transition.OPEN;
                nextNs = dueNs + preOpenNs;
            }
            case OPEN ->
            {
                next = Transition.CLOSE;
                nextNs = 0 == openSessionNs ? NEVER : dueNs + openSessionNs;
            }
            case CLOSE ->
            {
                next = Transition.FINAL_SETTLEMENT;
                nextNs = dueNs + closedNs / 2;
            }
            default ->
            {
                next = Transition.START_OF_DAY;
                nextNs = dueNs + closedNs - closedNs / 2;
            }
        }
        return taken;
    }

    /**
     * The current trade date, as the feed's TradeDate fields carry it.
     *
     * @return days since the epoch.
     */
    int tradeDate()
    {
        return tradeDate;
    }
}
