package io.wirespeed.nic.shm;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.TxQueue;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The producer end of one ring of a shared-memory NIC: claims write descriptors in place, a commit publishes the
 * burst with one release store of the producer position.
 * <p>
 * A frame's length is read from its {@link FrameClaim} when the next frame is claimed or at commit, so one claim
 * flyweight may be reused for every frame of a burst. Each descriptor's timestamp is the sender's clock at commit:
 * the moment the frame is on the virtual wire, which is the receiver's rx timestamp. A full ring refuses the claim
 * and counts {@link NicCounter#TX_RING_FULL}; nothing is dropped, the caller retries once the peer has drained.
 */
final class ShmTxQueue implements TxQueue
{
    private final AtomicBuffer buffer;
    private final ShmLayout layout;
    private final EpochNanoClock clock;
    private final int ringOffset;
    private final int producerPositionOffset;
    private final int consumerPositionOffset;
    private final int capacity;
    private final int frameSize;
    private final int slotAreaOffset;
    private final int slotsPerRing;
    private final AtomicCounter txFrames;
    private final AtomicCounter txBytes;
    private final AtomicCounter ringFull;
    private final AtomicCounter frameTooLarge;

    private long producerPosition;
    private long consumerPositionCache;
    private int pendingFrames;
    private long pendingBytes;
    private int nextSlot;
    private FrameClaim lastClaim;
    private int lastDescriptorOffset;

    ShmTxQueue(
        final AtomicBuffer buffer,
        final ShmLayout layout,
        final int ring,
        final NicCounters counters,
        final EpochNanoClock clock)
    {
        this.buffer = buffer;
        this.layout = layout;
        this.clock = clock;
        this.ringOffset = layout.ringOffset(ring);
        this.producerPositionOffset = ringOffset + ShmLayout.PRODUCER_POSITION_OFFSET;
        this.consumerPositionOffset = ringOffset + ShmLayout.CONSUMER_POSITION_OFFSET;
        this.capacity = layout.ringCapacity();
        this.frameSize = layout.frameSize();
        this.slotAreaOffset = layout.slotAreaOffset(ring);
        this.slotsPerRing = layout.slotsPerRing();
        this.txFrames = counters.get(NicCounter.TX_FRAMES);
        this.txBytes = counters.get(NicCounter.TX_BYTES);
        this.ringFull = counters.get(NicCounter.TX_RING_FULL);
        this.frameTooLarge = counters.get(NicCounter.TX_FRAME_TOO_LARGE);

        producerPosition = buffer.getLongAcquire(producerPositionOffset);
        consumerPositionCache = buffer.getLongAcquire(consumerPositionOffset);
        nextSlot = (int)(producerPosition % slotsPerRing);
    }

    /**
     * {@inheritDoc}
     * A negative length is refused as too large.
     */
    public boolean tryClaim(final int length, final FrameClaim claim)
    {
        if ((length & 0xFFFF_FFFFL) > frameSize)
        {
            frameTooLarge.incrementRelease();
            return false;
        }

        final long position = producerPosition + pendingFrames;
        if (position - consumerPositionCache >= capacity)
        {
            consumerPositionCache = buffer.getLongAcquire(consumerPositionOffset);
            if (position - consumerPositionCache >= capacity)
            {
                ringFull.incrementRelease();
                return false;
            }
        }

        finishLastClaim();

        final int frameOffset = slotAreaOffset + nextSlot * frameSize;
        if (++nextSlot == slotsPerRing)
        {
            nextSlot = 0;
        }
        final int descriptorOffset = layout.descriptorOffset(ringOffset, position);
        buffer.putLong(descriptorOffset + ShmLayout.DESCRIPTOR_FRAME_OFFSET, frameOffset);
        claim.wrap(buffer, frameOffset, length, frameSize);
        lastClaim = claim;
        lastDescriptorOffset = descriptorOffset;
        pendingFrames++;

        return true;
    }

    /**
     * {@inheritDoc}
     */
    public int commit()
    {
        final int frames = pendingFrames;
        if (0 == frames)
        {
            return 0;
        }

        finishLastClaim();
        final long timestampNs = clock.nanoTime();
        for (int i = 0; i < frames; i++)
        {
            final int descriptorOffset = layout.descriptorOffset(ringOffset, producerPosition + i);
            buffer.putLong(descriptorOffset + ShmLayout.DESCRIPTOR_TIMESTAMP, timestampNs);
        }
        producerPosition += frames;
        buffer.putLongRelease(producerPositionOffset, producerPosition);

        txFrames.getAndAddRelease(frames);
        txBytes.getAndAddRelease(pendingBytes);
        pendingFrames = 0;
        pendingBytes = 0;

        return frames;
    }

    /**
     * {@inheritDoc}
     */
    public void abort()
    {
        pendingFrames = 0;
        pendingBytes = 0;
        lastClaim = null;
        nextSlot = (int)(producerPosition % slotsPerRing);
    }

    /**
     * {@inheritDoc}
     */
    public int maxFrameLength()
    {
        return frameSize;
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return 0;
    }

    private void finishLastClaim()
    {
        final FrameClaim claim = lastClaim;
        if (null != claim)
        {
            final int length = claim.length();
            buffer.putInt(lastDescriptorOffset + ShmLayout.DESCRIPTOR_FRAME_LENGTH, length);
            pendingBytes += length;
            lastClaim = null;
        }
    }
}
