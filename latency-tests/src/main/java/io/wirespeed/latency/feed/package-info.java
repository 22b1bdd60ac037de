/**
 * Feed-handler benchmarks: throughput against raw Aeron IPC, book update cost as instruments grow, and steady-state
 * allocation, all fed with simulator packets replayed from memory.
 */
package io.wirespeed.latency.feed;
