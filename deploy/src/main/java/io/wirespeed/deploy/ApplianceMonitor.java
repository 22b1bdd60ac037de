package io.wirespeed.deploy;

import io.aeron.Subscription;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.GatewayCounter;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a running appliance from the command's main thread, as a strategy-side monitor would: a
 * {@link LatencyReport} on the market-data and execution streams, progress once a second, the settle before the
 * books are compared, and the summary an operator or a test reads at the end.
 */
final class ApplianceMonitor implements AutoCloseable
{
    private static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long PROGRESS_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final Appliance appliance;
    private final LatencyReport report;
    private final Subscription marketData;
    private final Subscription executions;
    private final BackoffIdleStrategy idle = new BackoffIdleStrategy();

    /**
     * Subscribe to the appliance's market-data and execution streams.
     *
     * @param appliance the appliance.
     * @param clock     the appliance's clock, for the stage latencies.
     */
    ApplianceMonitor(final Appliance appliance, final EpochNanoClock clock)
    {
        this.appliance = appliance;
        this.report = new LatencyReport(clock);
        final WirespeedConfig config = appliance.config;
        Subscription md = null;
        try
        {
            md = appliance.aeron.addSubscription(config.aeron().channel(), config.aeron().marketDataStreamId());
            executions = appliance.aeron.addSubscription(config.aeron().channel(),
                config.aeron().executionStreamId());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.close(md);
            throw ex;
        }
        marketData = md;
    }

    LatencyReport report()
    {
        return report;
    }

    /**
     * Poll both streams until the time is up, the captures replayed have ended, or a stop is requested, calling back
     * once a second.
     *
     * @param signals  the stop request.
     * @param seconds  how long; 0 until a stop is requested.
     * @param progress called once a second.
     */
    void runUntilStopped(final StopSignals signals, final long seconds, final Consumer<ApplianceMonitor> progress)
    {
        final long startNs = System.nanoTime();
        final long runNs = seconds > 0 ? TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        long nextProgressNs = startNs + PROGRESS_INTERVAL_NS;
        while (!signals.isRequested())
        {
            idle.idle(report.poll(marketData, executions));
            final long nowNs = System.nanoTime();
            if (nowNs - startNs >= runNs)
            {
                signals.request("--seconds " + seconds + " elapsed");
            }
            else if (appliance.feedPorts.isEndOfInput())
            {
                signals.request("end of capture");
            }
            else if (nowNs - nextProgressNs >= 0)
            {
                progress.accept(this);
                nextProgressNs += PROGRESS_INTERVAL_NS;
            }
        }
    }

    /**
     * Stop the appliance's trading in order ({@link OrderlyStop}): strategies held, open orders canceled at the venue
     * when so configured, the session terminated; both streams are polled meanwhile.
     *
     * @param maxNs the longest wait.
     * @return what the stop did, one line, or null without a venue session.
     */
    String stopInOrder(final long maxNs)
    {
        final OrderlyStop stop = appliance.orderlyStop;
        if (null == stop)
        {
            return null;
        }
        stop.request();
        final long deadlineNs = System.nanoTime() + maxNs;
        while (!stop.isDone() && System.nanoTime() - deadlineNs < 0)
        {
            idle.idle(report.poll(marketData, executions));
        }
        return stop.describe();
    }

    /**
     * Let the appliance finish what is in flight: poll until every instrument is back to OK and both streams have
     * been quiet a while, or until the time allowed runs out.
     *
     * @param maxNs the longest wait.
     * @return true when settled, false when the time ran out first.
     */
    boolean settle(final long maxNs)
    {
        final long deadlineNs = System.nanoTime() + maxNs;
        long quietSinceNs = System.nanoTime();
        while (System.nanoTime() - deadlineNs < 0)
        {
            final int work = report.poll(marketData, executions);
            if (work > 0)
            {
                quietSinceNs = System.nanoTime();
            }
            else if (report.instrumentsNotOk() == 0 && System.nanoTime() - quietSinceNs >= QUIET_NS)
            {
                return true;
            }
            idle.idle(work);
        }
        return false;
    }

    /**
     * The appliance's part of a progress line, from the monitor and the shared counters.
     *
     * @return e.g. {@code "rx 1,234 frames | md 5,678 msgs, 0 stale | session ESTABLISHED | orders 3 sent, ..."}.
     */
    String progress()
    {
        final String md = String.format("rx %,d frames | md %,d msgs, %d stale", appliance.feedPorts.rxFrames(),
            report.marketDataMessages(), report.staleMessages());
        if (null == appliance.session)
        {
            return md + " | no venue session";
        }
        return md + String.format(" | session %s | orders %,d sent, %,d refused, %,d fills | kill switch trips %d " +
            "(%d automatic)", appliance.session.state(), report.ordersSent(), report.riskRejects(), report.fills(),
            gatewayCounter(GatewayCounter.KILLS) + gatewayCounter(GatewayCounter.AUTO_KILLS),
            gatewayCounter(GatewayCounter.AUTO_KILLS));
    }

    /**
     * One line with the run's figures, for scripts: {@code summary: rx_frames=... md_msgs=... orders=... fills=...
     * refused=... t2t_samples=... t2t_p50_us=... t2t_p99_us=...}.
     *
     * @param out where it goes.
     */
    void printSummaryLine(final PrintWriter out)
    {
        final Histogram tickToTrade = report.tickToTrade();
        final boolean any = tickToTrade.getTotalCount() > 0;
        out.printf("summary: rx_frames=%d md_msgs=%d stale=%d orders=%d fills=%d refused=%d t2t_samples=%d " +
            "t2t_p50_us=%s t2t_p99_us=%s%n", appliance.feedPorts.rxFrames(), report.marketDataMessages(),
            report.staleMessages(), report.ordersSent(), report.fills(), report.riskRejects(),
            tickToTrade.getTotalCount(), any ? us(tickToTrade, 50) : "-", any ? us(tickToTrade, 99) : "-");
        out.flush();
    }

    public void close()
    {
        CloseHelper.closeAll(marketData, executions);
    }

    private long gatewayCounter(final GatewayCounter counter)
    {
        return appliance.gateway.counters().get(counter);
    }

    private static String us(final Histogram histogram, final double percentile)
    {
        return String.format("%.2f", histogram.getValueAtPercentile(percentile) / 1000.0);
    }
}
