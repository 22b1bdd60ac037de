package io.wirespeed.latency.order;

import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A NIC port whose one TX queue drops every frame, for a simulator whose market data nobody reads.
 */
final class DiscardPort implements NicPort, TxQueue
{
    private static final int MAX_FRAME_LENGTH = 2048;

    private final String name;
    private final NicCounters counters;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_FRAME_LENGTH]);
    private int pendingFrames;

    DiscardPort(final String name, final NicCounters counters)
    {
        this.name = name;
        this.counters = counters;
    }

    public String name()
    {
        return name;
    }

    public int rxQueueCount()
    {
        return 0;
    }

    public int txQueueCount()
    {
        return 1;
    }

    public RxQueue rxQueue(final int queueId)
    {
        throw new IndexOutOfBoundsException("a discard port has no RX queue");
    }

    public TxQueue txQueue(final int queueId)
    {
        return this;
    }

    public NicCounters counters()
    {
        return counters;
    }

    public boolean tryClaim(final int length, final FrameClaim claim)
    {
        if (length < 0 || length > MAX_FRAME_LENGTH)
        {
            return false;
        }
        claim.wrap(scratch, 0, length, MAX_FRAME_LENGTH);
        pendingFrames++;
        return true;
    }

    public int commit()
    {
        final int committed = pendingFrames;
        pendingFrames = 0;
        return committed;
    }

    public void abort()
    {
        pendingFrames = 0;
    }

    public int maxFrameLength()
    {
        return MAX_FRAME_LENGTH;
    }

    public int queueId()
    {
        return 0;
    }

    public void close()
    {
        counters.close();
    }
}
