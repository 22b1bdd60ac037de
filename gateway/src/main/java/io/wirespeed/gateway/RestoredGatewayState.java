package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.gateway.session.SessionResume;

import java.util.List;
import java.util.Map;

/**
 * What the gateway's journal folds to ({@link GatewayStateFold}): the venue session to resume, the open orders,
 * positions, kill latches, run-time limits and the highest gateway id used. Built once at start, off the hot path.
 * <p>
 * Invariant: every venue application message with a SeqNum up to {@link SessionResume#lastProcessedSeqNum()} (and of
 * the previous UUID up to its last processed) has had its effect on this state, and no message beyond has; the
 * session's next sent SeqNum is above every one the venue may have seen under the UUID.
 *
 * @param session          the venue session to resume.
 * @param openOrders       orders not finished, each as last journaled.
 * @param positions        signed filled quantity by strategy id and security id, over every journaled order.
 * @param killLatches      the last latch state of each kill scope and target.
 * @param limits           every run-time limit set, in order.
 * @param highestRequestId the highest gateway id (wire ClOrdID) reserved or seen.
 * @param highestReceivedSeqNum the highest venue SeqNum the journal shows received (VENUE_IN) under the UUID: what
 *                         lies between it and the last processed is recovered again from the venue.
 */
public record RestoredGatewayState(
    SessionResume session,
    List<OrderState> openOrders,
    Map<PositionKey, Long> positions,
    Map<LatchKey, Boolean> killLatches,
    List<LimitChange> limits,
    long highestRequestId,
    long highestReceivedSeqNum)
{
    /**
     * Nothing journaled: a fresh start.
     */
    public static final RestoredGatewayState EMPTY = new RestoredGatewayState(
        SessionResume.NONE, List.of(), Map.of(), Map.of(), List.of(), 0, 0);

    /**
     * The position of a strategy in an instrument, as journaled.
     *
     * @param strategyId the strategy.
     * @param securityId the instrument.
     * @return signed lots, 0 when none.
     */
    public long position(final long strategyId, final int securityId)
    {
        return positions.getOrDefault(new PositionKey(strategyId, securityId), 0L);
    }

    /**
     * A strategy's position key.
     *
     * @param strategyId the strategy.
     * @param securityId the instrument.
     */
    public record PositionKey(long strategyId, int securityId)
    {
    }

    /**
     * A kill scope and target.
     *
     * @param scope    GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId strategy or account id, 0 for GLOBAL.
     */
    public record LatchKey(ControlScope scope, long targetId)
    {
    }

    /**
     * A run-time limit set by SetLimit.
     *
     * @param scope     GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId  strategy or account id.
     * @param limitType which limit.
     * @param value     its value.
     */
    public record LimitChange(ControlScope scope, long targetId, LimitType limitType, long value)
    {
    }

    /**
     * One order as last journaled.
     *
     * @param rootOrderId      the gateway id it was first sent with.
     * @param orderId          its current gateway id (wire ClOrdID).
     * @param strategyId       the strategy that owns it.
     * @param clOrdId          the strategy's id for it.
     * @param venueOrderId     the venue's id, 0 until acknowledged.
     * @param securityId       the instrument.
     * @param side             buy or sell.
     * @param ordType          limit or market.
     * @param timeInForce      time in force.
     * @param status           its status.
     * @param price            limit price mantissa, or the null price.
     * @param orderQty         total quantity.
     * @param leavesQty        open quantity.
     * @param cumQty           filled quantity.
     * @param pending          request in flight: 0 none, 1 cancel, 2 replace.
     * @param pendingRequestId gateway id of the request in flight.
     * @param pendingClOrdId   the strategy's id of the request in flight.
     * @param sentSeqNum       our SeqNum of the NewOrderSingle, or of the request in flight.
     */
    public record OrderState(
        long rootOrderId,
        long orderId,
        long strategyId,
        long clOrdId,
        long venueOrderId,
        int securityId,
        Side side,
        OrdType ordType,
        TimeInForce timeInForce,
        OrdStatus status,
        long price,
        long orderQty,
        long leavesQty,
        long cumQty,
        int pending,
        long pendingRequestId,
        long pendingClOrdId,
        long sentSeqNum)
    {
        /**
         * Whether the order is finished (filled, canceled or rejected).
         *
         * @return true when finished.
         */
        public boolean isDone()
        {
            return OrdStatus.FILLED == status || OrdStatus.CANCELED == status || OrdStatus.REJECTED == status;
        }

        /**
         * The signed quantity it filled: positive bought, negative sold.
         *
         * @return signed lots.
         */
        public long signedFilled()
        {
            return Side.BUY == side ? cumQty : -cumQty;
        }
    }
}
