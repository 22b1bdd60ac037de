package io.wirespeed.nic;

/**
 * A receive queue of a port, polled in bursts; frames are handed over without a copy.
 */
public interface RxQueue
{
    /**
     * Hand up to {@code limit} received frames to the handler, in arrival order, and release their slots.
     * Never blocks, allocates or throws on bad input.
     *
     * @param handler for each frame.
     * @param limit   the most frames to hand over in this call.
     * @return the number of frames handed over, 0 when none were waiting.
     */
    int poll(FrameHandler handler, int limit);

    /**
     * The queue's index within its port.
     *
     * @return the queue's index within its port.
     */
    int queueId();
}
