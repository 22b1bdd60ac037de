package io.wirespeed.latency.order;

import java.lang.management.ManagementFactory;

/**
 * The gateway's cost per order on one core: validation, pre-trade risk, order state, iLink 3 encoding and SOFH
 * framing of a NewOrderSingle by the real FIXP session, plus the RiskDecision and OrderSent encoded for the
 * strategy. The transport is a sink ({@link SinkVenueTransport}), so the socket write is not included, nor is the
 * Aeron offer of the outcomes (they go to a sink that drops them).
 * <p>
 * Prints the new-order cost as an HdrHistogram of single calls (each timed with {@code System.nanoTime()}, so a
 * timer read is included) and as a mean from the total time of blocks of back-to-back calls; the cost of the
 * strategy's cancels and of the venue's reports (decode, order state, positions, execution report) as means; and
 * the bytes the thread allocated over the measured run, exiting 1 unless that is zero and every order went as
 * planned.
 * <p>
 * Usage: {@code bench gateway-cost [new orders measured, default 2000000] [warm-up orders, default 500000]}
 */
public final class GatewayCostBenchmark
{
    static final long WARM_UP_ROUND = 100_000;
    static final int MAX_WARM_UP_ROUNDS = 50;
    static final int CLEAN_ROUNDS = 3;

    private GatewayCostBenchmark()
    {
    }

    /**
     * What one run measured.
     *
     * @param rig            the rig after the run, holding the histogram and totals.
     * @param orders         new orders in the measured run.
     * @param allocatedBytes bytes the thread allocated over the measured run.
     * @param elapsedNs      wall time of the measured run.
     * @param problem        what went wrong with the orders, or null.
     */
    record Result(GatewayCostRig rig, long orders, long allocatedBytes, long elapsedNs, String problem)
    {
        boolean passed()
        {
            return 0 == allocatedBytes && null == problem;
        }
    }

    /**
     * Warm up, measure, print, exit non-zero when the measured run allocated or an order went wrong.
     *
     * @param args optional new orders measured and warm-up orders.
     */
    public static void main(final String[] args)
    {
        final long orders = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        final long warmUp = args.length > 1 ? Long.parseLong(args[1]) : 500_000L;
        final Result result = run(orders, warmUp);
        final GatewayCostRig rig = result.rig();
        System.out.printf("gateway cost, one thread, %,d new orders measured after %,d warm-up (%,d-order blocks; " +
            "venue answers: even orders filled, odd ones canceled by the strategy) in %.2f s%n",
            result.orders(), rig.orderCount() - result.orders(), GatewayCostRig.BATCH, result.elapsedNs() / 1e9);
        System.out.println("  new order, single calls:  " + OrderBench.nanos(rig.newOrderNs));
        System.out.printf("  new order, mean from total time of %,d back-to-back calls: %.1f ns%n",
            rig.newOrdersInBlocks, rig.newOrderBlockNs / (double)rig.newOrdersInBlocks);
        System.out.printf("  cancel request, mean from total time of %,d calls: %.1f ns%n",
            rig.cancels, rig.cancelNs / (double)rig.cancels);
        System.out.printf("  venue report in (decode, order state, positions, execution report out), mean of %,d: " +
            "%.1f ns%n", rig.reports, rig.reportNs / (double)rig.reports);
        System.out.printf("  venue session wrote %,d messages (%,d bytes framed); %,d outcomes encoded%n",
            rig.transport.messagesWritten(), rig.transport.bytesWritten(), rig.outcomesPublished);
        System.out.printf("  allocated %,d bytes on the gateway thread over the measured run (%.6f bytes/order)%n",
            result.allocatedBytes(), result.allocatedBytes() / (double)result.orders());
        if (!result.passed())
        {
            System.out.println("FAIL: " + (null == result.problem() ? "the steady state allocated" : result.problem()));
            System.exit(1);
        }
        System.out.println("OK: zero bytes allocated per order, every order accepted and filled or canceled");
    }

    /**
     * Build the rig, establish the session, warm up until the JIT has settled, then run the measured orders.
     * <p>
     * The warm-up runs at least {@code warmUp} orders, then goes on in rounds of as many orders (at most
     * {@value #WARM_UP_ROUND}) until {@value #CLEAN_ROUNDS} rounds in a row allocate nothing (at most
     * {@value #MAX_WARM_UP_ROUNDS} rounds):
     * a late recompilation can deoptimise a method and rematerialise objects escape analysis had removed, which is
     * JIT start-up, not the steady state.
     *
     * @param orders new orders measured.
     * @param warmUp new orders run first, not measured.
     * @return the result.
     */
    static Result run(final long orders, final long warmUp)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        final GatewayCostRig rig = new GatewayCostRig().establish();
        rig.run(warmUp);
        final long round = Math.max(GatewayCostRig.BATCH, Math.min(WARM_UP_ROUND, warmUp));
        int cleanRounds = 0;
        for (int i = 0; i < MAX_WARM_UP_ROUNDS && cleanRounds < CLEAN_ROUNDS; i++)
        {
            final long roundStart = threads.getCurrentThreadAllocatedBytes();
            rig.run(round);
            cleanRounds = threads.getCurrentThreadAllocatedBytes() == roundStart ? cleanRounds + 1 : 0;
        }
        rig.resetTimings();
        final long ordersBefore = rig.orderCount();
        final long startNs = System.nanoTime();
        final long before = threads.getCurrentThreadAllocatedBytes();
        rig.run(orders);
        final long after = threads.getCurrentThreadAllocatedBytes();
        final long elapsedNs = System.nanoTime() - startNs;
        return new Result(rig, rig.orderCount() - ordersBefore, after - before, elapsedNs, rig.check());
    }
}
