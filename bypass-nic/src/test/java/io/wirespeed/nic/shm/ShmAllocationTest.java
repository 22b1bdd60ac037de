package io.wirespeed.nic.shm;

import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShmAllocationTest
{
    private static final int FRAMES = 1_000_000;
    private static final int BURST = 32;
    private static final int FRAME_LENGTH = 64;

    @TempDir
    Path dir;

    private CountersFile countersFile;
    private ShmNicPort creator;
    private ShmNicPort attacher;

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(dir.resolve("counters"), 128);
        final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
        creator = ShmNicPort.create("sim", new ShmNicContext().path(dir.resolve("nic")), countersFile, clock);
        attacher = ShmNicPort.attach("app", new ShmNicContext().path(dir.resolve("nic")), countersFile, clock);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(attacher, creator, countersFile);
    }

    @Test
    void creatorToAttacherTxAndRxLoopsAllocateNothing()
    {
        assertLoopsAllocateNothing(creator.txQueue(0), attacher.rxQueue(0));
    }

    @Test
    void attacherToCreatorTxAndRxLoopsAllocateNothing()
    {
        assertLoopsAllocateNothing(attacher.txQueue(0), creator.rxQueue(0));
    }

    private static void assertLoopsAllocateNothing(final TxQueue tx, final RxQueue rx)
    {
        final Loop warmUp = new Loop(tx, rx, 0);
        warmUp.run();
        final Loop measured = new Loop(tx, rx, FRAMES);
        measured.run();

        assertEquals(FRAMES, measured.handler.received, "every frame arrived, in order");
        assertEquals(0, measured.txAllocatedBytes, "bytes allocated by tryClaim/commit");
        assertEquals(0, measured.rxAllocatedBytes, "bytes allocated by poll");
    }

    private static final class Loop implements Runnable
    {
        private final TxQueue tx;
        private final RxQueue rx;
        private final long firstSequence;
        private final FrameClaim claim = new FrameClaim();
        private final SequenceChecker handler;
        private long txAllocatedBytes;
        private long rxAllocatedBytes;

        Loop(final TxQueue tx, final RxQueue rx, final long firstSequence)
        {
            this.tx = tx;
            this.rx = rx;
            this.firstSequence = firstSequence;
            this.handler = new SequenceChecker(firstSequence);
        }

        public void run()
        {
            long sequence = firstSequence;
            final long end = firstSequence + FRAMES;
            while (sequence < end)
            {
                final long beforeTx = AllocationMeter.allocatedBytes();
                for (int i = 0; i < BURST && sequence < end && tx.tryClaim(FRAME_LENGTH, claim); i++)
                {
                    claim.buffer().putLong(claim.offset(), sequence++);
                }
                tx.commit();
                final long beforeRx = AllocationMeter.allocatedBytes();
                rx.poll(handler, BURST);
                final long afterRx = AllocationMeter.allocatedBytes();
                txAllocatedBytes += beforeRx - beforeTx;
                rxAllocatedBytes += afterRx - beforeRx;
            }
        }
    }

    private static final class SequenceChecker implements FrameHandler
    {
        private long expected;
        private long received;

        SequenceChecker(final long first)
        {
            this.expected = first;
        }

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            if (buffer.getLong(offset) == expected && FRAME_LENGTH == length)
            {
                received++;
            }
            expected++;
        }
    }
}
