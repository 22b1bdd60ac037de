package io.wirespeed.gateway;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.CancelOrderDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ReplaceOrderDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import io.wirespeed.config.AeronContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.venue.VenueListener;
import io.wirespeed.gateway.venue.VenueSession;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.nic.tap.JournalTap;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.function.Function;

/**
 * The order gateway's duty cycle, "gateway": polls control messages first (a kill queued with orders stops them),
 * sweeps the cancels the kill switch still owes, then strategy orders and market data (for reference prices) over
 * Aeron, notices strategies whose publication went away, and drives the order logic.
 */
public final class GatewayAgent implements Agent
{
    /** Fragments taken from one subscription per duty cycle unless configured. */
    public static final int FRAGMENT_LIMIT_DEFAULT = 64;

    private static final int IMAGE_QUEUE_CAPACITY = 1024;
    private static final int NO_STRATEGY = 0;

    private final OrderGatewayLogic logic;
    private final Subscription orderSubscription;
    private final Subscription controlSubscription;
    private final ControlIntake controlHandler;
    private final Subscription marketDataSubscription;
    private final GatewayCounters counters;
    private final int fragmentLimit;
    private final AutoCloseable[] owned;
    private final OneToOneConcurrentArrayQueue<Image> lostImages =
        new OneToOneConcurrentArrayQueue<>(IMAGE_QUEUE_CAPACITY);
    private final Int2IntHashMap strategyBySessionId = new Int2IntHashMap(NO_STRATEGY);
    private final Int2IntHashMap sessionByStrategy = new Int2IntHashMap(NO_STRATEGY);

    /**
     * Strategy id a refusal of an impersonating request is published under: the sender is not the strategy it
     * claims to be, so the refusal must not touch that strategy's own order table.
     */
    private static final long UNIDENTIFIED = 0;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final TopOfBookDecoder topOfBook = new TopOfBookDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private final FragmentHandler orderHandler = this::onOrderFragment;
    private final FragmentHandler marketDataHandler = this::onMarketDataFragment;

    /**
     * An agent over subscriptions someone else built; route the order subscription's unavailable images to
     * {@link #onUnavailableImage(Image)} for cancel on disconnect.
     *
     * @param logic                  the order logic.
     * @param orderSubscription      strategies' orders.
     * @param controlSubscription    control messages.
     * @param controlIntake          takes the authentic control messages.
     * @param marketDataSubscription normalized market data, or null for none.
     * @param counters               the gateway's counters.
     * @param fragmentLimit          fragments per subscription per duty cycle.
     * @param owned                  closed by {@link #onClose()}, in order.
     */
    public GatewayAgent(
        final OrderGatewayLogic logic,
        final Subscription orderSubscription,
        final Subscription controlSubscription,
        final ControlIntake controlIntake,
        final Subscription marketDataSubscription,
        final GatewayCounters counters,
        final int fragmentLimit,
        final AutoCloseable... owned)
    {
        this.controlHandler = controlIntake;
        this.logic = logic;
        this.orderSubscription = orderSubscription;
        this.controlSubscription = controlSubscription;
        this.marketDataSubscription = marketDataSubscription;
        this.counters = counters;
        this.fragmentLimit = fragmentLimit;
        this.owned = owned.clone();
    }

    /**
     * An agent on the configured Aeron streams, with the order logic and the venue session it builds; the agent
     * owns and closes the subscriptions, the execution publication and the counters.
     *
     * @param config       concluded configuration.
     * @param aeron        connected client.
     * @param venueFactory builds the venue session, given the listener it reports to.
     * @param allocator    where the gateway's counters live.
     * @param clock        stamps every outcome.
     * @param controlKey   the operator key control messages must be signed with.
     * @return the agent.
     */
    public static GatewayAgent create(
        final WirespeedConfig config,
        final Aeron aeron,
        final byte[] controlKey,
        final Function<VenueListener, VenueSession> venueFactory,
        final CounterAllocator allocator,
        final EpochNanoClock clock)
    {
        return create(config, aeron, controlKey, venueFactory, allocator, clock, null);
    }

    /**
     * An agent as {@link #create(WirespeedConfig, Aeron, byte[], Function, CounterAllocator, EpochNanoClock)} whose
     * order logic journals its state through the gateway thread's tap.
     *
     * @param config       concluded configuration.
     * @param aeron        connected client.
     * @param controlKey   the operator key control messages must be signed with.
     * @param venueFactory builds the venue session, given the listener it reports to.
     * @param allocator    where the gateway's counters live.
     * @param clock        stamps every outcome.
     * @param tap          the gateway thread's journal tap, or null not to journal.
     * @return the agent.
     */
    public static GatewayAgent create(
        final WirespeedConfig config,
        final Aeron aeron,
        final byte[] controlKey,
        final Function<VenueListener, VenueSession> venueFactory,
        final CounterAllocator allocator,
        final EpochNanoClock clock,
        final JournalTap tap)
    {
        final AeronContext context = config.aeron();
        final LostImages lost = new LostImages();
        final GatewayCounters counters = new GatewayCounters(allocator);
        ExclusivePublication executions = null;
        Subscription orders = null;
        Subscription control = null;
        Subscription marketData = null;
        try
        {
            executions = aeron.addExclusivePublication(context.channel(), context.executionStreamId());
            orders = aeron.addSubscription(context.channel(), context.orderStreamId(), null, lost::onUnavailable);
            control = aeron.addSubscription(context.channel(), context.controlStreamId());
            marketData = aeron.addSubscription(context.channel(), context.marketDataStreamId());
            final GatewayOutput output = new EncodingGatewayOutput(
                new PublicationSink(executions, PublicationSink.MAX_ATTEMPTS_DEFAULT), counters, clock,
                config.strategies().stream().mapToLong(StrategyContext::id).toArray(),
                EncodingGatewayOutput.ANSWER_BACKLOG_CAPACITY_DEFAULT);
            final OrderGatewayLogic logic = OrderGatewayLogic.create(config, venueFactory, output, counters, clock,
                tap);
            final ControlIntake intake =
                new ControlIntake(logic, counters, new ControlMac(controlKey), SystemEpochNanoClock.INSTANCE);
            final GatewayAgent agent = new GatewayAgent(logic, orders, control, intake, marketData, counters,
                FRAGMENT_LIMIT_DEFAULT, orders, control, marketData, executions, counters);
            lost.agent = agent;
            return agent;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.closeAll(orders, control, marketData, executions, counters);
            throw ex;
        }
    }

    /**
     * The gateway's counters, readable from any thread.
     *
     * @return the counters.
     */
    public GatewayCounters counters()
    {
        return counters;
    }

    /**
     * The order logic this agent drives.
     *
     * @return the logic.
     */
    public OrderGatewayLogic logic()
    {
        return logic;
    }

    /**
     * An image of the order subscription went away; safe to call from the Aeron client's conductor thread.
     *
     * @param image that went away.
     */
    public void onUnavailableImage(final Image image)
    {
        lostImages.offer(image);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "gateway";
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.closeAll(owned);
    }

    /**
     * Whether every subscription has an image: strategies' orders, control and (when subscribed) market data.
     *
     * @return true once publishers on all of them are connected to this agent.
     */
    boolean isConnected()
    {
        return orderSubscription.isConnected() && controlSubscription.isConnected() &&
            (null == marketDataSubscription || marketDataSubscription.isConnected());
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int work = logic.deliverHeldAnswers();
        Image image;
        while (null != (image = lostImages.poll()))
        {
            final int strategyId = strategyBySessionId.remove(image.sessionId());
            if (NO_STRATEGY != strategyId)
            {
                sessionByStrategy.remove(strategyId);
                logic.onStrategyDisconnected(strategyId);
            }
            work++;
        }
        work += controlSubscription.poll(controlHandler, fragmentLimit);
        work += logic.sweepKills();
        work += orderSubscription.poll(orderHandler, fragmentLimit);
        if (null != marketDataSubscription)
        {
            work += marketDataSubscription.poll(marketDataHandler, fragmentLimit);
        }
        return work;
    }

    private boolean wrapHeader(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }
        header.wrap(buffer, offset);
        return NewOrderDecoder.SCHEMA_ID == header.schemaId() &&
            length >= MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
    }

    private void onOrderFragment(final DirectBuffer buffer, final int offset, final int length, final Header frame)
    {
        if (!wrapHeader(buffer, offset, length))
        {
            counters.increment(GatewayCounter.MALFORMED_MESSAGES);
            return;
        }
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                if (blockLength < NewOrderDecoder.BLOCK_LENGTH)
                {
                    counters.increment(GatewayCounter.MALFORMED_MESSAGES);
                    return;
                }
                newOrder.wrap(buffer, body, blockLength, version);
                if (admitted(newOrder.strategyId(), frame.sessionId(), newOrder.clOrdId(), newOrder.securityId(),
                    NewOrderDecoder.TEMPLATE_ID, newOrder.triggerRxTimestampNs()))
                {
                    logic.onNewOrder(newOrder.strategyId(), newOrder.clOrdId(), newOrder.securityId(), newOrder.side(),
                        newOrder.ordType(), newOrder.timeInForce(), newOrder.price(), newOrder.qty(),
                        newOrder.triggerRxTimestampNs(), newOrder.strategyTimestampNs());
                }
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                if (blockLength < CancelOrderDecoder.BLOCK_LENGTH)
                {
                    counters.increment(GatewayCounter.MALFORMED_MESSAGES);
                    return;
                }
                cancelOrder.wrap(buffer, body, blockLength, version);
                if (admitted(cancelOrder.strategyId(), frame.sessionId(), cancelOrder.clOrdId(),
                    cancelOrder.securityId(), CancelOrderDecoder.TEMPLATE_ID, cancelOrder.triggerRxTimestampNs()))
                {
                    logic.onCancelOrder(cancelOrder.strategyId(), cancelOrder.clOrdId(), cancelOrder.origClOrdId(),
                        cancelOrder.securityId(), cancelOrder.triggerRxTimestampNs());
                }
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                if (blockLength < ReplaceOrderDecoder.BLOCK_LENGTH)
                {
                    counters.increment(GatewayCounter.MALFORMED_MESSAGES);
                    return;
                }
                replaceOrder.wrap(buffer, body, blockLength, version);
                if (admitted(replaceOrder.strategyId(), frame.sessionId(), replaceOrder.clOrdId(),
                    replaceOrder.securityId(), ReplaceOrderDecoder.TEMPLATE_ID, replaceOrder.triggerRxTimestampNs()))
                {
                    logic.onReplaceOrder(replaceOrder.strategyId(), replaceOrder.clOrdId(), replaceOrder.origClOrdId(),
                        replaceOrder.securityId(), replaceOrder.ordType(), replaceOrder.timeInForce(),
                        replaceOrder.price(), replaceOrder.qty(), replaceOrder.triggerRxTimestampNs());
                }
                break;
            default:
                counters.increment(GatewayCounter.MALFORMED_MESSAGES);
                return;
        }
    }

    /**
     * Whether the request may go to the order logic; if not it is refused here, published as unidentified.
     */
    private boolean admitted(
        final long strategyId,
        final int sessionId,
        final long clOrdId,
        final int securityId,
        final int templateId,
        final long triggerRxTimestampNs)
    {
        if (isOwnPublication(strategyId, sessionId))
        {
            return true;
        }
        logic.refuse(UNIDENTIFIED, clOrdId, securityId, templateId, RejectReason.UNKNOWN_STRATEGY,
            triggerRxTimestampNs);
        return false;
    }

    /**
     * A strategy is the first publication that speaks for it: its requests must keep coming from that publication
     * (Aeron session id) until it goes away, and a publication speaks for one strategy only. A request that breaks
     * either rule is refused, so one process cannot act for, or cancel, another strategy's orders.
     */
    private boolean isOwnPublication(final long strategyId, final int sessionId)
    {
        final int bound = strategyBySessionId.get(sessionId);
        if (NO_STRATEGY != bound)
        {
            return bound == strategyId;
        }
        if (strategyId <= 0 || strategyId > Integer.MAX_VALUE)
        {
            return true;
        }
        if (sessionByStrategy.containsKey((int)strategyId))
        {
            counters.increment(GatewayCounter.IMPERSONATIONS);
            return false;
        }
        strategyBySessionId.put(sessionId, (int)strategyId);
        sessionByStrategy.put((int)strategyId, sessionId);
        return true;
    }

    private void onMarketDataFragment(
        final DirectBuffer buffer, final int offset, final int length, final Header frame)
    {
        if (!wrapHeader(buffer, offset, length))
        {
            return;
        }
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case TopOfBookDecoder.TEMPLATE_ID:
                topOfBook.wrap(buffer, body, header.blockLength(), header.version());
                logic.onTopOfBook(topOfBook.securityId(), topOfBook.bidPrice(), topOfBook.askPrice());
                break;
            case TradeDecoder.TEMPLATE_ID:
                trade.wrap(buffer, body, header.blockLength(), header.version());
                logic.onTrade(trade.securityId(), trade.price());
                break;
            case FeedStateDecoder.TEMPLATE_ID:
                feedState.wrap(buffer, body, header.blockLength(), header.version());
                logic.onFeedState(feedState.securityId(), feedState.channelId(),
                    FeedStateValue.OK != feedState.state());
                break;
            default:
                break;
        }
    }

    private static final class LostImages
    {
        private volatile GatewayAgent agent;

        void onUnavailable(final Image image)
        {
            final GatewayAgent target = agent;
            if (null != target)
            {
                target.onUnavailableImage(image);
            }
        }
    }
}
