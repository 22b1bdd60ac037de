package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
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
    final LongArrayList stateReasons = new LongArrayList();
    final LongArrayList notApplied = new LongArrayList();
    final List<String> events = new ArrayList<>();
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
        final long mdTradeEntryId,
        final long lastPrice,
        final long lastQty,
        final long leavesQty,
        final long cumQty,
        final long transactTimeNs,
        final long rxTimestampNs)
    {
        events.add("fill order=" + orderId + " venueOrder=" + venueOrderId + " exec=" + execId + " px=" + lastPrice +
            " lastQty=" + lastQty + " leaves=" + leavesQty + " cum=" + cumQty + " time=" + transactTimeNs);
    }

    public void onCanceled(
        final long requestId,
        final long orderId,
        final long venueOrderId,
        final long transactTimeNs,
        final long rxTimestampNs)
    {
        events.add("canceled request=" + requestId + " order=" + orderId + " venueOrder=" + venueOrderId +
            " time=" + transactTimeNs);
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
        events.add("replaced request=" + requestId + " origOrder=" + origOrderId + " venueOrder=" + venueOrderId +
            " px=" + price + " qty=" + orderQty + " leaves=" + leavesQty + " cum=" + cumQty +
            " time=" + transactTimeNs);
    }

    public void onOrderRejected(
        final long orderId,
        final RejectReason reason,
        final int venueReasonCode,
        final long transactTimeNs,
        final long rxTimestampNs)
    {
        events.add("rejected order=" + orderId + " reason=" + venueReasonCode + " time=" + transactTimeNs);
    }

    public void onCancelOrReplaceRejected(
        final long requestId,
        final long origOrderId,
        final boolean replace,
        final RejectReason reason,
        final int venueReasonCode,
        final long rxTimestampNs)
    {
        events.add((replace ? "replace" : "cancel") + " refused request=" + requestId + " origOrder=" + origOrderId +
            " reason=" + venueReasonCode);
    }

    public void onOrderStatus(
        final long orderId,
        final long venueOrderId,
        final OrdStatus status,
        final long price,
        final long orderQty,
        final long cumQty,
        final long leavesQty,
        final long transactTimeNs,
        final long rxTimestampNs)
    {
        events.add("status order=" + orderId + " venueOrder=" + venueOrderId + " status=" + status + " cum=" + cumQty +
            " leaves=" + leavesQty);
    }

    public void onSessionAlarm(final SessionAlarm alarm, final long value, final long timestampNs)
    {
        events.add("alarm " + alarm + " value=" + value);
    }

    public void onMassCancelReport(
        final long requestId, final boolean accepted, final int totalAffected, final long rxTimestampNs)
    {
        events.add("mass cancel request=" + requestId + " accepted=" + accepted + " affected=" + totalAffected);
    }

    public void onBusinessReject(final long refSeqNum, final int venueReasonCode, final long rxTimestampNs)
    {
        events.add("business reject refSeqNum=" + refSeqNum + " reason=" + venueReasonCode);
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
        stateReasons.addLong(venueReasonCode);
    }
}
