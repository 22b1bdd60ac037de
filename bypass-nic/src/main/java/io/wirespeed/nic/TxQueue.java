package io.wirespeed.nic;

/**
 * A transmit queue of a port: claim slots, write frames in place, commit the burst.
 */
public interface TxQueue
{
    /**
     * Claim a slot for a frame of up to {@code length} bytes. On success the claim points at the slot; write the
     * frame there, optionally shrink it with {@link FrameClaim#length(int)}, then {@link #commit()} the burst.
     *
     * @param length the frame's length in bytes, at most {@link #maxFrameLength()}.
     * @param claim  filled in with where to write the frame.
     * @return true when a slot was claimed; false when the ring is full (counted) or the length is too large.
     */
    boolean tryClaim(int length, FrameClaim claim);

    /**
     * Make every frame claimed since the last commit visible to the wire, in claim order, with one doorbell.
     *
     * @return the number of frames committed.
     */
    int commit();

    /**
     * Give back every slot claimed since the last commit without sending it.
     */
    void abort();

    /**
     * The largest frame a slot can hold.
     *
     * @return the largest frame a slot can hold, in bytes.
     */
    int maxFrameLength();

    /**
     * The queue's index within its port.
     *
     * @return the queue's index within its port.
     */
    int queueId();
}
