package io.wirespeed.strategy;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.BookType;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.SessionEventDecoder;
import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.InstrumentDefinitionDecoder;
import io.wirespeed.codecs.internal.InstrumentStatusDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import io.wirespeed.config.WirespeedConfig;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The library a strategy links: market data into book views, orders out, its own answers in, as one Agrona agent.
 * <p>
 * The same client runs in the appliance's hot-path composite agent (compact mode, over the appliance's Aeron
 * client) or on its own thread in its own JVM (multi-process, {@link #connect}) with no change to the strategy.
 */
public final class StrategyClient implements Agent, AutoCloseable
{
    /** Fragments polled per stream per duty cycle. */
    public static final int FRAGMENT_LIMIT = 64;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
    private final TopOfBookDecoder topOfBook = new TopOfBookDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final InstrumentStatusDecoder instrumentStatus = new InstrumentStatusDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private final InstrumentDefinitionDecoder instrumentDefinition = new InstrumentDefinitionDecoder();
    private final StatisticDecoder statistic = new StatisticDecoder();
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final RiskDecisionDecoder riskDecision = new RiskDecisionDecoder();
    private final OrderSentDecoder orderSent = new OrderSentDecoder();
    private final SessionEventDecoder sessionEvent = new SessionEventDecoder();
    private final ControlAckDecoder controlAck = new ControlAckDecoder();
    private final StreamSequence marketDataSequence = new StreamSequence();
    private final StreamSequence answerSequence = new StreamSequence();
    private SessionState venueState = SessionState.DISCONNECTED;
    private final Int2ObjectHashMap<BookView> bookBySecurityId = new Int2ObjectHashMap<>();
    private final BookView[] books;
    private final List<BookView> bookList;
    private final StrategySettings settings;
    private final Aeron ownedAeron;
    private final Subscription marketData;
    private final Subscription executions;
    private final ExclusivePublication orderPublication;
    private final FragmentHandler marketDataHandler;
    private final FragmentHandler executionHandler;
    private final StrategyCounters counters;
    private final StrategyOrders orders;
    private final OrderEntry orderEntry;
    private final EpochNanoClock clock;
    private final long strategyId;
    private final Strategy strategy;
    private boolean closed;

    private StrategyClient(
        final StrategySettings settings,
        final Aeron aeron,
        final boolean ownsAeron,
        final StrategyFactory factory,
        final EpochNanoClock clock,
        final long firstClOrdId)
    {
        this.settings = settings;
        this.ownedAeron = ownsAeron ? aeron : null;
        this.clock = clock;
        this.strategyId = settings.strategyId();

        final List<BookView> views = new ArrayList<>();
        for (final StrategySettings.Instrument instrument : settings.instruments())
        {
            final BookView view = new BookView(
                instrument.symbol(),
                instrument.securityId(),
                instrument.channelId(),
                instrument.bookDepth(),
                instrument.tickSize());
            views.add(view);
            bookBySecurityId.put(instrument.securityId(), view);
        }
        books = views.toArray(new BookView[0]);
        bookList = Collections.unmodifiableList(views);

        final String channel = settings.aeron().channel();
        Subscription md = null;
        Subscription exec = null;
        ExclusivePublication publication = null;
        StrategyCounters strategyCounters = null;
        try
        {
            md = aeron.addSubscription(channel, settings.aeron().marketDataStreamId());
            exec = aeron.addSubscription(channel, settings.aeron().executionStreamId());
            publication = aeron.addExclusivePublication(channel, settings.aeron().orderStreamId());
            strategyCounters = new StrategyCounters(aeron, settings.name());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(strategyCounters, publication, exec, md);
            throw ex;
        }
        marketData = md;
        executions = exec;
        orderPublication = publication;
        counters = strategyCounters;
        marketDataHandler = new FragmentAssembler(this::onMarketData);
        executionHandler = new FragmentAssembler(this::onExecution);
        orders = new StrategyOrders(settings.orderTableCapacity());
        orderEntry = new OrderEntry(
            orderPublication, settings.strategyId(), firstClOrdId, orders, counters, clock,
            OrderEntry.MAX_ATTEMPTS_DEFAULT);
        strategy = factory.create(this);
    }

    /**
     * A client over an Aeron client the caller owns (compact mode: the appliance's, on its embedded driver).
     *
     * @param settings of the strategy.
     * @param aeron    client; not closed by this.
     * @param factory  builds the strategy.
     * @param clock    epoch clock for timestamps and the first client order id.
     * @return the client, to run as an agent or by calling {@link #doWork()}.
     */
    public static StrategyClient create(
        final StrategySettings settings, final Aeron aeron, final StrategyFactory factory, final EpochNanoClock clock)
    {
        return new StrategyClient(settings, aeron, false, factory, clock, Math.max(1, clock.nanoTime()));
    }

    /**
     * A client over an Aeron client the caller owns, with a chosen first client order id.
     *
     * @param settings     of the strategy.
     * @param aeron        client; not closed by this.
     * @param factory      builds the strategy.
     * @param clock        epoch clock for timestamps.
     * @param firstClOrdId positive; later ids count up from it.
     * @return the client, to run as an agent or by calling {@link #doWork()}.
     */
    public static StrategyClient create(
        final StrategySettings settings,
        final Aeron aeron,
        final StrategyFactory factory,
        final EpochNanoClock clock,
        final long firstClOrdId)
    {
        return new StrategyClient(settings, aeron, false, factory, clock, firstClOrdId);
    }

    /**
     * Connect a strategy of the configuration to the appliance's media driver (multi-process mode).
     * <p>
     * Client order ids start at the epoch nanosecond time of the connection, so a restarted strategy does not reuse
     * the ids of its previous run.
     *
     * @param config  concluded configuration; {@code [aeron] dir} names the driver.
     * @param name    of the {@code [[strategy]]}.
     * @param factory builds the strategy.
     * @return the client, which owns and closes its Aeron client.
     */
    public static StrategyClient connect(final WirespeedConfig config, final String name, final StrategyFactory factory)
    {
        final StrategySettings settings = StrategySettings.from(config, name);
        final Aeron aeron = Aeron.connect(new Aeron.Context()
            .aeronDirectoryName(config.aeron().dir().toString())
            .driverTimeoutMs(config.aeron().driverTimeoutMs())
            .clientName("wirespeed-strategy-" + name));
        try
        {
            final EpochNanoClock clock = new SystemEpochNanoClock();
            return new StrategyClient(settings, aeron, true, factory, clock, clock.nanoTime());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(aeron);
            throw ex;
        }
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "strategy-" + settings.name();
    }

    /**
     * Poll market data, then the answers, then give the strategy its timer call.
     *
     * @return work done.
     */
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = marketData.poll(marketDataHandler, FRAGMENT_LIMIT);
        work += executions.poll(executionHandler, FRAGMENT_LIMIT);
        work += strategy.doWork(nowNs);
        return work;
    }

    /**
     * Close the streams, the counters and, when it was created by {@link #connect}, the Aeron client.
     */
    public void onClose()
    {
        close();
    }

    /**
     * Close the streams, the counters and, when it was created by {@link #connect}, the Aeron client.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            CloseHelper.closeAll(orderPublication, executions, marketData, counters, ownedAeron);
        }
    }

    /**
     * The settings the client runs with.
     *
     * @return the settings.
     */
    public StrategySettings settings()
    {
        return settings;
    }

    /**
     * The strategy the factory built.
     *
     * @return the strategy.
     */
    public Strategy strategy()
    {
        return strategy;
    }

    /**
     * The book view of an instrument the strategy sees.
     *
     * @param securityId of the instrument.
     * @return its view, or null when the strategy does not see it.
     */
    public BookView book(final int securityId)
    {
        return bookBySecurityId.get(securityId);
    }

    /**
     * Every book view, in configuration order.
     *
     * @return an unmodifiable list.
     */
    public List<BookView> books()
    {
        return bookList;
    }

    /**
     * Where the strategy sends new, cancel and replace requests.
     *
     * @return the order entry.
     */
    public OrderEntry orderEntry()
    {
        return orderEntry;
    }

    /**
     * The strategy's orders and positions.
     *
     * @return the order table.
     */
    public StrategyOrders orders()
    {
        return orders;
    }

    /**
     * The strategy's counters.
     *
     * @return the counters.
     */
    public StrategyCounters counters()
    {
        return counters;
    }

    /**
     * Whether a publisher of market data is connected to the strategy.
     *
     * @return true once market data can arrive.
     */
    public boolean isMarketDataConnected()
    {
        return marketData.isConnected();
    }

    /**
     * Whether a gateway subscribes to the strategy's orders.
     *
     * @return true once orders can be sent.
     */
    public boolean isOrderStreamConnected()
    {
        return orderPublication.isConnected();
    }

    /**
     * Whether a gateway publishes answers to the strategy.
     *
     * @return true once answers can arrive.
     */
    public boolean isExecutionStreamConnected()
    {
        return executions.isConnected();
    }

    private boolean wrapHeader(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            counters.increment(StrategyCounter.UNKNOWN_TEMPLATES);
            return false;
        }
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId() ||
            length < MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
        {
            counters.increment(StrategyCounter.UNKNOWN_TEMPLATES);
            return false;
        }
        return true;
    }

    private void onMarketData(final DirectBuffer buffer, final int offset, final int length, final Header aeronHeader)
    {
        counters.increment(StrategyCounter.MARKET_DATA_MESSAGES);
        if (!wrapHeader(buffer, offset, length))
        {
            return;
        }
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                bookUpdate.wrap(buffer, body, blockLength, version);
                onMarketDataSeq(bookUpdate.streamSeq());
                onBookUpdate(bookUpdate);
                break;
            case TopOfBookDecoder.TEMPLATE_ID:
            {
                topOfBook.wrap(buffer, body, blockLength, version);
                onMarketDataSeq(topOfBook.streamSeq());
                final BookView book = view(topOfBook.securityId());
                if (null != book)
                {
                    strategy.onTopOfBook(book, topOfBook);
                }
                break;
            }
            case TradeDecoder.TEMPLATE_ID:
            {
                trade.wrap(buffer, body, blockLength, version);
                onMarketDataSeq(trade.streamSeq());
                final BookView book = view(trade.securityId());
                if (null != book)
                {
                    book.trade(trade.price(), trade.qty());
                    strategy.onTrade(book, trade);
                }
                break;
            }
            case InstrumentStatusDecoder.TEMPLATE_ID:
            {
                instrumentStatus.wrap(buffer, body, blockLength, version);
                onMarketDataSeq(instrumentStatus.streamSeq());
                final BookView book = view(instrumentStatus.securityId());
                if (null != book)
                {
                    book.tradingStatus(instrumentStatus.status());
                    strategy.onInstrumentStatus(book, instrumentStatus);
                }
                break;
            }
            case FeedStateDecoder.TEMPLATE_ID:
                feedState.wrap(buffer, body, blockLength, version);
                onMarketDataSeq(feedState.streamSeq());
                onFeedState(feedState);
                break;
            case StatisticDecoder.TEMPLATE_ID:
                statistic.wrap(buffer, body, blockLength, version);
                onMarketDataSeq(statistic.streamSeq());
                onStatistic(statistic);
                break;
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
            {
                instrumentDefinition.wrap(buffer, body, blockLength, version);
                onMarketDataSeq(instrumentDefinition.streamSeq());
                final BookView book = view(instrumentDefinition.securityId());
                if (null != book)
                {
                    strategy.onInstrumentDefinition(book, instrumentDefinition);
                }
                break;
            }
            default:
                counters.increment(StrategyCounter.UNKNOWN_TEMPLATES);
                break;
        }
    }

    /**
     * A gap in the market-data stream marks every book stale, counted, before the message that showed it is applied:
     * the lost messages may have concerned any instrument; the feed handler republishes each (FeedState OK follows).
     */
    private void onMarketDataSeq(final long streamSeq)
    {
        final long lost = marketDataSequence.onMessage(streamSeq);
        if (lost > 0)
        {
            counters.increment(StrategyCounter.MARKET_DATA_GAPS);
            counters.add(StrategyCounter.MARKET_DATA_LOST, lost);
            for (final BookView book : books)
            {
                book.onStreamLoss();
            }
            strategy.onMarketDataLoss(lost);
        }
    }

    /**
     * A gap in this strategy's answers is counted: the gateway never drops them (it holds them, then cuts the
     * strategy off), so a gap means the strategy's view of its orders may be wrong.
     */
    private void onAnswerSeq(final long streamSeq)
    {
        final long lost = answerSequence.onMessage(streamSeq);
        if (lost > 0)
        {
            counters.increment(StrategyCounter.EXECUTION_GAPS);
            counters.add(StrategyCounter.EXECUTIONS_LOST, lost);
        }
    }

    private void onBookUpdate(final BookUpdateDecoder update)
    {
        final BookView book = view(update.securityId());
        if (null == book)
        {
            return;
        }
        final boolean implied = BookType.IMPLIED == update.bookType();
        final int rejected = (implied ? book.implied() : book).apply(update);
        counters.increment(StrategyCounter.BOOK_UPDATES);
        if (rejected > 0)
        {
            counters.add(StrategyCounter.BOOK_LEVELS_REJECTED, rejected);
        }
        if (BooleanFlag.TRUE == update.endOfEvent())
        {
            if (implied)
            {
                strategy.onImpliedBook(book, update);
            }
            else
            {
                strategy.onBook(book, update);
            }
        }
    }

    private void onStatistic(final StatisticDecoder statistic)
    {
        final BookView book = view(statistic.securityId());
        if (null == book)
        {
            return;
        }
        counters.increment(StrategyCounter.STATISTICS);
        if (book.statistics().apply(statistic))
        {
            strategy.onStatistic(book, statistic);
        }
        else
        {
            counters.increment(StrategyCounter.STATISTICS_REJECTED);
        }
    }

    private void onFeedState(final FeedStateDecoder state)
    {
        final int securityId = state.securityId();
        if (0 != securityId)
        {
            final BookView book = view(securityId);
            if (null != book)
            {
                book.feedState(state.state());
                strategy.onFeedState(book, state);
            }
            return;
        }
        final int channelId = state.channelId();
        for (final BookView book : books)
        {
            if (book.channelId() == channelId)
            {
                book.feedState(state.state());
                strategy.onFeedState(book, state);
            }
        }
    }

    private BookView view(final int securityId)
    {
        final BookView book = bookBySecurityId.get(securityId);
        if (null == book)
        {
            counters.increment(StrategyCounter.OTHER_INSTRUMENTS);
        }
        return book;
    }

    private void onExecution(final DirectBuffer buffer, final int offset, final int length, final Header aeronHeader)
    {
        if (!wrapHeader(buffer, offset, length))
        {
            return;
        }
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case ExecutionReportDecoder.TEMPLATE_ID:
                onExecutionReport(executionReport.wrap(buffer, body, blockLength, version));
                break;
            case RiskDecisionDecoder.TEMPLATE_ID:
                onRiskDecision(riskDecision.wrap(buffer, body, blockLength, version));
                break;
            case OrderSentDecoder.TEMPLATE_ID:
                orderSent.wrap(buffer, body, blockLength, version);
                if (strategyId != orderSent.strategyId())
                {
                    counters.increment(StrategyCounter.OTHER_STRATEGIES);
                    return;
                }
                onAnswerSeq(orderSent.streamSeq());
                counters.increment(StrategyCounter.ORDERS_SENT_TO_VENUE);
                strategy.onOrderSent(orders.order(orderSent.clOrdId()), orderSent);
                break;
            case SessionEventDecoder.TEMPLATE_ID:
                sessionEvent.wrap(buffer, body, blockLength, version);
                venueState = sessionEvent.state();
                strategy.onVenueSession(sessionEvent);
                break;
            case ControlAckDecoder.TEMPLATE_ID:
                strategy.onControlAck(controlAck.wrap(buffer, body, blockLength, version));
                break;
            default:
                counters.increment(StrategyCounter.UNKNOWN_TEMPLATES);
                break;
        }
    }

    /**
     * The venue session's state as the gateway last published it (DISCONNECTED until the first session event).
     *
     * @return the state.
     */
    public SessionState venueState()
    {
        return venueState;
    }

    private void onExecutionReport(final ExecutionReportDecoder report)
    {
        if (strategyId != report.strategyId())
        {
            counters.increment(StrategyCounter.OTHER_STRATEGIES);
            return;
        }
        onAnswerSeq(report.streamSeq());
        counters.increment(StrategyCounter.EXECUTION_REPORTS);
        if (ExecType.TRADE == report.execType())
        {
            counters.increment(StrategyCounter.FILLS);
        }
        final StrategyOrder order = orders.onExecutionReport(report);
        if (null == order)
        {
            counters.increment(StrategyCounter.UNKNOWN_ORDERS);
        }
        strategy.onExecutionReport(order, report);
        if (null != order)
        {
            orders.releaseIfDone(order);
        }
    }

    private void onRiskDecision(final RiskDecisionDecoder decision)
    {
        if (strategyId != decision.strategyId())
        {
            counters.increment(StrategyCounter.OTHER_STRATEGIES);
            return;
        }
        onAnswerSeq(decision.streamSeq());
        if (RiskResult.REJECTED == decision.result())
        {
            counters.increment(StrategyCounter.RISK_REJECTS);
        }
        final StrategyOrder order = orders.onRiskDecision(decision);
        if (null == order)
        {
            counters.increment(StrategyCounter.UNKNOWN_ORDERS);
        }
        strategy.onRiskDecision(order, decision);
        if (null != order)
        {
            orders.releaseIfDone(order);
        }
    }
}
