package io.wirespeed.latency.order;

import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.strategy.OrderEntry;
import io.wirespeed.strategy.Strategy;
import io.wirespeed.strategy.StrategyOrder;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochNanoClock;

/**
 * A scripted strategy timing the order round trip: it sends one resting day order far from the touch, waits for the
 * venue's New report, cancels the order and waits for the Canceled report, then starts again on the other side, so
 * nothing is ever filled and at most one order is open. Every stamp comes from the one clock of the process.
 * <p>
 * The new order's round trip is split with the stamps the appliance carries: strategy to gateway (Aeron IPC in),
 * inside the gateway to the socket write, socket write to the gateway reading the venue's answer (kernel TCP both
 * ways plus the venue's work), the gateway turning the answer into an execution report, and the report back to the
 * strategy (Aeron IPC out).
 */
final class RoundTripStrategy implements Strategy
{
    private static final int IDLE = 0;
    private static final int AWAIT_ACK = 1;
    private static final int AWAIT_CANCELED = 2;
    private static final int CANCEL_UNSENT = 3;

    final Histogram newToAck = OrderBench.histogram();
    final Histogram cancelToCanceled = OrderBench.histogram();
    final Histogram strategyToGateway = OrderBench.histogram();
    final Histogram gatewayRxToTx = OrderBench.histogram();
    final Histogram txToVenueAnswerRx = OrderBench.histogram();
    final Histogram txToVenue = OrderBench.histogram();
    final Histogram venueToGatewayRx = OrderBench.histogram();
    final Histogram gatewayReportOut = OrderBench.histogram();
    final Histogram gatewayToStrategy = OrderBench.histogram();

    volatile long completed;
    volatile long unexpected;
    volatile boolean running = true;

    private final OrderEntry orderEntry;
    private final EpochNanoClock clock;
    private final int securityId;
    private final long buyPrice;
    private final long sellPrice;
    private final long warmUp;
    private final long total;
    private int state = IDLE;
    private long count;
    private long clOrdId;
    private long sendNs;
    private long cancelSendNs;
    private long gatewayRxNs;
    private long txNs;

    /**
     * A strategy that runs a number of cycles.
     *
     * @param orderEntry its client's order entry.
     * @param clock      the process's clock.
     * @param securityId instrument traded.
     * @param buyPrice   where buys rest, below the bid.
     * @param sellPrice  where sells rest, above the offer.
     * @param warmUp     cycles not recorded.
     * @param measured   cycles recorded after the warm-up.
     */
    RoundTripStrategy(
        final OrderEntry orderEntry,
        final EpochNanoClock clock,
        final int securityId,
        final long buyPrice,
        final long sellPrice,
        final long warmUp,
        final long measured)
    {
        this.orderEntry = orderEntry;
        this.clock = clock;
        this.securityId = securityId;
        this.buyPrice = buyPrice;
        this.sellPrice = sellPrice;
        this.warmUp = warmUp;
        this.total = warmUp + measured;
    }

    public int doWork(final long nowNs)
    {
        if (IDLE == state && running && count < total)
        {
            final boolean buy = 0 == (count & 1);
            final long startNs = clock.nanoTime();
            final long id = orderEntry.newOrder(securityId, buy ? Side.BUY : Side.SELL, OrdType.LIMIT,
                TimeInForce.DAY, buy ? buyPrice : sellPrice, 1, 0);
            if (id > 0)
            {
                clOrdId = id;
                sendNs = startNs;
                state = AWAIT_ACK;
                return 1;
            }
        }
        else if (CANCEL_UNSENT == state)
        {
            sendCancel();
            return 1;
        }
        return 0;
    }

    public void onOrderSent(final StrategyOrder order, final OrderSentDecoder orderSent)
    {
        if (orderSent.clOrdId() == clOrdId)
        {
            gatewayRxNs = orderSent.gatewayRxTimestampNs();
            txNs = orderSent.txTimestampNs();
        }
    }

    public void onRiskDecision(final StrategyOrder order, final RiskDecisionDecoder decision)
    {
        if (RiskResult.REJECTED == decision.result() && AWAIT_ACK == state && decision.clOrdId() == clOrdId)
        {
            unexpected++;
            finish();
        }
    }

    public void onExecutionReport(final StrategyOrder order, final ExecutionReportDecoder report)
    {
        final long nowNs = clock.nanoTime();
        final ExecType execType = report.execType();
        if (AWAIT_ACK == state && report.clOrdId() == clOrdId)
        {
            if (ExecType.NEW == execType)
            {
                if (count >= warmUp)
                {
                    recordAck(report, nowNs);
                }
                sendCancel();
            }
            else
            {
                unexpected++;
                finish();
            }
        }
        else if (AWAIT_CANCELED == state && report.origClOrdId() == clOrdId)
        {
            if (ExecType.CANCELED == execType && count >= warmUp)
            {
                OrderBench.record(cancelToCanceled, nowNs - cancelSendNs);
            }
            if (ExecType.CANCELED != execType)
            {
                unexpected++;
            }
            finish();
        }
        else if (null != order && order.clOrdId() == clOrdId && order.isDone())
        {
            unexpected++;
            finish();
        }
    }

    private void recordAck(final ExecutionReportDecoder report, final long nowNs)
    {
        final long answerRxNs = report.gatewayRxTimestampNs();
        final long venueNs = report.venueTransactTimeNs();
        final long publishNs = report.publishTimestampNs();
        OrderBench.record(newToAck, nowNs - sendNs);
        OrderBench.record(strategyToGateway, gatewayRxNs - sendNs);
        OrderBench.record(gatewayRxToTx, txNs - gatewayRxNs);
        OrderBench.record(txToVenueAnswerRx, answerRxNs - txNs);
        OrderBench.record(txToVenue, venueNs - txNs);
        OrderBench.record(venueToGatewayRx, answerRxNs - venueNs);
        OrderBench.record(gatewayReportOut, publishNs - answerRxNs);
        OrderBench.record(gatewayToStrategy, nowNs - publishNs);
    }

    private void sendCancel()
    {
        final long startNs = clock.nanoTime();
        if (orderEntry.cancel(clOrdId, 0) > 0)
        {
            cancelSendNs = startNs;
            state = AWAIT_CANCELED;
        }
        else
        {
            state = CANCEL_UNSENT;
        }
    }

    private void finish()
    {
        state = IDLE;
        count++;
        completed = count;
    }
}
