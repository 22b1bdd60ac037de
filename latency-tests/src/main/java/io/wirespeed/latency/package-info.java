/**
 * Tick-to-trade and per-stage latency histograms (HdrHistogram, .hlog), open-loop load generation and JMH
 * benchmarks, reported as ratios against a baseline run side by side. Code arrives with the benchmark parts of
 * each issue.
 */
package io.wirespeed.latency;
