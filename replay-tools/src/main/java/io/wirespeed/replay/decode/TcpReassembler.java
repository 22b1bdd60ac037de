package io.wirespeed.replay.decode;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts one direction of a captured TCP connection back in order by sequence number: bytes already delivered
 * (retransmissions, overlaps) are dropped, segments ahead of the next expected byte are held in a bounded buffer
 * until the hole before them fills, and a hole that never fills is handed on as a gap of so many bytes.
 * <pre>
 *   delivered              nextSeq       held (sorted by sequence, at most maxHeldBytes)
 *   ----------------------|------hole-----[seg]--[seg]-----[seg]
 *   retransmission: ends before nextSeq    overlap: starts before nextSeq, is trimmed
 * </pre>
 * Sequence numbers are compared modulo 2^32, so a stream may wrap.
 */
final class TcpReassembler
{
    /** Hands on the stream in order. */
    interface Listener
    {
        /**
         * Stream bytes, in order, each delivered once.
         *
         * @param buffer holding them; valid during the call only.
         * @param offset of the first.
         * @param length how many.
         */
        void onStreamData(DirectBuffer buffer, int offset, int length);

        /**
         * Stream bytes that will never be delivered: the stream goes on after them.
         *
         * @param bytes how many are missing.
         * @param cause why, for people.
         */
        void onStreamGap(long bytes, String cause);
    }

    /** The segment held nothing: no payload. */
    static final int EMPTY = 0;
    /** The segment was the next expected and was delivered, with any held segments it released. */
    static final int IN_ORDER = 1;
    /** Every byte of the segment had been delivered already. */
    static final int RETRANSMISSION = 2;
    /** The segment started before the next expected byte: the old part was dropped, the rest delivered. */
    static final int OVERLAP = 3;
    /** The segment is ahead of the next expected byte and is held. */
    static final int OUT_OF_ORDER = 4;

    static final String CAUSE_BUFFER_FULL = "hole never filled: the out-of-order buffer is full";
    static final String CAUSE_END = "hole never filled before the end of the capture";
    static final String CAUSE_RESET = "hole never filled before the connection was reset";
    static final String CAUSE_SNAPPED = "bytes past the capture's snaplen";

    private static final long SEQUENCE_MASK = 0xFFFF_FFFFL;

    private final int maxHeldBytes;
    private final Listener listener;
    private final List<Segment> held = new ArrayList<>();
    private final UnsafeBuffer heldView = new UnsafeBuffer(0, 0);
    private boolean started;
    private long nextSeq;
    private long heldBytes;
    private long retransmittedBytes;
    private long outOfOrderSegments;

    /**
     * A reassembler for one direction.
     *
     * @param maxHeldBytes of out-of-order payload held before the hole in front of it is given up.
     * @param listener     that receives the stream.
     */
    TcpReassembler(final int maxHeldBytes, final Listener listener)
    {
        this.maxHeldBytes = maxHeldBytes;
        this.listener = listener;
    }

    /**
     * Whether the first sequence number is known.
     *
     * @return true after {@link #start(long)}.
     */
    boolean isStarted()
    {
        return started;
    }

    /**
     * Set the sequence number of the first stream byte: the SYN's plus one, or the first seen mid-connection.
     *
     * @param firstSeq sequence number of stream offset 0.
     */
    void start(final long firstSeq)
    {
        started = true;
        nextSeq = firstSeq & SEQUENCE_MASK;
    }

    /**
     * The sequence number of the next byte expected.
     *
     * @return it, modulo 2^32.
     */
    long nextSeq()
    {
        return nextSeq;
    }

    /**
     * Take a segment's payload.
     *
     * @param seq            sequence number of its first payload byte.
     * @param buffer         holding the captured payload.
     * @param offset         of the captured payload.
     * @param capturedLength payload bytes in the capture.
     * @param segmentLength  payload bytes on the wire; more than captured when the snaplen cut the packet.
     * @return {@link #EMPTY}, {@link #IN_ORDER}, {@link #RETRANSMISSION}, {@link #OVERLAP} or {@link #OUT_OF_ORDER}.
     */
    int onSegment(
        final long seq, final DirectBuffer buffer, final int offset, final int capturedLength, final int segmentLength)
    {
        if (segmentLength <= 0)
        {
            return EMPTY;
        }
        if (!started)
        {
            start(seq);
        }

        final int ahead = distance(seq, nextSeq);
        if (ahead > 0)
        {
            hold(seq, buffer, offset, capturedLength, segmentLength);
            return OUT_OF_ORDER;
        }

        final int outcome = deliver(seq, buffer, offset, capturedLength, segmentLength);
        drain();
        return outcome;
    }

    /**
     * Give up every hole: deliver what is held with a gap before each run of it.
     *
     * @param cause of the gaps, e.g. {@link #CAUSE_END}.
     */
    void flush(final String cause)
    {
        while (!held.isEmpty())
        {
            skipHole(cause);
        }
    }

    /**
     * Forget the stream, for a new connection on the same ports.
     */
    void reset()
    {
        started = false;
        held.clear();
        heldBytes = 0;
    }

    /**
     * Bytes dropped because they had been delivered already.
     *
     * @return retransmitted or overlapping bytes.
     */
    long retransmittedBytes()
    {
        return retransmittedBytes;
    }

    /**
     * Segments that arrived ahead of a hole.
     *
     * @return out-of-order segments held.
     */
    long outOfOrderSegments()
    {
        return outOfOrderSegments;
    }

    /**
     * Payload bytes held now.
     *
     * @return bytes waiting for a hole to fill.
     */
    long heldBytes()
    {
        return heldBytes;
    }

    private int deliver(
        final long seq, final DirectBuffer buffer, final int offset, final int capturedLength, final int segmentLength)
    {
        final int old = -distance(seq, nextSeq);
        if (old >= segmentLength)
        {
            retransmittedBytes += segmentLength;
            return RETRANSMISSION;
        }

        retransmittedBytes += old;
        if (old < capturedLength)
        {
            listener.onStreamData(buffer, offset + old, capturedLength - old);
        }
        final int notCaptured = segmentLength - Math.max(old, capturedLength);
        nextSeq = (nextSeq + segmentLength - old) & SEQUENCE_MASK;
        if (notCaptured > 0)
        {
            listener.onStreamGap(notCaptured, CAUSE_SNAPPED);
        }
        return old > 0 ? OVERLAP : IN_ORDER;
    }

    private void hold(
        final long seq, final DirectBuffer buffer, final int offset, final int capturedLength, final int segmentLength)
    {
        outOfOrderSegments++;
        final byte[] bytes = new byte[capturedLength];
        buffer.getBytes(offset, bytes);
        final Segment segment = new Segment(seq, bytes, segmentLength);

        int index = held.size();
        final int ahead = distance(seq, nextSeq);
        while (index > 0 && distance(held.get(index - 1).seq, nextSeq) > ahead)
        {
            index--;
        }
        held.add(index, segment);
        heldBytes += capturedLength;

        while (heldBytes > maxHeldBytes && !held.isEmpty())
        {
            skipHole(CAUSE_BUFFER_FULL);
        }
    }

    private void skipHole(final String cause)
    {
        final Segment first = held.get(0);
        final int hole = distance(first.seq, nextSeq);
        if (hole > 0)
        {
            listener.onStreamGap(hole, cause);
            nextSeq = first.seq;
        }
        drain();
    }

    private void drain()
    {
        while (!held.isEmpty() && distance(held.get(0).seq, nextSeq) <= 0)
        {
            final Segment segment = held.remove(0);
            heldBytes -= segment.bytes.length;
            heldView.wrap(segment.bytes);
            deliver(segment.seq, heldView, 0, segment.bytes.length, segment.segmentLength);
        }
    }

    private static int distance(final long seq, final long from)
    {
        return (int)(seq - from);
    }

    private static final class Segment
    {
        private final long seq;
        private final byte[] bytes;
        private final int segmentLength;

        Segment(final long seq, final byte[] bytes, final int segmentLength)
        {
            this.seq = seq & SEQUENCE_MASK;
            this.bytes = bytes;
            this.segmentLength = segmentLength;
        }
    }
}
