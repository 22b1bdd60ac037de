package io.wirespeed.nic.fault;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.FaultContext;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionAllocationTest
{
    private static final int FRAMES = 1_000_000;
    private static final int BURST = 32;

    @TempDir
    Path dir;

    @Test
    void everyFaultAtOnceOverAMillionFramesAllocatesNothing()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);
        final FaultContext faults = new FaultContext(1, FeedName.A).enabled(true).seed(77)
            .lossRate(0.01).lossBurstLength(2).lossPositions(5, 50_000)
            .duplicateRate(0.05).reorderRate(0.05).reorderWindow(8).delayNs(100);
        final ShmNicContext shm = new ShmNicContext().path(dir.resolve("nic"));
        final CountersFile counters = CountersFile.create(dir.resolve("counters"), 128);
        final ShmNicPort sender = ShmNicPort.create("sender", shm, counters, clock);
        final NicPort receiver = FaultInjectingPort.wrap(
            ShmNicPort.attach("receiver", new ShmNicContext().path(shm.path()), counters, clock), faults, clock);
        try
        {
            final Loop warmUp = new Loop(sender.txQueue(0), receiver.rxQueue(0), clock);
            warmUp.run();
            final Loop measured = new Loop(sender.txQueue(0), receiver.rxQueue(0), clock);
            measured.run();

            assertEquals(0, measured.txAllocatedBytes, "bytes allocated by tryClaim/commit");
            assertEquals(0, measured.rxAllocatedBytes, "bytes allocated by the faulted poll");
            assertTrue(measured.handler.frames > 0.95 * FRAMES, "frames delivered: " + measured.handler.frames);
            for (final NicCounter counter : new NicCounter[]{NicCounter.FAULT_DROPPED, NicCounter.FAULT_DUPLICATED,
                NicCounter.FAULT_REORDERED, NicCounter.FAULT_DELAYED})
            {
                assertTrue(receiver.counters().value(counter) > 10_000, counter.name());
            }
        }
        finally
        {
            CloseHelper.closeAll(receiver, sender, counters);
        }
    }

    private static final class Loop implements Runnable
    {
        private final TxQueue tx;
        private final RxQueue rx;
        private final ManualEpochNanoClock clock;
        private final FrameClaim claim = new FrameClaim();
        private final Counting handler = new Counting();
        private long txAllocatedBytes;
        private long rxAllocatedBytes;

        Loop(final TxQueue tx, final RxQueue rx, final ManualEpochNanoClock clock)
        {
            this.tx = tx;
            this.rx = rx;
            this.clock = clock;
        }

        public void run()
        {
            int sent = 0;
            while (sent < FRAMES)
            {
                final long beforeTx = AllocationMeter.allocatedBytes();
                for (int i = 0; i < BURST && sent < FRAMES && tx.tryClaim(64, claim); i++)
                {
                    claim.buffer().putLong(claim.offset(), sent++);
                }
                tx.commit();
                final long beforeRx = AllocationMeter.allocatedBytes();
                rx.poll(handler, BURST);
                final long afterRx = AllocationMeter.allocatedBytes();
                txAllocatedBytes += beforeRx - beforeTx;
                rxAllocatedBytes += afterRx - beforeRx;
                clock.advance(40);
            }
        }
    }

    private static final class Counting implements FrameHandler
    {
        private long frames;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            frames++;
        }
    }
}
