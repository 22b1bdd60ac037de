package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every outcome of the order logic for assertions.
 */
final class RecordingOutput implements GatewayOutput
{
    record Decision(
        long strategyId,
        long clOrdId,
        int securityId,
        int templateId,
        RejectReason reason,
        long limitValue,
        long observedValue,
        long triggerRxTimestampNs,
        long gatewayRxTimestampNs)
    {
    }

    record Sent(long strategyId, long clOrdId, long venueSeqNum, long triggerRxTimestampNs, long txTimestampNs)
    {
    }

    record Report(
        long strategyId,
        long clOrdId,
        long origClOrdId,
        long venueOrderId,
        ExecType execType,
        OrdStatus ordStatus,
        RejectReason reason,
        int venueRejectCode,
        long price,
        long orderQty,
        long lastQty,
        long leavesQty,
        long cumQty,
        long triggerRxTimestampNs,
        long lastPrice,
        long execId,
        long mdTradeEntryId)
    {
    }

    record Ack(
        int templateId,
        ControlScope scope,
        long targetId,
        boolean applied,
        long openOrdersCanceled,
        ControlRefusal refusal,
        long cancelsSent,
        long canceled,
        boolean complete,
        String operator)
    {
    }

    final List<Decision> decisions = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final List<Report> reports = new ArrayList<>();
    final List<SessionState> sessionStates = new ArrayList<>();
    final List<SessionAlarm> alarms = new ArrayList<>();
    final List<Ack> acks = new ArrayList<>();

    public void onRiskDecision(
        final long strategyId,
        final long clOrdId,
        final int securityId,
        final int requestTemplateId,
        final RejectReason reason,
        final long limitValue,
        final long observedValue,
        final long triggerRxTimestampNs,
        final long gatewayRxTimestampNs,
        final long decisionTimestampNs)
    {
        decisions.add(new Decision(strategyId, clOrdId, securityId, requestTemplateId, reason, limitValue,
            observedValue, triggerRxTimestampNs, gatewayRxTimestampNs));
    }

    public void onOrderSent(
        final long strategyId,
        final long clOrdId,
        final int securityId,
        final long venueSeqNum,
        final long triggerRxTimestampNs,
        final long strategyTimestampNs,
        final long gatewayRxTimestampNs,
        final long txTimestampNs)
    {
        sent.add(new Sent(strategyId, clOrdId, venueSeqNum, triggerRxTimestampNs, txTimestampNs));
    }

    public void onExecutionReport(final Execution r)
    {
        reports.add(new Report(r.strategyId(), r.clOrdId(), r.origClOrdId(), r.venueOrderId(), r.execType(),
            r.ordStatus(), r.rejectReason(), r.venueRejectCode(), r.price(), r.orderQty(), r.lastQty(),
            r.leavesQty(), r.cumQty(), r.triggerRxTimestampNs(), r.lastPrice(), r.execId(), r.mdTradeEntryId()));
    }

    public void onControlAck(
        final int controlTemplateId,
        final ControlScope scope,
        final long targetId,
        final ControlRefusal refusal,
        final long openOrders,
        final long cancelsSent,
        final long canceled,
        final boolean complete,
        final byte[] operator,
        final long timestampNs)
    {
        acks.add(new Ack(controlTemplateId, scope, targetId, ControlRefusal.NONE == refusal, openOrders, refusal,
            cancelsSent, canceled, complete, new String(operator, StandardCharsets.US_ASCII).replace("\0", "")));
    }

    public void onSessionEvent(
        final SessionState state,
        final long uuid,
        final long nextSentSeqNum,
        final long nextReceivedSeqNum,
        final int venueReasonCode,
        final long timestampNs,
        final SessionAlarm alarm,
        final long alarmValue)
    {
        if (SessionAlarm.NONE == alarm)
        {
            sessionStates.add(state);
        }
        else
        {
            alarms.add(alarm);
        }
    }

    Decision lastDecision()
    {
        return decisions.get(decisions.size() - 1);
    }

    Report lastReport()
    {
        return reports.get(reports.size() - 1);
    }

    Ack lastAck()
    {
        return acks.get(acks.size() - 1);
    }

    void clear()
    {
        decisions.clear();
        sent.clear();
        reports.clear();
        acks.clear();
        alarms.clear();
    }
}
