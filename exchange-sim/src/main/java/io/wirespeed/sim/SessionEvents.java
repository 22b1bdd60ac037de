package io.wirespeed.sim;

import io.wirespeed.codecs.mdp3.HaltReason;
import io.wirespeed.codecs.mdp3.SecurityTradingEvent;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;

/**
 * The events a channel's trading-session schedule and statistics period make on every instrument, written in
 * {@link PacketStaging}: a status change as an event of its own (SecurityStatus30, which carries no RptSeq), then the
 * statistics the step publishes as an event (daily statistics, session statistics, limits and banding).
 * <ul>
 *   <li>Start of day: PreOpen with ResetStatistics; the prior session's final settlement, cleared volume and open
 *   interest; limits centred on the settlement; the indicative opening price when there is a pre-open.</li>
 *   <li>Open: ReadyToTrade. Close: Close, then the preliminary settlement. Later: the final settlement.</li>
 *   <li>Every statistics period: the indicative opening price (pre-open), or an intraday settlement with the prior
 *   session's cleared volume and open interest (open).</li>
 * </ul>
 * The simulator has no pre-open order book: its participants trade only once the market is open, and the indicative
 * opening price is where their market will open (the mid, walking as it does while open) for a growing quantity.
 */
final class SessionEvents
{
    private static final int FIRST_CLEARED_VOLUME = 200_000;
    private static final int FIRST_OPEN_INTEREST = 1_000_000;
    private static final int INDICATIVE_QTY_STEP = 25;

    private final SimInstrument[] instruments;
    private final PacketStaging staging;
    private final IncrementalEncoder incremental;
    private final TradingSchedule schedule;
    private final MarketGenerator generator;
    private final SimRandom random;
    private final SimCounters counters;
    private final boolean preOpen;
    private final long statisticsIntervalNs;
    private final StatEntries daily = new StatEntries();
    private final StatEntries session = new StatEntries();
    private long nextStatisticsNs;
    private boolean settled;

    SessionEvents(
        final SimInstrument[] instruments,
        final PacketStaging staging,
        final IncrementalEncoder incremental,
        final TradingSchedule schedule,
        final MarketGenerator generator,
        final SimRandom random,
        final SimCounters counters,
        final boolean preOpen,
        final long statisticsIntervalNs,
        final long startNs)
    {
        this.instruments = instruments;
        this.staging = staging;
        this.incremental = incremental;
        this.schedule = schedule;
        this.generator = generator;
        this.random = random;
        this.counters = counters;
        this.preOpen = preOpen;
        this.statisticsIntervalNs = statisticsIntervalNs;
        this.nextStatisticsNs = 0 == statisticsIntervalNs ? TradingSchedule.NEVER : startNs + statisticsIntervalNs;
    }

    /**
     * When the next step is due.
     *
     * @param periodic whether periodic statistics count (not while the participants are stopped).
     * @return epoch nanoseconds, or {@link TradingSchedule#NEVER}.
     */
    long nextDueNs(final boolean periodic)
    {
        return periodic && nextStatisticsNs - schedule.nextNs() < 0 ? nextStatisticsNs : schedule.nextNs();
    }

    /**
     * Whether the next step due is a schedule transition rather than periodic statistics.
     */
    boolean isTransitionNext(final boolean periodic)
    {
        return !periodic || schedule.nextNs() - nextStatisticsNs <= 0;
    }

    /**
     * Run the next step due.
     *
     * @param nowNs    the duty cycle's time.
     * @param openLoop stamp the step with its due time rather than now.
     * @param periodic whether periodic statistics count.
     */
    void runNext(final long nowNs, final boolean openLoop, final boolean periodic)
    {
        if (isTransitionNext(periodic))
        {
            final long timeNs = staging.eventTime(openLoop ? schedule.nextNs() : nowNs);
            switch (schedule.advance())
            {
                case START_OF_DAY -> startOfDay(timeNs);
                case OPEN -> open(timeNs);
                case CLOSE -> close(timeNs);
                default -> finalSettlement(timeNs);
            }
        }
        else
        {
            final long timeNs = staging.eventTime(openLoop ? nextStatisticsNs : nowNs);
            final long next = nextStatisticsNs + statisticsIntervalNs;
            nextStatisticsNs = next - nowNs <= 0 ? nowNs + statisticsIntervalNs : next;
            periodic(timeNs);
        }
        staging.endPacket();
    }

    private void startOfDay(final long timeNs)
    {
        final int tradeDate = schedule.tradeDate();
        for (final SimInstrument instrument : instruments)
        {
            final InstrumentStatistics stats = instrument.stats;
            if (settled)
            {
                final long cleared = stats.sessionVolume;
                final long change = cleared / 10 - random.nextInt((int)Math.min(Integer.MAX_VALUE, cleared / 5 + 1));
                stats.startDay(tradeDate - 1, stats.settlementPrice, cleared, Math.max(0, stats.openInterest + change));
            }
            else
            {
                stats.startDay(tradeDate - 1, instrument.priceOfTicks(instrument.midTicks),
                    FIRST_CLEARED_VOLUME + random.nextInt(5 * FIRST_CLEARED_VOLUME),
                    FIRST_OPEN_INTEREST + random.nextInt(2 * FIRST_OPEN_INTEREST));
            }
            status(instrument, SecurityTradingStatus.PreOpen, SecurityTradingEvent.ResetStatistics, timeNs);

            daily.reset();
            stats.settlementEntry(daily);
            stats.clearingEntries(daily);
            session.reset();
            if (preOpen)
            {
                indicativeOpening(instrument);
            }
            statistics(instrument, true, timeNs);
        }
        settled = false;
    }

    private void open(final long timeNs)
    {
        for (final SimInstrument instrument : instruments)
        {
            status(instrument, SecurityTradingStatus.ReadyToTrade, SecurityTradingEvent.NoEvent, timeNs);
        }
    }

    private void close(final long timeNs)
    {
        for (final SimInstrument instrument : instruments)
        {
            status(instrument, SecurityTradingStatus.Close, SecurityTradingEvent.NoEvent, timeNs);
            settle(instrument, StatEntries.SETTLE_ACTUAL, timeNs);
        }
    }

    private void finalSettlement(final long timeNs)
    {
        for (final SimInstrument instrument : instruments)
        {
            settle(instrument, StatEntries.SETTLE_FINAL | StatEntries.SETTLE_ACTUAL, timeNs);
        }
        settled = true;
    }

    private void periodic(final long timeNs)
    {
        for (final SimInstrument instrument : instruments)
        {
            daily.reset();
            session.reset();
            if (SecurityTradingStatus.PreOpen == instrument.status && preOpen)
            {
                indicativeOpening(instrument);
            }
            else if (SecurityTradingStatus.ReadyToTrade == instrument.status)
            {
                final InstrumentStatistics stats = instrument.stats;
                final boolean traded = InstrumentStatistics.NULL_PRICE != stats.lastTradePrice;
                final int actual = traded ? StatEntries.SETTLE_ACTUAL : 0;
                stats.settle(schedule.tradeDate(), StatEntries.SETTLE_INTRADAY | actual);
                stats.settlementEntry(daily);
                stats.clearingEntries(daily);
            }
            statistics(instrument, false, timeNs);
        }
    }

    private void settle(final SimInstrument instrument, final int flags, final long timeNs)
    {
        instrument.stats.settle(schedule.tradeDate(), flags);
        daily.reset();
        instrument.stats.settlementEntry(daily);
        session.reset();
        statistics(instrument, false, timeNs);
    }

    private void indicativeOpening(final SimInstrument instrument)
    {
        generator.walkMid(instrument);
        final InstrumentStatistics stats = instrument.stats;
        stats.indicativeOpening(instrument.priceOfTicks(instrument.midTicks),
            stats.indicativeQty + 1 + random.nextInt(INDICATIVE_QTY_STEP), session);
    }

    private void status(
        final SimInstrument instrument,
        final SecurityTradingStatus status,
        final SecurityTradingEvent event,
        final long timeNs)
    {
        instrument.status = status;
        instrument.haltReason = HaltReason.GroupSchedule;
        incremental.writeSecurityStatus(instrument, timeNs, schedule.tradeDate(), event);
        counters.increment(SimCounter.STATUS_CHANGES);
    }

    private void statistics(final SimInstrument instrument, final boolean limits, final long timeNs)
    {
        if (incremental.writeStatisticsEvent(instrument, daily, limits, session, timeNs) > 0)
        {
            counters.increment(SimCounter.STATISTICS_EVENTS);
        }
    }
}
