package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.SetLimitDecoder;
import io.wirespeed.config.RiskContext;

/**
 * Applies control operations (kill, resume, run-time limits), automatic kills on a breach and cancel on a
 * strategy's disconnect, answering each with a ControlAck.
 */
final class GatewayControl
{
    private final Registry registry;
    private final KillSwitch killSwitch;
    private final PreTradeRisk risk;
    private final GatewayOutput output;
    private final GatewayCounters counters;
    private final boolean cancelOnDisconnect;
    private final StateJournal journal;
    private final Limits scratchLimits = new Limits(RiskContext.LIMITS_DEFAULT);

    GatewayControl(
        final Registry registry,
        final KillSwitch killSwitch,
        final PreTradeRisk risk,
        final GatewayOutput output,
        final GatewayCounters counters,
        final boolean cancelOnDisconnect,
        final StateJournal journal)
    {
        this.journal = journal;
        this.registry = registry;
        this.killSwitch = killSwitch;
        this.risk = risk;
        this.output = output;
        this.counters = counters;
        this.cancelOnDisconnect = cancelOnDisconnect;
    }

    void onKill(final ControlScope scope, final long targetId, final byte[] operator, final long nowNs)
    {
        counters.increment(GatewayCounter.KILLS);
        kill(scope, targetId, operator, nowNs);
    }

    void onResume(final ControlScope scope, final long targetId, final byte[] operator, final long nowNs)
    {
        final RiskBook book = registry.book(scope, targetId);
        final boolean applied = ControlScope.GLOBAL == scope || null != book;
        if (ControlScope.GLOBAL == scope)
        {
            killSwitch.resumeGlobal();
        }
        else if (null != book)
        {
            book.killed = false;
        }
        if (applied)
        {
            journal.killLatch(scope, targetId, false, nowNs);
        }
        counters.increment(applied ? GatewayCounter.RESUMES : GatewayCounter.CONTROL_REFUSED);
        output.onControlAck(ResumeDecoder.TEMPLATE_ID, scope, targetId,
            applied ? ControlRefusal.NONE : ControlRefusal.UNKNOWN_TARGET, 0, 0, 0, true, operator, nowNs);
    }

    void onSetLimit(
        final ControlScope scope,
        final long targetId,
        final LimitType limitType,
        final long value,
        final byte[] operator,
        final long nowNs)
    {
        final ControlRefusal refusal = applyLimit(scope, targetId, limitType, value);
        final boolean applied = ControlRefusal.NONE == refusal;
        if (applied)
        {
            journal.limit(scope, targetId, limitType, value, nowNs);
        }
        counters.increment(applied ? GatewayCounter.LIMITS_SET : GatewayCounter.CONTROL_REFUSED);
        output.onControlAck(SetLimitDecoder.TEMPLATE_ID, scope, targetId, refusal, 0, 0, 0, true, operator, nowNs);
    }

    /**
     * Set a limit in a scope, as SetLimit does (also when a restart replays the journal's).
     *
     * @return NONE when applied, else why not.
     */
    ControlRefusal applyLimit(
        final ControlScope scope, final long targetId, final LimitType limitType, final long value)
    {
        boolean applied;
        ControlRefusal refusal = ControlRefusal.BAD_VALUE;
        if (ControlScope.GLOBAL == scope)
        {
            if (LimitType.MAX_ORDERS_PER_SECOND == limitType || LimitType.MAX_MESSAGES_PER_SECOND == limitType)
            {
                applied = risk.venueLimits().set(limitType, value);
            }
            else
            {
                applied = scratchLimits.set(limitType, value);
                for (int i = 0; applied && i < registry.strategies.length; i++)
                {
                    registry.strategies[i].book.limits.set(limitType, value);
                }
                for (int i = 0; applied && i < registry.accounts.length; i++)
                {
                    registry.accounts[i].book.limits.set(limitType, value);
                }
            }
        }
        else
        {
            final RiskBook book = registry.book(scope, targetId);
            refusal = null == book ? ControlRefusal.UNKNOWN_TARGET : refusal;
            applied = null != book && book.limits.set(limitType, value);
        }
        return applied ? ControlRefusal.NONE : refusal;
    }

    /**
     * A control message the intake did not accept: counted and answered with the reason.
     */
    void onRefused(
        final int templateId,
        final ControlScope scope,
        final long targetId,
        final ControlRefusal refusal,
        final byte[] operator,
        final long nowNs)
    {
        counters.increment(ControlRefusal.NOT_AUTHENTICATED == refusal || ControlRefusal.REPLAYED == refusal ?
            GatewayCounter.CONTROL_NOT_AUTHENTICATED : GatewayCounter.CONTROL_REFUSED);
        output.onControlAck(templateId, scope, targetId, refusal, 0, 0, 0, true, operator, nowNs);
    }

    void onStrategyDisconnected(final long strategyId, final long nowNs)
    {
        final Strategy strategy = registry.strategy(strategyId);
        if (null != strategy)
        {
            counters.increment(GatewayCounter.STRATEGIES_DISCONNECTED);
            if (cancelOnDisconnect)
            {
                killSwitch.cancelOpenOrders(strategy, nowNs);
            }
        }
    }

    /**
     * Cut off a strategy that cannot take its answers: a strategy-scope kill (new orders refused, open orders
     * canceled), latched until an operator resumes it, announced with the kill's ControlAcks (no operator name).
     */
    void onAnswersBacklogged(final long strategyId, final long nowNs)
    {
        if (null != registry.strategy(strategyId))
        {
            counters.increment(GatewayCounter.STRATEGIES_CUT_OFF);
            kill(ControlScope.STRATEGY, strategyId, ControlIntake.NO_OPERATOR, nowNs);
        }
    }

    /**
     * Kill the strategy or account whose limit a request breached, if its limits say so.
     */
    void onBreach(final Strategy strategy, final RiskBook breached, final long nowNs)
    {
        if (breached.limits.autoKillOnBreach && !breached.killed)
        {
            counters.increment(GatewayCounter.AUTO_KILLS);
            final boolean isAccount = breached == strategy.account.book;
            final ControlScope scope = isAccount ? ControlScope.ACCOUNT : ControlScope.STRATEGY;
            final long targetId = isAccount ? strategy.account.id : strategy.id;
            kill(scope, targetId, ControlIntake.NO_OPERATOR, nowNs);
        }
    }

    private void kill(final ControlScope scope, final long targetId, final byte[] operator, final long nowNs)
    {
        if (ControlScope.GLOBAL == scope)
        {
            journal.killLatch(scope, 0, true, nowNs);
            killSwitch.killGlobal(operator, nowNs);
            return;
        }
        final RiskBook book = registry.book(scope, targetId);
        if (null == book)
        {
            counters.increment(GatewayCounter.CONTROL_REFUSED);
            output.onControlAck(KillDecoder.TEMPLATE_ID, scope, targetId, ControlRefusal.UNKNOWN_TARGET, 0, 0, 0,
                true, operator, nowNs);
            return;
        }
        book.killed = true;
        journal.killLatch(scope, targetId, true, nowNs);
        if (ControlScope.STRATEGY == scope)
        {
            killSwitch.kill(scope, targetId, registry.strategy(targetId), null, operator, nowNs);
        }
        else
        {
            killSwitch.kill(scope, targetId, null, registry.account(targetId), operator, nowNs);
        }
    }
}
