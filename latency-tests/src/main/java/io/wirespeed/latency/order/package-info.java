/**
 * Order-path benchmarks: the gateway's cost per order on one thread against a sink venue transport, and the order
 * round trip strategy to gateway to simulator and back over real threads, Aeron IPC and loopback TCP.
 */
package io.wirespeed.latency.order;
