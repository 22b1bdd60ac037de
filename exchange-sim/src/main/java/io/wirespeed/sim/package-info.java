/**
 * The venue simulator, market-data side: a price-time matching engine per instrument
 * ({@link io.wirespeed.sim.OrderBook}) driven by seeded simulated participants, publishing MDP3-style incremental
 * feeds A and B, a snapshot loop and an instrument definition loop through any NIC port
 * ({@link io.wirespeed.sim.MarketDataSimulator}).
 */
package io.wirespeed.sim;
