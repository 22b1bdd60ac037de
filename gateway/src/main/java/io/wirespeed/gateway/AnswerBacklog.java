package io.wirespeed.gateway;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The answers (execution reports, risk decisions, order-sent stamps) one strategy could not take yet, held in order
 * in fixed slots and offered again every duty cycle before anything new for it, with the strategy's answer sequence.
 * <pre>
 *   slots: | length | encoded message (up to SLOT_LENGTH bytes) | ... capacity slots, a ring from head to tail
 * </pre>
 * Past the cut-off mark (three quarters full) the strategy is to be cut off: its new orders refused and its open
 * orders canceled, so no more answers grow the backlog than those cancels; the remaining slots hold them. Once the
 * backlog is empty again the strategy may be cut off again (the kill itself stays latched until an operator resumes).
 */
final class AnswerBacklog
{
    /** Longest answer a slot holds. */
    static final int SLOT_LENGTH = 256;

    private final long strategyId;
    private final UnsafeBuffer slots;
    private final int[] lengths;
    private final int capacity;
    private final int cutOffMark;
    private int head;
    private int count;
    private long nextStreamSeq = 1;
    private boolean cutOffDue;
    private boolean cutOff;

    AnswerBacklog(final long strategyId, final int capacity)
    {
        this.strategyId = strategyId;
        this.capacity = capacity;
        this.cutOffMark = Math.max(1, capacity - capacity / 4);
        slots = new UnsafeBuffer(ByteBuffer.allocateDirect(capacity * SLOT_LENGTH));
        lengths = new int[capacity];
    }

    long strategyId()
    {
        return strategyId;
    }

    /**
     * The streamSeq the next answer to the strategy carries; taken by the caller.
     *
     * @return the number, from 1.
     */
    long takeStreamSeq()
    {
        return nextStreamSeq++;
    }

    boolean isEmpty()
    {
        return 0 == count;
    }

    int size()
    {
        return count;
    }

    /**
     * Hold an answer at the tail.
     *
     * @return false when the backlog is full (or the answer longer than a slot): the answer is lost.
     */
    boolean hold(final DirectBuffer buffer, final int offset, final int length)
    {
        if (count == capacity || length > SLOT_LENGTH)
        {
            return false;
        }
        final int slot = (head + count) % capacity;
        slots.putBytes(slot * SLOT_LENGTH, buffer, offset, length);
        lengths[slot] = length;
        count++;
        if (count >= cutOffMark && !cutOff)
        {
            cutOff = true;
            cutOffDue = true;
        }
        return true;
    }

    /**
     * Offer the held answers in order until the sink refuses one.
     *
     * @return answers delivered.
     */
    int drain(final MessageSink sink)
    {
        int delivered = 0;
        while (count > 0 && sink.offer(slots, head * SLOT_LENGTH, lengths[head]))
        {
            head = (head + 1) % capacity;
            count--;
            delivered++;
        }
        if (0 == count)
        {
            cutOff = false;
        }
        return delivered;
    }

    /**
     * Whether the strategy has just crossed the cut-off mark; true once per crossing.
     *
     * @return true when the strategy is to be cut off now.
     */
    boolean takeCutOffDue()
    {
        final boolean due = cutOffDue;
        cutOffDue = false;
        return due;
    }
}
