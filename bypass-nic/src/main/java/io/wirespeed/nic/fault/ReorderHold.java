package io.wirespeed.nic.fault;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Frames held back by reordering, each until a given number of later frames has arrived, in preallocated slots.
 * <p>
 * A frame held at arrival {@code a} leaves at arrival {@code a + d} with {@code 1 <= d <= window}, so at most
 * {@code window} frames are held at once, and slot {@code a mod (window + 1)} is always free for arrival {@code a}.
 */
final class ReorderHold
{
    private final UnsafeBuffer slots;
    private final int slotBytes;
    private final int window;
    private final int slotCount;
    private final int[] lengths;
    private final long[] timestampsNs;
    private final long[] releaseArrivals;
    private final boolean[] duplicates;
    private final boolean[] held;
    private int heldCount;

    /**
     * Preallocate the slots.
     *
     * @param window    the most arrivals a frame is held for.
     * @param slotBytes largest frame held.
     */
    ReorderHold(final int window, final int slotBytes)
    {
        this.window = window;
        this.slotCount = window + 1;
        this.slotBytes = slotBytes;
        this.slots = new UnsafeBuffer(new byte[slotCount * slotBytes]);
        this.lengths = new int[slotCount];
        this.timestampsNs = new long[slotCount];
        this.releaseArrivals = new long[slotCount];
        this.duplicates = new boolean[slotCount];
        this.held = new boolean[slotCount];
    }

    /**
     * Hold a frame.
     *
     * @param arrival     the frame's arrival number, from 1.
     * @param distance    how many later arrivals go ahead of it, 1 to the window.
     * @param buffer      holding the frame.
     * @param offset      of the frame.
     * @param length      of the frame, at most the slot size.
     * @param timestampNs handed over with the frame.
     * @param duplicate   whether it is to be handed over twice.
     */
    void hold(
        final long arrival,
        final int distance,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long timestampNs,
        final boolean duplicate)
    {
        final int slot = (int)(arrival % slotCount);
        slots.putBytes(slot * slotBytes, buffer, offset, length);
        lengths[slot] = length;
        timestampsNs[slot] = timestampNs;
        releaseArrivals[slot] = arrival + distance;
        duplicates[slot] = duplicate;
        held[slot] = true;
        heldCount++;
    }

    /**
     * Release, oldest first, every frame due at this arrival.
     *
     * @param arrival the arrival just handled.
     * @param sink    receives each released frame.
     */
    void release(final long arrival, final FaultInjectingRxQueue sink)
    {
        if (0 == heldCount)
        {
            return;
        }

        final long first = Math.max(1, arrival - window);
        int slot = (int)(first % slotCount);
        for (long a = first; a < arrival; a++)
        {
            if (held[slot] && releaseArrivals[slot] == arrival)
            {
                held[slot] = false;
                heldCount--;
                sink.emit(slots, slot * slotBytes, lengths[slot], timestampsNs[slot], duplicates[slot]);
            }
            if (++slot == slotCount)
            {
                slot = 0;
            }
        }
    }

    /**
     * How many frames are held.
     *
     * @return how many frames are held.
     */
    int heldCount()
    {
        return heldCount;
    }
}
