package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.OrdStatus;

import java.util.Map;

/**
 * Puts a {@link RestoredGatewayState} into the order logic before its first duty cycle: open orders back in the pool
 * and their strategies' books, positions, run-time limits in the order they were set, and kill latches.
 * <p>
 * A latch is restored as a latch: new orders in its scope stay refused until an operator resumes; the open orders in
 * it are not canceled again (a kill's cancels were sent before the restart; the status answers show what is open).
 * An order of a strategy or instrument no longer configured, or beyond the pool, is not restored and counted as an
 * unknown venue order: its reports are counted, never applied to another order.
 */
final class GatewayRestore
{
    private GatewayRestore()
    {
    }

    static int apply(
        final RestoredGatewayState restored,
        final Registry registry,
        final Orders orders,
        final KillSwitch killSwitch,
        final GatewayControl control,
        final GatewayCounters counters)
    {
        for (final RestoredGatewayState.LimitChange change : restored.limits())
        {
            if (ControlRefusal.NONE != control.applyLimit(
                change.scope(), change.targetId(), change.limitType(), change.value()))
            {
                counters.increment(GatewayCounter.CONTROL_REFUSED);
            }
        }
        for (final Map.Entry<RestoredGatewayState.LatchKey, Boolean> latch : restored.killLatches().entrySet())
        {
            final ControlScope scope = latch.getKey().scope();
            if (!latch.getValue())
            {
                continue;
            }
            if (ControlScope.GLOBAL == scope)
            {
                killSwitch.latchGlobal();
            }
            else
            {
                final RiskBook book = registry.book(scope, latch.getKey().targetId());
                if (null != book)
                {
                    book.killed = true;
                }
            }
        }
        for (final Map.Entry<RestoredGatewayState.PositionKey, Long> position : restored.positions().entrySet())
        {
            final Strategy strategy = registry.strategy(position.getKey().strategyId());
            final int instrument = registry.instruments.index(position.getKey().securityId());
            if (null != strategy && Instruments.UNKNOWN != instrument)
            {
                strategy.book.position[instrument] += position.getValue();
                strategy.account.book.position[instrument] += position.getValue();
            }
        }
        int count = 0;
        for (final RestoredGatewayState.OrderState state : restored.openOrders())
        {
            if (restoreOrder(state, registry, orders))
            {
                count++;
                counters.increment(GatewayCounter.ORDERS_RESTORED);
            }
            else
            {
                counters.increment(GatewayCounter.UNKNOWN_VENUE_ORDERS);
            }
        }
        return count;
    }

    private static boolean restoreOrder(
        final RestoredGatewayState.OrderState state, final Registry registry, final Orders orders)
    {
        final Strategy strategy = registry.strategy(state.strategyId());
        final int instrument = registry.instruments.index(state.securityId());
        if (null == strategy || Instruments.UNKNOWN == instrument)
        {
            return false;
        }
        final Order order = orders.acquire();
        if (null == order)
        {
            return false;
        }
        order.orderId = state.orderId();
        order.rootOrderId = state.rootOrderId();
        order.strategy = strategy;
        order.clOrdId = state.clOrdId();
        order.securityId = state.securityId();
        order.instrument = instrument;
        order.side = state.side();
        order.ordType = state.ordType();
        order.timeInForce = state.timeInForce();
        order.price = state.price();
        order.orderQty = state.orderQty();
        order.leavesQty = state.leavesQty();
        order.cumQty = state.cumQty();
        order.venueOrderId = state.venueOrderId();
        order.status = OrdStatus.NULL_VAL == state.status() ? OrdStatus.PENDING_NEW : state.status();
        order.newSeqNum = Order.NO_REQUEST == state.pending() ? state.sentSeqNum() : 0;
        if (Order.NO_REQUEST != state.pending())
        {
            // the venue's answer carries the new terms; until it comes the request is held as the order's own
            order.pending = state.pending();
            order.pendingRequestId = state.pendingRequestId();
            order.pendingClOrdId = state.pendingClOrdId();
            order.pendingSeqNum = state.sentSeqNum();
            order.pendingPrice = state.price();
            order.pendingQty = state.orderQty();
            order.pendingOrdType = state.ordType();
            order.pendingTimeInForce = state.timeInForce();
        }
        orders.index(order);
        strategy.ordersByClOrdId.put(order.clOrdId, order);
        if (Order.REPLACE_REQUEST == order.pending && order.pendingClOrdId != order.clOrdId)
        {
            strategy.ordersByClOrdId.put(order.pendingClOrdId, order);
        }
        strategy.book.openOrders++;
        strategy.account.book.openOrders++;
        OrderGatewayLogic.adjustOpen(order, order.exposure());
        return true;
    }
}
