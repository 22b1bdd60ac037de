package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.GatewayIdsReservedEncoder;
import io.wirespeed.codecs.internal.GatewayKillLatchEncoder;
import io.wirespeed.codecs.internal.GatewayLimitEncoder;
import io.wirespeed.codecs.internal.GatewayOrderStateEncoder;
import io.wirespeed.codecs.internal.GatewaySessionEncoder;
import io.wirespeed.codecs.internal.GatewayVenueProcessedEncoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.nic.tap.JournalTap;

/**
 * Writes the gateway's GATEWAY_STATE records through its {@link JournalTap}, on the gateway thread, encoded in place
 * in the tap's ring: no allocation, no copy. With no tap (journal off) every write is a no-op that succeeds.
 * <p>
 * What a restart needs and when it is written ({@link GatewayStateFold} reads them back):
 * <ul>
 *     <li>{@code GatewayOrderState}: an order's whole state after each change, written for a new order BEFORE its
 *     NewOrderSingle goes to the venue, and after each venue report is applied (with the report's UUID and SeqNum);
 *     a whole state rather than a delta, so the fold keeps the last one of each order and never adds twice;</li>
 *     <li>{@code GatewayVenueProcessed}: after every venue application message has had all its effects, the commit
 *     mark of that message: a fold keeps no effect of a message whose mark it did not see (the gateway died in the
 *     middle of it), so the restored state has every message up to the restored last-processed SeqNum and none
 *     beyond, and the message is recovered again by retransmission;</li>
 *     <li>{@code GatewaySession}: UUID and sequence numbers, on every session state change;</li>
 *     <li>{@code GatewayIdsReserved}: gateway ids (wire ClOrdIDs) are reserved in blocks of {@link #ID_BLOCK} before
 *     the first of a block is used, so a restart starts above every id that may have reached the wire;</li>
 *     <li>{@code GatewayKillLatch} and {@code GatewayLimit}: kill latches and run-time limits as they change.</li>
 * </ul>
 * A record that does not fit is lost (the tap counts it and journals the loss); a new order is refused before that
 * can happen to it ({@link #hasRoomForNewOrder()}).
 */
final class StateJournal
{
    /** Gateway ids reserved by one {@code GatewayIdsReserved} record. */
    static final long ID_BLOCK = 4096;

    /**
     * The longest venue message the gateway sends with a new order, SOFH included (NewOrderSingle514 is 116 bytes
     * with its header; rounded up), for the room check of the VENUE_OUT record the transport writes before the wire.
     */
    static final int VENUE_OUT_MAX_LENGTH = 256;

    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int ORDER_LENGTH = HEADER + GatewayOrderStateEncoder.BLOCK_LENGTH;
    private static final int NEW_ORDER_ROOM = ORDER_LENGTH + HEADER + GatewayIdsReservedEncoder.BLOCK_LENGTH +
        JournalTap.RECORD_HEADER_LENGTH * 2 + VENUE_OUT_MAX_LENGTH;

    private final JournalTap tap;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final GatewayOrderStateEncoder orderState = new GatewayOrderStateEncoder();
    private final GatewayVenueProcessedEncoder processed = new GatewayVenueProcessedEncoder();
    private final GatewaySessionEncoder session = new GatewaySessionEncoder();
    private final GatewayIdsReservedEncoder ids = new GatewayIdsReservedEncoder();
    private final GatewayKillLatchEncoder killLatch = new GatewayKillLatchEncoder();
    private final GatewayLimitEncoder limit = new GatewayLimitEncoder();

    /**
     * A writer through a tap.
     *
     * @param tap the gateway thread's tap, or null when the journal is off.
     */
    StateJournal(final JournalTap tap)
    {
        this.tap = tap;
    }

    boolean isOn()
    {
        return null != tap;
    }

    /**
     * Whether a new order's state record and its VENUE_OUT record both fit in the tap now.
     */
    boolean hasRoomForNewOrder()
    {
        return null == tap || tap.hasRoomFor(NEW_ORDER_ROOM);
    }

    /**
     * An order's whole state after a change.
     *
     * @param venueUuid   UUID of the venue message that caused it, 0 for the gateway's own change.
     * @param venueSeqNum SeqNum of that message, 0 for the gateway's own change.
     * @return false when the record was lost (tap full).
     */
    boolean order(
        final Order order,
        final OrdStatus status,
        final long lastQty,
        final long lastPrice,
        final long venueUuid,
        final long venueSeqNum,
        final long nowNs)
    {
        if (null == tap)
        {
            return true;
        }
        final int offset = tap.tryClaim(JournalStream.GATEWAY_STATE, 0, nowNs, ORDER_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        orderState.wrapAndApplyHeader(tap.buffer(), offset, header)
            .rootOrderId(order.rootOrderId)
            .orderId(order.orderId)
            .strategyId(order.strategy.id)
            .clOrdId(order.clOrdId)
            .venueOrderId(order.venueOrderId)
            .securityId(order.securityId)
            .side(order.side)
            .ordType(order.ordType)
            .timeInForce(order.timeInForce)
            .ordStatus(status)
            .price(order.price)
            .orderQty(order.orderQty)
            .leavesQty(order.leavesQty)
            .cumQty(order.cumQty)
            .lastQty(lastQty)
            .lastPrice(lastPrice)
            .pending((short)order.pending)
            .pendingRequestId(order.pendingRequestId)
            .pendingClOrdId(order.pendingClOrdId)
            .sentSeqNum(Order.NO_REQUEST == order.pending ? order.newSeqNum : order.pendingSeqNum)
            .venueUuid(venueUuid)
            .venueSeqNum(venueSeqNum)
            .timestampNs(nowNs);
        tap.commit();
        return true;
    }

    /**
     * Every effect of one venue application message is journaled.
     */
    boolean processed(final long uuid, final long seqNum, final long nowNs)
    {
        if (null == tap)
        {
            return true;
        }
        final int offset = tap.tryClaim(JournalStream.GATEWAY_STATE, 0, nowNs,
            HEADER + GatewayVenueProcessedEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        processed.wrapAndApplyHeader(tap.buffer(), offset, header).uuid(uuid).seqNum(seqNum).timestampNs(nowNs);
        tap.commit();
        return true;
    }

    /**
     * The venue session's identity and sequence numbers.
     */
    boolean session(
        final long uuid,
        final long previousUuid,
        final long nextSentSeqNum,
        final long nextReceivedSeqNum,
        final SessionState state,
        final long nowNs)
    {
        if (null == tap)
        {
            return true;
        }
        final int offset = tap.tryClaim(JournalStream.GATEWAY_STATE, 0, nowNs,
            HEADER + GatewaySessionEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        session.wrapAndApplyHeader(tap.buffer(), offset, header)
            .uuid(uuid)
            .previousUuid(previousUuid)
            .nextSentSeqNum(nextSentSeqNum)
            .nextReceivedSeqNum(nextReceivedSeqNum)
            .state(state)
            .timestampNs(nowNs);
        tap.commit();
        return true;
    }

    /**
     * Gateway ids up to {@code highestReserved} may be used from now on.
     */
    boolean idsReserved(final long highestReserved, final long nowNs)
    {
        if (null == tap)
        {
            return true;
        }
        final int offset = tap.tryClaim(JournalStream.GATEWAY_STATE, 0, nowNs,
            HEADER + GatewayIdsReservedEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        ids.wrapAndApplyHeader(tap.buffer(), offset, header).highestReserved(highestReserved).timestampNs(nowNs);
        tap.commit();
        return true;
    }

    /**
     * A kill switch latched or reset.
     */
    boolean killLatch(final ControlScope scope, final long targetId, final boolean latched, final long nowNs)
    {
        if (null == tap)
        {
            return true;
        }
        final int offset = tap.tryClaim(JournalStream.GATEWAY_STATE, 0, nowNs,
            HEADER + GatewayKillLatchEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        killLatch.wrapAndApplyHeader(tap.buffer(), offset, header)
            .scope(scope)
            .targetId(targetId)
            .latched(latched ? BooleanFlag.TRUE : BooleanFlag.FALSE)
            .timestampNs(nowNs);
        tap.commit();
        return true;
    }

    /**
     * A run-time limit set.
     */
    boolean limit(
        final ControlScope scope, final long targetId, final LimitType limitType, final long value, final long nowNs)
    {
        if (null == tap)
        {
            return true;
        }
        final int offset = tap.tryClaim(JournalStream.GATEWAY_STATE, 0, nowNs,
            HEADER + GatewayLimitEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        limit.wrapAndApplyHeader(tap.buffer(), offset, header)
            .scope(scope)
            .targetId(targetId)
            .limitType(limitType)
            .value(value)
            .timestampNs(nowNs);
        tap.commit();
        return true;
    }
}
