package io.wirespeed.nic.shm;

import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.RxQueue;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The consumer end of one ring of a shared-memory NIC: hands frames over in place and releases their slots with one
 * release store of the consumer position after the burst.
 * <p>
 * Descriptors come from another process and are checked before use: one whose frame lies outside the peer's slot
 * area, or is longer than a slot, is skipped and counted as {@link NicCounter#RX_DROPPED_BAD_DESCRIPTOR}. A handler
 * that throws leaves the whole burst unreleased, so the next poll hands it over again.
 */
final class ShmRxQueue implements RxQueue
{
    private final AtomicBuffer buffer;
    private final ShmLayout layout;
    private final int ringOffset;
    private final int producerPositionOffset;
    private final int consumerPositionOffset;
    private final int capacity;
    private final int frameSize;
    private final long firstSlotOffset;
    private final long lastSlotOffset;
    private final AtomicCounter rxFrames;
    private final AtomicCounter rxBytes;
    private final AtomicCounter badDescriptor;

    private long consumerPosition;

    ShmRxQueue(final AtomicBuffer buffer, final ShmLayout layout, final int ring, final NicCounters counters)
    {
        this.buffer = buffer;
        this.layout = layout;
        this.ringOffset = layout.ringOffset(ring);
        this.producerPositionOffset = ringOffset + ShmLayout.PRODUCER_POSITION_OFFSET;
        this.consumerPositionOffset = ringOffset + ShmLayout.CONSUMER_POSITION_OFFSET;
        this.capacity = layout.ringCapacity();
        this.frameSize = layout.frameSize();
        this.firstSlotOffset = layout.slotAreaOffset(ring);
        this.lastSlotOffset = firstSlotOffset + (long)(layout.slotsPerRing() - 1) * frameSize;
        this.rxFrames = counters.get(NicCounter.RX_FRAMES);
        this.rxBytes = counters.get(NicCounter.RX_BYTES);
        this.badDescriptor = counters.get(NicCounter.RX_DROPPED_BAD_DESCRIPTOR);

        consumerPosition = buffer.getLongAcquire(consumerPositionOffset);
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        final long available = buffer.getLongAcquire(producerPositionOffset) - consumerPosition;
        final int frames = (int)Math.min(available, Math.min(limit, capacity));
        if (frames <= 0)
        {
            return 0;
        }

        int delivered = 0;
        long bytes = 0;
        for (int i = 0; i < frames; i++)
        {
            final int descriptorOffset = layout.descriptorOffset(ringOffset, consumerPosition + i);
            final long frameOffset = buffer.getLong(descriptorOffset + ShmLayout.DESCRIPTOR_FRAME_OFFSET);
            final int length = buffer.getInt(descriptorOffset + ShmLayout.DESCRIPTOR_FRAME_LENGTH);
            if (frameOffset < firstSlotOffset || frameOffset > lastSlotOffset || length < 0 || length > frameSize)
            {
                badDescriptor.incrementRelease();
            }
            else
            {
                final long timestampNs = buffer.getLong(descriptorOffset + ShmLayout.DESCRIPTOR_TIMESTAMP);
                handler.onFrame(buffer, (int)frameOffset, length, timestampNs);
                delivered++;
                bytes += length;
            }
        }

        consumerPosition += frames;
        buffer.putLongRelease(consumerPositionOffset, consumerPosition);
        rxFrames.getAndAddRelease(delivered);
        rxBytes.getAndAddRelease(bytes);

        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return 0;
    }
}
