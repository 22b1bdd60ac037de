package io.wirespeed.sim.venue;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The last messages a session sent, by sequence number, kept for retransmission in a preallocated ring of slots.
 */
final class OutboundStore
{
    static final int SLOT_BYTES = 1024;

    private final int slots;
    private final UnsafeBuffer buffer;
    private final int[] lengths;
    private long firstSeqNo = 1;
    private long nextSeqNo = 1;

    OutboundStore(final int slots)
    {
        this.slots = slots;
        buffer = new UnsafeBuffer(new byte[slots * SLOT_BYTES]);
        lengths = new int[slots];
    }

    long nextSeqNo()
    {
        return nextSeqNo;
    }

    long firstSeqNo()
    {
        return firstSeqNo;
    }

    void reset()
    {
        firstSeqNo = 1;
        nextSeqNo = 1;
    }

    void append(final DirectBuffer src, final int offset, final int length)
    {
        final int slot = (int)(nextSeqNo % slots);
        final int stored = Math.min(length, SLOT_BYTES);
        buffer.putBytes(slot * SLOT_BYTES, src, offset, stored);
        lengths[slot] = stored;
        nextSeqNo++;
        if (nextSeqNo - firstSeqNo > slots)
        {
            firstSeqNo = nextSeqNo - slots;
        }
    }

    int copy(final long seqNo, final MutableDirectBuffer dst)
    {
        final int slot = (int)(seqNo % slots);
        final int length = lengths[slot];
        dst.putBytes(0, buffer, slot * SLOT_BYTES, length);
        return length;
    }
}
