package io.wirespeed.nic;

import org.agrona.DirectBuffer;

/**
 * Receives each frame of an RX burst in place; the bytes are valid only until the callback returns.
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * One received Ethernet frame.
     *
     * @param buffer        holding the frame; do not keep a reference past the callback.
     * @param offset        of the first byte of the Ethernet header.
     * @param length        of the frame in bytes, without FCS.
     * @param rxTimestampNs epoch nanoseconds at which the backend saw the frame.
     */
    void onFrame(DirectBuffer buffer, int offset, int length, long rxTimestampNs);
}
