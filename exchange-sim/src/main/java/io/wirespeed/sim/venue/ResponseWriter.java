package io.wirespeed.sim.venue;

import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Where an answer to a client session is encoded: straight into the session's {@link VenueOutbound}, or, while the
 * delay fault holds answers, into a FIFO that {@link #doWork} releases when each is due, with its SeqNum, UUID and
 * SendingTimeEpoch stamped as it leaves. Answers never overtake one another.
 * <pre>
 *   held answer: | dueNs (8) | session index (4) | length (4) | SBE message (length) |
 * </pre>
 */
final class ResponseWriter
{
    static final int MAX_MESSAGE_LENGTH = 1024;

    private static final int DUE_OFFSET = 0;
    private static final int SESSION_OFFSET = 8;
    private static final int LENGTH_OFFSET = 12;
    private static final int PREFIX_LENGTH = 16;

    private final VenueFaults faults;
    private final VenueCounters counters;
    private final ClientOrders orders;
    private final VenueClock clock;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[PREFIX_LENGTH + MAX_MESSAGE_LENGTH]);
    private final ExpandableRingBuffer held = new ExpandableRingBuffer(64 * 1024, 64 * 1024 * 1024, false);
    private final ExpandableRingBuffer.MessageConsumer releaser = this::release;
    private ClientSession session;
    private boolean direct;
    private MutableDirectBuffer buffer;
    private int offset;
    private long seqNum;
    private long nowNs;
    private long sendingTimeNs;

    ResponseWriter(
        final VenueFaults faults, final VenueCounters counters, final ClientOrders orders, final VenueClock clock)
    {
        this.faults = faults;
        this.counters = counters;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Start an answer to a session: encode it at {@link #buffer()} and {@link #offset()} with {@link #seqNum()} and
     * {@link #uuid()}, then {@link #commit(int)}.
     */
    void begin(final ClientSession session, final long nowNs)
    {
        this.session = session;
        this.nowNs = nowNs;
        direct = 0 == faults.responseDelayNs() && held.isEmpty();
        if (direct)
        {
            final VenueOutbound outbound = session.outbound;
            buffer = outbound.buffer();
            offset = outbound.offset();
            seqNum = outbound.nextSeqNum();
        }
        else
        {
            buffer = scratch;
            offset = PREFIX_LENGTH;
            seqNum = 0;
        }
    }

    MutableDirectBuffer buffer()
    {
        return buffer;
    }

    int offset()
    {
        return offset;
    }

    long seqNum()
    {
        return seqNum;
    }

    long uuid()
    {
        return session.outbound.uuid();
    }

    void commit(final int length)
    {
        if (direct)
        {
            session.outbound.commit(length);
        }
        else
        {
            scratch.putLong(DUE_OFFSET, nowNs + faults.responseDelayNs());
            scratch.putInt(SESSION_OFFSET, session.index);
            scratch.putInt(LENGTH_OFFSET, length);
            held.append(scratch, 0, PREFIX_LENGTH + length);
            counters.increment(VenueCounter.DELAYED_RESPONSES);
        }
    }

    /**
     * Release the held answers that are due, oldest first.
     *
     * @return bytes released, 0 when none was due.
     */
    int doWork(final long nowNs)
    {
        if (held.isEmpty())
        {
            return 0;
        }
        this.nowNs = nowNs;
        this.sendingTimeNs = clock.stamp(nowNs);
        return held.consume(releaser, Integer.MAX_VALUE);
    }

    /**
     * Answers held back now.
     */
    boolean hasHeld()
    {
        return !held.isEmpty();
    }

    private boolean release(
        final MutableDirectBuffer heldBuffer, final int heldOffset, final int heldLength, final int headOffset)
    {
        if (heldBuffer.getLong(heldOffset + DUE_OFFSET) - nowNs > 0)
        {
            return false;
        }
        final ClientSession target = orders.session(heldBuffer.getInt(heldOffset + SESSION_OFFSET));
        final int length = heldBuffer.getInt(heldOffset + LENGTH_OFFSET);
        final VenueOutbound outbound = target.outbound;
        final MutableDirectBuffer out = outbound.buffer();
        final int outOffset = outbound.offset();
        out.putBytes(outOffset, heldBuffer, heldOffset + PREFIX_LENGTH, length);
        BusinessFields.stampSequence(out, outOffset, outbound.nextSeqNum(), outbound.uuid());
        BusinessFields.stampSendingTime(out, outOffset, sendingTimeNs);
        outbound.commit(length);
        return true;
    }
}
