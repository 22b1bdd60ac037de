package io.wirespeed.strategy;

/**
 * The counters each strategy client keeps in the Aeron counters file, by type id and label.
 */
public enum StrategyCounter
{
    MARKET_DATA_MESSAGES(6000, "market-data messages received"),
    BOOK_UPDATES(6001, "book updates applied to a book view"),
    BOOK_LEVELS_REJECTED(6002, "book levels rejected (level outside the view's depth)"),
    OTHER_INSTRUMENTS(6003, "market-data messages for instruments the strategy does not see"),
    UNKNOWN_TEMPLATES(6004, "messages of an unknown template or schema, skipped"),
    STATISTICS(6005, "statistics received for instruments the strategy sees"),
    STATISTICS_REJECTED(6006, "statistics of a type or action the view does not know, skipped"),
    MARKET_DATA_GAPS(6007, "gaps in the market-data streamSeq (every book stale until republished)"),
    MARKET_DATA_LOST(6008, "market-data messages lost (streamSeq gap sizes)"),
    NEW_ORDERS_SENT(6010, "new orders sent"),
    CANCELS_SENT(6011, "cancels sent"),
    REPLACES_SENT(6012, "replaces sent"),
    SENDS_BACK_PRESSURED(6013, "sends given up after back pressure"),
    SENDS_NOT_CONNECTED(6014, "sends refused: no gateway subscribed"),
    ORDER_TABLE_FULL(6015, "new orders refused: order table full"),
    EXECUTION_REPORTS(6020, "execution reports for this strategy"),
    OTHER_STRATEGIES(6021, "answers for other strategies, skipped"),
    UNKNOWN_ORDERS(6022, "answers for orders not in the order table"),
    FILLS(6023, "fills"),
    RISK_REJECTS(6024, "requests rejected by pre-trade risk"),
    ORDERS_SENT_TO_VENUE(6025, "orders the gateway sent to the venue"),
    EXECUTION_GAPS(6026, "gaps in this strategy's answers streamSeq (reports lost: order states unsure)"),
    EXECUTIONS_LOST(6027, "answers to this strategy lost (streamSeq gap sizes)");

    private final int typeId;
    private final String label;

    StrategyCounter(final int typeId, final String label)
    {
        this.typeId = typeId;
        this.label = label;
    }

    /**
     * The counter's type id in the counters file.
     *
     * @return the counter's type id.
     */
    public int typeId()
    {
        return typeId;
    }

    /**
     * What the counter counts.
     *
     * @return what the counter counts.
     */
    public String label()
    {
        return label;
    }
}
