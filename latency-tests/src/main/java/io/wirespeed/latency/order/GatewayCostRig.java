package io.wirespeed.latency.order;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.EncodingGatewayOutput;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.gateway.GatewayCounters;
import io.wirespeed.gateway.OrderGatewayLogic;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.gateway.session.SessionCounters;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The gateway on one thread with nothing around it: {@link OrderGatewayLogic} built from the configuration, the real
 * {@link FixpInitiator} as its venue session, established through a {@link SinkVenueTransport}, outcomes encoded by
 * {@link EncodingGatewayOutput} into a sink that drops them, and the venue's answers queued by {@link VenueReplies}.
 * <p>
 * One cycle sends {@value #BATCH} new orders, has the venue accept them all, fills the even ones in full and
 * cancels the odd ones at the strategy's request; sides go buy, buy, sell, sell so the position stays within one
 * lot and nothing stays open between cycles.
 */
final class GatewayCostRig
{
    static final int BATCH = 32;
    static final long QTY = 1;

    final WirespeedConfig config;
    final EpochNanoClock clock = new OffsetEpochNanoClock();
    final GatewayCounters counters;
    final SessionCounters sessionCounters = SessionCounters.inMemory("venue-session");
    final SinkVenueTransport transport = new SinkVenueTransport();
    final VenueReplies venue = new VenueReplies(transport);
    final OrderGatewayLogic logic;
    final FixpInitiator session;
    final Histogram newOrderNs = OrderBench.histogram();
    long newOrderBlockNs;
    long newOrdersInBlocks;
    long cancelNs;
    long cancels;
    long reportNs;
    long reports;
    long outcomesPublished;

    private final int securityId;
    private final long price;
    private final long[] orderIds = new long[BATCH];
    private final long[] clOrdIds = new long[BATCH];
    private final long[] cancelIds = new long[BATCH];
    private final FixpInitiator[] built = new FixpInitiator[1];
    private long nextRequestId = 1;
    private long nextClOrdId = 1;
    private long orderCount;

    GatewayCostRig()
    {
        config = OrderBench.config(Path.of(System.getProperty("java.io.tmpdir"), "wirespeed-gateway-cost"), 20);
        config.conclude();
        final InstrumentContext instrument = OrderBench.instrument(config);
        securityId = instrument.securityId();
        final long tick = instrument.tickSizeMantissa();
        price = 4000 * 1_000_000_000L;

        final CountersManager manager = countersManager(256);
        counters = new GatewayCounters((typeId, label) -> newCounter(manager, typeId, label));
        final String secret = OrderBench.randomSecret();
        final EncodingGatewayOutput output = new EncodingGatewayOutput(this::onOutcome, counters, clock);
        logic = new OrderGatewayLogic(config.instruments(), config.strategies(), config.risk(),
            config.gateway().cancelOnDisconnect(), (listener) ->
            {
                built[0] = new FixpInitiator(config.gateway(), secret, FixpInitiator.newUuid(clock.nanoTime()),
                    transport, listener, clock, sessionCounters);
                return built[0];
            }, output, counters, clock, OrderGatewayLogic.ORDER_CAPACITY_DEFAULT, nextRequestId);
        logic.venueThrottle(Long.MAX_VALUE, Long.MAX_VALUE);
        session = built[0];
        logic.onTopOfBook(securityId, price - tick, price + tick);
    }

    /**
     * Run the session's duty cycle until the handshake the transport answers has established it.
     *
     * @return this.
     */
    GatewayCostRig establish()
    {
        for (int i = 0; i < 16 && SessionState.ESTABLISHED != session.state(); i++)
        {
            session.doWork();
        }
        if (SessionState.ESTABLISHED != session.state() || SessionState.ESTABLISHED != logic.sessionState())
        {
            throw new IllegalStateException("venue session not established: " + session.state());
        }
        transport.stopAnswering();
        return this;
    }

    /**
     * Run cycles until at least this many new orders have been sent.
     *
     * Even cycles time every new order on its own into {@link #newOrderNs}, odd ones the whole block of new orders.
     *
     * @param orders new orders.
     */
    void run(final long orders)
    {
        final long cycles = (orders + BATCH - 1) / BATCH;
        for (long i = 0; i < cycles; i++)
        {
            cycle(0 == (i & 1));
        }
    }

    /**
     * Forget what was timed so far, after a warm-up that ran the same timed code.
     */
    void resetTimings()
    {
        newOrderNs.reset();
        newOrderBlockNs = 0;
        newOrdersInBlocks = 0;
        cancelNs = 0;
        cancels = 0;
        reportNs = 0;
        reports = 0;
    }

    long orderCount()
    {
        return orderCount;
    }

    /**
     * What is wrong with the gateway's state after a run, or null when every order went as planned.
     *
     * @return the problem or null.
     */
    String check()
    {
        final long expected = orderCount;
        if (counters.get(GatewayCounter.ORDERS_ACCEPTED) != expected ||
            counters.get(GatewayCounter.ORDERS_RECEIVED) != expected)
        {
            return "orders accepted " + counters.get(GatewayCounter.ORDERS_ACCEPTED) + " of " + expected;
        }
        if (counters.get(GatewayCounter.FILLS) != expected / 2 || counters.get(GatewayCounter.CANCELED) != expected / 2)
        {
            return "fills " + counters.get(GatewayCounter.FILLS) + ", canceled " +
                counters.get(GatewayCounter.CANCELED) + ", expected " + expected / 2 + " each";
        }
        if (0 != counters.get(GatewayCounter.UNKNOWN_VENUE_ORDERS) || 0 != counters.get(GatewayCounter.OFFER_FAILURES))
        {
            return "unknown venue orders " + counters.get(GatewayCounter.UNKNOWN_VENUE_ORDERS) + ", offer failures " +
                counters.get(GatewayCounter.OFFER_FAILURES);
        }
        if (0 != logic.state().liveOrders() || 0 != logic.state().position(OrderBench.STRATEGY_ID, securityId))
        {
            return "live orders " + logic.state().liveOrders() + ", position " +
                logic.state().position(OrderBench.STRATEGY_ID, securityId);
        }
        if (SessionState.ESTABLISHED != session.state() || 0 != sessionCounters.value(SessionCounter.GAPS) ||
            venue.messagesQueued() != sessionCounters.value(SessionCounter.MESSAGES_RECEIVED))
        {
            return "session " + session.state() + ", gaps " + sessionCounters.value(SessionCounter.GAPS) +
                ", venue messages " + venue.messagesQueued() + " received " +
                sessionCounters.value(SessionCounter.MESSAGES_RECEIVED);
        }
        return null;
    }

    private void cycle(final boolean eachCall)
    {
        final OrderGatewayLogic logic = this.logic;
        final long blockStartNs = System.nanoTime();
        for (int j = 0; j < BATCH; j++)
        {
            final Side side = 0 == (orderCount & 2) ? Side.BUY : Side.SELL;
            final long clOrdId = nextClOrdId++;
            if (eachCall)
            {
                final long startNs = System.nanoTime();
                logic.onNewOrder(OrderBench.STRATEGY_ID, clOrdId, securityId, side, OrdType.LIMIT, TimeInForce.DAY,
                    price, QTY, 0, startNs);
                OrderBench.record(newOrderNs, System.nanoTime() - startNs);
            }
            else
            {
                logic.onNewOrder(OrderBench.STRATEGY_ID, clOrdId, securityId, side, OrdType.LIMIT, TimeInForce.DAY,
                    price, QTY, 0, blockStartNs);
            }
            clOrdIds[j] = clOrdId;
            orderIds[j] = nextRequestId++;
            orderCount++;
        }
        if (!eachCall)
        {
            newOrderBlockNs += System.nanoTime() - blockStartNs;
            newOrdersInBlocks += BATCH;
        }

        final long nowNs = clock.nanoTime();
        for (int j = 0; j < BATCH; j++)
        {
            venue.accepted(orderIds[j], orderIds[j] + 1_000_000_000L, price, nowNs);
        }
        deliver();

        final long cancelStartNs = System.nanoTime();
        for (int j = 1; j < BATCH; j += 2)
        {
            logic.onCancelOrder(OrderBench.STRATEGY_ID, nextClOrdId++, clOrdIds[j], securityId, 0);
            cancelIds[j] = nextRequestId++;
        }
        cancelNs += System.nanoTime() - cancelStartNs;
        cancels += BATCH / 2;

        for (int j = 0; j < BATCH; j++)
        {
            final long venueOrderId = orderIds[j] + 1_000_000_000L;
            if (0 == (j & 1))
            {
                venue.filled(orderIds[j], venueOrderId, price, QTY, nowNs);
            }
            else
            {
                venue.canceled(orderIds[j], cancelIds[j], venueOrderId, nowNs);
            }
        }
        deliver();
    }

    private void deliver()
    {
        final long startNs = System.nanoTime();
        session.doWork();
        reportNs += System.nanoTime() - startNs;
        reports += BATCH;
    }

    private boolean onOutcome(final DirectBuffer buffer, final int offset, final int length)
    {
        outcomesPublished++;
        return true;
    }

    private static CountersManager countersManager(final int counters)
    {
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(counters * CountersReader.COUNTER_LENGTH)));
    }

    private static AtomicCounter newCounter(final CountersManager manager, final int typeId, final String label)
    {
        return manager.newCounter(label, typeId);
    }
}
