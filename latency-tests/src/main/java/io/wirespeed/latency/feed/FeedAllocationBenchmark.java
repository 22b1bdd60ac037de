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
    private static final long BACK_PRESSURED_PACKETS = 300_000;
    private static final long WARM_UP_CHUNK_PACKETS = 10_000;
    private static final long MARGIN_PACKETS = 200_000;

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
            // the warm-up includes a spell of back pressure (the subscriber paused), so the publish path's
            // back-pressure branch is compiled before the measured run rather than deoptimised during it
            warmUp(agent, port, WARM_UP_PACKETS / 2);
            bench.drainer.paused = true;
            warmUp(agent, port, BACK_PRESSURED_PACKETS);
            bench.drainer.paused = false;
            warmUp(agent, port, WARM_UP_PACKETS / 2);
            bench.awaitDrained();

            // the measured run goes on a thread of its own and is read from outside while it is in full flow, from
            // a mark after it started to a mark before it ends: the JVM's own work when the run loop starts or
            // exits (on-stack replacement, a deoptimisation at the loop exit) is not the handler's steady state
            final long droppedBefore = FeedBench.counter(agent, FeedCounter.PUBLISH_DROPPED);
            final long messagesBefore = bench.drainer.fragments;
            final long packetsBefore = FeedBench.counter(agent, FeedCounter.PACKETS_A);
            port.extendBudget(MARGIN_PACKETS + packets + MARGIN_PACKETS);
            final long[] elapsed = new long[1];
            final Thread feedThread = new Thread(() -> elapsed[0] = FeedBench.runToEnd(agent, port), "feed-handler");
            feedThread.start();
            final long startMark = packetsBefore + MARGIN_PACKETS;
            while (FeedBench.counter(agent, FeedCounter.PACKETS_A) < startMark)
            {
                Thread.onSpinWait();
            }
            final long before = threads.getThreadAllocatedBytes(feedThread.getId());
            final long measuredFrom = FeedBench.counter(agent, FeedCounter.PACKETS_A);
            while (FeedBench.counter(agent, FeedCounter.PACKETS_A) < measuredFrom + packets)
            {
                Thread.onSpinWait();
            }
            final long after = threads.getThreadAllocatedBytes(feedThread.getId());
            final long measuredTo = FeedBench.counter(agent, FeedCounter.PACKETS_A);
            joinUninterruptibly(feedThread);
            final long elapsedNs = elapsed[0];
            bench.awaitDrained();
            allocatedBytes = after - before;
            messages = bench.drainer.fragments - messagesBefore;
            System.out.printf("measured from packet %,d to %,d of the run (%,d packets) while it ran%n",
                measuredFrom - packetsBefore, measuredTo - packetsBefore, measuredTo - measuredFrom);
            gaps = FeedBench.counter(agent, FeedCounter.GAPS);
            System.out.printf("feed allocation: run of %,d packets (MDP3, feed A) -> %,d normalized messages " +
                "published in %.1f s; allocated %,d bytes on the feed handler thread over the measured %,d " +
                "(%.6f bytes/packet); gaps %d, channel resets %d, publications dropped %d%n",
                2 * MARGIN_PACKETS + packets, messages, elapsedNs / 1e9, allocatedBytes, measuredTo - measuredFrom,
                allocatedBytes / (double)packets, gaps, FeedBench.counter(agent, FeedCounter.CHANNEL_RESETS),
                FeedBench.counter(agent, FeedCounter.PUBLISH_DROPPED) - droppedBefore);
            agent.onClose();
        }
        if (0 != allocatedBytes || 0 != gaps || 0 == messages)
        {
            System.out.println("FAIL: the steady-state loop allocated, lost packets or published nothing");
            System.exit(1);
        }
        System.out.println("OK: zero bytes allocated per message");
    }

    private static void joinUninterruptibly(final Thread thread)
    {
        while (true)
        {
            try
            {
                thread.join();
                return;
            }
            catch (final InterruptedException ignore)
            {
                // the run must end before its results are read
            }
        }
    }

    private static void warmUp(final FeedHandlerAgent agent, final ReplayPort port, final long packets)
    {
        for (long done = 0; done < packets; done += WARM_UP_CHUNK_PACKETS)
        {
            port.extendBudget(WARM_UP_CHUNK_PACKETS);
            FeedBench.runToEnd(agent, port);
        }
    }
}
