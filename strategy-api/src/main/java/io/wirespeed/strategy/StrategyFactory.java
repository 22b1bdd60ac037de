package io.wirespeed.strategy;

/**
 * Builds a strategy once its client exists, so the strategy can keep the client's book views and order entry.
 */
@FunctionalInterface
public interface StrategyFactory
{
    /**
     * Build the strategy.
     *
     * @param client it trades through.
     * @return the strategy.
     */
    Strategy create(StrategyClient client);
}
