package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.RejectReason;

/**
 * Where the order logic's outcomes go: risk decisions, order-sent stamps and execution reports for the strategies,
 * and answers to control messages.
 */
public interface GatewayOutput
{
    /**
     * The pre-trade outcome of one request.
     *
     * @param strategyId           strategy that sent the request.
     * @param clOrdId              client order id of the request.
     * @param securityId           venue security id.
     * @param requestTemplateId    template id of the NewOrder, CancelOrder or ReplaceOrder.
     * @param reason               {@link RejectReason#NONE} when accepted, else why it was refused.
     * @param limitValue           the limit breached, in its own units, else 0.
     * @param observedValue        what the request would have made it, else 0.
     * @param triggerRxTimestampNs rx time of the tick that caused the request.
     * @param gatewayRxTimestampNs when the gateway took the request.
     * @param decisionTimestampNs  when the gateway decided.
     */
    void onRiskDecision(
        long strategyId,
        long clOrdId,
        int securityId,
        int requestTemplateId,
        RejectReason reason,
        long limitValue,
        long observedValue,
        long triggerRxTimestampNs,
        long gatewayRxTimestampNs,
        long decisionTimestampNs);

    /**
     * An order left for the venue: the tick-to-trade stamp.
     *
     * @param strategyId           strategy that owns the order.
     * @param clOrdId              client order id.
     * @param securityId           venue security id.
     * @param venueSeqNum          venue sequence number the order went out with.
     * @param triggerRxTimestampNs rx time of the tick that caused the order.
     * @param strategyTimestampNs  when the strategy sent it.
     * @param gatewayRxTimestampNs when the gateway took it.
     * @param txTimestampNs        when the venue session returned from sending it.
     */
    void onOrderSent(
        long strategyId,
        long clOrdId,
        int securityId,
        long venueSeqNum,
        long triggerRxTimestampNs,
        long strategyTimestampNs,
        long gatewayRxTimestampNs,
        long txTimestampNs);

    /**
     * An order's state changed.
     *
     * @param report the report's fields, valid only during the call.
     */
    void onExecutionReport(Execution report);

    /**
     * The answer to a control message, the notice of an automatic kill, or a kill's progress.
     *
     * @param controlTemplateId template id of the Kill, Resume or SetLimit.
     * @param scope             scope it named.
     * @param targetId          strategy or account id, 0 for GLOBAL.
     * @param refusal           NONE when it took effect, else why not.
     * @param openOrders        open orders a kill latched to cancel.
     * @param cancelsSent       of those, with a cancel sent to the venue so far.
     * @param canceled          of those, finished at the venue so far.
     * @param complete          whether every latched order has finished.
     * @param operator          the operator's name, NUL-padded, {@link ControlIntake#OPERATOR_LENGTH} bytes.
     * @param timestampNs       when it was applied.
     */
    void onControlAck(
        int controlTemplateId,
        ControlScope scope,
        long targetId,
        ControlRefusal refusal,
        long openOrders,
        long cancelsSent,
        long canceled,
        boolean complete,
        byte[] operator,
        long timestampNs);

    /**
     * The venue session changed state or raised an alarm.
     *
     * @param state              the (new) state.
     * @param uuid               the session's UUID.
     * @param nextSentSeqNum     next outbound sequence number.
     * @param nextReceivedSeqNum next inbound sequence number expected.
     * @param venueReasonCode    the venue's reason code, 0 if none.
     * @param timestampNs        when it changed.
     * @param alarm              the alarm raised, NONE for a state change.
     * @param alarmValue         what the alarm concerns (a UUID or a sequence number), else 0.
     */
    void onSessionEvent(
        SessionState state,
        long uuid,
        long nextSentSeqNum,
        long nextReceivedSeqNum,
        int venueReasonCode,
        long timestampNs,
        SessionAlarm alarm,
        long alarmValue);

    /**
     * Offer again the answers held for strategies that could not take them, in order; called every duty cycle.
     *
     * @return answers delivered.
     */
    default int deliverHeld()
    {
        return 0;
    }

    /**
     * A strategy whose held answers passed the cut-off mark since the last call, to be cut off.
     *
     * @return its id, or 0 for none.
     */
    default long takeStrategyToCutOff()
    {
        return 0;
    }
}
