package io.wirespeed.config;

/**
 * Which of strategy-api's sample strategies a {@code [[strategy]]} runs when started by {@code StrategyMain}.
 */
public enum StrategySample implements ConfigEnum
{
    /**
     * No sample: the strategy is user code linked against strategy-api.
     */
    NONE("none"),

    /**
     * Sends an IOC order on a trigger tick: the tick-to-trade probe.
     */
    TICK_RESPONDER("tick-responder"),

    /**
     * Quotes a bid and an ask around mid and follows the book within its position limit.
     */
    MARKET_MAKER("market-maker");

    private final String text;

    StrategySample(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
