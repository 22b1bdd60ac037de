package io.wirespeed.gateway.transport;

import org.agrona.DirectBuffer;

/**
 * Receives each complete SOFH frame's SBE message read from a {@link VenueTransport}.
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * One complete message; the buffer is valid only during the call.
     *
     * @param buffer        holds the message.
     * @param offset        where its SBE message header starts (just after the SOFH).
     * @param length        bytes of SBE message, header included.
     * @param rxTimestampNs when the read that completed the frame returned.
     */
    void onFrame(DirectBuffer buffer, int offset, int length, long rxTimestampNs);
}
