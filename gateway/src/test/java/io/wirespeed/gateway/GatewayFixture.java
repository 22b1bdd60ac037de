package io.wirespeed.gateway;

import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.LimitType;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.RiskContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.tap.JournalTap;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Order logic over two instruments and three strategies in two accounts, a test venue and a recording output.
 */
final class GatewayFixture
{
    static final int ES = 10;
    static final int NQ = 20;
    static final int UNLISTED = 99;
    static final long TICK = 250_000_000L;
    static final long ES_PRICE = 4000 * 1_000_000_000L;
    static final int ALPHA = 1;
    static final int BETA = 2;
    static final int GAMMA = 3;
    static final long TRIGGER_NS = 1_699_999_999_999_000_000L;
    static final long START_NS = 1_700_000_000_000_000_000L;
    static final byte[] OPERATOR = java.util.Arrays.copyOf("ops-alice".getBytes(), ControlIntake.OPERATOR_LENGTH);

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
    final TestVenue venue = new TestVenue();
    final GatewayCounters counters;
    final OrderGatewayLogic logic;
    final RecordingOutput output;

    GatewayFixture(final RiskContext risk)
    {
        this(risk, new RecordingOutput(), 4096, true);
    }

    GatewayFixture(final RiskContext risk, final RecordingOutput output, final int capacity, final boolean cod)
    {
        this(risk, output, capacity, cod, null, 1);
    }

    /**
     * A fixture whose order logic journals its state through a tap, its first gateway id given.
     */
    GatewayFixture(final RiskContext risk, final JournalTap tap, final long firstRequestId)
    {
        this(risk, new RecordingOutput(), 4096, true, tap, firstRequestId);
    }

    private GatewayFixture(
        final RiskContext risk,
        final RecordingOutput output,
        final int capacity,
        final boolean cod,
        final JournalTap tap,
        final long firstRequestId)
    {
        this.output = output;
        counters = new GatewayCounters(newCountersManager()::newCounterForAllocator);
        logic = newLogic(risk, output, capacity, cod, tap, firstRequestId);
    }

    /**
     * A fixture whose outcomes are encoded, as in production, into a sink.
     */
    GatewayFixture(final RiskContext risk, final MessageSink sink, final int capacity)
    {
        output = new RecordingOutput();
        counters = new GatewayCounters(newCountersManager()::newCounterForAllocator);
        logic = newLogic(risk, new EncodingGatewayOutput(sink, counters, clock), capacity, true, null, 1);
    }

    /**
     * A fixture whose outcomes are encoded into a sink and whose order logic journals its state through a tap.
     */
    GatewayFixture(final RiskContext risk, final MessageSink sink, final int capacity, final JournalTap tap)
    {
        output = new RecordingOutput();
        counters = new GatewayCounters(newCountersManager()::newCounterForAllocator);
        logic = newLogic(risk, new EncodingGatewayOutput(sink, counters, clock), capacity, true, tap, 1);
    }

    /**
     * A fixture whose outcomes are encoded into a sink, each strategy's answers held in a backlog while it refuses.
     */
    GatewayFixture(final RiskContext risk, final MessageSink sink, final int capacity, final int backlogCapacity)
    {
        output = new RecordingOutput();
        counters = new GatewayCounters(newCountersManager()::newCounterForAllocator);
        logic = newLogic(risk, new EncodingGatewayOutput(sink, counters, clock,
            new long[]{ ALPHA, BETA, GAMMA }, backlogCapacity), capacity, true, null, 1);
    }

    private OrderGatewayLogic newLogic(
        final RiskContext risk,
        final GatewayOutput out,
        final int capacity,
        final boolean cancelOnDisconnect,
        final JournalTap tap,
        final long firstRequestId)
    {
        final OrderGatewayLogic logic = new OrderGatewayLogic(instruments(), strategies(),
            risk.isConcluded() ? risk : risk.conclude(), cancelOnDisconnect, (listener) ->
            {
                venue.listener = listener;
                return venue;
            },
            out, counters, clock, capacity, firstRequestId, tap);
        logic.onSetLimit(ControlScope.GLOBAL, 0, LimitType.MAX_ORDERS_PER_SECOND, 10_000_000, OPERATOR);
        logic.onSetLimit(ControlScope.GLOBAL, 0, LimitType.MAX_MESSAGES_PER_SECOND, 10_000_000, OPERATOR);
        output.clear();
        return logic;
    }

    static RiskContext lenientRisk()
    {
        final RiskContext risk = new RiskContext();
        risk.defaults()
            .autoKillOnBreach(false)
            .priceCollarTicks(20)
            .maxOrderQty(100)
            .maxOrderNotional(BigDecimal.valueOf(1_000_000_000L))
            .maxPosition(100_000)
            .maxOpenOrders(5_000)
            .maxOrdersPerSecond(1_000_000)
            .maxMessagesPerSecond(1_000_000);
        return risk;
    }

    static List<InstrumentContext> instruments()
    {
        return List.of(
            new InstrumentContext().symbol("ESZ6").securityId(ES).channel(1).tickSize(new BigDecimal("0.25"))
                .contractMultiplier(BigDecimal.valueOf(50)).maxOrderQty(1000),
            new InstrumentContext().symbol("NQZ6").securityId(NQ).channel(1).tickSize(new BigDecimal("0.25"))
                .contractMultiplier(BigDecimal.valueOf(20)));
    }

    static List<StrategyContext> strategies()
    {
        return List.of(
            new StrategyContext().id(ALPHA).name("alpha").account("ACC1"),
            new StrategyContext().id(BETA).name("beta").account("ACC1"),
            new StrategyContext().id(GAMMA).name("gamma").account("ACC2").instruments(List.of("ESZ6")));
    }

    /**
     * Give the collar a reference: a one-tick-wide book around {@link #ES_PRICE}.
     */
    void quote(final int securityId, final long mid)
    {
        logic.onTopOfBook(securityId, mid - TICK, mid + TICK);
    }

    void buy(final int strategyId, final long clOrdId, final long price, final long qty)
    {
        logic.onNewOrder(strategyId, clOrdId, ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, price, qty,
            TRIGGER_NS, clock.nanoTime());
    }

    void sell(final int strategyId, final long clOrdId, final long price, final long qty)
    {
        logic.onNewOrder(strategyId, clOrdId, ES, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, price, qty,
            TRIGGER_NS, clock.nanoTime());
    }

    /**
     * Place an ES order and have the venue accept it.
     *
     * @return the gateway order id.
     */
    long accepted(final int strategyId, final long clOrdId, final Side side, final long qty)
    {
        if (Side.BUY == side)
        {
            buy(strategyId, clOrdId, ES_PRICE, qty);
        }
        else
        {
            sell(strategyId, clOrdId, ES_PRICE, qty);
        }
        final long orderId = venue.lastOrderId;
        venue.listener.onOrderAccepted(orderId, 900_000 + orderId, clock.nanoTime(), clock.nanoTime());
        return orderId;
    }

    private static ManagerAdapter newCountersManager()
    {
        final int counters = 128;
        return new ManagerAdapter(new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.COUNTER_LENGTH))));
    }

    private record ManagerAdapter(CountersManager manager)
    {
        org.agrona.concurrent.status.AtomicCounter newCounterForAllocator(final int typeId, final String label)
        {
            return manager.newCounter(label, typeId);
        }
    }
}
