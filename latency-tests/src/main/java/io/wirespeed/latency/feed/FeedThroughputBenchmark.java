package io.wirespeed.latency.feed;

import io.aeron.ExclusivePublication;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Messages per second through the feed handler on one thread (MDP3 decode, A/B arbitration, books, normalized
 * publication over Aeron IPC to a subscriber draining on another thread), fed with packets the simulator sent,
 * replayed from memory, against raw Aeron IPC offers of the same number of messages of the same mean size on the
 * same publication, in rounds that alternate which goes first. Prints one row per round, the median and best ratio.
 * <p>
 * Usage: {@code bench feed-throughput [packets per round, default 1000000] [rounds, default 6]}
 */
public final class FeedThroughputBenchmark
{
    private static final long RECORDED_PACKETS = 200_000;

    private FeedThroughputBenchmark()
    {
    }

    /**
     * Run the rounds and print the table.
     *
     * @param args optional packets per round and round count.
     */
    public static void main(final String[] args)
    {
        final long packets = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (FeedBench bench = new FeedBench(2))
        {
            final FrameLog log = bench.record(RECORDED_PACKETS);
            final ReplayPort port = bench.replay(log);
            final FeedHandlerAgent agent = bench.agent(port);
            final ExclusivePublication publication = bench.publication;
            final UnsafeBuffer message = new UnsafeBuffer(new byte[publication.maxPayloadLength()]);
            for (int i = 0; i < message.capacity(); i++)
            {
                message.putByte(i, (byte)i);
            }

            port.extendBudget(packets);
            FeedBench.runToEnd(agent, port);
            bench.awaitDrained();
            long messages = bench.drainer.fragments;
            int length = (int)Math.round(bench.drainer.bytes / (double)Math.max(1, messages));
            rawOffers(bench, message, messages, length);

            System.out.printf("feed throughput: %,d packets per round (%,d recorded from the simulator, 2 " +
                "instruments, feed A), %d rounds, on %d CPUs%n", packets, log.frameCount(), rounds,
                Runtime.getRuntime().availableProcessors());
            System.out.printf("%5s %6s %14s %16s %8s %16s %8s%n",
                "round", "first", "packets/s", "handler msgs/s", "msg B", "raw Aeron msgs/s", "ratio");
            final double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++)
            {
                final boolean handlerFirst = 0 == (round & 1);
                long rawMessages = messages;
                long rawNs = handlerFirst ? 0 : rawOffers(bench, message, rawMessages, length);

                final long fragmentsBefore = bench.drainer.fragments;
                final long bytesBefore = bench.drainer.bytes;
                port.extendBudget(packets);
                final long handlerNs = FeedBench.runToEnd(agent, port);
                bench.awaitDrained();
                messages = bench.drainer.fragments - fragmentsBefore;
                length = (int)Math.round((bench.drainer.bytes - bytesBefore) / (double)messages);

                if (handlerFirst)
                {
                    rawMessages = messages;
                    rawNs = rawOffers(bench, message, rawMessages, length);
                }
                final double handlerRate = messages * 1e9 / handlerNs;
                final double rawRate = rawMessages * 1e9 / rawNs;
                ratios[round] = handlerRate / rawRate;
                System.out.printf("%5d %6s %,14.0f %,16.0f %8d %,16.0f %8.3f%n", round + 1,
                    handlerFirst ? "feed" : "raw", packets * 1e9 / handlerNs, handlerRate, length, rawRate,
                    ratios[round]);
            }
            Arrays.sort(ratios);
            System.out.printf("ratio handler/raw: median %.3f, best %.3f; gaps %d, publications dropped %d, " +
                "channel resets %d%n",
                ratios[rounds / 2], ratios[rounds - 1], FeedBench.counter(agent, FeedCounter.GAPS),
                FeedBench.counter(agent, FeedCounter.PUBLISH_DROPPED),
                FeedBench.counter(agent, FeedCounter.CHANNEL_RESETS));
            agent.onClose();
        }
    }

    private static long rawOffers(
        final FeedBench bench, final UnsafeBuffer message, final long messages, final int length)
    {
        final ExclusivePublication publication = bench.publication;
        final long startNs = System.nanoTime();
        for (long i = 0; i < messages; i++)
        {
            message.putLong(0, i);
            while (publication.offer(message, 0, length) < 0)
            {
                Thread.onSpinWait();
            }
        }
        final long elapsedNs = System.nanoTime() - startNs;
        bench.awaitDrained();
        return elapsedNs;
    }
}
