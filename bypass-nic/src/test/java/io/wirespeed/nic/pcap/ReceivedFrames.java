package io.wirespeed.nic.pcap;

import io.wirespeed.nic.FrameHandler;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
     * A UDP payload naming the file a frame comes from (its first letter) and the frame's index in it.
     */
    static byte[] tag(final String file, final int index)
    {
        return (file.charAt(0) + Integer.toString(index)).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The tags of the frames received, in order: the UDP payloads of {@link UdpFrames} frames made with {@link #tag}.
     */
    static List<String> tags(final ReceivedFrames received)
    {
        final List<String> tags = new ArrayList<>();
        for (final byte[] frame : received.frames)
        {
            tags.add(new String(Arrays.copyOfRange(frame, UdpFrames.HEADERS_LENGTH, frame.length),
                StandardCharsets.US_ASCII));
        }
        return tags;
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
