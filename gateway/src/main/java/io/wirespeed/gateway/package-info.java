/**
 * The order gateway: strategy order intake, pre-trade risk, kill switch, order state machine, the iLink 3-style
 * venue session and its transport.
 * <p>
 * Answers are never dropped silently. Every answer to a strategy (ExecutionReport, RiskDecision, OrderSent) carries
 * that strategy's streamSeq; one the execution publication refuses after its retries is held in the strategy's
 * bounded {@code AnswerBacklog} behind those already held and offered again, in order, first in
 * every duty cycle ({@link io.wirespeed.gateway.OrderGatewayLogic#deliverHeldAnswers()}). A strategy whose backlog
 * passes three quarters full is cut off: a strategy-scope kill (new orders refused, open orders canceled at the
 * venue, a ControlAck), latched until an operator resumes it; the last quarter holds the cancels' reports. Only an
 * answer that finds the backlog full is lost, counted ({@code ANSWERS_LOST}), and the strategy sees the gap.
 */
package io.wirespeed.gateway;
