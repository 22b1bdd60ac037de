package io.wirespeed.gateway;

import io.wirespeed.codecs.ilink3.Establish503Decoder;
import io.wirespeed.codecs.ilink3.Negotiate500Decoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceRequest515Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelRequest516Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionRequest529Decoder;
import io.wirespeed.codecs.ilink3.OrderMassStatusRequest530Decoder;
import io.wirespeed.codecs.ilink3.OrderStatusRequest533Decoder;
import io.wirespeed.codecs.ilink3.Sequence506Decoder;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.GatewayIdsReservedDecoder;
import io.wirespeed.codecs.internal.GatewayKillLatchDecoder;
import io.wirespeed.codecs.internal.GatewayLimitDecoder;
import io.wirespeed.codecs.internal.GatewayOrderStateDecoder;
import io.wirespeed.codecs.internal.GatewaySessionDecoder;
import io.wirespeed.codecs.internal.GatewayVenueProcessedDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.gateway.session.PreviousSession;
import io.wirespeed.gateway.session.SessionResume;
import io.wirespeed.gateway.session.VenueMessageDecoder;
import io.wirespeed.gateway.transport.Sofh;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the gateway's journal records, in journal order, into the {@link RestoredGatewayState} a restart resumes
 * from. It reads three streams:
 * <ul>
 *     <li>GATEWAY_STATE ({@link StateJournal}): an order's whole state after each change is kept as the order's
 *     state, but one caused by a venue message only once that message's {@code GatewayVenueProcessed} mark follows:
 *     a message the gateway died in the middle of leaves no effect, so the restored state holds exactly the messages
 *     up to the last mark and the venue retransmits the rest; the gateway's own changes (an order sent, a cancel
 *     sent) count at once, as they were journaled before the wire;</li>
 *     <li>VENUE_OUT (SOFH and iLink 3 bytes as sent, journaled by the transport before the socket write): the
 *     highest SeqNum sent under each UUID (business SeqNum, Establish and Sequence NextSeqNo - 1), so the next one
 *     is above every one the venue may have seen;</li>
 *     <li>VENUE_IN (as received): the highest SeqNum received under each UUID, reported only: received is not
 *     processed, the state is restored from the processed marks.</li>
 * </ul>
 * Positions are the signed filled quantity of every journaled order, finished or not, so they equal the venue's
 * for the orders the journal holds (keep the journal's retention above a trading day). A record of another stream,
 * another schema, or one too short for its template is skipped and counted ({@link #skipped()}).
 */
public final class GatewayStateFold
{
    private static final int INTERNAL_SCHEMA = MessageHeaderDecoder.SCHEMA_ID;
    private static final int ILINK3_SCHEMA = io.wirespeed.codecs.ilink3.MessageHeaderDecoder.SCHEMA_ID;
    private static final int VENUE_HEADERS =
        Sofh.HEADER_LENGTH + io.wirespeed.codecs.ilink3.MessageHeaderDecoder.ENCODED_LENGTH;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final io.wirespeed.codecs.ilink3.MessageHeaderDecoder venueHeader =
        new io.wirespeed.codecs.ilink3.MessageHeaderDecoder();
    private final GatewayOrderStateDecoder orderState = new GatewayOrderStateDecoder();
    private final GatewayVenueProcessedDecoder processed = new GatewayVenueProcessedDecoder();
    private final GatewaySessionDecoder session = new GatewaySessionDecoder();
    private final GatewayIdsReservedDecoder ids = new GatewayIdsReservedDecoder();
    private final GatewayKillLatchDecoder killLatch = new GatewayKillLatchDecoder();
    private final GatewayLimitDecoder limit = new GatewayLimitDecoder();
    private final Negotiate500Decoder negotiate = new Negotiate500Decoder();
    private final Establish503Decoder establish = new Establish503Decoder();
    private final Sequence506Decoder sequence = new Sequence506Decoder();
    private final NewOrderSingle514Decoder newOrder = new NewOrderSingle514Decoder();
    private final OrderCancelReplaceRequest515Decoder replace = new OrderCancelReplaceRequest515Decoder();
    private final OrderCancelRequest516Decoder cancel = new OrderCancelRequest516Decoder();
    private final OrderMassActionRequest529Decoder massAction = new OrderMassActionRequest529Decoder();
    private final OrderMassStatusRequest530Decoder massStatus = new OrderMassStatusRequest530Decoder();
    private final OrderStatusRequest533Decoder orderStatus = new OrderStatusRequest533Decoder();

    private final Map<Long, Entry> orders = new LinkedHashMap<>();
    private final List<Entry> uncommitted = new ArrayList<>();
    private final Map<Long, Long> lastProcessed = new HashMap<>();
    private final Map<Long, Long> highestSent = new HashMap<>();
    private final Map<Long, Long> highestReceived = new HashMap<>();
    private final Map<Long, Long> previousOf = new HashMap<>();
    private final Map<Long, Long> sentUnder = new HashMap<>();
    private final Map<RestoredGatewayState.LatchKey, Boolean> latches = new LinkedHashMap<>();
    private final List<RestoredGatewayState.LimitChange> limits = new ArrayList<>();
    private long uuid;
    private long outUuid;
    private long highestRequestId;
    private long index;
    private long skipped;

    private static final class Entry
    {
        final long index;
        final RestoredGatewayState.OrderState state;
        final long venueUuid;
        final long venueSeqNum;

        Entry(final long index, final RestoredGatewayState.OrderState state, final long venueUuid, final long seqNum)
        {
            this.index = index;
            this.state = state;
            this.venueUuid = venueUuid;
            this.venueSeqNum = seqNum;
        }
    }

    /**
     * One journal record's payload, in journal order.
     *
     * @param stream the record's stream.
     * @param buffer holding the payload.
     * @param offset of the payload.
     * @param length of the payload.
     */
    public void onRecord(final JournalStream stream, final DirectBuffer buffer, final int offset, final int length)
    {
        index++;
        switch (stream)
        {
            case GATEWAY_STATE:
                onGatewayState(buffer, offset, length);
                break;
            case VENUE_OUT:
                onVenueOut(buffer, offset, length);
                break;
            case VENUE_IN:
                onVenueIn(buffer, offset, length);
                break;
            default:
                skipped++;
                break;
        }
    }

    /**
     * Records skipped: another stream, a template the fold does not read, or too short.
     *
     * @return the count.
     */
    public long skipped()
    {
        return skipped;
    }

    /**
     * What the records folded so far restore; effects of a venue message without its processed mark are left out.
     *
     * @return the state.
     */
    public RestoredGatewayState result()
    {
        final List<RestoredGatewayState.OrderState> open = new ArrayList<>();
        final Map<RestoredGatewayState.PositionKey, Long> positions = new HashMap<>();
        for (final Entry entry : orders.values())
        {
            final RestoredGatewayState.OrderState order = entry.state;
            if (!order.isDone())
            {
                open.add(order);
            }
            if (0 != order.cumQty())
            {
                positions.merge(new RestoredGatewayState.PositionKey(order.strategyId(), order.securityId()),
                    order.signedFilled(), Long::sum);
            }
        }
        final SessionResume resume;
        if (0 == uuid)
        {
            resume = SessionResume.NONE;
        }
        else
        {
            final long previousUuid = previousOf.getOrDefault(uuid, 0L);
            final PreviousSession previous = 0 == previousUuid ? PreviousSession.NONE :
                PreviousSession.of(previousUuid, lastProcessed.getOrDefault(previousUuid, 0L));
            final long nextSent = Math.max(highestSent.getOrDefault(uuid, 0L), sentSeqNumUnder(uuid)) + 1;
            resume = new SessionResume(uuid, nextSent, lastProcessed.getOrDefault(uuid, 0L), previous);
        }
        return new RestoredGatewayState(resume, open, positions, new LinkedHashMap<>(latches),
            new ArrayList<>(limits), highestRequestId, highestReceived.getOrDefault(uuid, 0L));
    }

    private long sentSeqNumUnder(final long sessionUuid)
    {
        return sentUnder.getOrDefault(sessionUuid, 0L);
    }

    private void onGatewayState(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            skipped++;
            return;
        }
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (INTERNAL_SCHEMA != header.schemaId() ||
            length < MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
        {
            skipped++;
            return;
        }
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case GatewayOrderStateDecoder.TEMPLATE_ID:
                onOrderState(orderState.wrap(buffer, body, blockLength, version));
                break;
            case GatewayVenueProcessedDecoder.TEMPLATE_ID:
                processed.wrap(buffer, body, blockLength, version);
                onProcessed(processed.uuid(), processed.seqNum());
                break;
            case GatewaySessionDecoder.TEMPLATE_ID:
                session.wrap(buffer, body, blockLength, version);
                if (0 != session.uuid())
                {
                    uuid = session.uuid();
                    outUuid = uuid;
                    if (0 != session.previousUuid())
                    {
                        previousOf.put(uuid, session.previousUuid());
                    }
                    highestSent.merge(uuid, session.nextSentSeqNum() - 1, Math::max);
                }
                break;
            case GatewayIdsReservedDecoder.TEMPLATE_ID:
                ids.wrap(buffer, body, blockLength, version);
                highestRequestId = Math.max(highestRequestId, ids.highestReserved());
                break;
            case GatewayKillLatchDecoder.TEMPLATE_ID:
                killLatch.wrap(buffer, body, blockLength, version);
                latches.put(new RestoredGatewayState.LatchKey(killLatch.scope(), killLatch.targetId()),
                    BooleanFlag.TRUE == killLatch.latched());
                break;
            case GatewayLimitDecoder.TEMPLATE_ID:
                limit.wrap(buffer, body, blockLength, version);
                limits.add(new RestoredGatewayState.LimitChange(
                    limit.scope(), limit.targetId(), limit.limitType(), limit.value()));
                break;
            default:
                skipped++;
                break;
        }
    }

    private void onOrderState(final GatewayOrderStateDecoder d)
    {
        final RestoredGatewayState.OrderState state = new RestoredGatewayState.OrderState(
            d.rootOrderId(), d.orderId(), d.strategyId(), d.clOrdId(), d.venueOrderId(), d.securityId(), d.side(),
            d.ordType(), d.timeInForce(), d.ordStatus(), d.price(), d.orderQty(), d.leavesQty(), d.cumQty(),
            d.pending(), d.pendingRequestId(), d.pendingClOrdId(), d.sentSeqNum());
        highestRequestId = Math.max(highestRequestId, Math.max(state.orderId(), state.pendingRequestId()));
        final Entry entry = new Entry(index, state, d.venueUuid(), d.venueSeqNum());
        if (0 == d.venueSeqNum())
        {
            if (0 != uuid && 0 != state.sentSeqNum())
            {
                sentUnder.merge(uuid, state.sentSeqNum(), Math::max);
            }
            orders.put(state.rootOrderId(), entry);
        }
        else
        {
            uncommitted.add(entry);
        }
    }

    private void onProcessed(final long messageUuid, final long seqNum)
    {
        for (final Entry entry : uncommitted)
        {
            if (entry.venueUuid == messageUuid && entry.venueSeqNum == seqNum)
            {
                final Entry current = orders.get(entry.state.rootOrderId());
                if (null == current || current.index < entry.index)
                {
                    orders.put(entry.state.rootOrderId(), entry);
                }
            }
        }
        // effects of any other message were of one the gateway died in the middle of: the venue sends it again
        uncommitted.clear();
        lastProcessed.merge(messageUuid, seqNum, Math::max);
    }

    private void onVenueOut(final DirectBuffer buffer, final int offset, final int length)
    {
        final int message = offset + Sofh.HEADER_LENGTH;
        if (!wrapVenue(buffer, offset, length))
        {
            return;
        }
        final int body = message + io.wirespeed.codecs.ilink3.MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = venueHeader.blockLength();
        final int version = venueHeader.version();
        final long seqNum;
        switch (venueHeader.templateId())
        {
            case Negotiate500Decoder.TEMPLATE_ID:
                outUuid = negotiate.wrap(buffer, body, blockLength, version).uUID();
                return;
            case Establish503Decoder.TEMPLATE_ID:
                establish.wrap(buffer, body, blockLength, version);
                outUuid = establish.uUID();
                seqNum = establish.nextSeqNo() - 1;
                break;
            case Sequence506Decoder.TEMPLATE_ID:
                sequence.wrap(buffer, body, blockLength, version);
                outUuid = sequence.uUID();
                seqNum = sequence.nextSeqNo() - 1;
                break;
            case NewOrderSingle514Decoder.TEMPLATE_ID:
                seqNum = newOrder.wrap(buffer, body, blockLength, version).seqNum();
                break;
            case OrderCancelReplaceRequest515Decoder.TEMPLATE_ID:
                seqNum = replace.wrap(buffer, body, blockLength, version).seqNum();
                break;
            case OrderCancelRequest516Decoder.TEMPLATE_ID:
                seqNum = cancel.wrap(buffer, body, blockLength, version).seqNum();
                break;
            case OrderMassActionRequest529Decoder.TEMPLATE_ID:
                seqNum = massAction.wrap(buffer, body, blockLength, version).seqNum();
                break;
            case OrderMassStatusRequest530Decoder.TEMPLATE_ID:
                seqNum = massStatus.wrap(buffer, body, blockLength, version).seqNum();
                break;
            case OrderStatusRequest533Decoder.TEMPLATE_ID:
                seqNum = orderStatus.wrap(buffer, body, blockLength, version).seqNum();
                break;
            default:
                return;
        }
        if (0 != outUuid && seqNum > 0)
        {
            highestSent.merge(outUuid, seqNum, Math::max);
        }
    }

    private void onVenueIn(final DirectBuffer buffer, final int offset, final int length)
    {
        // every business message from the venue starts its block with SeqNum (uInt32) and UUID (uInt64)
        if (wrapVenue(buffer, offset, length) && !VenueMessageDecoder.isSessionMessage(venueHeader.templateId()) &&
            venueHeader.blockLength() >= BitUtil.SIZE_OF_INT + BitUtil.SIZE_OF_LONG)
        {
            final int body = offset + VENUE_HEADERS;
            final long seqNum = buffer.getInt(body, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
            final long messageUuid = buffer.getLong(body + BitUtil.SIZE_OF_INT, ByteOrder.LITTLE_ENDIAN);
            highestReceived.merge(messageUuid, seqNum, Math::max);
        }
    }

    private boolean wrapVenue(final DirectBuffer buffer, final int offset, final int length)
    {
        final int headerEnd = VENUE_HEADERS;
        if (length < headerEnd)
        {
            skipped++;
            return false;
        }
        venueHeader.wrap(buffer, offset + Sofh.HEADER_LENGTH);
        if (ILINK3_SCHEMA != venueHeader.schemaId() || length < headerEnd + venueHeader.blockLength())
        {
            skipped++;
            return false;
        }
        return true;
    }
}
