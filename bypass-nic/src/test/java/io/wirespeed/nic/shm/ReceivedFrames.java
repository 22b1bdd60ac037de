package io.wirespeed.nic.shm;

import io.wirespeed.nic.FrameHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects copies of received frames for assertions (allocates; not for hot-path tests).
 */
public final class ReceivedFrames implements FrameHandler
{
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Long> timestampsNs = new ArrayList<>();

    /**
     * {@inheritDoc}
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        frames.add(copy);
        timestampsNs.add(rxTimestampNs);
    }

    /**
     * The frames received so far.
     *
     * @return the frames, in order.
     */
    public List<byte[]> frames()
    {
        return frames;
    }

    /**
     * The rx timestamps received so far.
     *
     * @return the timestamps, in order.
     */
    public List<Long> timestampsNs()
    {
        return timestampsNs;
    }

    /**
     * The long at the start of each frame received so far: the sequence number test senders write.
     *
     * @return the sequence numbers, in order.
     */
    public List<Long> sequences()
    {
        final List<Long> sequences = new ArrayList<>(frames.size());
        for (final byte[] frame : frames)
        {
            sequences.add(new UnsafeBuffer(frame).getLong(0));
        }
        return sequences;
    }

    /**
     * Forget what was received.
     */
    public void clear()
    {
        frames.clear();
        timestampsNs.clear();
    }
}
