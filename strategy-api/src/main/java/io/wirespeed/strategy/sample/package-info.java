/**
 * Sample strategies: the tick-to-trade probe and a simple market maker.
 */
package io.wirespeed.strategy.sample;
