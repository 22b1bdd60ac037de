package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.gateway.venue.VenueSession;
import org.agrona.collections.LongArrayList;

/**
 * A venue session test double: records what the order logic sends, answers with sequence numbers, and can be told
 * to refuse; the test drives the venue's answers through {@link #listener}.
 */
final class TestVenue implements VenueSession
{
    SessionState state = SessionState.ESTABLISHED;
    VenueListener listener;
    long nextSeqNum = 1;
    long refuseWith;
    boolean recording = true;

    final LongArrayList newOrderIds = new LongArrayList();
    final LongArrayList cancelOrigOrderIds = new LongArrayList();
    final LongArrayList cancelRequestIds = new LongArrayList();
    final LongArrayList replaceRequestIds = new LongArrayList();
    final LongArrayList massCancelRequestIds = new LongArrayList();
    final LongArrayList statusVenueOrderIds = new LongArrayList();
    final LongArrayList massStatusSecurityIds = new LongArrayList();
    long newOrders;
    long cancels;
    long replaces;
    long lastOrderId;
    long lastSeqNum;
    long lastRequestId;
    long lastPrice;
    long lastQty;
    long lastTriggerRxTimestampNs;

    static final long UUID = 1_700_000_000_000_777L;

    public SessionState state()
    {
        return state;
    }

    public long uuid()
    {
        return UUID;
    }

    public long nextSentSeqNum()
    {
        return nextSeqNum;
    }

    public long sendNewOrder(
        final long orderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty,
        final long triggerRxTimestampNs)
    {
        if (0 != refuseWith)
        {
            return refuseWith;
        }
        newOrders++;
        if (recording)
        {
            newOrderIds.addLong(orderId);
        }
        lastOrderId = orderId;
        lastPrice = price;
        lastQty = qty;
        lastTriggerRxTimestampNs = triggerRxTimestampNs;
        return lastSeqNum = nextSeqNum++;
    }

    public long sendCancel(
        final long requestId, final long origOrderId, final long venueOrderId, final int securityId, final Side side)
    {
        if (0 != refuseWith)
        {
            return refuseWith;
        }
        cancels++;
        if (recording)
        {
            cancelOrigOrderIds.addLong(origOrderId);
            cancelRequestIds.addLong(requestId);
        }
        lastRequestId = requestId;
        return lastSeqNum = nextSeqNum++;
    }

    public long sendReplace(
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        if (0 != refuseWith)
        {
            return refuseWith;
        }
        replaces++;
        if (recording)
        {
            replaceRequestIds.addLong(requestId);
        }
        lastRequestId = requestId;
        lastPrice = price;
        lastQty = qty;
        return lastSeqNum = nextSeqNum++;
    }

    public long sendMassCancel(final long requestId, final int securityId)
    {
        if (0 != refuseWith)
        {
            return refuseWith;
        }
        massCancelRequestIds.addLong(requestId);
        lastRequestId = requestId;
        return lastSeqNum = nextSeqNum++;
    }

    public long sendOrderStatus(final long requestId, final long venueOrderId)
    {
        if (0 != refuseWith)
        {
            return refuseWith;
        }
        statusVenueOrderIds.addLong(venueOrderId);
        lastRequestId = requestId;
        return lastSeqNum = nextSeqNum++;
    }

    public long sendMassStatus(final long requestId, final int securityId)
    {
        if (0 != refuseWith)
        {
            return refuseWith;
        }
        massStatusSecurityIds.addLong(securityId);
        lastRequestId = requestId;
        return lastSeqNum = nextSeqNum++;
    }
}
