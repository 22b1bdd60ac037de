package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.gateway.venue.VenueListener;

import java.util.ArrayList;
import java.util.List;

/**
 * A venue listener that records what the session delivers, for assertions on what arrived, once and in order.
 */
final class RecordingVenueListener implements VenueListener
{
    record Fill(long orderId, long execId, long mdTradeEntryId, long lastQty, long cumQty)
    {
    }

    record Reject(long orderId, RejectReason reason, int venueReasonCode)
    {
    }

    record Status(long orderId, long venueOrderId, OrdStatus status, long cumQty, long leavesQty)
    {
    }

    record Alarm(SessionAlarm alarm, long value)
    {
    }

    final List<Fill> fills = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    final List<Status> statuses = new ArrayList<>();
    final List<Alarm> alarms = new ArrayList<>();
    final List<SessionState> states = new ArrayList<>();

    public void onOrderAccepted(final long orderId, final long venueOrderId, final long time, final long rx)
    {
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
        fills.add(new Fill(orderId, execId, mdTradeEntryId, lastQty, cumQty));
    }

    public void onCanceled(
        final long requestId, final long orderId, final long venueOrderId, final long time, final long rx)
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
        final long orderId, final RejectReason reason, final int code, final long time, final long rx)
    {
        rejects.add(new Reject(orderId, reason, code));
    }

    public void onCancelOrReplaceRejected(
        final long requestId,
        final long origOrderId,
        final boolean replace,
        final RejectReason reason,
        final int code,
        final long rx)
    {
        rejects.add(new Reject(origOrderId, reason, code));
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
        statuses.add(new Status(orderId, venueOrderId, status, cumQty, leavesQty));
    }

    public void onMassCancelReport(final long requestId, final boolean accepted, final int total, final long rx)
    {
    }

    public void onBusinessReject(final long refSeqNum, final int reason, final long rx)
    {
    }

    public void onNotApplied(final long fromSeqNum, final int count, final long rx)
    {
    }

    public void onSessionState(final SessionState state, final int reason, final long timestampNs)
    {
        states.add(state);
    }

    public void onSessionAlarm(final SessionAlarm alarm, final long value, final long timestampNs)
    {
        alarms.add(new Alarm(alarm, value));
    }

    List<Long> execIds()
    {
        final List<Long> ids = new ArrayList<>();
        for (final Fill fill : fills)
        {
            ids.add(fill.execId());
        }
        return ids;
    }
}
