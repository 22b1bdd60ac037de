package io.wirespeed.deploy;

import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.KillEncoder;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ResumeEncoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.SetLimitEncoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.AeronContext;
import io.wirespeed.config.RiskLimitsContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.StrategySample;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.ControlMac;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.sim.venue.VenueCounter;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategySettings;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.OrderPathRig.TICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order-path rig with what risk and kill-switch tests need: recording strategies {@code s1} and {@code s2}, a
 * tap on the execution stream that sees every risk decision, order sent and control ack (of any strategy id), a
 * control publication, a raw order publication for requests a strategy client would never send, and the venue's
 * and gateway's counters.
 */
final class RiskRig implements AutoCloseable
{
    static final int S1 = 11;
    static final int S2 = 12;

    final OrderPathRig rig;
    final Trader s1;
    final Trader s2;
    final ExecutionTap tap = new ExecutionTap();
    private final Subscription executions;
    private final ExclusivePublication control;
    private ControlMac operatorMac;
    private long lastControlNs;
    private final ExclusivePublication rawOrders;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();

    /**
     * A started, ready rig.
     *
     * @param dir    scratch directory.
     * @param adjust configuration changes over the order-path rig's.
     */
    RiskRig(final Path dir, final Consumer<WirespeedConfig> adjust)
    {
        rig = new OrderPathRig(dir, (config) ->
        {
            for (final StrategyContext strategy : config.strategies())
            {
                strategy.sample(StrategySample.NONE);  // only the scripted strategies trade
            }
            for (final RiskLimitsContext account : config.risk().accounts().values())
            {
                if (null != account.maxPosition() && null == account.maxOrderQty())
                {
                    // the shipped demo account's own position limit sits under the rig's generous order size
                    account.maxOrderQty(account.maxPosition());
                }
            }
            adjust.accept(config);
        });
        try
        {
            s1 = trader("s1");
            s2 = trader("s2");
            rig.awaitReady();
            final AeronContext aeron = rig.config.aeron();
            executions = rig.appliance.aeron.addSubscription(aeron.channel(), aeron.executionStreamId());
            control = rig.appliance.aeron.addExclusivePublication(aeron.channel(), aeron.controlStreamId());
            rawOrders = rig.appliance.aeron.addExclusivePublication(aeron.channel(), aeron.orderStreamId());
            pumpUntil(() -> executions.isConnected() && control.isConnected() && rawOrders.isConnected(),
                "test tap and publications connected");
        }
        catch (final RuntimeException | Error ex)
        {
            rig.close();
            throw ex;
        }
    }

    private Trader trader(final String name)
    {
        final Trader trader = new Trader();
        trader.client = StrategyClient.create(
            StrategySettings.from(rig.config, name), rig.appliance.aeron, (client) -> trader, rig.clock);
        rig.scripted.add(trader.client);
        return trader;
    }

    /**
     * Drive everything, reading the execution tap each pass, until the condition holds.
     *
     * @param condition what to wait for.
     * @param what      for the failure message.
     */
    void pumpUntil(final BooleanSupplier condition, final String what)
    {
        rig.pumpUntil(() ->
        {
            pollTap();
            return condition.getAsBoolean();
        }, what);
    }

    /**
     * Drive everything for a span of manual time, reading the execution tap each pass.
     *
     * @param nanos manual time to let pass.
     */
    void pumpFor(final long nanos)
    {
        final long endNs = rig.clock.nanoTime() + nanos;
        while (rig.clock.nanoTime() < endNs)
        {
            rig.pumpOnce();
            pollTap();
        }
    }

    /**
     * Drive until the gateway has decided every request it was sent and the decisions reached the tap and the
     * strategies.
     *
     * @param decisions how many decisions the tap must hold in all.
     */
    void awaitDecisions(final int decisions)
    {
        pumpUntil(() -> tap.decisions.size() >= decisions, decisions + " risk decisions");
        pumpFor(OrderPathRig.STEP_NS * 20);
    }

    /**
     * Let manual time pass in big steps, pumping once per step: rate windows empty without a pass per 20 µs.
     *
     * @param nanos manual time to let pass.
     */
    void skip(final long nanos)
    {
        final long stepNs = 5_000_000L;
        final long endNs = rig.clock.nanoTime() + nanos;
        while (rig.clock.nanoTime() < endNs)
        {
            rig.clock.advance(stepNs);
            rig.pumpOnce();
            pollTap();
        }
        pumpFor(OrderPathRig.STEP_NS * 50);
    }

    private void pollTap()
    {
        while (executions.poll(tap, 256) > 0)
        {
            // drain
        }
    }

    /**
     * Send a Kill on the control stream.
     *
     * @param scope    GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId strategy or account id, 0 for GLOBAL.
     */
    void kill(final ControlScope scope, final long targetId)
    {
        final KillEncoder encoder = new KillEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        encoder.scope(scope).targetId(targetId).operatorId(7).timestampNs(controlTimestampNs());
        signAndOffer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * Send a Resume on the control stream.
     *
     * @param scope    GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId strategy or account id, 0 for GLOBAL.
     */
    void resume(final ControlScope scope, final long targetId)
    {
        final ResumeEncoder encoder = new ResumeEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        encoder.scope(scope).targetId(targetId).operatorId(7).timestampNs(controlTimestampNs());
        signAndOffer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * Send a SetLimit on the control stream.
     *
     * @param scope     GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId  strategy or account id, 0 for GLOBAL.
     * @param limitType which limit.
     * @param value     its new value.
     */
    void setLimit(final ControlScope scope, final long targetId, final LimitType limitType, final long value)
    {
        final SetLimitEncoder encoder = new SetLimitEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        encoder.scope(scope).targetId(targetId).limitType(limitType).value(value).operatorId(7)
            .timestampNs(controlTimestampNs());
        signAndOffer(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * Sign the control message in the buffer with the running appliance's operator key, as wirespeed kill does, and
     * send it.
     */
    private void signAndOffer(final int length)
    {
        if (null == operatorMac)
        {
            operatorMac = new ControlMac(ControlKeys.forOperator(rig.config));
        }
        operatorMac.sign(buffer, 0);
        offer(control, length);
    }

    /**
     * The wall clock operators sign with, moved on a nanosecond per control message so the gateway takes each as new.
     */
    private long controlTimestampNs()
    {
        lastControlNs = Math.max(SystemEpochNanoClock.INSTANCE.nanoTime(), lastControlNs + 1);
        return lastControlNs;
    }

    /**
     * Publish a NewOrder on the order stream by hand, with any strategy id and client order id.
     */
    void rawNewOrder(
        final long strategyId,
        final long clOrdId,
        final int securityId,
        final Side side,
        final long price,
        final long qty)
    {
        final NewOrderEncoder encoder = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        encoder.strategyId(strategyId).clOrdId(clOrdId).securityId(securityId).side(side).ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY).price(price).qty(qty).triggerRxTimestampNs(0)
            .strategyTimestampNs(rig.clock.nanoTime());
        offer(rawOrders, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void offer(final ExclusivePublication publication, final int length)
    {
        for (int i = 0; i < 1_000; i++)
        {
            if (publication.offer(buffer, 0, length) > 0)
            {
                return;
            }
            rig.pumpOnce();
            pollTap();
        }
        throw new AssertionError("could not publish on stream " + publication.streamId());
    }

    /**
     * The best bid the strategies see for ES.
     *
     * @return price mantissa.
     */
    long bid()
    {
        return s1.client.book(ES).bestBid();
    }

    /**
     * The best offer the strategies see for ES.
     *
     * @return price mantissa.
     */
    long ask()
    {
        return s1.client.book(ES).bestAsk();
    }

    /**
     * The reference price the gateway's collar uses: the mid of the best bid and offer.
     *
     * @return price mantissa.
     */
    long mid()
    {
        final long bid = bid();
        return bid + (ask() - bid) / 2;
    }

    /**
     * A passive price: below the bid for a buy, above the offer for a sell.
     *
     * @param side  of the order.
     * @param ticks away from the touch on its own side.
     * @return price mantissa.
     */
    long passive(final Side side, final long ticks)
    {
        return Side.BUY == side ? bid() - ticks * TICK : ask() + ticks * TICK;
    }

    long venueReceived()
    {
        return rig.venue.orders.orders().receivedCount();
    }

    int venueOpen()
    {
        return rig.venue.orders.orders().openOrderCount();
    }

    /**
     * ClOrdIDs the venue received on the gateway's current session.
     *
     * @return the ids, as the venue journaled them.
     */
    Set<String> venueClOrdIds()
    {
        return rig.venue.orders.orders().clOrdIdsReceived(rig.appliance.session.uuid());
    }

    long counter(final GatewayCounter counter)
    {
        return counter(rig.appliance.counters.reader(), counter.typeId());
    }

    long counter(final VenueCounter counter)
    {
        return counter(rig.venue.counters.reader(), counter.typeId());
    }

    private static long counter(final CountersReader reader, final int typeId)
    {
        final long[] value = {Long.MIN_VALUE};
        reader.forEach((counterId, type, keyBuffer, label) ->
        {
            if (type == typeId)
            {
                value[0] = reader.getCounterValue(counterId);
            }
        });
        assertTrue(Long.MIN_VALUE != value[0], "no counter of type " + typeId);
        return value[0];
    }

    /**
     * Assert the venue saw exactly the new orders the gateway accepted: as many NewOrderSingles as accepted
     * decisions, every accepted order sent (OrderSent), and no refused order sent.
     *
     * @param venueBefore the venue's received count before the test's orders.
     */
    void assertOnlyAcceptedReachedVenue(final long venueBefore)
    {
        final Set<Key> acceptedNew = tap.acceptedNewOrders();
        final Set<Key> rejectedNew = tap.rejectedNewOrders();
        rejectedNew.removeAll(acceptedNew);  // a duplicate id is refused, the first order with it was not
        assertEquals(acceptedNew, tap.sent, "every accepted new order, and only those, sent to the venue");
        for (final Key key : rejectedNew)
        {
            assertTrue(!tap.sent.contains(key), "refused order sent: " + key);
        }
        pumpUntil(() -> venueReceived() - venueBefore >= acceptedNew.size(), "venue received the accepted orders");
        pumpFor(OrderPathRig.STEP_NS * 100);
        assertEquals(acceptedNew.size(), venueReceived() - venueBefore, "new orders the venue received");
        assertEquals(venueReceived(), venueClOrdIds().size(), "distinct ClOrdIDs journaled at the venue");
    }

    /**
     * Every request was refused by the gateway with the reason and its strategy was told: a REJECTED risk decision
     * with the reason reached it and, for a new order, its order table marked the order REJECTED with that reason.
     *
     * @param trader   the strategy that sent them.
     * @param clOrdIds the requests.
     * @param reason   the reason expected.
     */
    void assertRefused(final Trader trader, final Set<Long> clOrdIds, final RejectReason reason)
    {
        for (final long clOrdId : clOrdIds)
        {
            assertEquals(reason, trader.rejected.get(clOrdId), "strategy told why " + clOrdId + " was refused");
            final Decision decision = tap.decision(trader == s1 ? S1 : S2, clOrdId);
            assertNotNull(decision, "decision on " + clOrdId);
            assertEquals(RiskResult.REJECTED, decision.result());
            assertEquals(reason, decision.reason());
            if (NewOrderEncoder.TEMPLATE_ID == decision.requestTemplateId())
            {
                assertEquals(reason, trader.toldReason.get(clOrdId), "order table's reject reason");
                assertEquals(OrdStatus.REJECTED, trader.toldStatus.get(clOrdId), "order table's status");
                assertFalse(trader.sentToVenue.contains(clOrdId), "refused order sent: " + clOrdId);
            }
        }
    }

    /**
     * Every order was accepted and its strategy saw it leave for the venue.
     *
     * @param trader   the strategy that sent them.
     * @param clOrdIds the orders.
     */
    void assertAccepted(final Trader trader, final Set<Long> clOrdIds)
    {
        for (final long clOrdId : clOrdIds)
        {
            assertTrue(trader.accepted.contains(clOrdId),
                "accepted " + clOrdId + ", told " + trader.rejected.get(clOrdId));
            assertFalse(trader.rejected.containsKey(clOrdId));
            assertTrue(trader.sentToVenue.contains(clOrdId), "sent to the venue: " + clOrdId);
        }
    }

    public void close()
    {
        CloseHelper.closeAll(executions, control, rawOrders);
        rig.close();
    }

    /**
     * A strategy id and client order id.
     */
    record Key(long strategyId, long clOrdId)
    {
    }

    /**
     * One risk decision as the tap saw it.
     */
    record Decision(long strategyId, long clOrdId, int requestTemplateId, RiskResult result, RejectReason reason,
        long limitValue, long observedValue)
    {
    }

    /**
     * One control ack as the tap saw it.
     */
    record Ack(int controlTemplateId, ControlScope scope, long targetId, boolean applied, long openOrdersCanceled)
    {
    }

    /**
     * Everything the gateway published on the execution stream that the risk tests look at.
     */
    static final class ExecutionTap implements FragmentHandler
    {
        final List<Decision> decisions = new ArrayList<>();
        final Map<Key, Decision> lastDecision = new HashMap<>();
        final Set<Key> sent = new HashSet<>();
        final List<Ack> acks = new ArrayList<>();
        final List<Ack> finishedKills = new ArrayList<>();
        long canceledReports;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final RiskDecisionDecoder decision = new RiskDecisionDecoder();
        private final OrderSentDecoder orderSent = new OrderSentDecoder();
        private final ControlAckDecoder ack = new ControlAckDecoder();
        private final ExecutionReportDecoder report = new ExecutionReportDecoder();

        public void onFragment(
            final DirectBuffer buffer, final int offset, final int length, final Header aeronHeader)
        {
            header.wrap(buffer, offset);
            switch (header.templateId())
            {
                case RiskDecisionDecoder.TEMPLATE_ID:
                {
                    decision.wrapAndApplyHeader(buffer, offset, header);
                    final Decision d = new Decision(decision.strategyId(), decision.clOrdId(),
                        decision.requestTemplateId(), decision.result(), decision.rejectReason(),
                        decision.limitValue(), decision.observedValue());
                    decisions.add(d);
                    lastDecision.put(new Key(d.strategyId(), d.clOrdId()), d);
                    break;
                }
                case OrderSentDecoder.TEMPLATE_ID:
                    orderSent.wrapAndApplyHeader(buffer, offset, header);
                    sent.add(new Key(orderSent.strategyId(), orderSent.clOrdId()));
                    break;
                case ControlAckDecoder.TEMPLATE_ID:
                {
                    ack.wrapAndApplyHeader(buffer, offset, header);
                    final Ack a = new Ack(ack.controlTemplateId(), ack.scope(), ack.targetId(),
                        BooleanFlag.TRUE == ack.applied(), ack.openOrdersCanceled());
                    if (BooleanFlag.TRUE == ack.complete() && ack.canceled() > 0)
                    {
                        finishedKills.add(a);  // a kill's second answer: every order it latched has finished
                    }
                    else
                    {
                        acks.add(a);
                    }
                    break;
                }
                case ExecutionReportDecoder.TEMPLATE_ID:
                    report.wrapAndApplyHeader(buffer, offset, header);
                    if (ExecType.CANCELED == report.execType())
                    {
                        canceledReports++;
                    }
                    break;
                default:
                    break;
            }
        }

        Decision decision(final long strategyId, final long clOrdId)
        {
            return lastDecision.get(new Key(strategyId, clOrdId));
        }

        Set<Key> acceptedNewOrders()
        {
            final Set<Key> keys = new HashSet<>();
            for (final Decision d : decisions)
            {
                if (NewOrderEncoder.TEMPLATE_ID == d.requestTemplateId() && RiskResult.ACCEPTED == d.result())
                {
                    keys.add(new Key(d.strategyId(), d.clOrdId()));
                }
            }
            return keys;
        }

        Set<Key> rejectedNewOrders()
        {
            final Set<Key> keys = new HashSet<>();
            for (final Decision d : decisions)
            {
                if (NewOrderEncoder.TEMPLATE_ID == d.requestTemplateId() && RiskResult.REJECTED == d.result())
                {
                    keys.add(new Key(d.strategyId(), d.clOrdId()));
                }
            }
            return keys;
        }

        Ack lastAck()
        {
            return acks.isEmpty() ? null : acks.get(acks.size() - 1);
        }
    }
}
