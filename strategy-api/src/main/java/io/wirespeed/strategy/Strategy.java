package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.InstrumentDefinitionDecoder;
import io.wirespeed.codecs.internal.InstrumentStatusDecoder;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.SessionEventDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;

/**
 * A trading strategy's callbacks, invoked on the strategy client's duty-cycle thread; every method is optional.
 * <p>
 * Decoders are flyweights valid only during the call. Market-data callbacks come only for the instruments the
 * strategy sees, after the book view has been updated; answers come only for this strategy's own requests.
 */
public interface Strategy
{
    /**
     * A venue event's book deltas have been applied: called on the BookUpdate that ends the event.
     *
     * @param book   the instrument's view, consistent as of the end of the event.
     * @param update the last BookUpdate of the event (its levels already read).
     */
    default void onBook(final BookView book, final BookUpdateDecoder update)
    {
    }

    /**
     * A venue event's implied book deltas have been applied: called on the implied BookUpdate that ends the event.
     *
     * @param book   the instrument's view; {@link BookView#implied()} holds the implied book.
     * @param update the last implied BookUpdate of the event (its levels already read).
     */
    default void onImpliedBook(final BookView book, final BookUpdateDecoder update)
    {
    }

    /**
     * A venue statistic (open, high, low, settlement, volume, open interest, limits...) was set, changed or deleted,
     * or all of the instrument's were reset (CLEAR); called after {@link BookView#statistics()} applied it.
     *
     * @param book      the instrument's view.
     * @param statistic the message.
     */
    default void onStatistic(final BookView book, final StatisticDecoder statistic)
    {
    }

    /**
     * The best bid or offer changed after an event.
     *
     * @param book      the instrument's view.
     * @param topOfBook the message, carrying the tick's rxTimestampNs.
     */
    default void onTopOfBook(final BookView book, final TopOfBookDecoder topOfBook)
    {
    }

    /**
     * A trade on the venue.
     *
     * @param book  the instrument's view.
     * @param trade the message.
     */
    default void onTrade(final BookView book, final TradeDecoder trade)
    {
    }

    /**
     * The instrument's trading status changed.
     *
     * @param book   the instrument's view.
     * @param status the message.
     */
    default void onInstrumentStatus(final BookView book, final InstrumentStatusDecoder status)
    {
    }

    /**
     * Market data was lost on the way to the strategy (a gap in streamSeq): every book is stale until the feed
     * handler republishes it (FeedState OK follows); called before the message that showed the gap.
     *
     * @param lost messages lost.
     */
    default void onMarketDataLoss(final long lost)
    {
    }

    /**
     * Whether the book can be trusted changed; called once per instrument affected (a channel-wide state, security
     * id 0, reaches every instrument of the channel).
     *
     * @param book      the instrument's view, its {@link BookView#feedState()} already updated.
     * @param feedState the message.
     */
    default void onFeedState(final BookView book, final FeedStateDecoder feedState)
    {
    }

    /**
     * The feed handler learned or re-announced an instrument definition.
     *
     * @param book       the instrument's view.
     * @param definition the message.
     */
    default void onInstrumentDefinition(final BookView book, final InstrumentDefinitionDecoder definition)
    {
    }

    /**
     * An execution report for one of this strategy's orders, after the order table applied it.
     *
     * @param order  the order it is about, or null when no live order has its ids.
     * @param report the message.
     */
    default void onExecutionReport(final StrategyOrder order, final ExecutionReportDecoder report)
    {
    }

    /**
     * The gateway's pre-trade risk decision on one of this strategy's requests, after the order table applied it.
     *
     * @param order    the order it is about, or null when no live order has its id.
     * @param decision the message; a REJECTED result carries the reason and the breached limit.
     */
    default void onRiskDecision(final StrategyOrder order, final RiskDecisionDecoder decision)
    {
    }

    /**
     * One of this strategy's orders left the gateway for the venue.
     *
     * @param order     the order, or null when no longer live.
     * @param orderSent the message, with the tick-to-trade stamps.
     */
    default void onOrderSent(final StrategyOrder order, final OrderSentDecoder orderSent)
    {
    }

    /**
     * The gateway's venue session changed state (orders are refused while it is not ESTABLISHED).
     *
     * @param sessionEvent the message.
     */
    default void onVenueSession(final SessionEventDecoder sessionEvent)
    {
    }

    /**
     * The gateway answered a control message (kill switch, resume, limit change) or tripped its kill switch on a
     * breach; it goes to every strategy, with the scope and target it applied to.
     *
     * @param controlAck the message.
     */
    default void onControlAck(final ControlAckDecoder controlAck)
    {
    }

    /**
     * Called once per duty cycle after the streams are polled, for timers.
     *
     * @param nowNs epoch nanoseconds read once for the cycle.
     * @return work done, 0 for none.
     */
    default int doWork(final long nowNs)
    {
        return 0;
    }
}
