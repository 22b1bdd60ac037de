/**
 * The client library a strategy process links: normalized market data with per-instrument book views, order
 * entry and execution reports, and sample strategies. Code arrives with the order-path issue.
 */
package io.wirespeed.strategy;
