package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.ControlAckEncoder;
import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.SessionAlarm;
import io.wirespeed.codecs.internal.SessionEventEncoder;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.ExecutionReportEncoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.OrderSentEncoder;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.RiskDecisionEncoder;
import io.wirespeed.codecs.internal.RiskResult;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes the order logic's outcomes as internal-schema messages (ExecutionReport, RiskDecision, OrderSent,
 * ControlAck, SessionEvent) into one reused buffer and hands each to a sink, counting what went and what was dropped.
 * <p>
 * Answers to a configured strategy (ExecutionReport, RiskDecision, OrderSent) carry that strategy's streamSeq and are
 * never dropped for back pressure: one the sink refuses is held in the strategy's {@link AnswerBacklog}, as is every
 * later one until the held ones are delivered, in order, by {@link #deliverHeld()} each duty cycle. A strategy whose
 * backlog passes three quarters full is cut off ({@link #takeStrategyToCutOff()}). Only an answer that finds its
 * backlog full is lost (counted; the strategy sees the gap in streamSeq).
 */
public final class EncodingGatewayOutput implements GatewayOutput
{
    /** Answers held per strategy while it cannot take them, unless configured. */
    public static final int ANSWER_BACKLOG_CAPACITY_DEFAULT = 4096;

    private static final int BUFFER_LENGTH = 512;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(BUFFER_LENGTH));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportEncoder executionReport = new ExecutionReportEncoder();
    private final RiskDecisionEncoder riskDecision = new RiskDecisionEncoder();
    private final OrderSentEncoder orderSent = new OrderSentEncoder();
    private final ControlAckEncoder controlAck = new ControlAckEncoder();
    private final SessionEventEncoder sessionEvent = new SessionEventEncoder();
    private final MessageSink sink;
    private final GatewayCounters counters;
    private final EpochNanoClock clock;
    private final AnswerBacklog[] backlogs;
    private long otherStreamSeq = 1;

    /**
     * An output over a sink that holds no answers: what the sink refuses is dropped, counted.
     *
     * @param sink     where encoded messages go.
     * @param counters count publications and drops.
     * @param clock    stamps the publish time of execution reports.
     */
    public EncodingGatewayOutput(final MessageSink sink, final GatewayCounters counters, final EpochNanoClock clock)
    {
        this(sink, counters, clock, new long[0], 1);
    }

    /**
     * An output over a sink that holds each strategy's answers while the sink refuses them.
     *
     * @param sink            where encoded messages go.
     * @param counters        count publications, holds, drops.
     * @param clock           stamps the publish time of execution reports.
     * @param strategyIds     the configured strategies, each given a backlog.
     * @param backlogCapacity answers held per strategy.
     */
    public EncodingGatewayOutput(
        final MessageSink sink,
        final GatewayCounters counters,
        final EpochNanoClock clock,
        final long[] strategyIds,
        final int backlogCapacity)
    {
        this.sink = sink;
        this.counters = counters;
        this.clock = clock;
        backlogs = new AnswerBacklog[strategyIds.length];
        for (int i = 0; i < strategyIds.length; i++)
        {
            backlogs[i] = new AnswerBacklog(strategyIds[i], backlogCapacity);
        }
    }

    /**
     * {@inheritDoc}
     */
    public int deliverHeld()
    {
        int delivered = 0;
        for (final AnswerBacklog backlog : backlogs)
        {
            if (!backlog.isEmpty())
            {
                delivered += backlog.drain(sink);
            }
        }
        if (delivered > 0)
        {
            counters.add(GatewayCounter.ANSWERS_DELIVERED_LATE, delivered);
        }
        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public long takeStrategyToCutOff()
    {
        for (final AnswerBacklog backlog : backlogs)
        {
            if (backlog.takeCutOffDue())
            {
                return backlog.strategyId();
            }
        }
        return 0;
    }

    /**
     * Answers held for a strategy, not yet delivered.
     *
     * @param strategyId of the strategy.
     * @return answers held, 0 for a strategy without a backlog.
     */
    public int heldAnswers(final long strategyId)
    {
        final AnswerBacklog backlog = backlog(strategyId);
        return null == backlog ? 0 : backlog.size();
    }

    /**
     * {@inheritDoc}
     */
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
        riskDecision.wrapAndApplyHeader(buffer, 0, header)
            .strategyId(strategyId)
            .clOrdId(clOrdId)
            .securityId(securityId)
            .requestTemplateId(requestTemplateId)
            .result(RejectReason.NONE == reason ? RiskResult.ACCEPTED : RiskResult.REJECTED)
            .rejectReason(reason)
            .limitValue(limitValue)
            .observedValue(observedValue)
            .triggerRxTimestampNs(triggerRxTimestampNs)
            .gatewayRxTimestampNs(gatewayRxTimestampNs)
            .decisionTimestampNs(decisionTimestampNs);
        final AnswerBacklog backlog = backlog(strategyId);
        riskDecision.streamSeq(takeStreamSeq(backlog));
        answer(backlog, MessageHeaderEncoder.ENCODED_LENGTH + riskDecision.encodedLength(),
            GatewayCounter.RISK_DECISIONS_PUBLISHED);
    }

    /**
     * {@inheritDoc}
     */
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
        orderSent.wrapAndApplyHeader(buffer, 0, header)
            .strategyId(strategyId)
            .clOrdId(clOrdId)
            .securityId(securityId)
            .venueSeqNum(venueSeqNum)
            .triggerRxTimestampNs(triggerRxTimestampNs)
            .strategyTimestampNs(strategyTimestampNs)
            .gatewayRxTimestampNs(gatewayRxTimestampNs)
            .txTimestampNs(txTimestampNs);
        final AnswerBacklog backlog = backlog(strategyId);
        orderSent.streamSeq(takeStreamSeq(backlog));
        answer(backlog, MessageHeaderEncoder.ENCODED_LENGTH + orderSent.encodedLength(), null);
    }

    /**
     * {@inheritDoc}
     */
    public void onExecutionReport(final Execution report)
    {
        executionReport.wrapAndApplyHeader(buffer, 0, header)
            .strategyId(report.strategyId)
            .clOrdId(report.clOrdId)
            .origClOrdId(report.origClOrdId)
            .orderId(report.venueOrderId)
            .securityId(report.securityId)
            .side(report.side)
            .execType(report.execType)
            .ordStatus(report.ordStatus)
            .rejectReason(report.rejectReason)
            .venueRejectCode(report.venueRejectCode)
            .price(report.price)
            .orderQty(report.orderQty)
            .lastPrice(report.lastPrice)
            .lastQty(report.lastQty)
            .leavesQty(report.leavesQty)
            .cumQty(report.cumQty)
            .execId(report.execId)
            .venueTransactTimeNs(report.venueTransactTimeNs)
            .triggerRxTimestampNs(report.triggerRxTimestampNs)
            .gatewayRxTimestampNs(report.gatewayRxTimestampNs)
            .publishTimestampNs(clock.nanoTime())
            .mdTradeEntryId(report.mdTradeEntryId);
        final AnswerBacklog backlog = backlog(report.strategyId);
        executionReport.streamSeq(takeStreamSeq(backlog));
        answer(backlog, MessageHeaderEncoder.ENCODED_LENGTH + executionReport.encodedLength(),
            GatewayCounter.EXEC_REPORTS_PUBLISHED);
    }

    /**
     * {@inheritDoc}
     */
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
        controlAck.wrapAndApplyHeader(buffer, 0, header)
            .controlTemplateId(controlTemplateId)
            .scope(scope)
            .targetId(targetId)
            .applied(ControlRefusal.NONE == refusal ? BooleanFlag.TRUE : BooleanFlag.FALSE)
            .openOrdersCanceled(openOrders)
            .timestampNs(timestampNs)
            .cancelsSent(cancelsSent)
            .canceled(canceled)
            .complete(complete ? BooleanFlag.TRUE : BooleanFlag.FALSE)
            .refusal(refusal)
            .putOperatorName(operator, 0);
        send(MessageHeaderEncoder.ENCODED_LENGTH + controlAck.encodedLength(), null);
    }

    /**
     * {@inheritDoc}
     */
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
        sessionEvent.wrapAndApplyHeader(buffer, 0, header)
            .state(state)
            .uuid(uuid)
            .nextSentSeqNum(nextSentSeqNum)
            .nextReceivedSeqNum(nextReceivedSeqNum)
            .venueReasonCode(venueReasonCode)
            .timestampNs(timestampNs)
            .alarm(alarm)
            .alarmValue(alarmValue);
        send(MessageHeaderEncoder.ENCODED_LENGTH + sessionEvent.encodedLength(), null);
    }

    private AnswerBacklog backlog(final long strategyId)
    {
        for (final AnswerBacklog backlog : backlogs)
        {
            if (backlog.strategyId() == strategyId)
            {
                return backlog;
            }
        }
        return null;
    }

    private long takeStreamSeq(final AnswerBacklog backlog)
    {
        return null == backlog ? otherStreamSeq++ : backlog.takeStreamSeq();
    }

    /**
     * An answer to a strategy goes behind those held for it; one the sink refuses is held, never dropped while the
     * backlog has room.
     */
    private void answer(final AnswerBacklog backlog, final int length, final GatewayCounter publishedCounter)
    {
        if (null == backlog)
        {
            send(length, publishedCounter);
            return;
        }
        if (backlog.isEmpty() && sink.offer(buffer, 0, length))
        {
            if (null != publishedCounter)
            {
                counters.increment(publishedCounter);
            }
        }
        else if (backlog.hold(buffer, 0, length))
        {
            counters.increment(GatewayCounter.ANSWERS_HELD);
            if (null != publishedCounter)
            {
                counters.increment(publishedCounter);
            }
        }
        else
        {
            counters.increment(GatewayCounter.ANSWERS_LOST);
        }
    }

    private void send(final int length, final GatewayCounter publishedCounter)
    {
        if (sink.offer(buffer, 0, length))
        {
            if (null != publishedCounter)
            {
                counters.increment(publishedCounter);
            }
        }
        else
        {
            counters.increment(GatewayCounter.OFFER_FAILURES);
        }
    }
}
