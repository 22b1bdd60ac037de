package io.wirespeed.nic.xdp;

import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.RxQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The RX queue of an {@link AfXdpNicPort}: consumes the RX ring and hands each frame up in place, in its UMEM frame,
 * then gives the frames back to the kernel on the fill ring, all with plain loads and stores on the mapped rings.
 * <p>
 * One poll reads the RX producer once (acquire), hands up to {@code limit} frames to the handler with one time
 * stamp, read from the clock once per burst when the first frame is seen (not per frame, not when the NIC saw it),
 * publishes the RX consumer once (release), and refills the fill ring with every free RX frame in one batch. A poll
 * that finds nothing makes a {@code recvfrom} system call only when the kernel set the fill ring's need-wakeup flag
 * (zero-copy drivers do when they ran out of fill frames; copy mode never does). The poll allocates nothing given a
 * clock that allocates nothing, such as Agrona's OffsetEpochNanoClock (SystemEpochNanoClock reads
 * {@code Instant.now()}, which allocates wherever escape analysis does not remove it).
 */
final class AfXdpRxQueue implements RxQueue
{
    private final XskRing rx;
    private final XskRing fill;
    private final UnsafeBuffer umem;
    private final long umemLength;
    private final int socketFd;
    private final int frameBaseMask;
    private final NicCounters counters;
    private final EpochNanoClock clock;
    private final int[] freeFrames;
    private int freeCount;
    private int rxConsumer;
    private int fillProducer;
    private int fillConsumerCached;
    private boolean closed;

    AfXdpRxQueue(
        final XskSocket socket,
        final int firstFrame,
        final int frameCount,
        final int frameSize,
        final NicCounters counters,
        final EpochNanoClock clock)
    {
        this.rx = socket.rx;
        this.fill = socket.fill;
        this.umem = socket.umem;
        this.umemLength = socket.umemLength;
        this.socketFd = socket.fd;
        this.frameBaseMask = ~(frameSize - 1);
        this.counters = counters;
        this.clock = clock;
        this.freeFrames = new int[frameCount];
        for (int i = frameCount - 1; i >= 0; i--)
        {
            freeFrames[freeCount++] = (firstFrame + i) * frameSize;
        }
        this.rxConsumer = rx.consumerAcquire();
        this.fillProducer = fill.producerAcquire();
        this.fillConsumerCached = fill.consumerAcquire();
        refill();
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        if (closed)
        {
            return 0;
        }
        final XskRing rx = this.rx;
        final int available = rx.producerAcquire() - rxConsumer;
        if (available <= 0)
        {
            if (freeCount > 0)
            {
                refill();
            }
            if (fill.needsWakeup())
            {
                counters.increment(NicCounter.XDP_RX_WAKEUPS);
                XdpNative.wakeRx(socketFd);
            }
            return 0;
        }

        final int count = Math.min(available, limit);
        final long rxTimestampNs = clock.nanoTime();
        final UnsafeBuffer memory = rx.memory;
        final long umemLength = this.umemLength;
        long bytes = 0;
        int delivered = 0;
        for (int i = 0; i < count; i++)
        {
            final int entry = rx.entryOffset(rxConsumer + i);
            final long address = memory.getLong(entry);
            final int length = memory.getInt(entry + XskRing.DESCRIPTOR_LENGTH_OFFSET);
            if (address < 0 || length < 0 || address + length > umemLength)
            {
                counters.increment(NicCounter.RX_DROPPED_BAD_DESCRIPTOR);
                continue;
            }
            final int offset = (int)address;
            handler.onFrame(umem, offset, length, rxTimestampNs);
            freeFrames[freeCount++] = offset & frameBaseMask;
            bytes += length;
            delivered++;
        }
        rxConsumer += count;
        rx.consumerRelease(rxConsumer);
        counters.add(NicCounter.RX_FRAMES, delivered);
        counters.add(NicCounter.RX_BYTES, bytes);
        refill();
        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return 0;
    }

    void close()
    {
        closed = true;
    }

    private void refill()
    {
        final XskRing fill = this.fill;
        int space = fill.size - (fillProducer - fillConsumerCached);
        if (space < freeCount)
        {
            fillConsumerCached = fill.consumerAcquire();
            space = fill.size - (fillProducer - fillConsumerCached);
        }
        final int count = Math.min(space, freeCount);
        if (count > 0)
        {
            final UnsafeBuffer memory = fill.memory;
            for (int i = 0; i < count; i++)
            {
                memory.putLong(fill.entryOffset(fillProducer + i), freeFrames[--freeCount]);
            }
            fillProducer += count;
            fill.producerRelease(fillProducer);
        }
    }
}
