package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.BookType;
import io.wirespeed.codecs.internal.StatisticType;
import io.wirespeed.config.StrategySample;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.strategy.sample.TickResponder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static io.wirespeed.strategy.TestAppliance.ES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The strategy thread allocates nothing while it takes market data into book views (outright and implied) and
 * statistics views, sends orders and takes their fills; the appliance side runs on a thread of its own so only the
 * strategy's duty cycle is measured.
 */
class AllocationFreeTest
{
    private static final int WINDOWS = 4;
    private static final int STRATEGY_ID = 9;
    private static final int TRIGGER_EVERY_N = 5;
    private static final long WARM_UP_EVENTS = 400_000;
    private static final long MEASURED_EVENTS = 500_000;
    private static final long EVENTS = WARM_UP_EVENTS + MEASURED_EVENTS;
    private static final int MESSAGES_PER_EVENT = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void marketDataBookViewsOrderSendsAndAnswersAllocateNothing() throws InterruptedException
    {
        try (TestAppliance appliance = new TestAppliance(dir))
        {
            final StrategySettings settings = appliance.settings(STRATEGY_ID, StrategySample.TICK_RESPONDER);
            settings.strategy().triggerEveryN(TRIGGER_EVERY_N);
            final StrategyClient client = StrategyClient.create(
                settings, appliance.aeron, TickResponder::fromSettings, new ManualEpochNanoClock(1), 1);
            appliance.awaitConnected(client);
            appliance.capture = false;
            final StrategyCounters counters = client.counters();

            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread applianceThread = new Thread(() ->
            {
                try
                {
                    runAppliance(appliance, counters);
                }
                catch (final Throwable ex)
                {
                    failure.set(ex);
                }
            }, "appliance");
            applianceThread.start();

            final long warmUpMessages = 1 + MESSAGES_PER_EVENT * WARM_UP_EVENTS;
            final long allMessages = 1 + MESSAGES_PER_EVENT * EVENTS;
            final long allOrders = EVENTS / TRIGGER_EVERY_N;
            while (counters.get(StrategyCounter.MARKET_DATA_MESSAGES) < warmUpMessages)
            {
                client.doWork();
            }
            // the measured run in windows: a per-message allocation shows in every window, a one-off by the JVM
            // itself (a late deoptimisation) in one; the cleanest window must be clean
            long bytes = Long.MAX_VALUE;
            for (int window = 1; window <= WINDOWS; window++)
            {
                final long windowEnd = warmUpMessages + (allMessages - warmUpMessages) * window / WINDOWS;
                final long before = AllocationMeter.allocatedBytes();
                while (counters.get(StrategyCounter.MARKET_DATA_MESSAGES) < windowEnd ||
                    (WINDOWS == window && counters.get(StrategyCounter.EXECUTION_REPORTS) < allOrders))
                {
                    client.doWork();
                }
                bytes = Math.min(bytes, AllocationMeter.allocatedBytes() - before);
            }
            applianceThread.join();

            assertNull(failure.get());
            assertEquals(0, bytes, "bytes the strategy thread allocated in the cleanest of " + WINDOWS +
                " windows over " + MESSAGES_PER_EVENT * MEASURED_EVENTS + " market-data messages and " +
                MEASURED_EVENTS / TRIGGER_EVERY_N + " orders and fills");
            assertEquals(allMessages, counters.get(StrategyCounter.MARKET_DATA_MESSAGES));
            assertEquals(allOrders, counters.get(StrategyCounter.NEW_ORDERS_SENT));
            assertEquals(allOrders, counters.get(StrategyCounter.FILLS));
            assertEquals(0, client.orders().liveCount());
            assertEquals(0, client.counters().get(StrategyCounter.SENDS_BACK_PRESSURED));
            client.close();
        }
    }

    private static void runAppliance(final TestAppliance appliance, final StrategyCounters counters)
    {
        appliance.fillEveryOrder = true;
        appliance.book(ES, 1, true)
            .level(BookView.BID, BookAction.NEW, 1, 1000, 1, 1)
            .level(BookView.ASK, BookAction.NEW, 1, 1010, 1, 1)
            .publishBook();
        for (long event = 1; event <= EVENTS; event++)
        {
            final long rxNs = 1_000 + event;
            appliance.book(ES, rxNs, true)
                .level(BookView.BID, BookAction.CHANGE, 1, 1000, 1 + (event & 7), 1)
                .publishBook();
            appliance.book(ES, rxNs, true, BookType.IMPLIED)
                .level(BookView.ASK, BookAction.OVERLAY, 1, 1005, 1 + (event & 3), 0)
                .publishBook();
            appliance.topOfBook(ES, 1000, 1010, rxNs);
            appliance.statistic(ES, StatisticType.ELECTRONIC_VOLUME, BookAction.CHANGE, StatisticsView.NULL_PRICE,
                event, 0, rxNs);
            appliance.pollOrders();
            while (counters.get(StrategyCounter.MARKET_DATA_MESSAGES) < 1 + MESSAGES_PER_EVENT * event - 512)
            {
                if (0 == appliance.pollOrders())
                {
                    Thread.onSpinWait();
                }
            }
        }
        while (appliance.orderCount < EVENTS / TRIGGER_EVERY_N)
        {
            if (0 == appliance.pollOrders())
            {
                Thread.onSpinWait();
            }
        }
        if (1_000 + EVENTS != appliance.lastTriggerRxTimestampNs)
        {
            throw new AssertionError("last order carries trigger " + appliance.lastTriggerRxTimestampNs);
        }
    }
}
