package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.BookType;
import io.wirespeed.codecs.internal.CancelOrderDecoder;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ReplaceOrderDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.StatisticType;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.config.StrategySample;
import io.wirespeed.nic.ManualEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.wirespeed.strategy.TestAppliance.ES;
import static io.wirespeed.strategy.TestAppliance.NQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class StrategyClientTest
{
    private static final int STRATEGY_ID = 7;
    private static final long FIRST_CLORDID = 5000;

    @TempDir
    Path dir;

    private TestAppliance appliance;
    private StrategyClient client;
    private RecordingStrategy strategy;
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);

    @BeforeEach
    void before()
    {
        appliance = new TestAppliance(dir);
        client = StrategyClient.create(appliance.settings(STRATEGY_ID, StrategySample.NONE), appliance.aeron,
            (c) -> strategy = new RecordingStrategy(), clock, FIRST_CLORDID);
        appliance.awaitConnected(client);
    }

    @AfterEach
    void after()
    {
        client.close();
        appliance.close();
    }

    @Test
    void impliedBooksAndStatisticsReachTheirViewsAndCallbacks()
    {
        final BookView es = client.book(ES);
        appliance.book(ES, 100, true).level(BookView.BID, BookAction.NEW, 1, 1000, 5, 1).publishBook();
        appliance.book(ES, 100, false, BookType.IMPLIED).level(BookView.BID, BookAction.NEW, 1, 1001, 2, 0)
            .publishBook();
        appliance.book(ES, 100, true, BookType.IMPLIED).level(BookView.ASK, BookAction.NEW, 1, 1009, 3, 0)
            .publishBook();
        doWorkUntil(() -> 3 == es.updateCount() + es.implied().updateCount());
        assertEquals(1000, es.bestBid(), "the outright book is untouched by implied levels");
        assertEquals(BookView.NULL_PRICE, es.bestAsk());
        assertEquals(1001, es.implied().bestBid());
        assertEquals(1009, es.implied().bestAsk());
        assertEquals(List.of("book " + ES + " 1000/" + BookView.NULL_PRICE + " rx=100",
            "implied " + ES + " 1001/1009"), strategy.events);

        strategy.events.clear();
        appliance.statistic(ES, StatisticType.SETTLEMENT_PRICE, BookAction.NEW, 4_500_250_000_000L,
            StatisticsView.NULL_QTY, 0b11, 200);
        appliance.statistic(ES, StatisticType.ELECTRONIC_VOLUME, BookAction.NEW, StatisticsView.NULL_PRICE, 1_500, 0,
            201);
        appliance.statistic(ES, StatisticType.ELECTRONIC_VOLUME, BookAction.CHANGE, StatisticsView.NULL_PRICE, 1_600,
            0, 202);
        appliance.statistic(ES, StatisticType.HIGH_LIMIT_PRICE, BookAction.NEW, 4_700_000_000_000L,
            StatisticsView.NULL_QTY, 0, 203);
        appliance.statistic(ES, StatisticType.HIGH_LIMIT_PRICE, BookAction.DELETE, StatisticsView.NULL_PRICE,
            StatisticsView.NULL_QTY, 0, 204);
        final StatisticsView statistics = es.statistics();
        doWorkUntil(() -> 5 == statistics.updateCount());
        assertEquals(4_500_250_000_000L, statistics.price(StatisticType.SETTLEMENT_PRICE));
        assertEquals(0b11, statistics.settlPriceFlags(StatisticType.SETTLEMENT_PRICE));
        assertEquals(20_400, statistics.tradingReferenceDate(StatisticType.SETTLEMENT_PRICE));
        assertEquals(198, statistics.transactTimeNs(StatisticType.SETTLEMENT_PRICE));
        assertEquals(1_600, statistics.qty(StatisticType.ELECTRONIC_VOLUME));
        assertEquals(StatisticsView.NULL_PRICE, statistics.price(StatisticType.ELECTRONIC_VOLUME));
        assertFalse(statistics.isSet(StatisticType.HIGH_LIMIT_PRICE));
        assertEquals(StatisticsView.NULL_PRICE, statistics.price(StatisticType.HIGH_LIMIT_PRICE));
        assertEquals(204, statistics.rptSeq());
        assertEquals(List.of(
            "statistic " + ES + " NEW SETTLEMENT_PRICE",
            "statistic " + ES + " NEW ELECTRONIC_VOLUME",
            "statistic " + ES + " CHANGE ELECTRONIC_VOLUME",
            "statistic " + ES + " NEW HIGH_LIMIT_PRICE",
            "statistic " + ES + " DELETE HIGH_LIMIT_PRICE"), strategy.events);

        appliance.statistic(ES, StatisticType.NULL_VAL, BookAction.CLEAR, StatisticsView.NULL_PRICE,
            StatisticsView.NULL_QTY, 0, 300);
        doWorkUntil(() -> 6 == statistics.updateCount());
        assertFalse(statistics.isSet(StatisticType.SETTLEMENT_PRICE));
        assertFalse(statistics.isSet(StatisticType.ELECTRONIC_VOLUME));
        assertEquals(6, client.counters().get(StrategyCounter.STATISTICS));
        assertEquals(0, client.counters().get(StrategyCounter.STATISTICS_REJECTED));
        assertTrue(client.book(NQ).statistics().updateCount() == 0, "other instruments untouched");
    }

    @Test
    void bookViewFollowsPublishedMarketDataThroughEveryAction()
    {
        final BookView es = client.book(ES);
        appliance.book(ES, 100, false)
            .level(BookView.BID, BookAction.NEW, 1, 1000, 5, 1)
            .level(BookView.BID, BookAction.NEW, 2, 990, 6, 2)
            .publishBook();
        appliance.book(ES, 100, true)
            .level(BookView.ASK, BookAction.NEW, 1, 1010, 7, 3)
            .level(BookView.ASK, BookAction.NEW, 2, 1020, 8, 4)
            .publishBook();
        doWorkUntil(() -> 2 == es.updateCount());
        assertEquals(List.of("book " + ES + " 1000/1010 rx=100"), strategy.events, "onBook at the end of event only");
        assertEquals(990, es.price(BookView.BID, 2));
        assertEquals(8, es.quantity(BookView.ASK, 2));
        assertEquals(4, es.orderCount(BookView.ASK, 2));

        appliance.book(ES, 200, true)
            .level(BookView.BID, BookAction.CHANGE, 1, 1000, 50, 9)
            .level(BookView.ASK, BookAction.DELETE, 1, 0, 0, 0)
            .level(BookView.BID, BookAction.NEW, 1, 1005, 1, 1)
            .publishBook();
        doWorkUntil(() -> 3 == es.updateCount());
        assertEquals(1005, es.bestBid());
        assertEquals(50, es.quantity(BookView.BID, 2));
        assertEquals(1020, es.bestAsk());
        assertEquals(200, es.rxTimestampNs());

        appliance.book(ES, 300, true)
            .level(BookView.BID, BookAction.DELETE_FROM, 2, 0, 0, 0)
            .level(BookView.ASK, BookAction.OVERLAY, 1, 1015, 2, 1)
            .publishBook();
        doWorkUntil(() -> 4 == es.updateCount());
        assertEquals(990, es.bestBid());
        assertEquals(BookView.NULL_PRICE, es.price(BookView.BID, 2));
        assertEquals(1015, es.bestAsk());

        appliance.book(ES, 400, true)
            .level(BookView.BID, BookAction.DELETE_THRU, 0, 0, 0, 0)
            .level(BookView.ASK, BookAction.CLEAR, 0, 0, 0, 0)
            .level(BookView.ASK, BookAction.NEW, 1, 1030, 4, 1)
            .level(BookView.ASK, BookAction.NEW, 9, 1090, 4, 1)
            .publishBook();
        doWorkUntil(() -> 5 == es.updateCount());
        assertEquals(BookView.NULL_PRICE, es.bestBid());
        assertEquals(1030, es.bestAsk());
        assertEquals(1, client.counters().get(StrategyCounter.BOOK_LEVELS_REJECTED));
        assertEquals(BookView.NULL_PRICE, client.book(NQ).bestBid(), "other instruments untouched");

        appliance.topOfBook(ES, BookView.NULL_PRICE, 1030, 500);
        appliance.trade(ES, 1030, 3, 500);
        appliance.book(999, 500, true).level(BookView.BID, BookAction.NEW, 1, 1, 1, 1).publishBook();
        doWorkUntil(() -> client.counters().get(StrategyCounter.OTHER_INSTRUMENTS) == 1);
        assertEquals(List.of("top " + ES + " " + BookView.NULL_PRICE + "/1030", "trade " + ES + " 3@1030"),
            strategy.events.subList(strategy.events.size() - 2, strategy.events.size()));
        assertEquals(1030, es.lastTradePrice());
    }

    @Test
    void aGapInTheMarketDataStreamMarksEveryBookStaleCountedUntilTheFeedHandlerRepublishesIt()
    {
        appliance.book(ES, 100, true).level(BookView.BID, BookAction.NEW, 1, 1000, 5, 1).publishBook();
        doWorkUntil(() -> 1 == client.book(ES).updateCount());
        assertFalse(client.book(ES).isStale());

        appliance.loseMarketData(3);
        appliance.book(ES, 101, true).level(BookView.BID, BookAction.CHANGE, 1, 1000, 7, 1).publishBook();
        doWorkUntil(() -> 2 == client.book(ES).updateCount());
        assertTrue(client.book(ES).isStale(), "the lost messages may have been for any book");
        assertTrue(client.book(NQ).isStale());
        assertEquals(FeedStateValue.STALE, client.book(ES).implied().feedState());
        assertEquals(1, client.book(ES).lossCount());
        assertEquals(1, client.counters().get(StrategyCounter.MARKET_DATA_GAPS));
        assertEquals(3, client.counters().get(StrategyCounter.MARKET_DATA_LOST));
        assertEquals(3, strategy.marketDataLost);

        appliance.feedState(ES, FeedStateValue.OK, 4);
        doWorkUntil(() -> !client.book(ES).isStale());
        assertTrue(client.book(NQ).isStale(), "stale until its own republication");
        assertEquals(1, client.counters().get(StrategyCounter.MARKET_DATA_GAPS), "no gap in order");
    }

    @Test
    void feedStateMarksOneInstrumentOrTheWholeChannelStale()
    {
        appliance.feedState(NQ, FeedStateValue.STALE, 1);
        doWorkUntil(() -> client.book(NQ).isStale());
        assertEquals(FeedStateValue.OK, client.book(ES).feedState());

        appliance.feedState(0, FeedStateValue.RECOVERING, 2);
        doWorkUntil(() -> client.book(ES).isStale());
        assertEquals(FeedStateValue.RECOVERING, client.book(NQ).feedState());

        appliance.feedState(ES, FeedStateValue.OK, 3);
        doWorkUntil(() -> !client.book(ES).isStale());
        assertEquals(List.of(
            "state " + NQ + " STALE stale=true",
            "state " + ES + " RECOVERING stale=true",
            "state " + NQ + " RECOVERING stale=true",
            "state " + ES + " OK stale=false"), strategy.events);
    }

    @Test
    void ordersArriveOnTheOrderStreamWithTheirFields()
    {
        final OrderEntry entry = client.orderEntry();
        clock.set(123_456);
        final long clOrdId = entry.newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1000, 3, 77);
        assertEquals(FIRST_CLORDID, clOrdId);
        assertEquals(OrdStatus.PENDING_NEW, client.orders().order(clOrdId).status());
        final long replaceId = entry.replace(clOrdId, 995, 4, 78);
        assertEquals(OrderEntry.REQUEST_PENDING, entry.cancel(clOrdId, 0), "one request outstanding at a time");
        assertEquals(OrderEntry.UNKNOWN_ORDER, entry.cancel(42, 0));

        final List<TestAppliance.Order> orders = appliance.awaitOrders(client, 2);
        assertEquals(new TestAppliance.Order(NewOrderDecoder.TEMPLATE_ID, STRATEGY_ID, clOrdId, 0, ES, Side.BUY,
            1000, 3, "LIMIT/DAY", 77, 123_456), orders.get(0));
        assertEquals(new TestAppliance.Order(ReplaceOrderDecoder.TEMPLATE_ID, STRATEGY_ID, replaceId, clOrdId, ES,
            Side.BUY, 995, 4, "LIMIT/DAY", 78, 123_456), orders.get(1));
        assertEquals(OrdStatus.PENDING_REPLACE, client.orders().order(clOrdId).status());

        appliance.report(STRATEGY_ID, replaceId, clOrdId, ES, Side.BUY, ExecType.REPLACED, OrdStatus.NEW, 995, 4, 0,
            4, 0);
        doWorkUntil(() -> null == client.orders().order(clOrdId));
        final StrategyOrder replaced = client.orders().order(replaceId);
        assertEquals(replaceId, replaced.clOrdId());
        assertEquals(995, replaced.price());
        assertEquals(OrdStatus.NEW, replaced.status());

        final long cancelId = entry.cancel(replaceId, 79);
        assertEquals(new TestAppliance.Order(CancelOrderDecoder.TEMPLATE_ID, STRATEGY_ID, cancelId, replaceId, ES,
            Side.BUY, 0, 0, "", 79, 123_456), appliance.awaitOrders(client, 3).get(2));
        assertEquals(OrdStatus.PENDING_CANCEL, replaced.status());
        assertEquals(3, cancelId - FIRST_CLORDID + 1, "client order ids count up");
    }

    @Test
    void seesOnlyItsOwnAnswersAndKeepsOrderStatesAndPosition()
    {
        final OrderEntry entry = client.orderEntry();
        final long buy = entry.newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1000, 5, 0);
        final long sell = entry.newOrder(ES, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 1010, 2, 0);
        appliance.awaitOrders(client, 2);

        appliance.report(STRATEGY_ID + 1, buy, 0, ES, Side.BUY, ExecType.TRADE, OrdStatus.FILLED, 1000, 5, 5, 0, 5);
        appliance.riskDecision(STRATEGY_ID + 1, sell, NewOrderDecoder.TEMPLATE_ID, RiskResult.REJECTED,
            RejectReason.POSITION_LIMIT);
        appliance.report(STRATEGY_ID, buy, 0, ES, Side.BUY, ExecType.NEW, OrdStatus.NEW, 1000, 5, 0, 5, 0);
        appliance.report(STRATEGY_ID, buy, 0, ES, Side.BUY, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 1000, 5, 3, 2,
            3);
        doWorkUntil(() -> 2 == strategy.events.size());
        assertEquals(2, client.counters().get(StrategyCounter.OTHER_STRATEGIES));
        assertEquals(List.of(
            "exec " + buy + " NEW NEW leaves=5 cum=0",
            "exec " + buy + " TRADE PARTIALLY_FILLED leaves=2 cum=3"), strategy.events);
        assertEquals(3, client.orders().position(ES));
        assertEquals(0, client.orders().position(NQ));

        appliance.report(STRATEGY_ID, sell, 0, ES, Side.SELL, ExecType.NEW, OrdStatus.NEW, 1010, 2, 0, 2, 0);
        appliance.report(STRATEGY_ID, sell, 0, ES, Side.SELL, ExecType.TRADE, OrdStatus.FILLED, 1010, 2, 2, 0, 2);
        appliance.report(STRATEGY_ID, buy, 0, ES, Side.BUY, ExecType.TRADE, OrdStatus.FILLED, 1000, 5, 2, 0, 5);
        doWorkUntil(() -> 5 == strategy.events.size());
        assertEquals(5 - 2, client.orders().position(ES));
        assertNull(client.orders().order(buy), "filled orders leave the table");
        assertNull(client.orders().order(sell));
        assertEquals(0, client.orders().liveCount());
        assertEquals(3, client.counters().get(StrategyCounter.FILLS));

        final long rejected = entry.newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1000, 9, 0);
        final long canceled = entry.newOrder(NQ, Side.SELL, OrdType.LIMIT, TimeInForce.DAY, 2000, 1, 0);
        appliance.awaitOrders(client, 4);
        appliance.riskDecision(STRATEGY_ID, rejected, NewOrderDecoder.TEMPLATE_ID, RiskResult.REJECTED,
            RejectReason.POSITION_LIMIT);
        appliance.report(STRATEGY_ID, canceled, 0, NQ, Side.SELL, ExecType.NEW, OrdStatus.NEW, 2000, 1, 0, 1, 0);
        doWorkUntil(() -> 7 == strategy.events.size());
        assertEquals("risk " + rejected + " REJECTED POSITION_LIMIT REJECTED", strategy.events.get(5));
        assertEquals(1, client.counters().get(StrategyCounter.RISK_REJECTS));
        assertNull(client.orders().order(rejected));

        final long cancelId = entry.cancel(canceled, 0);
        appliance.awaitOrders(client, 5);
        appliance.report(STRATEGY_ID, cancelId, canceled, NQ, Side.SELL, ExecType.CANCEL_REJECTED, OrdStatus.NEW,
            2000, 1, 0, 1, 0);
        doWorkUntil(() -> 8 == strategy.events.size());
        assertEquals(OrdStatus.NEW, client.orders().order(canceled).status(), "cancel reject restores the order");
        assertNull(client.orders().order(cancelId));

        final long secondCancelId = entry.cancel(canceled, 0);
        appliance.awaitOrders(client, 6);
        appliance.report(STRATEGY_ID, secondCancelId, canceled, NQ, Side.SELL, ExecType.CANCELED, OrdStatus.CANCELED,
            2000, 1, 0, 0, 0);
        appliance.report(STRATEGY_ID, 999_999, 0, NQ, Side.SELL, ExecType.CANCELED, OrdStatus.CANCELED, 2000, 1, 0,
            0, 0);
        doWorkUntil(() -> 10 == strategy.events.size());
        assertEquals("exec " + secondCancelId + " CANCELED CANCELED leaves=0 cum=0", strategy.events.get(8));
        assertEquals("exec 999999 CANCELED unknown", strategy.events.get(9));
        assertEquals(1, client.counters().get(StrategyCounter.UNKNOWN_ORDERS));
        assertEquals(0, client.orders().liveCount());
        assertEquals(-0L, client.orders().position(NQ));
    }

    @Test
    void refusesNewOrdersWhenTheTableIsFull()
    {
        for (int i = 0; i < 64; i++)
        {
            assertTrue(client.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1, 1, 0) > 0);
        }
        assertEquals(OrderEntry.TABLE_FULL,
            client.orderEntry().newOrder(ES, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1, 1, 0));
        assertEquals(1, client.counters().get(StrategyCounter.ORDER_TABLE_FULL));
    }

    private void doWorkUntil(final BooleanSupplier condition)
    {
        while (!condition.getAsBoolean())
        {
            if (0 == client.doWork())
            {
                Thread.yield();
            }
        }
    }
}
