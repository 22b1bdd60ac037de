package io.wirespeed.feed;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Fixed slots holding copies of packets (with MsgSeqNum and rx timestamp) for reordering and recovery.
 */
final class PacketSlots
{
    static final int SLOT_LENGTH = 2048;
    static final long EMPTY = -1;

    private final UnsafeBuffer data;
    private final long[] seqNums;
    private final int[] lengths;
    private final long[] rxTimestamps;
    private final int capacity;

    PacketSlots(final int capacity)
    {
        this.capacity = capacity;
        data = new UnsafeBuffer(ByteBuffer.allocateDirect(capacity * SLOT_LENGTH));
        seqNums = new long[capacity];
        lengths = new int[capacity];
        rxTimestamps = new long[capacity];
        Arrays.fill(seqNums, EMPTY);
    }

    int capacity()
    {
        return capacity;
    }

    boolean store(
        final int slot,
        final long seqNum,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long rxTimestampNs)
    {
        if (length > SLOT_LENGTH)
        {
            return false;
        }
        data.putBytes(slot * SLOT_LENGTH, buffer, offset, length);
        seqNums[slot] = seqNum;
        lengths[slot] = length;
        rxTimestamps[slot] = rxTimestampNs;
        return true;
    }

    long seqNum(final int slot)
    {
        return seqNums[slot];
    }

    int length(final int slot)
    {
        return lengths[slot];
    }

    int offset(final int slot)
    {
        return slot * SLOT_LENGTH;
    }

    long rxTimestampNs(final int slot)
    {
        return rxTimestamps[slot];
    }

    UnsafeBuffer buffer()
    {
        return data;
    }

    void free(final int slot)
    {
        seqNums[slot] = EMPTY;
    }
}
