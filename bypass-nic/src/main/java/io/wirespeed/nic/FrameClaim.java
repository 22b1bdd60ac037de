package io.wirespeed.nic;

import org.agrona.MutableDirectBuffer;

/**
 * Where to write a claimed TX frame: a flyweight the caller allocates once and a {@link TxQueue} re-points per claim.
 */
public final class FrameClaim
{
    private MutableDirectBuffer buffer;
    private int offset;
    private int length;
    private int capacity;

    /**
     * Point the claim at a slot; called by backends.
     *
     * @param buffer   holding the slot.
     * @param offset   of the slot.
     * @param length   the frame length claimed.
     * @param capacity the slot's capacity.
     */
    public void wrap(final MutableDirectBuffer buffer, final int offset, final int length, final int capacity)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.capacity = capacity;
    }

    /**
     * The buffer to write the frame into.
     *
     * @return the buffer to write the frame into.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Where the frame starts in {@link #buffer()}.
     *
     * @return where the frame starts in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * The frame length that will be sent.
     *
     * @return the frame length that will be sent.
     */
    public int length()
    {
        return length;
    }

    /**
     * Change the frame length to send, up to the slot's capacity.
     *
     * @param length in bytes.
     * @return this for a fluent API.
     */
    public FrameClaim length(final int length)
    {
        if (length < 0 || length > capacity)
        {
            throw new IllegalArgumentException("frame length " + length + " outside slot capacity " + capacity);
        }
        this.length = length;
        return this;
    }
}
