package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every callback as a line of text.
 */
final class RecordingStrategy implements Strategy
{
    final List<String> events = new ArrayList<>();
    long marketDataLost;

    public void onBook(final BookView book, final BookUpdateDecoder update)
    {
        events.add("book " + book.securityId() + " " + book.bestBid() + "/" + book.bestAsk() + " rx=" +
            update.rxTimestampNs());
    }

    public void onImpliedBook(final BookView book, final BookUpdateDecoder update)
    {
        events.add("implied " + book.securityId() + " " + book.implied().bestBid() + "/" + book.implied().bestAsk());
    }

    public void onStatistic(final BookView book, final StatisticDecoder statistic)
    {
        events.add("statistic " + book.securityId() + " " + statistic.action() + " " + statistic.statisticType());
    }

    public void onTopOfBook(final BookView book, final TopOfBookDecoder topOfBook)
    {
        events.add("top " + book.securityId() + " " + topOfBook.bidPrice() + "/" + topOfBook.askPrice());
    }

    public void onTrade(final BookView book, final TradeDecoder trade)
    {
        events.add("trade " + book.securityId() + " " + trade.qty() + "@" + trade.price());
    }

    public void onMarketDataLoss(final long lost)
    {
        marketDataLost += lost;
    }

    public void onFeedState(final BookView book, final FeedStateDecoder feedState)
    {
        events.add("state " + book.securityId() + " " + feedState.state() + " stale=" + book.isStale());
    }

    public void onExecutionReport(final StrategyOrder order, final ExecutionReportDecoder report)
    {
        events.add("exec " + report.clOrdId() + " " + report.execType() + " " +
            (null == order ? "unknown" : order.status() + " leaves=" + order.leavesQty() + " cum=" + order.cumQty()));
    }

    public void onRiskDecision(final StrategyOrder order, final RiskDecisionDecoder decision)
    {
        events.add("risk " + decision.clOrdId() + " " + decision.result() + " " + decision.rejectReason() + " " +
            (null == order ? "unknown" : order.status().toString()));
    }

    String last()
    {
        return events.get(events.size() - 1);
    }
}
