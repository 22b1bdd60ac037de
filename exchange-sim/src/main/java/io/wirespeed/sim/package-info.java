/**
 * The venue simulator: a price-time matching engine with simulated participants, MDP3-style incremental feeds A/B,
 * snapshot and instrument definition loops, and iLink 3-style order entry. Code arrives with the feed and order path
 * issues.
 */
package io.wirespeed.sim;
