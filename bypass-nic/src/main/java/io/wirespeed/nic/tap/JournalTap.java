package io.wirespeed.nic.tap;

import io.wirespeed.codecs.internal.JournalLossEncoder;
import io.wirespeed.codecs.internal.JournalRecordHeaderEncoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The producer side of a {@link TapRing}: a hot thread hands the journal one record at a time, copied into the ring,
 * without waiting for the disk, without allocating and without a system call. One tap per producing thread.
 * <p>
 * A record in the ring is laid out as the journal stores it:
 * <pre>
 *   +--------------------------+--------------------------------------------+------------------------+
 *   | messageHeader (8 bytes)  | JournalRecordHeader block (24 bytes)       | payload                |
 *   | template 40, schema 100  | stream, flags, sourceId, payloadLength,    | payloadLength bytes    |
 *   |                          | sequence (0 here: the journal numbers it), |                        |
 *   |                          | captureTimestampNs                         |                        |
 *   +--------------------------+--------------------------------------------+------------------------+
 * </pre>
 * When the ring has no room (the journal is further behind than the ring holds) the record is not kept: the tap
 * counts it on its lost-records counter and, as soon as the ring has room again, writes a {@code JournalLoss} record
 * (stream {@code JOURNAL}) saying how many records and bytes of which stream were lost and between which times, before
 * the next record. A payload longer than the ring's largest message is kept truncated, with flag bit 0 set.
 */
public final class JournalTap
{
    /** Bytes before the payload: the message header and the record header block. */
    public static final int RECORD_HEADER_LENGTH =
        MessageHeaderEncoder.ENCODED_LENGTH + JournalRecordHeaderEncoder.BLOCK_LENGTH;

    /** Flag bit of a record whose payload was truncated to the ring's largest message. */
    public static final short FLAG_TRUNCATED = 1;

    private static final int STREAMS = 32;
    private static final int LOSS_PAYLOAD_LENGTH =
        MessageHeaderEncoder.ENCODED_LENGTH + JournalLossEncoder.BLOCK_LENGTH;
    private static final int LOSS_RECORD_LENGTH = RECORD_HEADER_LENGTH + LOSS_PAYLOAD_LENGTH;

    private final OneToOneRingBuffer ring;
    private final AtomicBuffer buffer;
    private final AtomicCounter lostRecords;
    private final int maxPayloadLength;
    private final MessageHeaderEncoder messageHeader = new MessageHeaderEncoder();
    private final JournalRecordHeaderEncoder recordHeader = new JournalRecordHeaderEncoder();
    private final JournalLossEncoder loss = new JournalLossEncoder();

    private final long[] pendingLostRecords = new long[STREAMS];
    private final long[] pendingLostBytes = new long[STREAMS];
    private final long[] firstLostNs = new long[STREAMS];
    private final long[] lastLostNs = new long[STREAMS];
    private final int[] lostSourceId = new int[STREAMS];
    private boolean lossPending;
    private int claimedIndex = -1;

    /**
     * A tap writing into a ring.
     *
     * @param ring        the ring this thread alone writes.
     * @param lostRecords counts records the ring had no room for.
     */
    public JournalTap(final TapRing ring, final AtomicCounter lostRecords)
    {
        this.ring = ring.ring();
        this.buffer = this.ring.buffer();
        this.lostRecords = lostRecords;
        this.maxPayloadLength = this.ring.maxMsgLength() - RECORD_HEADER_LENGTH;
    }

    /**
     * Journal one record, copied from a buffer.
     *
     * @param stream             which stream it belongs to.
     * @param sourceId           port, channel, strategy or session it belongs to.
     * @param captureTimestampNs when it was captured (rx or tx time), epoch nanoseconds.
     * @param source             holding the payload.
     * @param offset             of the payload.
     * @param length             of the payload.
     * @return true when the ring took it, false when it was lost (counted, and reported by a later loss record).
     */
    public boolean record(
        final JournalStream stream,
        final int sourceId,
        final long captureTimestampNs,
        final DirectBuffer source,
        final int offset,
        final int length)
    {
        final int payloadOffset = tryClaim(stream, sourceId, captureTimestampNs, length);
        if (payloadOffset < 0)
        {
            return false;
        }
        buffer.putBytes(payloadOffset, source, offset, Math.min(length, maxPayloadLength));
        commit();
        return true;
    }

    /**
     * Claim room for one record whose payload the caller writes in place into {@link #buffer()}, then
     * {@link #commit()} (or {@link #abort()}). Nothing else may be recorded between the claim and its commit.
     *
     * @param stream             which stream it belongs to.
     * @param sourceId           port, channel, strategy or session it belongs to.
     * @param captureTimestampNs when it was captured, epoch nanoseconds.
     * @param length             of the payload; a longer one than the ring's largest message is truncated, flagged.
     * @return the offset in {@link #buffer()} of the payload's first byte, or -1 when the ring had no room (the
     *     record is counted lost).
     */
    public int tryClaim(final JournalStream stream, final int sourceId, final long captureTimestampNs, final int length)
    {
        if (lossPending && !writeLossRecords(captureTimestampNs))
        {
            lose(stream, sourceId, captureTimestampNs, length);
            return -1;
        }
        final int payloadLength = Math.min(length, maxPayloadLength);
        final int index = ring.tryClaim(TapRing.RECORD_TYPE_ID, RECORD_HEADER_LENGTH + payloadLength);
        if (index <= 0)
        {
            lose(stream, sourceId, captureTimestampNs, length);
            return -1;
        }
        claimedIndex = index;
        recordHeader.wrapAndApplyHeader(buffer, index, messageHeader)
            .stream(stream)
            .flags(payloadLength < length ? FLAG_TRUNCATED : 0)
            .sourceId(sourceId)
            .payloadLength(payloadLength)
            .sequence(0)
            .captureTimestampNs(captureTimestampNs);
        return index + RECORD_HEADER_LENGTH;
    }

    /**
     * The ring's buffer, to write a claimed payload into.
     *
     * @return the buffer.
     */
    public AtomicBuffer buffer()
    {
        return buffer;
    }

    /**
     * Publish the claimed record to the journal.
     */
    public void commit()
    {
        ring.commit(claimedIndex);
        claimedIndex = -1;
    }

    /**
     * Give the claimed room back; the journal skips it.
     */
    public void abort()
    {
        ring.abort(claimedIndex);
        claimedIndex = -1;
    }

    /**
     * Whether a record of a payload length would fit now, for a caller that must not act unless its record is kept
     * (the gateway sends nothing to the venue it could not journal).
     *
     * @param length of the payload.
     * @return true when the ring has room for it (and for any loss records still to write).
     */
    public boolean hasRoomFor(final int length)
    {
        final int needed = RecordDescriptor.HEADER_LENGTH + RECORD_HEADER_LENGTH + Math.min(length, maxPayloadLength) +
            (lossPending ? STREAMS * (RecordDescriptor.HEADER_LENGTH + LOSS_RECORD_LENGTH) : 0);
        return ring.capacity() - ring.size() >= needed + RecordDescriptor.ALIGNMENT * 2;
    }

    /**
     * Records lost so far because the ring was full.
     *
     * @return the count.
     */
    public long lostRecords()
    {
        return lostRecords.get();
    }

    private void lose(final JournalStream stream, final int sourceId, final long timestampNs, final int length)
    {
        final int i = stream.value();
        if (0 == pendingLostRecords[i])
        {
            firstLostNs[i] = timestampNs;
        }
        pendingLostRecords[i]++;
        pendingLostBytes[i] += length;
        lastLostNs[i] = timestampNs;
        lostSourceId[i] = sourceId;
        lossPending = true;
        lostRecords.incrementOrdered();
    }

    private boolean writeLossRecords(final long timestampNs)
    {
        for (int i = 0; i < STREAMS; i++)
        {
            if (0 != pendingLostRecords[i])
            {
                final int index = ring.tryClaim(TapRing.RECORD_TYPE_ID, LOSS_RECORD_LENGTH);
                if (index <= 0)
                {
                    return false;
                }
                recordHeader.wrapAndApplyHeader(buffer, index, messageHeader)
                    .stream(JournalStream.JOURNAL)
                    .flags((short)0)
                    .sourceId(lostSourceId[i])
                    .payloadLength(LOSS_PAYLOAD_LENGTH)
                    .sequence(0)
                    .captureTimestampNs(timestampNs);
                loss.wrapAndApplyHeader(buffer, index + RECORD_HEADER_LENGTH, messageHeader)
                    .stream(JournalStream.get((short)i))
                    .sourceId(lostSourceId[i])
                    .lostRecords(pendingLostRecords[i])
                    .lostBytes(pendingLostBytes[i])
                    .firstLostTimestampNs(firstLostNs[i])
                    .lastLostTimestampNs(lastLostNs[i]);
                ring.commit(index);
                pendingLostRecords[i] = 0;
                pendingLostBytes[i] = 0;
            }
        }
        lossPending = false;
        return true;
    }
}
