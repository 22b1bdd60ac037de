package io.wirespeed.latency.feed;

import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;

import java.util.Arrays;

/**
 * How the cost of a book update grows with the number of instruments: for 10, 1,000 and 10,000 instruments configured
 * programmatically, the simulator's packets are recorded and replayed through the feed handler (decode, books,
 * normalized publication over Aeron IPC); the time of the measured passes is divided by the MDP3 book entries they
 * carried. One warm-up pass per size, then each measured pass timed alone: the best and the median are printed (the
 * best is the figure least disturbed by a busy machine).
 * <p>
 * Usage: {@code bench book-scaling [packets recorded per size, default 200000] [measured passes, default 5]}
 */
public final class BookScalingBenchmark
{
    private static final int[] INSTRUMENTS = { 10, 1_000, 10_000 };

    private BookScalingBenchmark()
    {
    }

    /**
     * Run every size and print one row each.
     *
     * @param args optional packets per size and measured passes.
     */
    public static void main(final String[] args)
    {
        final long packets = args.length > 0 ? Long.parseLong(args[0]) : 200_000L;
        final int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("book scaling: %,d packets recorded per size, %d measured passes, on %d CPUs%n",
            packets, passes, Runtime.getRuntime().availableProcessors());
        System.out.printf("%12s %12s %12s %12s %12s %14s %6s %8s   %s%n", "instruments", "packets",
            "book entries", "ns/upd best", "ns/upd med", "ns/packet best", "gaps", "dropped", "best vs 10");
        double first = 0;
        for (final int instruments : INSTRUMENTS)
        {
            try (FeedBench bench = new FeedBench(instruments))
            {
                final FrameLog log = bench.record(packets);
                final long entries = FeedBench.bookEntries(log);
                final ReplayPort port = bench.replay(log);
                final FeedHandlerAgent agent = bench.agent(port);

                port.extendBudget(log.frameCount());
                FeedBench.runToEnd(agent, port);
                bench.awaitDrained();

                final double[] nsPerUpdate = new double[passes];
                for (int pass = 0; pass < passes; pass++)
                {
                    port.extendBudget(log.frameCount());
                    nsPerUpdate[pass] = FeedBench.runToEnd(agent, port) / (double)entries;
                    bench.awaitDrained();
                }
                Arrays.sort(nsPerUpdate);
                final double best = nsPerUpdate[0];
                if (0 == first)
                {
                    first = best;
                }
                System.out.printf("%,12d %,12d %,12d %12.1f %12.1f %14.1f %6d %8d   x%.2f%n", instruments,
                    log.frameCount(), entries, best, nsPerUpdate[passes / 2],
                    best * entries / log.frameCount(), FeedBench.counter(agent, FeedCounter.GAPS),
                    FeedBench.counter(agent, FeedCounter.PUBLISH_DROPPED), best / first);
                agent.onClose();
            }
        }
    }
}
