package io.wirespeed.deploy.venue;

import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import io.wirespeed.nic.AllocationMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The initiator's order path (NewOrderSingle out, ExecutionReportNew in, over TCP) allocates nothing.
 */
@Timeout(60)
class FixpSessionAllocationTest
{
    private static final int ORDERS = 100_000;
    private static final int WINDOWS = 3;

    @Test
    void sendsOrdersAndReceivesReportsWithoutAllocating() throws InterruptedException
    {
        final FixpSessionTest harness = new FixpSessionTest();
        harness.start(FixpSessionTest.SECRET);
        try
        {
            harness.pumpEstablished();
            harness.listener.record = false;
            harness.application.record = false;
            final AtomicBoolean running = new AtomicBoolean(true);
            final Thread venue = new Thread(() ->
            {
                while (running.get())
                {
                    harness.acceptor.doWork();
                }
            }, "venue");
            venue.start();

            final long[] nextId = {1};
            final Runnable run = () ->
            {
                final long target = harness.listener.acceptedCount + ORDERS;
                for (int i = 0; i < ORDERS; i++)
                {
                    while (harness.initiator.sendNewOrder(
                        nextId[0], 7, Side.BUY, OrdType.LIMIT, TimeInForce.DAY, 1_000_000_000L, 1, 0) < 0)
                    {
                        harness.initiator.doWork();
                    }
                    nextId[0]++;
                    harness.initiator.doWork();
                }
                while (harness.listener.acceptedCount < target)
                {
                    harness.initiator.doWork();
                }
            };

            final long allocated;
            try
            {
                allocated = AllocationMeter.leastOverWindows(run, run, WINDOWS);
            }
            finally
            {
                running.set(false);
                venue.join();
            }
            assertEquals(0, allocated,
                "bytes allocated over " + ORDERS + " orders in the cleanest of " + WINDOWS + " windows");
            assertEquals((1L + WINDOWS) * ORDERS, harness.listener.acceptedCount);
        }
        finally
        {
            harness.after();
        }
    }
}
