package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.CancelOrderDecoder;
import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ReplaceOrderDecoder;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.GatewayContext;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.RiskContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.gateway.venue.VenueSession;
import io.wirespeed.nic.tap.JournalTap;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The gateway's order logic, without transport: validates and risk-checks strategy requests, sends them through the
 * venue session, keeps order state and positions from the venue's reports, and runs the kill switch and run-time
 * limits; every outcome goes to a {@link GatewayOutput}.
 */
public final class OrderGatewayLogic
{
    private static final byte[] SHUTDOWN_OPERATOR = Arrays.copyOf(
        "shutdown".getBytes(StandardCharsets.US_ASCII), ControlIntake.OPERATOR_LENGTH);

    /** Orders the pool holds unless configured otherwise. */
    public static final int ORDER_CAPACITY_DEFAULT = 16 * 1024;

    /** Venue session limit on new orders per second, across strategies, until configured or changed by SetLimit. */
    public static final long VENUE_MAX_ORDERS_PER_SECOND_DEFAULT = GatewayContext.VENUE_MAX_ORDERS_PER_SECOND_DEFAULT;

    /** Venue session limit on messages per second, across strategies, until configured or changed by SetLimit. */
    public static final long VENUE_MAX_MESSAGES_PER_SECOND_DEFAULT =
        GatewayContext.VENUE_MAX_MESSAGES_PER_SECOND_DEFAULT;

    private static final int NEW_ORDER = NewOrderDecoder.TEMPLATE_ID;
    private static final int CANCEL_ORDER = CancelOrderDecoder.TEMPLATE_ID;
    private static final int REPLACE_ORDER = ReplaceOrderDecoder.TEMPLATE_ID;

    private final EpochNanoClock clock;
    private final VenueSession venue;
    private final GatewayOutput output;
    private final GatewayCounters counters;
    private final Registry registry;
    private final Instruments instruments;
    private final ReferencePrices referencePrices;
    private final Orders orders;
    private final OrderValidator validator;
    private final PreTradeRisk risk;
    private final RequestIds requestIds;
    private final KillSwitch killSwitch;
    private final GatewayControl control;
    private final OrderEvents events;
    private final GatewayState state;
    private final StateJournal journal;
    private final VenueRecovery recovery;

    /**
     * Order logic over configured instruments, strategies and limits.
     *
     * @param instrumentContexts instruments that may be traded.
     * @param strategyContexts   strategies whose orders are accepted.
     * @param riskContext        default, strategy and account limits.
     * @param cancelOnDisconnect cancel a strategy's open orders when it disconnects.
     * @param venueFactory       builds the venue session orders go to, given the listener it reports to.
     * @param output             where outcomes go.
     * @param counters           the gateway's counters.
     * @param clock              stamps every outcome.
     * @param orderCapacity      most orders live at once.
     * @param firstRequestId     first gateway order id, so ids stay unique across restarts.
     */
    public OrderGatewayLogic(
        final List<InstrumentContext> instrumentContexts,
        final List<StrategyContext> strategyContexts,
        final RiskContext riskContext,
        final boolean cancelOnDisconnect,
        final Function<VenueListener, VenueSession> venueFactory,
        final GatewayOutput output,
        final GatewayCounters counters,
        final EpochNanoClock clock,
        final int orderCapacity,
        final long firstRequestId)
    {
        this(instrumentContexts, strategyContexts, riskContext, cancelOnDisconnect, venueFactory, output, counters,
            clock, orderCapacity, firstRequestId, null);
    }

    /**
     * Order logic that journals its state changes (GATEWAY_STATE records) through a tap, so a restart can restore
     * from them ({@link GatewayStateFold}, {@link #restore(RestoredGatewayState)}).
     *
     * @param instrumentContexts instruments that may be traded.
     * @param strategyContexts   strategies whose orders are accepted.
     * @param riskContext        default, strategy and account limits.
     * @param cancelOnDisconnect cancel a strategy's open orders when it disconnects.
     * @param venueFactory       builds the venue session orders go to, given the listener it reports to.
     * @param output             where outcomes go.
     * @param counters           the gateway's counters.
     * @param clock              stamps every outcome.
     * @param orderCapacity      most orders live at once.
     * @param firstRequestId     first gateway order id, so ids stay unique across restarts.
     * @param tap                the gateway thread's journal tap, or null for no journal.
     */
    public OrderGatewayLogic(
        final List<InstrumentContext> instrumentContexts,
        final List<StrategyContext> strategyContexts,
        final RiskContext riskContext,
        final boolean cancelOnDisconnect,
        final Function<VenueListener, VenueSession> venueFactory,
        final GatewayOutput output,
        final GatewayCounters counters,
        final EpochNanoClock clock,
        final int orderCapacity,
        final long firstRequestId,
        final JournalTap tap)
    {
        this.clock = clock;
        this.output = output;
        this.counters = counters;
        registry = new Registry(instrumentContexts, strategyContexts, riskContext, orderCapacity);
        instruments = registry.instruments;
        referencePrices = new ReferencePrices(instruments.count());
        orders = new Orders(orderCapacity);
        validator = new OrderValidator(instruments);
        final Limits venueLimits = new Limits(RiskContext.LIMITS_DEFAULT);
        venueLimits.maxOrdersPerSecond = VENUE_MAX_ORDERS_PER_SECOND_DEFAULT;
        venueLimits.maxMessagesPerSecond = VENUE_MAX_MESSAGES_PER_SECOND_DEFAULT;
        risk = new PreTradeRisk(instruments, referencePrices, venueLimits);
        journal = new StateJournal(tap);
        requestIds = new RequestIds(firstRequestId, journal, clock);
        killSwitch = new KillSwitch(orders, risk, counters, requestIds, output);
        control = new GatewayControl(registry, killSwitch, risk, output, counters, cancelOnDisconnect, journal);
        recovery = new VenueRecovery(orders, killSwitch, requestIds, output, counters, instruments.count(), journal);
        events = new OrderEvents(orders, output, counters, killSwitch, new Execution(), recovery, journal);
        venue = venueFactory.apply(events);
        killSwitch.venue(venue);
        recovery.venue(venue);
        events.venue(venue);
        events.onSessionState(venue.state(), 0, clock.nanoTime());
        state = new GatewayState(registry, orders, risk, killSwitch);
    }

    /**
     * Order logic for a concluded configuration.
     *
     * @param config       concluded configuration.
     * @param venueFactory builds the venue session orders go to, given the listener it reports to.
     * @param output   where outcomes go.
     * @param counters the gateway's counters.
     * @param clock    stamps every outcome.
     * @return the logic.
     */
    public static OrderGatewayLogic create(
        final WirespeedConfig config,
        final Function<VenueListener, VenueSession> venueFactory,
        final GatewayOutput output,
        final GatewayCounters counters,
        final EpochNanoClock clock)
    {
        return create(config, venueFactory, output, counters, clock, null);
    }

    /**
     * Order logic for a concluded configuration, journaling its state changes through a tap.
     *
     * @param config       concluded configuration.
     * @param venueFactory builds the venue session orders go to, given the listener it reports to.
     * @param output       where outcomes go.
     * @param counters     the gateway's counters.
     * @param clock        stamps every outcome.
     * @param tap          the gateway thread's journal tap, or null for no journal.
     * @return the logic.
     */
    public static OrderGatewayLogic create(
        final WirespeedConfig config,
        final Function<VenueListener, VenueSession> venueFactory,
        final GatewayOutput output,
        final GatewayCounters counters,
        final EpochNanoClock clock,
        final JournalTap tap)
    {
        final OrderGatewayLogic logic = new OrderGatewayLogic(config.instruments(), config.strategies(),
            config.risk(), config.gateway().cancelOnDisconnect(), venueFactory, output, counters, clock,
            ORDER_CAPACITY_DEFAULT, clock.nanoTime() / 1_000, tap);
        logic.venueThrottle(config.gateway().venueMaxOrdersPerSecond(), config.gateway().venueMaxMessagesPerSecond());
        logic.referencePriceMaxAgeNs(TimeUnit.MILLISECONDS.toNanos(config.gateway().referencePriceMaxAgeMs()));
        return logic;
    }

    /**
     * Set the venue-session throttles, across all strategies (a GLOBAL SetLimit of a rate changes them too).
     *
     * @param maxOrdersPerSecond   new orders and replaces in any one-second window.
     * @param maxMessagesPerSecond business messages in any one-second window.
     */
    public void venueThrottle(final long maxOrdersPerSecond, final long maxMessagesPerSecond)
    {
        risk.venueLimits().maxOrdersPerSecond = maxOrdersPerSecond;
        risk.venueLimits().maxMessagesPerSecond = maxMessagesPerSecond;
    }

    /**
     * A strategy asks for a new order.
     *
     * @param strategyId           sender.
     * @param clOrdId              its id for the order.
     * @param securityId           venue security id.
     * @param side                 buy or sell, NULL_VAL when the message carried neither.
     * @param ordType              limit or market.
     * @param timeInForce          time in force.
     * @param price                limit price mantissa, or the null price.
     * @param qty                  quantity.
     * @param triggerRxTimestampNs rx time of the tick that caused it.
     * @param strategyTimestampNs  when the strategy sent it.
     */
    public void onNewOrder(
        final long strategyId,
        final long clOrdId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty,
        final long triggerRxTimestampNs,
        final long strategyTimestampNs)
    {
        final long rxNs = clock.nanoTime();
        counters.increment(GatewayCounter.ORDERS_RECEIVED);
        final Strategy strategy = registry.strategy(strategyId);
        RejectReason reason = RejectReason.NONE;
        long limit = 0;
        long observed = 0;
        int instrument = Instruments.UNKNOWN;
        if (null == strategy)
        {
            reason = RejectReason.UNKNOWN_STRATEGY;
        }
        else if (killSwitch.blocks(strategy))
        {
            reason = RejectReason.KILL_SWITCH;
        }
        else if (strategy.ordersByClOrdId.containsKey(clOrdId))
        {
            reason = RejectReason.DUPLICATE_CLORDID;
        }
        else
        {
            instrument = instruments.index(securityId);
            reason = validator.validate(strategy, instrument, side, ordType, timeInForce, price, qty);
            limit = validator.limitValue;
            observed = validator.observedValue;
        }
        if (RejectReason.NONE == reason && recovery.isReconciling())
        {
            reason = RejectReason.RECONCILING;
        }
        if (RejectReason.NONE == reason && SessionState.ESTABLISHED != venue.state())
        {
            reason = RejectReason.SESSION_NOT_ESTABLISHED;
        }
        if (RejectReason.NONE == reason && !journal.hasRoomForNewOrder())
        {
            reason = RejectReason.JOURNAL_BEHIND;
        }
        if (RejectReason.NONE == reason)
        {
            reason = risk.check(strategy, instrument, side, ordType, price, qty, qty, true, rxNs);
            limit = risk.limitValue;
            observed = risk.observedValue;
        }
        if (RejectReason.NONE != reason)
        {
            reject(strategy, strategyId, clOrdId, securityId, NEW_ORDER, reason, limit, observed,
                triggerRxTimestampNs, rxNs);
            return;
        }

        final Order order = orders.acquire();
        if (null == order)
        {
            counters.increment(GatewayCounter.ORDER_POOL_EXHAUSTED);
            reject(strategy, strategyId, clOrdId, securityId, NEW_ORDER, RejectReason.MAX_OPEN_ORDERS,
                orders.capacity(), orders.capacity() + 1, triggerRxTimestampNs, rxNs);
            return;
        }
        final long orderId = requestIds.next();
        order.orderId = orderId;
        order.rootOrderId = orderId;
        order.strategy = strategy;
        order.clOrdId = clOrdId;
        order.securityId = securityId;
        order.instrument = instrument;
        order.side = side;
        order.ordType = ordType;
        order.timeInForce = timeInForce;
        order.price = OrdType.LIMIT == ordType ? price : NewOrderDecoder.priceNullValue();
        order.orderQty = qty;
        order.leavesQty = qty;
        order.status = OrdStatus.PENDING_NEW;
        order.newSeqNum = venue.nextSentSeqNum();
        order.triggerRxTimestampNs = triggerRxTimestampNs;
        // journaled before the wire: a restart knows of every order the venue may have (room was checked above)
        journal.order(order, OrdStatus.PENDING_NEW, 0, NewOrderDecoder.priceNullValue(), 0, 0, rxNs);
        final long seqNum = venue.sendNewOrder(
            orderId, securityId, side, ordType, timeInForce, price, qty, triggerRxTimestampNs);
        final long txNs = clock.nanoTime();
        if (seqNum <= 0)
        {
            order.leavesQty = 0;
            journal.order(order, OrdStatus.REJECTED, 0, NewOrderDecoder.priceNullValue(), 0, 0, txNs);
            orders.release(order);
            reject(strategy, strategyId, clOrdId, securityId, NEW_ORDER, notSentReason(seqNum), 0, 0,
                triggerRxTimestampNs, rxNs);
            return;
        }
        order.newSeqNum = seqNum;
        orders.index(order);
        strategy.ordersByClOrdId.put(clOrdId, order);
        strategy.book.openOrders++;
        strategy.account.book.openOrders++;
        adjustOpen(order, qty);
        risk.recordSent(strategy, true, rxNs);
        counters.increment(GatewayCounter.ORDERS_ACCEPTED);

        output.onRiskDecision(strategyId, clOrdId, securityId, NEW_ORDER, RejectReason.NONE, 0, 0,
            triggerRxTimestampNs, rxNs, txNs);
        output.onOrderSent(strategyId, clOrdId, securityId, seqNum, triggerRxTimestampNs, strategyTimestampNs,
            rxNs, txNs);
    }

    /**
     * A strategy asks to cancel one of its orders.
     *
     * @param strategyId           sender.
     * @param clOrdId              id of this request.
     * @param origClOrdId          the order to cancel.
     * @param securityId           venue security id.
     * @param triggerRxTimestampNs rx time of the tick that caused it.
     */
    public void onCancelOrder(
        final long strategyId,
        final long clOrdId,
        final long origClOrdId,
        final int securityId,
        final long triggerRxTimestampNs)
    {
        final long rxNs = clock.nanoTime();
        counters.increment(GatewayCounter.CANCELS_RECEIVED);
        final Strategy strategy = registry.strategy(strategyId);
        final Order order = null == strategy ? null : strategy.ordersByClOrdId.get(origClOrdId);
        RejectReason reason = RejectReason.NONE;
        long limit = 0;
        long observed = 0;
        if (null == strategy)
        {
            reason = RejectReason.UNKNOWN_STRATEGY;
        }
        else if (null == order || order.clOrdId != origClOrdId)
        {
            reason = strategy.recentlyDone.contains(origClOrdId) ?
                RejectReason.TOO_LATE_TO_CANCEL : RejectReason.UNKNOWN_ORDER;
        }
        else if (Order.NO_REQUEST != order.pending)
        {
            reason = RejectReason.ORDER_NOT_ACTIVE;
        }
        else if (SessionState.ESTABLISHED != venue.state())
        {
            reason = RejectReason.SESSION_NOT_ESTABLISHED;
        }
        else
        {
            reason = risk.checkRates(strategy, false, rxNs);
            limit = risk.limitValue;
            observed = risk.observedValue;
        }
        if (RejectReason.NONE != reason)
        {
            reject(strategy, strategyId, clOrdId, securityId, CANCEL_ORDER, reason, limit, observed,
                triggerRxTimestampNs, rxNs);
            return;
        }
        final long requestId = requestIds.next();
        final long seqNum = venue.sendCancel(
            requestId, order.orderId, order.venueOrderId, order.securityId, order.side);
        if (seqNum <= 0)
        {
            reject(strategy, strategyId, clOrdId, securityId, CANCEL_ORDER, notSentReason(seqNum), 0, 0,
                triggerRxTimestampNs, rxNs);
            return;
        }
        order.pending = Order.CANCEL_REQUEST;
        order.pendingRequestId = requestId;
        order.pendingClOrdId = clOrdId;
        order.pendingSeqNum = seqNum;
        journal.order(order, order.status, 0, NewOrderDecoder.priceNullValue(), 0, 0, rxNs);
        risk.recordSent(strategy, false, rxNs);
        counters.increment(GatewayCounter.CANCELS_SENT);
        output.onRiskDecision(strategyId, clOrdId, order.securityId, CANCEL_ORDER, RejectReason.NONE, 0, 0,
            triggerRxTimestampNs, rxNs, clock.nanoTime());
    }

    /**
     * A strategy asks to change the price and/or quantity of one of its orders.
     *
     * @param strategyId           sender.
     * @param clOrdId              id of this request, the order's id once replaced.
     * @param origClOrdId          the order to change.
     * @param securityId           venue security id.
     * @param ordType              order type.
     * @param timeInForce          time in force.
     * @param price                new limit price mantissa.
     * @param qty                  new total quantity.
     * @param triggerRxTimestampNs rx time of the tick that caused it.
     */
    public void onReplaceOrder(
        final long strategyId,
        final long clOrdId,
        final long origClOrdId,
        final int securityId,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty,
        final long triggerRxTimestampNs)
    {
        final long rxNs = clock.nanoTime();
        counters.increment(GatewayCounter.REPLACES_RECEIVED);
        final Strategy strategy = registry.strategy(strategyId);
        final Order order = null == strategy ? null : strategy.ordersByClOrdId.get(origClOrdId);
        RejectReason reason = RejectReason.NONE;
        long limit = 0;
        long observed = 0;
        if (null == strategy)
        {
            reason = RejectReason.UNKNOWN_STRATEGY;
        }
        else if (killSwitch.blocks(strategy))
        {
            reason = RejectReason.KILL_SWITCH;
        }
        else if (null == order || order.clOrdId != origClOrdId)
        {
            reason = strategy.recentlyDone.contains(origClOrdId) ?
                RejectReason.TOO_LATE_TO_CANCEL : RejectReason.UNKNOWN_ORDER;
        }
        else if (Order.NO_REQUEST != order.pending)
        {
            reason = RejectReason.ORDER_NOT_ACTIVE;
        }
        else if (clOrdId != origClOrdId && strategy.ordersByClOrdId.containsKey(clOrdId))
        {
            reason = RejectReason.DUPLICATE_CLORDID;
        }
        else
        {
            reason = validator.validate(strategy, order.instrument, order.side, ordType, timeInForce, price, qty);
            limit = validator.limitValue;
            observed = validator.observedValue;
            if (RejectReason.NONE == reason && qty <= order.cumQty)
            {
                reason = RejectReason.INVALID_QUANTITY;
                limit = order.cumQty + 1;
                observed = qty;
            }
        }
        if (RejectReason.NONE == reason && recovery.isReconciling())
        {
            reason = RejectReason.RECONCILING;
        }
        if (RejectReason.NONE == reason && SessionState.ESTABLISHED != venue.state())
        {
            reason = RejectReason.SESSION_NOT_ESTABLISHED;
        }
        if (RejectReason.NONE == reason)
        {
            final long openDelta = (qty - order.cumQty) - order.leavesQty;
            reason = risk.check(strategy, order.instrument, order.side, ordType, price, qty, openDelta, false, rxNs);
            limit = risk.limitValue;
            observed = risk.observedValue;
        }
        if (RejectReason.NONE != reason)
        {
            reject(strategy, strategyId, clOrdId, securityId, REPLACE_ORDER, reason, limit, observed,
                triggerRxTimestampNs, rxNs);
            return;
        }
        final long requestId = requestIds.next();
        final long seqNum = venue.sendReplace(requestId, order.orderId, order.venueOrderId, order.securityId,
            order.side, ordType, timeInForce, price, qty);
        if (seqNum <= 0)
        {
            reject(strategy, strategyId, clOrdId, securityId, REPLACE_ORDER, notSentReason(seqNum), 0, 0,
                triggerRxTimestampNs, rxNs);
            return;
        }
        final long exposureBefore = order.exposure();
        order.pending = Order.REPLACE_REQUEST;
        order.pendingRequestId = requestId;
        order.pendingClOrdId = clOrdId;
        order.pendingSeqNum = seqNum;
        order.pendingPrice = price;
        order.pendingQty = qty;
        order.pendingOrdType = ordType;
        order.pendingTimeInForce = timeInForce;
        order.triggerRxTimestampNs = triggerRxTimestampNs;
        strategy.ordersByClOrdId.put(clOrdId, order);
        adjustOpen(order, order.exposure() - exposureBefore);
        journal.order(order, order.status, 0, NewOrderDecoder.priceNullValue(), 0, 0, rxNs);
        risk.recordSent(strategy, false, rxNs);
        counters.increment(GatewayCounter.REPLACES_SENT);
        output.onRiskDecision(strategyId, clOrdId, order.securityId, REPLACE_ORDER, RejectReason.NONE, 0, 0,
            triggerRxTimestampNs, rxNs, clock.nanoTime());
    }

    /**
     * Kill: block new orders in a scope until resumed and owe its open orders a cancel until each finishes.
     *
     * @param scope    GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId strategy or account id; ignored for GLOBAL.
     * @param operator who asked, NUL-padded, {@link ControlIntake#OPERATOR_LENGTH} bytes.
     */
    public void onKill(final ControlScope scope, final long targetId, final byte[] operator)
    {
        control.onKill(scope, targetId, operator, clock.nanoTime());
    }

    /**
     * Resume: reset a latched kill switch in a scope.
     *
     * @param scope    GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId strategy or account id; ignored for GLOBAL.
     * @param operator who asked, NUL-padded, {@link ControlIntake#OPERATOR_LENGTH} bytes.
     */
    public void onResume(final ControlScope scope, final long targetId, final byte[] operator)
    {
        control.onResume(scope, targetId, operator, clock.nanoTime());
    }

    /**
     * Change a limit at run time. STRATEGY and ACCOUNT scopes change that strategy's or account's limit; GLOBAL
     * changes the venue session's rate limits for the two rate types and every strategy's and account's limit for
     * the others.
     *
     * @param scope     GLOBAL, STRATEGY or ACCOUNT.
     * @param targetId  strategy or account id; ignored for GLOBAL.
     * @param limitType which limit.
     * @param value     new value.
     * @param operator  who asked, NUL-padded, {@link ControlIntake#OPERATOR_LENGTH} bytes.
     */
    public void onSetLimit(
        final ControlScope scope,
        final long targetId,
        final LimitType limitType,
        final long value,
        final byte[] operator)
    {
        control.onSetLimit(scope, targetId, limitType, value, operator, clock.nanoTime());
    }

    /**
     * A control message the intake refused: counted and answered with the reason.
     *
     * @param templateId Kill, Resume or SetLimit.
     * @param scope      the scope it named.
     * @param targetId   the target it named.
     * @param refusal    why.
     * @param operator   who it claimed to come from.
     */
    public void onControlRefused(
        final int templateId,
        final ControlScope scope,
        final long targetId,
        final ControlRefusal refusal,
        final byte[] operator)
    {
        control.onRefused(templateId, scope, targetId, refusal, operator, clock.nanoTime());
    }

    /**
     * Send the cancels the kill switch still owes; called every duty cycle.
     *
     * @return work done.
     */
    public int sweepKills()
    {
        final int work = recovery.poll(clock.nanoTime());
        return 0 == killSwitch.owedCount() ? work : work + killSwitch.sweep(clock.nanoTime());
    }

    /**
     * Restore what the journal recorded before the first duty cycle: open orders, positions, kill latches, run-time
     * limits and the highest gateway id used; new orders and replaces are then refused
     * ({@link RejectReason#RECONCILING}) until the venue session has recovered what it missed and the venue has
     * answered the status of every open order. The venue session itself resumes the restored UUID and sequence
     * numbers ({@link RestoredGatewayState#session()}, given to the venue factory).
     *
     * @param restored what the journal's GATEWAY_STATE, VENUE_OUT and VENUE_IN records fold to.
     * @return open orders restored; those of an unknown strategy or instrument, or past the pool, are counted
     *     as unknown venue orders and left to the status answers.
     */
    public int restore(final RestoredGatewayState restored)
    {
        requestIds.restore(restored.highestRequestId());
        final int count = GatewayRestore.apply(restored, registry, orders, killSwitch, control, counters);
        recovery.beginRestore();
        return count;
    }

    /**
     * Whether a restore is still being reconciled with the venue (new orders refused).
     *
     * @return true while reconciling.
     */
    public boolean isReconciling()
    {
        return recovery.isReconciling();
    }

    /**
     * Deliver the answers held for strategies that could not take them, and cut off any whose backlog passed its
     * mark (see {@link EncodingGatewayOutput}); called first in every duty cycle.
     *
     * @return answers delivered and strategies cut off.
     */
    public int deliverHeldAnswers()
    {
        int work = output.deliverHeld();
        long strategyId;
        while (0 != (strategyId = output.takeStrategyToCutOff()))
        {
            control.onAnswersBacklogged(strategyId, clock.nanoTime());
            work++;
        }
        return work;
    }

    /**
     * An orderly stop of the appliance: new orders are refused from now on (the global kill is latched) and, when
     * asked, every open order is canceled at the venue as a global kill cancels them; not counted as a kill from the
     * control stream.
     *
     * The kill's ControlAck names the operator "shutdown"; the cancels are swept until acknowledged like any kill's.
     *
     * @param cancelOpenOrders whether to cancel the open orders ({@code gateway.cancel_on_shutdown}).
     * @return the open orders asked to be canceled.
     */
    public long onShutdown(final boolean cancelOpenOrders)
    {
        if (!cancelOpenOrders)
        {
            killSwitch.latchGlobal();
            return 0;
        }
        killSwitch.killGlobal(SHUTDOWN_OPERATOR, clock.nanoTime());
        return killSwitch.owedCount();
    }

    /**
     * A strategy's publication went away: cancel its open orders if so configured; nothing is latched.
     *
     * @param strategyId of the strategy.
     */
    public void onStrategyDisconnected(final long strategyId)
    {
        control.onStrategyDisconnected(strategyId, clock.nanoTime());
    }

    /**
     * Best bid and offer of an instrument, from normalized market data.
     *
     * @param securityId venue security id.
     * @param bidPrice   best bid mantissa, or the null price.
     * @param askPrice   best offer mantissa, or the null price.
     */
    public void onTopOfBook(final int securityId, final long bidPrice, final long askPrice)
    {
        final int instrument = instruments.index(securityId);
        if (Instruments.UNKNOWN != instrument)
        {
            referencePrices.onTopOfBook(instrument, bidPrice, askPrice, clock.nanoTime());
        }
    }

    /**
     * A trade on the venue, from normalized market data.
     *
     * @param securityId venue security id.
     * @param price      trade price mantissa.
     */
    public void onTrade(final int securityId, final long price)
    {
        final int instrument = instruments.index(securityId);
        if (Instruments.UNKNOWN != instrument)
        {
            referencePrices.onTrade(instrument, price, clock.nanoTime());
        }
    }

    /**
     * Whether the feed handler trusts an instrument's book, or every instrument of a channel's; the collar refuses a
     * reference price from a STALE book.
     *
     * @param securityId venue security id, 0 for every instrument of the channel.
     * @param channelId  the channel.
     * @param stale      true when the book is STALE or recovering.
     */
    public void onFeedState(final int securityId, final int channelId, final boolean stale)
    {
        for (int i = 0, count = instruments.count(); i < count; i++)
        {
            if (0 == securityId ? instruments.channel[i] == channelId : instruments.securityId[i] == securityId)
            {
                referencePrices.onFeedState(i, stale);
            }
        }
    }

    /**
     * The oldest reference price the price collar uses, {@code gateway.reference_price_max_age_ms}.
     *
     * @param maxAgeNs oldest, 0 for no limit.
     */
    public void referencePriceMaxAgeNs(final long maxAgeNs)
    {
        risk.referenceMaxAgeNs(maxAgeNs);
    }

    /**
     * The venue session state last reported.
     *
     * @return the state.
     */
    public SessionState sessionState()
    {
        return events.sessionState();
    }

    /**
     * What the venue session reports to: the order logic's side of the venue boundary.
     *
     * @return the listener the venue session was built with.
     */
    public VenueListener venueListener()
    {
        return events;
    }

    /**
     * A read-only view of positions, open orders, kill switches and limits.
     *
     * @return the view.
     */
    public GatewayState state()
    {
        return state;
    }

    static void adjustOpen(final Order order, final long delta)
    {
        if (0 != delta)
        {
            final RiskBook book = order.strategy.book;
            final RiskBook accountBook = order.strategy.account.book;
            if (Side.BUY == order.side)
            {
                book.openBuyQty[order.instrument] += delta;
                accountBook.openBuyQty[order.instrument] += delta;
            }
            else
            {
                book.openSellQty[order.instrument] += delta;
                accountBook.openSellQty[order.instrument] += delta;
            }
        }
    }

    /**
     * Refuse a request before it reaches the order logic (the intake found it came from a publication that is not
     * the strategy's own): counted and answered like any other refusal, nothing else changes.
     *
     * @param strategyId           the strategy id the request claimed.
     * @param clOrdId              its client order id.
     * @param securityId           its instrument.
     * @param templateId           NewOrder, CancelOrder or ReplaceOrder.
     * @param reason               why.
     * @param triggerRxTimestampNs carried from the request.
     */
    public void refuse(
        final long strategyId,
        final long clOrdId,
        final int securityId,
        final int templateId,
        final RejectReason reason,
        final long triggerRxTimestampNs)
    {
        reject(null, strategyId, clOrdId, securityId, templateId, reason, 0, 0, triggerRxTimestampNs,
            clock.nanoTime());
    }

    private void reject(
        final Strategy strategy,
        final long strategyId,
        final long clOrdId,
        final int securityId,
        final int templateId,
        final RejectReason reason,
        final long limitValue,
        final long observedValue,
        final long triggerRxTimestampNs,
        final long rxNs)
    {
        counters.increment(counterFor(reason));
        final RiskBook breached = risk.breachedBook;
        risk.breachedBook = null;
        final long nowNs = clock.nanoTime();
        output.onRiskDecision(strategyId, clOrdId, securityId, templateId, reason, limitValue, observedValue,
            triggerRxTimestampNs, rxNs, nowNs);
        if (null != strategy && null != breached && isLimitBreach(reason))
        {
            control.onBreach(strategy, breached, nowNs);
        }
    }

    private static RejectReason notSentReason(final long seqNum)
    {
        if (VenueSession.NOT_SENT_JOURNAL_FULL == seqNum)
        {
            return RejectReason.JOURNAL_FULL;
        }
        return VenueSession.NOT_SENT_BACK_PRESSURED == seqNum ?
            RejectReason.VENUE_MESSAGE_RATE : RejectReason.SESSION_NOT_ESTABLISHED;
    }

    private static boolean isLimitBreach(final RejectReason reason)
    {
        switch (reason)
        {
            case PRICE_COLLAR:
            case MAX_ORDER_QTY:
            case MAX_ORDER_NOTIONAL:
            case POSITION_LIMIT:
            case MAX_OPEN_ORDERS:
            case ORDER_RATE:
            case MESSAGE_RATE:
                return true;
            default:
                return false;
        }
    }

    private static GatewayCounter counterFor(final RejectReason reason)
    {
        switch (reason)
        {
            case KILL_SWITCH:
                return GatewayCounter.REJECTED_KILL_SWITCH;
            case DUPLICATE_CLORDID:
                return GatewayCounter.REJECTED_DUPLICATE;
            case SESSION_NOT_ESTABLISHED:
            case JOURNAL_FULL:
                return GatewayCounter.REJECTED_SESSION;
            case RECONCILING:
                return GatewayCounter.REJECTED_RECONCILING;
            case JOURNAL_BEHIND:
                return GatewayCounter.REJECTED_JOURNAL_BEHIND;
            case ORDER_RATE:
            case MESSAGE_RATE:
            case VENUE_MESSAGE_RATE:
                return GatewayCounter.REJECTED_RATE;
            case UNKNOWN_ORDER:
            case ORDER_NOT_ACTIVE:
            case TOO_LATE_TO_CANCEL:
                return GatewayCounter.REJECTED_UNKNOWN_ORDER;
            case STALE_REFERENCE_PRICE:
                return GatewayCounter.REJECTED_STALE_REFERENCE;
            case PRICE_COLLAR:
            case NO_REFERENCE_PRICE:
            case MAX_ORDER_QTY:
            case MAX_ORDER_NOTIONAL:
            case POSITION_LIMIT:
            case MAX_OPEN_ORDERS:
                return GatewayCounter.REJECTED_RISK;
            default:
                return GatewayCounter.REJECTED_VALIDATION;
        }
    }
}
