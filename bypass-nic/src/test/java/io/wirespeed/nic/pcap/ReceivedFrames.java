package io.wirespeed.nic.pcap;

import io.wirespeed.nic.FrameHandler;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies every received frame and its rx timestamp, for assertions.
 */
final class ReceivedFrames implements FrameHandler
{
    final List<byte[]> frames = new ArrayList<>();
    final List<Long> timestampsNs = new ArrayList<>();

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        final byte[] frame = new byte[length];
        buffer.getBytes(offset, frame);
        frames.add(frame);
        timestampsNs.add(rxTimestampNs);
    }

    int size()
    {
        return frames.size();
    }

    /**
     * Poll until the queue reports the end of the capture.
     */
    ReceivedFrames drain(final PcapRxQueue queue)
    {
        while (!queue.isEndOfCapture())
        {
            queue.poll(this, 16);
        }
        return this;
    }
}
