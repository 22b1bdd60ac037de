package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.strategy.BookView;
import io.wirespeed.strategy.Strategy;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyOrder;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scripted strategy that remembers what it was told: each request's risk decision and the reason its order
 * table gave the order, the orders that reached the venue, and the orders canceled.
 */
final class Trader implements Strategy
{
    StrategyClient client;
    final Map<Long, RejectReason> rejected = new HashMap<>();
    final Map<Long, RejectReason> toldReason = new HashMap<>();
    final Map<Long, OrdStatus> toldStatus = new HashMap<>();
    final Set<Long> accepted = new HashSet<>();
    final Set<Long> sentToVenue = new HashSet<>();
    final Set<Long> canceled = new HashSet<>();
    final Set<Long> acknowledged = new HashSet<>();

    public void onRiskDecision(final StrategyOrder order, final RiskDecisionDecoder decision)
    {
        if (RiskResult.REJECTED == decision.result())
        {
            rejected.put(decision.clOrdId(), decision.rejectReason());
            if (null != order)
            {
                toldReason.put(decision.clOrdId(), order.rejectReason());
                toldStatus.put(decision.clOrdId(), order.status());
            }
        }
        else
        {
            accepted.add(decision.clOrdId());
        }
    }

    public void onOrderSent(final StrategyOrder order, final OrderSentDecoder orderSent)
    {
        sentToVenue.add(orderSent.clOrdId());
    }

    public void onExecutionReport(final StrategyOrder order, final ExecutionReportDecoder report)
    {
        if (null == order)
        {
            return;
        }
        if (ExecType.NEW == report.execType())
        {
            acknowledged.add(order.clOrdId());
        }
        if (order.isDone() && OrdStatus.CANCELED == order.status())
        {
            canceled.add(order.clOrdId());
        }
    }

    /**
     * Send a limit DAY order for ES.
     *
     * @return its client order id, asserted positive.
     */
    long buy(final long price, final long qty)
    {
        return send(ES, Side.BUY, price, qty);
    }

    long sell(final long price, final long qty)
    {
        return send(ES, Side.SELL, price, qty);
    }

    long send(final int securityId, final Side side, final long price, final long qty)
    {
        final long clOrdId = client.orderEntry().newOrder(
            securityId, side, OrdType.LIMIT, TimeInForce.DAY, price, qty, 0);
        assertTrue(clOrdId > 0, "sent: " + clOrdId);
        return clOrdId;
    }

    boolean isLive(final long clOrdId)
    {
        final StrategyOrder order = client.orders().order(clOrdId);
        return null != order && !order.isDone() && BookView.NULL_PRICE != order.price();
    }
}
