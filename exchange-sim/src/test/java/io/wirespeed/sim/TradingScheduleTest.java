package io.wirespeed.sim;

import io.wirespeed.config.SimContext;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.wirespeed.sim.TradingSchedule.Transition.CLOSE;
import static io.wirespeed.sim.TradingSchedule.Transition.FINAL_SETTLEMENT;
import static io.wirespeed.sim.TradingSchedule.Transition.OPEN;
import static io.wirespeed.sim.TradingSchedule.Transition.START_OF_DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compressed trading day: start, pre-open, open, close, final settlement half way through the closed time, next
 * trade date.
 */
class TradingScheduleTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long T0 = SimHarness.T0_NS;
    private static final int DAY0 = (int)(T0 / TimeUnit.DAYS.toNanos(1));

    @Test
    void aTradingDayAndTheNext()
    {
        final TradingSchedule schedule =
            new TradingSchedule(new SimContext().preOpenMs(500).openSessionMs(5_000).closedMs(3_000), T0);

        step(schedule, T0, START_OF_DAY, DAY0);
        step(schedule, T0 + 500 * MS, OPEN, DAY0);
        step(schedule, T0 + 5_500 * MS, CLOSE, DAY0);
        step(schedule, T0 + 7_000 * MS, FINAL_SETTLEMENT, DAY0);
        step(schedule, T0 + 8_500 * MS, START_OF_DAY, DAY0 + 1);
        step(schedule, T0 + 9_000 * MS, OPEN, DAY0 + 1);
        assertEquals(T0 + 14_000 * MS, schedule.nextNs());
    }

    @Test
    void withoutASessionLengthTheMarketStaysOpen()
    {
        final TradingSchedule schedule = new TradingSchedule(new SimContext().preOpenMs(0), T0);

        step(schedule, T0, START_OF_DAY, DAY0);
        step(schedule, T0, OPEN, DAY0);
        assertEquals(TradingSchedule.NEVER, schedule.nextNs());
    }

    private static void step(
        final TradingSchedule schedule, final long dueNs, final TradingSchedule.Transition transition, final int day)
    {
        assertEquals(dueNs, schedule.nextNs(), transition + " due");
        assertEquals(transition, schedule.advance());
        assertEquals(day, schedule.tradeDate(), transition + " trade date");
    }
}
