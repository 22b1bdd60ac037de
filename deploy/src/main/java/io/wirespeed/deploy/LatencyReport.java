package io.wirespeed.deploy;

import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;

import java.io.PrintWriter;

/**
 * A strategy-side monitor of the appliance's streams that turns the timestamps every message carries into stage
 * histograms: wire to strategy (market data), tick to trade (the order's trigger frame at the NIC to the order
 * written to the venue socket), strategy to wire (order sent by the strategy to written to the socket), and the order
 * round trip (order sent by the strategy to its first execution report seen here).
 */
final class LatencyReport
{
    private static final long HIGHEST_NS = 60_000_000_000L;

    private final EpochNanoClock clock;
    private final Histogram wireToStrategy = new Histogram(HIGHEST_NS, 3);
    private final Histogram tickToTrade = new Histogram(HIGHEST_NS, 3);
    private final Histogram strategyToWire = new Histogram(HIGHEST_NS, 3);
    private final Histogram roundTrip = new Histogram(HIGHEST_NS, 3);
    private final Long2LongHashMap sentAtByOrder = new Long2LongHashMap(Long.MIN_VALUE);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
    private final TopOfBookDecoder topOfBook = new TopOfBookDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private final OrderSentDecoder orderSent = new OrderSentDecoder();
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final RiskDecisionDecoder riskDecision = new RiskDecisionDecoder();
    private final FragmentHandler marketDataHandler = this::onMarketData;
    private final FragmentHandler executionHandler = this::onExecution;
    private long marketDataMessages;
    private long staleMessages;
    private long ordersSent;
    private long riskRejects;
    private final long[] rejectsByReason = new long[RejectReason.values().length];
    private final IntHashSet notOk = new IntHashSet();
    private long fills;

    LatencyReport(final EpochNanoClock clock)
    {
        this.clock = clock;
    }

    int poll(final Subscription marketData, final Subscription executions)
    {
        return marketData.poll(marketDataHandler, 256) + executions.poll(executionHandler, 256);
    }

    long marketDataMessages()
    {
        return marketDataMessages;
    }

    long staleMessages()
    {
        return staleMessages;
    }

    /**
     * How many instruments the last FeedState messages left STALE or RECOVERING.
     *
     * @return the count.
     */
    int instrumentsNotOk()
    {
        return notOk.size();
    }

    long ordersSent()
    {
        return ordersSent;
    }

    long riskRejects()
    {
        return riskRejects;
    }

    long fills()
    {
        return fills;
    }

    Histogram wireToStrategy()
    {
        return wireToStrategy;
    }

    Histogram tickToTrade()
    {
        return tickToTrade;
    }

    Histogram roundTrip()
    {
        return roundTrip;
    }

    void print(final PrintWriter out)
    {
        if (riskRejects > 0)
        {
            final StringBuilder reasons = new StringBuilder();
            for (final RejectReason reason : RejectReason.values())
            {
                if (rejectsByReason[reason.ordinal()] > 0)
                {
                    reasons.append(reasons.length() > 0 ? ", " : "").append(reason)
                        .append(' ').append(rejectsByReason[reason.ordinal()]);
                }
            }
            out.printf("  requests refused by the gateway: %,d (%s)%n", riskRejects, reasons);
        }
        print(out, "wire -> strategy   (frame at the NIC -> normalized message decoded here)", wireToStrategy);
        print(out, "tick -> trade      (trigger frame at the NIC -> order written to the venue socket)", tickToTrade);
        print(out, "strategy -> wire   (order sent by the strategy -> written to the venue socket)", strategyToWire);
        print(out, "order round trip   (order sent by the strategy -> its first execution report here)", roundTrip);
        out.flush();
    }

    private static void print(final PrintWriter out, final String what, final Histogram histogram)
    {
        if (0 == histogram.getTotalCount())
        {
            out.printf("  %s: no samples%n", what);
            return;
        }
        out.printf("  %s%n    %,d samples (us): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", what,
            histogram.getTotalCount(), us(histogram, 50), us(histogram, 90), us(histogram, 99), us(histogram, 99.9),
            histogram.getMaxValue() / 1000.0);
    }

    private static double us(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private void onMarketData(final DirectBuffer buffer, final int offset, final int length, final Header h)
    {
        final long nowNs = clock.nanoTime();
        header.wrap(buffer, offset);
        final long rxTimestampNs;
        switch (header.templateId())
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                rxTimestampNs = bookUpdate.wrapAndApplyHeader(buffer, offset, header).rxTimestampNs();
                break;
            case TopOfBookDecoder.TEMPLATE_ID:
                rxTimestampNs = topOfBook.wrapAndApplyHeader(buffer, offset, header).rxTimestampNs();
                break;
            case TradeDecoder.TEMPLATE_ID:
                rxTimestampNs = trade.wrapAndApplyHeader(buffer, offset, header).rxTimestampNs();
                break;
            case FeedStateDecoder.TEMPLATE_ID:
                feedState.wrapAndApplyHeader(buffer, offset, header);
                staleMessages += FeedStateValue.STALE == feedState.state() ? 1 : 0;
                if (FeedStateValue.OK == feedState.state())
                {
                    notOk.remove(feedState.securityId());
                }
                else
                {
                    notOk.add(feedState.securityId());
                }
                rxTimestampNs = 0;
                break;
            default:
                rxTimestampNs = 0;
        }
        marketDataMessages++;
        if (rxTimestampNs > 0)
        {
            wireToStrategy.recordValue(Math.max(0, nowNs - rxTimestampNs));
        }
    }

    private void onExecution(final DirectBuffer buffer, final int offset, final int length, final Header h)
    {
        final long nowNs = clock.nanoTime();
        header.wrap(buffer, offset);
        switch (header.templateId())
        {
            case OrderSentDecoder.TEMPLATE_ID:
            {
                orderSent.wrapAndApplyHeader(buffer, offset, header);
                ordersSent++;
                final long txNs = orderSent.txTimestampNs();
                if (orderSent.triggerRxTimestampNs() > 0)
                {
                    tickToTrade.recordValue(Math.max(0, txNs - orderSent.triggerRxTimestampNs()));
                }
                strategyToWire.recordValue(Math.max(0, txNs - orderSent.strategyTimestampNs()));
                sentAtByOrder.put(key(orderSent.strategyId(), orderSent.clOrdId()), orderSent.strategyTimestampNs());
                break;
            }
            case ExecutionReportDecoder.TEMPLATE_ID:
            {
                executionReport.wrapAndApplyHeader(buffer, offset, header);
                if (ExecType.TRADE == executionReport.execType())
                {
                    fills++;
                }
                final long sentAtNs = sentAtByOrder.remove(
                    key(executionReport.strategyId(), executionReport.clOrdId()));
                if (Long.MIN_VALUE != sentAtNs)
                {
                    roundTrip.recordValue(Math.max(0, nowNs - sentAtNs));
                }
                break;
            }
            case RiskDecisionDecoder.TEMPLATE_ID:
                if (RiskResult.REJECTED == riskDecision.wrapAndApplyHeader(buffer, offset, header).result())
                {
                    riskRejects++;
                    rejectsByReason[riskDecision.rejectReason().ordinal()]++;
                }
                break;
            default:
                break;
        }
    }

    private static long key(final long strategyId, final long clOrdId)
    {
        return (strategyId << 40) ^ clOrdId;
    }
}
