package io.wirespeed.nic.xdp;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.TxQueue;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The TX queue of an {@link AfXdpNicPort}: a claim takes a free TX frame of the UMEM and writes its descriptor into
 * the TX ring unpublished; commit publishes every claimed descriptor with one release store of the producer index,
 * then kicks the kernel with one {@code sendto} only when it set the TX ring's need-wakeup flag (copy mode always
 * does; zero-copy drivers only when idle). Frames the kernel has sent come back on the completion ring, which is
 * drained into the free-frame stack on each commit and whenever a claim finds the stack empty.
 * <p>
 * The kernel sends the frame bytes as written: the frame carries its own MAC addresses and correct IPv4 and UDP
 * checksums ({@link io.wirespeed.nic.frame.UdpFrameEncoder} writes them). In copy mode the kernel sends at most 32
 * frames per {@code sendto} (TX_BATCH_SIZE) and answers EAGAIN while more wait, so a commit of more than 32 frames
 * kicks once per 32 while the kernel keeps asking; a claim that finds the ring full kicks too.
 */
final class AfXdpTxQueue implements TxQueue
{
    /** The most frames the kernel sends per wakeup in copy mode (TX_BATCH_SIZE in net/xdp/xsk.c). */
    static final int KERNEL_TX_BATCH = 32;

    private final XskRing tx;
    private final XskRing completion;
    private final UnsafeBuffer umem;
    private final int socketFd;
    private final int frameBaseMask;
    private final int maxFrameLength;
    private final NicCounters counters;
    private final int[] freeFrames;
    private int freeCount;
    private int txClaimed;
    private int txPublished;
    private int txConsumerCached;
    private int completionConsumer;
    private long claimedBytes;
    private FrameClaim lastClaim;
    private int lastClaimIndex;
    private boolean closed;

    AfXdpTxQueue(
        final XskSocket socket,
        final int firstFrame,
        final int frameCount,
        final int frameSize,
        final int maxFrameLength,
        final NicCounters counters)
    {
        this.tx = socket.tx;
        this.completion = socket.completion;
        this.umem = socket.umem;
        this.socketFd = socket.fd;
        this.frameBaseMask = ~(frameSize - 1);
        this.maxFrameLength = maxFrameLength;
        this.counters = counters;
        this.freeFrames = new int[frameCount];
        for (int i = frameCount - 1; i >= 0; i--)
        {
            freeFrames[freeCount++] = (firstFrame + i) * frameSize;
        }
        this.txClaimed = tx.producerAcquire();
        this.txPublished = txClaimed;
        this.txConsumerCached = tx.consumerAcquire();
        this.completionConsumer = completion.consumerAcquire();
    }

    /**
     * {@inheritDoc}
     */
    public boolean tryClaim(final int length, final FrameClaim claim)
    {
        if (length > maxFrameLength)
        {
            counters.increment(NicCounter.TX_FRAME_TOO_LARGE);
            return false;
        }
        if (length < 0 || closed)
        {
            return false;
        }
        sealLastClaim();
        if (0 == freeCount || txClaimed - txConsumerCached >= tx.size)
        {
            reclaim();
            txConsumerCached = tx.consumerAcquire();
            if (0 == freeCount || txClaimed - txConsumerCached >= tx.size)
            {
                if (txPublished != txConsumerCached)
                {
                    wake();
                }
                counters.increment(NicCounter.TX_RING_FULL);
                return false;
            }
        }

        final int frame = freeFrames[--freeCount];
        final int entry = tx.entryOffset(txClaimed);
        final UnsafeBuffer memory = tx.memory;
        memory.putLong(entry, frame);
        memory.putInt(entry + XskRing.DESCRIPTOR_LENGTH_OFFSET, length);
        memory.putInt(entry + XskRing.DESCRIPTOR_OPTIONS_OFFSET, 0);
        claim.wrap(umem, frame, length, maxFrameLength);
        claimedBytes += length;
        lastClaim = claim;
        lastClaimIndex = txClaimed;
        txClaimed++;
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public int commit()
    {
        if (closed)
        {
            return 0;
        }
        sealLastClaim();
        final int committed = txClaimed - txPublished;
        if (committed > 0)
        {
            txPublished = txClaimed;
            tx.producerRelease(txPublished);
            counters.add(NicCounter.TX_FRAMES, committed);
            counters.add(NicCounter.TX_BYTES, claimedBytes);
            claimedBytes = 0;
        }
        final int unsent = txPublished - tx.consumerAcquire();
        if (unsent > 0)
        {
            wakeUntilSent(unsent);
        }
        reclaim();
        return committed;
    }

    /**
     * {@inheritDoc}
     */
    public void abort()
    {
        final UnsafeBuffer memory = tx.memory;
        for (int index = txPublished; index != txClaimed; index++)
        {
            freeFrames[freeCount++] = (int)memory.getLong(tx.entryOffset(index)) & frameBaseMask;
        }
        txClaimed = txPublished;
        claimedBytes = 0;
        lastClaim = null;
    }

    /**
     * {@inheritDoc}
     */
    public int maxFrameLength()
    {
        return maxFrameLength;
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
        lastClaim = null;
    }

    private void sealLastClaim()
    {
        final FrameClaim lastClaim = this.lastClaim;
        if (null != lastClaim)
        {
            final int entry = tx.entryOffset(lastClaimIndex) + XskRing.DESCRIPTOR_LENGTH_OFFSET;
            final int claimedLength = tx.memory.getInt(entry);
            final int length = lastClaim.length();
            if (length != claimedLength)
            {
                tx.memory.putInt(entry, length);
                claimedBytes += length - claimedLength;
            }
            this.lastClaim = null;
        }
    }

    private void wakeUntilSent(final int unsent)
    {
        final int maxWakeups = 1 + (unsent - 1) / KERNEL_TX_BATCH;
        for (int i = 0; i < maxWakeups; i++)
        {
            final int result = wake();
            if ((0 != result && -XdpErrors.EAGAIN != result) || txPublished == tx.consumerAcquire())
            {
                return;
            }
        }
    }

    /**
     * Kick the kernel when the TX ring asks for it.
     *
     * @return 0 when sent or not asked, a negated errno otherwise; EAGAIN when the kernel has more to send or the
     * device is busy.
     */
    private int wake()
    {
        if (!tx.needsWakeup())
        {
            return 0;
        }
        counters.increment(NicCounter.XDP_TX_WAKEUPS);
        final int result = XdpNative.wakeTx(socketFd);
        if (result < 0 && -result != XdpErrors.EAGAIN && -result != XdpErrors.EBUSY &&
            -result != XdpErrors.ENOBUFS)
        {
            counters.increment(NicCounter.SOCKET_ERRORS);
        }
        return result;
    }

    private void reclaim()
    {
        final XskRing completion = this.completion;
        final int available = completion.producerAcquire() - completionConsumer;
        if (available > 0)
        {
            final UnsafeBuffer memory = completion.memory;
            for (int i = 0; i < available; i++)
            {
                freeFrames[freeCount++] = (int)memory.getLong(completion.entryOffset(completionConsumer + i)) &
                    frameBaseMask;
            }
            completionConsumer += available;
            completion.consumerRelease(completionConsumer);
        }
    }
}
