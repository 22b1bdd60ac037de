package io.wirespeed.latency.feed;

import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;

import java.lang.management.ManagementFactory;

/**
 * Bytes the feed handler's thread allocates in the steady state: the simulator's packets replayed through the feed
 * handler (decode, books, normalized publication over Aeron IPC), measured with the thread's allocated-bytes counter
 * around the loop after a warm-up. Exits 1 when anything was allocated.
 * <p>
 * Usage: {@code bench feed-alloc [packets measured, default 10000000]}
 */
public final class FeedAllocationBenchmark
{
    private static final long RECORDED_PACKETS = 200_000;
    private static final long WARM_UP_PACKETS = 2_000_000;

    private FeedAllocationBenchmark()
    {
    }

    /**
     * Warm up, measure, print, exit non-zero when the loop allocated.
     *
     * @param args optional packets measured.
     */
    public static void main(final String[] args)
    {
        final long packets = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        final long allocatedBytes;
        final long messages;
        final long gaps;
        try (FeedBench bench = new FeedBench(2))
        {
            final FrameLog log = bench.record(RECORDED_PACKETS);
            final ReplayPort port = bench.replay(log);
            final FeedHandlerAgent agent = bench.agent(port);
            port.extendBudget(WARM_UP_PACKETS);
            FeedBench.runToEnd(agent, port);
            bench.awaitDrained();

            final long messagesBefore = bench.drainer.fragments;
            port.extendBudget(packets);
            final long before = threads.getCurrentThreadAllocatedBytes();
            final long elapsedNs = FeedBench.runToEnd(agent, port);
            final long after = threads.getCurrentThreadAllocatedBytes();
            bench.awaitDrained();
            allocatedBytes = after - before;
            messages = bench.drainer.fragments - messagesBefore;
            gaps = FeedBench.counter(agent, FeedCounter.GAPS);
            System.out.printf("feed allocation: %,d packets (MDP3, feed A) -> %,d normalized messages published " +
                "in %.1f s; allocated %,d bytes on the feed handler thread (%.6f bytes/packet); gaps %d, " +
                "channel resets %d, publications dropped %d%n", packets, messages, elapsedNs / 1e9, allocatedBytes,
                allocatedBytes / (double)packets, gaps, FeedBench.counter(agent, FeedCounter.CHANNEL_RESETS),
                FeedBench.counter(agent, FeedCounter.PUBLISH_DROPPED));
            agent.onClose();
        }
        if (0 != allocatedBytes || 0 != gaps || 0 == messages)
        {
            System.out.println("FAIL: the steady-state loop allocated, lost packets or published nothing");
            System.exit(1);
        }
        System.out.println("OK: zero bytes allocated per message");
    }
}
