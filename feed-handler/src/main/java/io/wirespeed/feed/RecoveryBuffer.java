package io.wirespeed.feed;

import org.agrona.DirectBuffer;

/**
 * A ring of the in-sequence incremental packets kept while an instrument recovers, oldest first.
 */
final class RecoveryBuffer
{
    private final PacketSlots slots;
    private final int capacity;
    private int head;
    private int count;

    RecoveryBuffer(final int capacity)
    {
        this.capacity = capacity;
        slots = new PacketSlots(capacity);
    }

    boolean isFull()
    {
        return count == capacity;
    }

    void dropOldest()
    {
        slots.free(head);
        head = (head + 1) % capacity;
        count--;
    }

    boolean add(
        final long seqNum, final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
    {
        if (slots.store((head + count) % capacity, seqNum, buffer, offset, length, rxTimestampNs))
        {
            count++;
            return true;
        }
        return false;
    }

    int count()
    {
        return count;
    }

    int slot(final int index)
    {
        return (head + index) % capacity;
    }

    PacketSlots slots()
    {
        return slots;
    }

    void clear()
    {
        for (int i = 0; i < count; i++)
        {
            slots.free(slot(i));
        }
        head = 0;
        count = 0;
    }
}
