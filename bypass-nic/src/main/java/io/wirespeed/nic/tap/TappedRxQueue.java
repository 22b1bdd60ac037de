package io.wirespeed.nic.tap;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.RxQueue;
import org.agrona.DirectBuffer;

/**
 * An RX queue that journals every frame it hands over as {@code RAW_FRAME_IN}, stamped with the frame's rx timestamp,
 * copied once into the polling thread's {@link JournalTap} before the frame goes on to the handler. A frame the tap
 * has no room for is lost from the journal only (the tap counts it), never from the handler.
 */
public final class TappedRxQueue implements RxQueue
{
    private final RxQueue inner;
    private final JournalTap tap;
    private final int sourceId;
    private final FrameHandler onInnerFrame = this::onInnerFrame;
    private FrameHandler handler;

    /**
     * Tap a queue.
     *
     * @param inner    the queue whose frames are journaled.
     * @param tap      the tap of the one thread that polls this queue.
     * @param sourceId of the records: {@code (port index << 8) | queue}, see {@link TappedNicPort#sourceId(int, int)}.
     */
    public TappedRxQueue(final RxQueue inner, final JournalTap tap, final int sourceId)
    {
        this.inner = inner;
        this.tap = tap;
        this.sourceId = sourceId;
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        this.handler = handler;
        try
        {
            return inner.poll(onInnerFrame, limit);
        }
        finally
        {
            this.handler = null;
        }
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return inner.queueId();
    }

    /**
     * The journal records' source id.
     *
     * @return {@code (port index << 8) | queue}.
     */
    public int sourceId()
    {
        return sourceId;
    }

    private void onInnerFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        tap.record(JournalStream.RAW_FRAME_IN, sourceId, rxTimestampNs, buffer, offset, length);
        handler.onFrame(buffer, offset, length, rxTimestampNs);
    }
}
