package io.wirespeed.strategy;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.BookType;
import io.wirespeed.codecs.internal.BookUpdateEncoder;
import io.wirespeed.codecs.internal.BooleanFlag;
import io.wirespeed.codecs.internal.CancelOrderDecoder;
import io.wirespeed.codecs.internal.ControlAckEncoder;
import io.wirespeed.codecs.internal.ControlRefusal;
import io.wirespeed.codecs.internal.ControlScope;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.ExecutionReportEncoder;
import io.wirespeed.codecs.internal.FeedStateEncoder;
import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ReplaceOrderDecoder;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.RiskDecisionEncoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.StatisticEncoder;
import io.wirespeed.codecs.internal.StatisticType;
import io.wirespeed.codecs.internal.TopOfBookEncoder;
import io.wirespeed.codecs.internal.TradeEncoder;
import io.wirespeed.config.AeronContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.StrategySample;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The appliance side of the strategy contract for tests: an embedded media driver, a market-data publisher, a
 * gateway double that reads the order stream and publishes answers.
 */
final class TestAppliance implements AutoCloseable
{
    static final int ES = 1001;
    static final int NQ = 1002;
    static final int CHANNEL = 310;
    static final int DEPTH = 5;
    static final long TICK = 250_000_000L;

    final MediaDriver driver;
    final Aeron aeron;
    final ExclusivePublication marketData;
    final ExclusivePublication executions;
    final Subscription orders;
    final List<Order> received = new ArrayList<>();

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private long marketDataSeq;
    private long answerSeq;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final BookUpdateEncoder bookUpdate = new BookUpdateEncoder();
    private final TopOfBookEncoder topOfBook = new TopOfBookEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final StatisticEncoder statistic = new StatisticEncoder();
    private final FeedStateEncoder feedState = new FeedStateEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final RiskDecisionEncoder riskDecision = new RiskDecisionEncoder();
    private final ControlAckEncoder controlAck = new ControlAckEncoder();
    private final MessageHeaderDecoder orderHeader = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final FragmentHandler orderHandler = this::onOrder;
    private final int[] levelSide = new int[64];
    private final BookAction[] levelAction = new BookAction[64];
    private final int[] levelNumber = new int[64];
    private final long[] levelPrice = new long[64];
    private final long[] levelQty = new long[64];
    private final int[] levelCount = new int[64];
    boolean capture = true;
    boolean fillEveryOrder;
    long orderCount;
    long lastClOrdId;
    int lastTemplateId;
    Side lastSide;
    long lastTriggerRxTimestampNs;
    private int levels;
    private int bookSecurityId;
    private long bookRxNs;
    private boolean bookEndOfEvent;
    private BookType bookType = BookType.OUTRIGHT;
    private long execId;

    /**
     * An order request the gateway double read.
     */
    record Order(
        int templateId,
        long strategyId,
        long clOrdId,
        long origClOrdId,
        int securityId,
        Side side,
        long price,
        long qty,
        String timeInForce,
        long triggerRxTimestampNs,
        long strategyTimestampNs)
    {
    }

    TestAppliance(final Path dir)
    {
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        final AeronContext context = aeronContext();
        marketData = aeron.addExclusivePublication(context.channel(), context.marketDataStreamId());
        executions = aeron.addExclusivePublication(context.channel(), context.executionStreamId());
        orders = aeron.addSubscription(context.channel(), context.orderStreamId());
    }

    AeronContext aeronContext()
    {
        return new AeronContext().dir(Path.of(driver.aeronDirectoryName()));
    }

    StrategySettings settings(final int strategyId, final StrategySample sample)
    {
        final StrategyContext strategy = new StrategyContext()
            .id(strategyId)
            .name("s" + strategyId)
            .account("ACC")
            .sample(sample)
            .orderQty(2)
            .quoteWidthTicks(2)
            .triggerEveryN(0);
        return new StrategySettings(strategy, aeronContext(), List.of(
            new StrategySettings.Instrument("ESZ5", ES, CHANNEL, DEPTH, TICK),
            new StrategySettings.Instrument("NQZ5", NQ, CHANNEL, DEPTH, TICK)), 4)
            .orderTableCapacity(64);
    }

    void awaitConnected(final StrategyClient client)
    {
        while (!marketData.isConnected() || !executions.isConnected() || !client.isOrderStreamConnected() ||
            !client.isMarketDataConnected() || !client.isExecutionStreamConnected())
        {
            Thread.yield();
        }
    }

    TestAppliance book(final int securityId, final long rxNs, final boolean endOfEvent)
    {
        return book(securityId, rxNs, endOfEvent, BookType.OUTRIGHT);
    }

    TestAppliance book(final int securityId, final long rxNs, final boolean endOfEvent, final BookType bookType)
    {
        this.bookType = bookType;
        bookSecurityId = securityId;
        bookRxNs = rxNs;
        bookEndOfEvent = endOfEvent;
        levels = 0;
        return this;
    }

    TestAppliance level(
        final int side, final BookAction action, final int level, final long price, final long qty, final int count)
    {
        levelSide[levels] = side;
        levelAction[levels] = action;
        levelNumber[levels] = level;
        levelPrice[levels] = price;
        levelQty[levels] = qty;
        levelCount[levels] = count;
        levels++;
        return this;
    }

    void publishBook()
    {
        bookUpdate.wrapAndApplyHeader(buffer, 0, header)
            .streamSeq(++marketDataSeq)
            .securityId(bookSecurityId)
            .channelId(CHANNEL)
            .endOfEvent(bookEndOfEvent ? BooleanFlag.TRUE : BooleanFlag.FALSE)
            .rptSeq(1)
            .packetSeqNum(1)
            .sendingTimeNs(bookRxNs - 1)
            .rxTimestampNs(bookRxNs)
            .publishTimestampNs(bookRxNs + 1)
            .bookType(bookType);
        final BookUpdateEncoder.LevelsEncoder group = bookUpdate.levelsCount(levels);
        for (int i = 0; i < levels; i++)
        {
            group.next()
                .side(BookView.BID == levelSide[i] ? Side.BUY : Side.SELL)
                .action(levelAction[i])
                .level((short)levelNumber[i])
                .price(levelPrice[i])
                .qty(levelQty[i])
                .orderCount(levelCount[i]);
        }
        offer(marketData, MessageHeaderEncoder.ENCODED_LENGTH + bookUpdate.encodedLength());
    }

    void topOfBook(final int securityId, final long bid, final long ask, final long rxNs)
    {
        topOfBook.wrapAndApplyHeader(buffer, 0, header)
            .streamSeq(++marketDataSeq)
            .securityId(securityId)
            .rptSeq(1)
            .bidPrice(bid)
            .bidQty(1)
            .bidOrderCount(1)
            .askPrice(ask)
            .askQty(1)
            .askOrderCount(1)
            .sendingTimeNs(rxNs - 1)
            .rxTimestampNs(rxNs)
            .publishTimestampNs(rxNs + 1);
        offer(marketData, MessageHeaderEncoder.ENCODED_LENGTH + topOfBook.encodedLength());
    }

    void trade(final int securityId, final long price, final long qty, final long rxNs)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .streamSeq(++marketDataSeq)
            .securityId(securityId)
            .rptSeq(1)
            .price(price)
            .qty(qty)
            .aggressorSide(Side.BUY)
            .numberOfOrders(2)
            .sendingTimeNs(rxNs - 1)
            .rxTimestampNs(rxNs)
            .publishTimestampNs(rxNs + 1)
            .transactTimeNs(rxNs - 2)
            .mdTradeEntryId(TradeEncoder.mdTradeEntryIdNullValue());
        offer(marketData, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    void statistic(
        final int securityId,
        final StatisticType type,
        final BookAction action,
        final long price,
        final long qty,
        final int settlPriceFlags,
        final long rxNs)
    {
        statistic.wrapAndApplyHeader(buffer, 0, header)
            .streamSeq(++marketDataSeq)
            .securityId(securityId)
            .channelId(CHANNEL)
            .rptSeq(rxNs)
            .statisticType(type)
            .action(action)
            .price(price)
            .qty(qty)
            .tradingReferenceDate(20_400)
            .packetSeqNum(1)
            .transactTimeNs(rxNs - 2)
            .sendingTimeNs(rxNs - 1)
            .rxTimestampNs(rxNs)
            .publishTimestampNs(rxNs + 1);
        statistic.settlPriceFlags().clear().finalDaily(0 != (settlPriceFlags & 1)).actual(0 != (settlPriceFlags & 2));
        offer(marketData, MessageHeaderEncoder.ENCODED_LENGTH + statistic.encodedLength());
    }

    void feedState(final int securityId, final FeedStateValue state, final long rxNs)
    {
        feedState.wrapAndApplyHeader(buffer, 0, header)
            .streamSeq(++marketDataSeq)
            .securityId(securityId)
            .channelId(CHANNEL)
            .state(state)
            .reason(FeedStateReason.GAP)
            .expectedSeqNum(1)
            .receivedSeqNum(2)
            .rxTimestampNs(rxNs)
            .publishTimestampNs(rxNs + 1);
        offer(marketData, MessageHeaderEncoder.ENCODED_LENGTH + feedState.encodedLength());
    }

    void report(
        final long strategyId,
        final long clOrdId,
        final long origClOrdId,
        final int securityId,
        final Side side,
        final ExecType execType,
        final OrdStatus ordStatus,
        final long price,
        final long orderQty,
        final long lastQty,
        final long leavesQty,
        final long cumQty)
    {
        report.wrapAndApplyHeader(buffer, 0, header)
            .streamSeq(++answerSeq)
            .strategyId(strategyId)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .orderId(clOrdId + 1_000_000)
            .securityId(securityId)
            .side(side)
            .execType(execType)
            .ordStatus(ordStatus)
            .rejectReason(ExecType.REJECTED == execType ? RejectReason.VENUE_REJECT : RejectReason.NONE)
            .venueRejectCode(0)
            .price(price)
            .orderQty(orderQty)
            .lastPrice(0 == lastQty ? BookView.NULL_PRICE : price)
            .lastQty(lastQty)
            .leavesQty(leavesQty)
            .cumQty(cumQty)
            .execId(++execId)
            .venueTransactTimeNs(1)
            .triggerRxTimestampNs(0)
            .gatewayRxTimestampNs(2)
            .publishTimestampNs(3);
        offer(executions, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    void riskDecision(
        final long strategyId,
        final long clOrdId,
        final int requestTemplateId,
        final RiskResult result,
        final RejectReason reason)
    {
        riskDecision.wrapAndApplyHeader(buffer, 0, header)
            .streamSeq(++answerSeq)
            .strategyId(strategyId)
            .clOrdId(clOrdId)
            .securityId(ES)
            .requestTemplateId(requestTemplateId)
            .result(result)
            .rejectReason(reason)
            .limitValue(4)
            .observedValue(6)
            .triggerRxTimestampNs(0)
            .gatewayRxTimestampNs(1)
            .decisionTimestampNs(2);
        offer(executions, MessageHeaderEncoder.ENCODED_LENGTH + riskDecision.encodedLength());
    }

    /**
     * Publish the gateway's answer to an operator's Resume of every strategy.
     */
    void resumeAck()
    {
        controlAck.wrapAndApplyHeader(buffer, 0, header)
            .controlTemplateId(ResumeDecoder.TEMPLATE_ID)
            .scope(ControlScope.GLOBAL)
            .targetId(0)
            .applied(BooleanFlag.TRUE)
            .openOrdersCanceled(0)
            .timestampNs(4)
            .complete(BooleanFlag.TRUE)
            .refusal(ControlRefusal.NONE);
        offer(executions, MessageHeaderEncoder.ENCODED_LENGTH + controlAck.encodedLength());
    }

    int pollOrders()
    {
        return orders.poll(orderHandler, 64);
    }

    /**
     * Poll the order stream until it has delivered this many requests in all, driving a client meanwhile.
     */
    List<Order> awaitOrders(final StrategyClient client, final int count)
    {
        while (received.size() < count)
        {
            if (null != client)
            {
                client.doWork();
            }
            if (0 == pollOrders())
            {
                Thread.yield();
            }
        }
        return received;
    }

    Order last()
    {
        return received.get(received.size() - 1);
    }

    private void onOrder(
        final DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header aeronHeader)
    {
        orderHeader.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        orderCount++;
        lastTemplateId = orderHeader.templateId();
        if (!capture)
        {
            if (NewOrderDecoder.TEMPLATE_ID == lastTemplateId)
            {
                newOrder.wrap(buffer, body, orderHeader.blockLength(), orderHeader.version());
                lastClOrdId = newOrder.clOrdId();
                lastSide = newOrder.side();
                lastTriggerRxTimestampNs = newOrder.triggerRxTimestampNs();
                if (fillEveryOrder)
                {
                    report(newOrder.strategyId(), newOrder.clOrdId(), 0, newOrder.securityId(), newOrder.side(),
                        ExecType.TRADE, OrdStatus.FILLED, newOrder.price(), newOrder.qty(), newOrder.qty(), 0,
                        newOrder.qty());
                }
            }
            return;
        }
        switch (orderHeader.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                newOrder.wrap(buffer, body, orderHeader.blockLength(), orderHeader.version());
                received.add(new Order(NewOrderDecoder.TEMPLATE_ID, newOrder.strategyId(), newOrder.clOrdId(), 0,
                    newOrder.securityId(), newOrder.side(), newOrder.price(), newOrder.qty(),
                    newOrder.ordType() + "/" + newOrder.timeInForce(), newOrder.triggerRxTimestampNs(),
                    newOrder.strategyTimestampNs()));
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancelOrder.wrap(buffer, body, orderHeader.blockLength(), orderHeader.version());
                received.add(new Order(CancelOrderDecoder.TEMPLATE_ID, cancelOrder.strategyId(), cancelOrder.clOrdId(),
                    cancelOrder.origClOrdId(), cancelOrder.securityId(), cancelOrder.side(), 0, 0, "",
                    cancelOrder.triggerRxTimestampNs(), cancelOrder.strategyTimestampNs()));
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replaceOrder.wrap(buffer, body, orderHeader.blockLength(), orderHeader.version());
                received.add(new Order(ReplaceOrderDecoder.TEMPLATE_ID, replaceOrder.strategyId(),
                    replaceOrder.clOrdId(), replaceOrder.origClOrdId(), replaceOrder.securityId(), replaceOrder.side(),
                    replaceOrder.price(), replaceOrder.qty(),
                    replaceOrder.ordType() + "/" + replaceOrder.timeInForce(), replaceOrder.triggerRxTimestampNs(),
                    replaceOrder.strategyTimestampNs()));
                break;
            default:
                throw new AssertionError("unexpected template " + orderHeader.templateId());
        }
    }

    /**
     * The next market-data messages lose numbers, as if the feed handler could not publish them.
     *
     * @param lost messages to skip.
     */
    void loseMarketData(final long lost)
    {
        marketDataSeq += lost;
    }

    static void offer(final Publication publication, final DirectBuffer buffer, final int length)
    {
        long result;
        while ((result = publication.offer(buffer, 0, length)) <= 0)
        {
            if (Publication.BACK_PRESSURED != result && Publication.ADMIN_ACTION != result &&
                Publication.NOT_CONNECTED != result)
            {
                throw new AssertionError("offer failed: " + result);
            }
            Thread.yield();
        }
    }

    private void offer(final Publication publication, final int length)
    {
        offer(publication, buffer, length);
    }

    public void close()
    {
        CloseHelper.closeAll(orders, executions, marketData, aeron, driver);
    }
}
