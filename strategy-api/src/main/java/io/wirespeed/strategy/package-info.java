/**
 * The client library a strategy process links: {@link io.wirespeed.strategy.StrategyClient} (an Agrona agent) takes
 * normalized market data into per-instrument {@link io.wirespeed.strategy.BookView}s, sends orders through
 * {@link io.wirespeed.strategy.OrderEntry}, keeps {@link io.wirespeed.strategy.StrategyOrders} from the gateway's
 * answers and calls a {@link io.wirespeed.strategy.Strategy}; {@link io.wirespeed.strategy.StrategyMain} runs a
 * sample in its own JVM.
 */
package io.wirespeed.strategy;
