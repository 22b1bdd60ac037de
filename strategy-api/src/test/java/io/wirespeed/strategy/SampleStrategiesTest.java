package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.CancelOrderDecoder;
import io.wirespeed.codecs.internal.ExecType;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrdStatus;
import io.wirespeed.codecs.internal.RejectReason;
import io.wirespeed.codecs.internal.ReplaceOrderDecoder;
import io.wirespeed.codecs.internal.RiskResult;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.StrategySample;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.strategy.sample.MarketMaker;
import io.wirespeed.strategy.sample.TickResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.strategy.TestAppliance.ES;
import static io.wirespeed.strategy.TestAppliance.NQ;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(30)
class SampleStrategiesTest
{
    private static final int STRATEGY_ID = 3;
    private static final long PRICE = 1_000_000_000L;
    private static final long QUARTER = PRICE / 4;

    @TempDir
    Path dir;

    private TestAppliance appliance;
    private StrategyClient client;
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);

    @BeforeEach
    void before()
    {
        appliance = new TestAppliance(dir);
    }

    @AfterEach
    void after()
    {
        if (null != client)
        {
            client.close();
        }
        appliance.close();
    }

    @Test
    void tickResponderFiresOnEachBestPriceChangeWithTheTicksRxTimestamp()
    {
        final StrategySettings settings = appliance.settings(STRATEGY_ID, StrategySample.TICK_RESPONDER);
        start(settings, TickResponder::fromSettings);

        appliance.topOfBook(ES, 1000, 1010, 11);
        appliance.topOfBook(ES, 1000, 1010, 12);
        appliance.topOfBook(NQ, 2000, 2010, 13);
        appliance.topOfBook(ES, 1000, 1005, 14);
        appliance.topOfBook(ES, 1000, 1005, 15);
        drainMarketData(5);

        final List<TestAppliance.Order> orders = appliance.awaitOrders(client, 2);
        assertEquals(0, appliance.pollOrders(), "exactly two triggers");
        assertEquals(order(1, Side.BUY, 1010, 11), orders.get(0));
        assertEquals(order(2, Side.SELL, 1000, 14), orders.get(1));
        assertEquals(2, ((TickResponder)client.strategy()).triggers());
    }

    @Test
    void tickResponderFiresOnEveryNthTopOfBook()
    {
        final StrategySettings settings = appliance.settings(STRATEGY_ID, StrategySample.TICK_RESPONDER);
        settings.strategy().triggerEveryN(3);
        start(settings, TickResponder::fromSettings);

        for (int i = 1; i <= 7; i++)
        {
            appliance.topOfBook(ES, 1000, 1010, 100 + i);
        }
        drainMarketData(7);

        final List<TestAppliance.Order> orders = appliance.awaitOrders(client, 2);
        assertEquals(0, appliance.pollOrders());
        assertEquals(order(1, Side.BUY, 1010, 103), orders.get(0));
        assertEquals(order(2, Side.SELL, 1000, 106), orders.get(1));
    }

    @Test
    void marketMakerQuotesFollowsMidAndStopsAddingAtItsPositionLimit()
    {
        final StrategySettings settings = appliance.settings(STRATEGY_ID, StrategySample.MARKET_MAKER);
        start(settings, MarketMaker::fromSettings);
        final MarketMaker maker = (MarketMaker)client.strategy();

        book(100 * PRICE, 100 * PRICE + QUARTER, 1);
        List<TestAppliance.Order> orders = appliance.awaitOrders(client, 2);
        assertEquals(quote(NewOrderDecoder.TEMPLATE_ID, 1, 0, Side.BUY, 99 * PRICE + 2 * QUARTER, 1), orders.get(0));
        assertEquals(quote(NewOrderDecoder.TEMPLATE_ID, 2, 0, Side.SELL, 100 * PRICE + 3 * QUARTER, 1),
            orders.get(1));
        ack(1, 0, Side.BUY, ExecType.NEW, OrdStatus.NEW, 0, 2);
        ack(2, 0, Side.SELL, ExecType.NEW, OrdStatus.NEW, 0, 2);
        awaitReports(2);

        book(101 * PRICE, 101 * PRICE + QUARTER, 2);
        orders = appliance.awaitOrders(client, 4);
        assertEquals(quote(ReplaceOrderDecoder.TEMPLATE_ID, 3, 1, Side.BUY, 100 * PRICE + 2 * QUARTER, 2),
            orders.get(2));
        assertEquals(quote(ReplaceOrderDecoder.TEMPLATE_ID, 4, 2, Side.SELL, 101 * PRICE + 3 * QUARTER, 2),
            orders.get(3));
        ack(3, 1, Side.BUY, ExecType.REPLACED, OrdStatus.NEW, 0, 2);
        ack(4, 2, Side.SELL, ExecType.REPLACED, OrdStatus.NEW, 0, 2);
        awaitReports(4);
        assertEquals(3, maker.bidClOrdId());
        assertEquals(4, maker.askClOrdId());

        ack(3, 0, Side.BUY, ExecType.TRADE, OrdStatus.FILLED, 2, 0);
        orders = appliance.awaitOrders(client, 5);
        assertEquals(2, client.orders().position(ES));
        assertEquals(quote(NewOrderDecoder.TEMPLATE_ID, 5, 0, Side.BUY, 100 * PRICE + 2 * QUARTER, 0),
            orders.get(4), "room for one more bid: re-quoted at once");
        ack(5, 0, Side.BUY, ExecType.NEW, OrdStatus.NEW, 0, 2);
        ack(5, 0, Side.BUY, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, 1, 1);
        orders = appliance.awaitOrders(client, 6);
        assertEquals(3, client.orders().position(ES));
        assertEquals(CancelOrderDecoder.TEMPLATE_ID, orders.get(5).templateId(), "no room for another bid: pulled");
        assertEquals(5, orders.get(5).origClOrdId());
        ack(6, 5, Side.BUY, ExecType.CANCELED, OrdStatus.CANCELED, 0, 0);
        awaitReports(8);

        book(102 * PRICE, 102 * PRICE + QUARTER, 3);
        orders = appliance.awaitOrders(client, 7);
        assertEquals(quote(ReplaceOrderDecoder.TEMPLATE_ID, 7, 4, Side.SELL, 102 * PRICE + 3 * QUARTER, 3),
            orders.get(6));
        assertEquals(0, appliance.pollOrders(), "no new bid at the position limit");
        assertEquals(0, maker.bidClOrdId());
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tickResponderStandsDownOnAKillSwitchRefusalAndTradesAgainAfterAnOperatorsResume()
    {
        final StrategySettings settings = appliance.settings(STRATEGY_ID, StrategySample.TICK_RESPONDER);
        start(settings, TickResponder::fromSettings);
        final TickResponder responder = (TickResponder)client.strategy();
        appliance.topOfBook(ES, 1000, 1010, 11);
        drainMarketData(1);
        appliance.awaitOrders(client, 1);

        appliance.riskDecision(STRATEGY_ID, 1, NewOrderDecoder.TEMPLATE_ID, RiskResult.REJECTED,
            RejectReason.KILL_SWITCH);
        while (!responder.isStandingDown())
        {
            client.doWork();
        }
        appliance.topOfBook(ES, 1000, 1005, 12);
        drainMarketData(2);
        assertEquals(0, appliance.pollOrders(), "stood down");

        appliance.resumeAck();
        while (responder.isStandingDown())
        {
            client.doWork();
        }
        appliance.topOfBook(ES, 1000, 1010, 13);
        drainMarketData(3);
        final List<TestAppliance.Order> orders = appliance.awaitOrders(client, 2);
        assertEquals(13, orders.get(1).triggerRxTimestampNs(), "trading again after the resume");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void marketMakerTradesAgainAfterAnOperatorsResume()
    {
        final StrategySettings settings = appliance.settings(STRATEGY_ID, StrategySample.MARKET_MAKER);
        start(settings, MarketMaker::fromSettings);
        final MarketMaker maker = (MarketMaker)client.strategy();
        book(100 * PRICE, 100 * PRICE + QUARTER, 1);
        appliance.awaitOrders(client, 2);
        appliance.riskDecision(STRATEGY_ID, 1, NewOrderDecoder.TEMPLATE_ID, RiskResult.REJECTED,
            RejectReason.KILL_SWITCH);
        while (!maker.isStandingDown())
        {
            client.doWork();
        }
        appliance.resumeAck();
        while (maker.isStandingDown())
        {
            client.doWork();
        }
    }

    private void start(final StrategySettings settings, final StrategyFactory factory)
    {
        client = StrategyClient.create(settings, appliance.aeron, factory, clock, 1);
        appliance.awaitConnected(client);
    }

    private void book(final long bid, final long ask, final long rxNs)
    {
        final boolean first = 0 == client.book(ES).updateCount();
        appliance.book(ES, rxNs, true)
            .level(BookView.BID, first ? BookAction.NEW : BookAction.CHANGE, 1, bid, 10, 1)
            .level(BookView.ASK, first ? BookAction.NEW : BookAction.CHANGE, 1, ask, 10, 1)
            .publishBook();
    }

    private void ack(
        final long clOrdId,
        final long origClOrdId,
        final Side side,
        final ExecType execType,
        final OrdStatus status,
        final long lastQty,
        final long leavesQty)
    {
        final StrategyOrder order = client.orders().order(clOrdId);
        final boolean replacing = null != order && order.isPending() && !order.pendingCancel;
        final long price = null == order ? 0 : replacing ? order.pendingPrice : order.price;
        appliance.report(STRATEGY_ID, clOrdId, origClOrdId, ES, side, execType, status, price, 2, lastQty, leavesQty,
            2 - leavesQty);
    }

    private void awaitReports(final long count)
    {
        while (client.counters().get(StrategyCounter.EXECUTION_REPORTS) < count)
        {
            if (0 == client.doWork())
            {
                Thread.yield();
            }
        }
    }

    private void drainMarketData(final long count)
    {
        while (client.counters().get(StrategyCounter.MARKET_DATA_MESSAGES) < count)
        {
            if (0 == client.doWork())
            {
                Thread.yield();
            }
        }
    }

    private static TestAppliance.Order order(final long clOrdId, final Side side, final long price, final long rxNs)
    {
        return new TestAppliance.Order(NewOrderDecoder.TEMPLATE_ID, STRATEGY_ID, clOrdId, 0, ES, side, price, 2,
            "LIMIT/IOC", rxNs, 1_000_000_000L);
    }

    private static TestAppliance.Order quote(
        final int templateId, final long clOrdId, final long origClOrdId, final Side side, final long price,
        final long rxNs)
    {
        return new TestAppliance.Order(templateId, STRATEGY_ID, clOrdId, origClOrdId, ES, side, price, 2,
            "LIMIT/DAY", rxNs, 1_000_000_000L);
    }
}
