package io.wirespeed.nic.fault;

import io.wirespeed.nic.FrameHandler;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A bounded first-in first-out line of frame copies, each due at a time, in preallocated slots; single thread.
 */
final class FrameFifo
{
    private final UnsafeBuffer slots;
    private final int slotBytes;
    private final int mask;
    private final int[] lengths;
    private final long[] timestampsNs;
    private final long[] dueNs;
    private long head;
    private long tail;

    /**
     * Preallocate the slots.
     *
     * @param capacity  frames, rounded up to a power of two.
     * @param slotBytes largest frame held.
     */
    FrameFifo(final int capacity, final int slotBytes)
    {
        final int frames = BitUtil.findNextPositivePowerOfTwo(capacity);
        this.slots = new UnsafeBuffer(new byte[frames * slotBytes]);
        this.slotBytes = slotBytes;
        this.mask = frames - 1;
        this.lengths = new int[frames];
        this.timestampsNs = new long[frames];
        this.dueNs = new long[frames];
    }

    /**
     * How many frames fit.
     *
     * @return how many frames fit.
     */
    int capacity()
    {
        return mask + 1;
    }

    /**
     * How many more frames fit now.
     *
     * @return how many more frames fit now.
     */
    int free()
    {
        return (int)(mask + 1 - (tail - head));
    }

    /**
     * Is nothing held?
     *
     * @return true when nothing is held.
     */
    boolean isEmpty()
    {
        return head == tail;
    }

    /**
     * Copy a frame in at the tail; the caller has checked {@link #free()} and the length.
     *
     * @param buffer      holding the frame.
     * @param offset      of the frame.
     * @param length      of the frame, at most the slot size.
     * @param timestampNs handed over with the frame.
     * @param dueAtNs     when the frame may leave.
     */
    void add(final DirectBuffer buffer, final int offset, final int length, final long timestampNs, final long dueAtNs)
    {
        final int index = (int)tail & mask;
        slots.putBytes(index * slotBytes, buffer, offset, length);
        lengths[index] = length;
        timestampsNs[index] = timestampNs;
        dueNs[index] = dueAtNs;
        tail++;
    }

    /**
     * Hand frames over from the head, in order, while they are due.
     *
     * @param handler for each frame.
     * @param limit   the most frames to hand over.
     * @param nowNs   the time now.
     * @return the number handed over.
     */
    int drain(final FrameHandler handler, final int limit, final long nowNs)
    {
        int count = 0;
        while (count < limit && head != tail)
        {
            final int index = (int)head & mask;
            if (dueNs[index] - nowNs > 0)
            {
                break;
            }
            head++;
            count++;
            handler.onFrame(slots, index * slotBytes, lengths[index], timestampsNs[index]);
        }
        return count;
    }
}
