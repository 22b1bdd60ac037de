package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.Side;

/**
 * A read-only view of the order gateway's state: positions, open quantities and orders, kill switches and limits;
 * read it on the gateway's thread.
 */
public final class GatewayState
{
    private final Registry registry;
    private final Instruments instruments;
    private final Orders orders;
    private final PreTradeRisk risk;
    private final KillSwitch killSwitch;

    GatewayState(final Registry registry, final Orders orders, final PreTradeRisk risk, final KillSwitch killSwitch)
    {
        this.registry = registry;
        this.instruments = registry.instruments;
        this.orders = orders;
        this.risk = risk;
        this.killSwitch = killSwitch;
    }

    /**
     * Net position of a strategy in an instrument, from fills.
     *
     * @param strategyId of the strategy.
     * @param securityId of the instrument.
     * @return lots, positive long, or 0 when either is unknown.
     */
    public long position(final long strategyId, final int securityId)
    {
        final Strategy strategy = registry.strategy(strategyId);
        final int instrument = instruments.index(securityId);
        return null == strategy || Instruments.UNKNOWN == instrument ? 0 : strategy.book.position[instrument];
    }

    /**
     * Net position of an account in an instrument, from fills.
     *
     * @param accountId  of the account, see {@link #accountId(String)}.
     * @param securityId of the instrument.
     * @return lots, positive long, or 0 when either is unknown.
     */
    public long accountPosition(final long accountId, final int securityId)
    {
        final RiskBook book = registry.book(ControlScope.ACCOUNT, accountId);
        final int instrument = instruments.index(securityId);
        return null == book || Instruments.UNKNOWN == instrument ? 0 : book.position[instrument];
    }

    /**
     * Open quantity of a strategy on one side of an instrument, worst case over pending replaces.
     *
     * @param strategyId of the strategy.
     * @param securityId of the instrument.
     * @param side       buy or sell.
     * @return lots.
     */
    public long openQty(final long strategyId, final int securityId, final Side side)
    {
        final Strategy strategy = registry.strategy(strategyId);
        final int instrument = instruments.index(securityId);
        if (null == strategy || Instruments.UNKNOWN == instrument)
        {
            return 0;
        }
        return Side.BUY == side ? strategy.book.openBuyQty[instrument] : strategy.book.openSellQty[instrument];
    }

    /**
     * Live orders of a strategy.
     *
     * @param strategyId of the strategy.
     * @return the count, 0 for an unknown strategy.
     */
    public long openOrders(final long strategyId)
    {
        final Strategy strategy = registry.strategy(strategyId);
        return null == strategy ? 0 : strategy.book.openOrders;
    }

    /**
     * Live orders of every strategy.
     *
     * @return the count.
     */
    public int liveOrders()
    {
        return orders.liveCount();
    }

    /**
     * The id an account is known by on the control stream: its position among the configured strategies'
     * accounts in order of first appearance, from 1.
     *
     * @param name of the account.
     * @return the id, or 0 when no strategy trades for it.
     */
    public int accountId(final String name)
    {
        return registry.accountId(name);
    }

    /**
     * Whether new orders of a strategy are blocked by a latched kill switch in any scope.
     *
     * @param strategyId of the strategy.
     * @return true when killed.
     */
    public boolean isKilled(final long strategyId)
    {
        final Strategy strategy = registry.strategy(strategyId);
        return null == strategy ? killSwitch.isGlobal() : killSwitch.blocks(strategy);
    }

    /**
     * The current value of a limit.
     *
     * @param scope     GLOBAL for the venue session's, STRATEGY or ACCOUNT.
     * @param targetId  strategy or account id.
     * @param limitType which limit.
     * @return the value, or {@link Limits#NONE} when not set or the target is unknown.
     */
    public long limit(final ControlScope scope, final long targetId, final LimitType limitType)
    {
        if (ControlScope.GLOBAL == scope)
        {
            return risk.venueLimits().get(limitType);
        }
        final RiskBook book = registry.book(scope, targetId);
        return null == book ? Limits.NONE : book.limits.get(limitType);
    }
}
