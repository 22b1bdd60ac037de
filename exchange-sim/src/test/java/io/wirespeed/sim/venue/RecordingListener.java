package io.wirespeed.sim.venue;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.gateway.venue.VenueListener;
import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.List;

/**
 * A venue listener that records what it is told; allocation-free for accepted orders when not recording.
 */
final class RecordingListener implements VenueListener
{
    final LongArrayList accepted = new LongArrayList(1024, Long.MIN_VALUE);
    final List<SessionState> states = new ArrayList<>();
    final LongArrayList notApplied = new LongArrayList();
    boolean record = true;
    long acceptedCount;
    SessionState state = SessionState.DISCONNECTED;

    public void onOrderAccepted(
        final long orderId, final long venueOrderId, final long transactTimeNs, final long rxTimestampNs)
    {
        acceptedCount++;
        if (record)
        {
            accepted.addLong(orderId);
        }
    }

    public void onFill(
        final long orderId,
        final long venueOrderId,
        final long execId,
        final long lastPrice,
        final long lastQty,
        final long leavesQty,
        final long cumQty,
        final long transactTimeNs,
        final long rxTimestampNs)
    {
    }

    public void onCanceled(
        final long requestId,
        final long orderId,
        final long venueOrderId,
        final long transactTimeNs,
        final long rxTimestampNs)
    {
    }

    public void onReplaced(
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final long price,
        final long orderQty,
        final long leavesQty,
        final long cumQty,
        final long transactTimeNs,
        final long rxTimestampNs)
    {
    }

    public void onOrderRejected(
        final long orderId, final int venueReasonCode, final long transactTimeNs, final long rxTimestampNs)
    {
    }

    public void onCancelOrReplaceRejected(
        final long requestId,
        final long origOrderId,
        final boolean replace,
        final int venueReasonCode,
        final long rxTimestampNs)
    {
    }

    public void onMassCancelReport(
        final long requestId, final boolean accepted, final int totalAffected, final long rxTimestampNs)
    {
    }

    public void onBusinessReject(final long refSeqNum, final int venueReasonCode, final long rxTimestampNs)
    {
    }

    public void onNotApplied(final long fromSeqNum, final int count, final long rxTimestampNs)
    {
        notApplied.addLong(fromSeqNum);
        notApplied.addLong(count);
    }

    public void onSessionState(final SessionState state, final int venueReasonCode, final long timestampNs)
    {
        this.state = state;
        states.add(state);
    }
}
