package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalLossEncoder;
import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.JournalRecordHeaderEncoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.config.JournalContext;
import io.wirespeed.config.JournalRollCycle;
import io.wirespeed.nic.tap.TapRing;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.PointerBytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.queue.rollcycles.LegacyRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The Chronicle Queue every stream is journaled to: one appender, used by one thread at a time (the starting thread
 * for {@link #appendConfig(String)} and {@link #drainLeftover(Path)}, then the {@link JournalAgent}'s), numbering
 * the records of each stream from 0 with no gaps, across restarts.
 */
public final class Journal implements AutoCloseable
{
    /**
     * How long Chronicle waits for a header another writer left unfinished before it takes it over: only the journal
     * thread writes, so an unfinished header is a writer that died (kill -9) and a reopen must not stall on it.
     */
    public static final long TIMEOUT_MS = 500;

    /** How far past the write position the journal thread touches the queue file's pages. */
    public static final long PRETOUCH_AHEAD_BYTES = 4L * 1024 * 1024;

    private static final long PAGE_SIZE = 4096;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final EpochNanoClock clock;
    private final Retention retention;
    private final JournalStatistics statistics = new JournalStatistics();
    private final long[] nextSequence = new long[JournalRecords.STREAMS];
    private final UnsafeBuffer header = new UnsafeBuffer(BufferUtil.allocateDirectAligned(256, 64));
    private final PointerBytesStore pointer = BytesStore.nativePointer();
    private final MessageHeaderEncoder messageHeaderEncoder = new MessageHeaderEncoder();
    private final JournalRecordHeaderEncoder headerEncoder = new JournalRecordHeaderEncoder();
    private final JournalRecordHeaderDecoder headerDecoder = new JournalRecordHeaderDecoder();
    private final MessageHeaderDecoder messageHeaderDecoder = new MessageHeaderDecoder();
    private final JournalLossEncoder lossEncoder = new JournalLossEncoder();
    private final MessageHandler leftoverHandler = this::onLeftover;
    private long totalRecords;
    private long totalBytes;
    private long rollOvers;
    private long unreadable;
    private long lostRecords;
    private long lostBytes;
    private int cycle;
    private int touchedCycle = Integer.MIN_VALUE;
    private long touchedTo;

    private Journal(
        final Path dir, final RollCycle rollCycle, final Retention retention, final EpochNanoClock clock)
    {
        this.dir = dir;
        this.clock = clock;
        this.retention = retention;
        retention.apply();
        this.queue = SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(rollCycle)
            .timeoutMS(TIMEOUT_MS)
            .storeFileListener(retention)
            .build();
        this.appender = queue.createAppender();
        JournalReader.lastSequences(queue, nextSequence);
        this.cycle = appender.cycle();
    }

    /**
     * Open (or create) the journal a configuration names.
     *
     * @param context the {@code [journal]} configuration.
     * @param clock   epoch nanoseconds, for records the journal itself stamps.
     * @return the journal.
     * @throws UncheckedIOException when the directory cannot be created.
     */
    public static Journal open(final JournalContext context, final EpochNanoClock clock)
    {
        return open(context.dir(), rollCycle(context.rollCycle()),
            new Retention(context.dir(), context.retentionCycles(), context.retentionAction(), context.archiveDir()),
            clock);
    }

    static Journal open(
        final Path dir, final RollCycle rollCycle, final Retention retention, final EpochNanoClock clock)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the journal directory " + dir, ex);
        }
        return new Journal(dir, rollCycle, retention, clock);
    }

    /**
     * The Chronicle roll cycle of a configured one.
     *
     * @param rollCycle as configured.
     * @return Chronicle's.
     */
    public static RollCycle rollCycle(final JournalRollCycle rollCycle)
    {
        final String name = rollCycle.name();
        if (rollCycle.isLegacy())
        {
            return LegacyRollCycles.valueOf(name);
        }
        return name.startsWith("LARGE_") || name.startsWith("XLARGE_") || name.startsWith("HUGE_") ?
            LargeRollCycles.valueOf(name) : RollCycles.valueOf(name);
    }

    /**
     * Every record of some streams in journal order, payload only: what a restart restores from.
     *
     * @param dir     of the journal; nothing is replayed when there is no journal there.
     * @param streams to replay.
     * @param handler receives each record.
     */
    public static void replay(final Path dir, final Set<JournalStream> streams, final JournalRecordHandler handler)
    {
        if (!Files.isDirectory(dir))
        {
            return;
        }
        try (JournalReader reader = JournalReader.open(dir, new JournalQuery().streams(streams)))
        {
            reader.readAll(handler);
        }
    }

    /**
     * The queue's directory.
     *
     * @return the directory.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * Journal the effective configuration, once at start before the agent runs.
     *
     * @param text of the configuration.
     */
    public void appendConfig(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        append(JournalStream.CONFIG.value(), 0, 0, clock.nanoTime(), new UnsafeBuffer(bytes), 0, bytes.length);
    }

    /**
     * Journal one record of a stream stamped by the caller, e.g. a captured frame at its recorded time, before the
     * agent runs or from a tool that owns the journal; numbered next in its stream.
     *
     * @param stream             to journal it in.
     * @param sourceId           where it came from (16 bits; for {@link JournalStream#RAW_FRAME_IN}
     *                           {@code port << 8 | queue}).
     * @param captureTimestampNs when it was captured, epoch nanoseconds.
     * @param buffer             holding the payload.
     * @param offset             of the payload.
     * @param length             of the payload.
     * @return its sequence in its stream.
     * @throws IllegalArgumentException for {@link JournalStream#NULL_VAL}.
     */
    public long appendRecord(
        final JournalStream stream,
        final int sourceId,
        final long captureTimestampNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (JournalStream.NULL_VAL == stream)
        {
            throw new IllegalArgumentException("no journal stream");
        }
        return append(stream.value(), 0, sourceId, captureTimestampNs, buffer, offset, length);
    }

    /**
     * Journal every committed record a dead process's tap ring holds, in order, then delete its file; before the
     * agent runs, and before a new ring is created at the path.
     *
     * @param ringFile where the ring was.
     * @return records journaled; 0 when there is no file (or it is not a ring, left as it is).
     */
    public long drainLeftover(final Path ringFile)
    {
        final TapRing ring = TapRing.openLeftover(ringFile);
        if (null == ring)
        {
            return 0;
        }
        final long before = totalRecords;
        drain(ring.ring(), Integer.MAX_VALUE);
        ring.delete();
        return totalRecords - before;
    }

    /**
     * What the journal has done, readable from any thread.
     *
     * @return the statistics.
     */
    public JournalStatistics statistics()
    {
        return statistics;
    }

    /**
     * The next sequence a stream's record will get, i.e. how many it has.
     *
     * @param stream to ask about.
     * @return the sequence.
     */
    public long nextSequence(final JournalStream stream)
    {
        return nextSequence[stream.value()];
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(appender, queue);
    }

    /**
     * Journal a ring's records, reading again while the consumer position moves (one read stops at the end of the
     * buffer, and a padding record at the end moves the position without a message).
     *
     * @param ring  to drain.
     * @param limit most records.
     * @return records read.
     */
    int drain(final OneToOneRingBuffer ring, final int limit)
    {
        int total = 0;
        long before;
        do
        {
            before = ring.consumerPosition();
            total += ring.read(leftoverHandler, limit - total);
        }
        while (ring.consumerPosition() != before && total < limit);
        return total;
    }

    /**
     * Journal one ring record (message header, record header, payload), numbering it in its stream.
     *
     * @param buffer holding it.
     * @param offset of it.
     * @param length of it.
     * @return the stream's value, or -1 when it is not a record (counted unreadable).
     */
    int appendRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!JournalRecords.isRecord(buffer, offset, length))
        {
            unreadable++;
            return -1;
        }
        headerDecoder.wrapAndApplyHeader(buffer, offset, messageHeaderDecoder);
        final int stream = headerDecoder.streamRaw();
        final int payloadLength = (int)headerDecoder.payloadLength();
        append(stream, headerDecoder.flags(), headerDecoder.sourceId(), headerDecoder.captureTimestampNs(),
            buffer, offset + JournalRecords.HEADER_LENGTH, payloadLength);
        if (JournalStream.JOURNAL.value() == stream)
        {
            countLoss(buffer, offset + JournalRecords.HEADER_LENGTH, payloadLength);
        }
        return stream;
    }

    /**
     * Journal one record.
     *
     * @param stream             value of its stream.
     * @param flags              record flags.
     * @param sourceId           where it came from.
     * @param captureTimestampNs when it was captured.
     * @param payload            holding the payload.
     * @param offset             of the payload.
     * @param length             of the payload.
     * @return its sequence.
     */
    long append(
        final int stream,
        final int flags,
        final int sourceId,
        final long captureTimestampNs,
        final DirectBuffer payload,
        final int offset,
        final int length)
    {
        final long startNs = System.nanoTime();
        final long sequence = nextSequence[stream];
        headerEncoder.wrapAndApplyHeader(header, 0, messageHeaderEncoder)
            .stream(JournalRecords.stream(stream))
            .flags((short)flags)
            .sourceId(sourceId & 0xFFFF)
            .payloadLength(length)
            .sequence(sequence)
            .captureTimestampNs(captureTimestampNs);
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            pointer.set(header.addressOffset(), JournalRecords.HEADER_LENGTH);
            bytes.write(pointer, 0L, JournalRecords.HEADER_LENGTH);
            final byte[] array = payload.byteArray();
            if (null != array)
            {
                bytes.write(array, payload.wrapAdjustment() + offset, length);
            }
            else if (length > 0)
            {
                pointer.set(payload.addressOffset() + offset, length);
                bytes.write(pointer, 0L, length);
            }
        }
        nextSequence[stream] = sequence + 1;
        final int recordBytes = JournalRecords.HEADER_LENGTH + length;
        totalRecords++;
        totalBytes += recordBytes;
        final int newCycle = appender.cycle();
        if (newCycle != cycle)
        {
            cycle = newCycle;
            rollOvers++;
        }
        statistics.onAppend(stream, recordBytes, System.nanoTime() - startNs);
        return sequence;
    }

    /**
     * Journal a loss: records or bytes of a stream that never reached the journal.
     *
     * @param stream      value of the stream that lost them.
     * @param sourceId    where they came from.
     * @param records     how many records (0 when only the bytes are known).
     * @param bytes       how many bytes.
     * @param firstLostNs when the loss began, as far as known.
     * @param lastLostNs  when it was seen.
     */
    void appendLoss(
        final int stream,
        final int sourceId,
        final long records,
        final long bytes,
        final long firstLostNs,
        final long lastLostNs)
    {
        final int offset = JournalRecords.HEADER_LENGTH;
        lossEncoder.wrapAndApplyHeader(header, offset, messageHeaderEncoder)
            .stream(JournalRecords.stream(stream))
            .sourceId(sourceId & 0xFFFF)
            .lostRecords(records)
            .lostBytes(bytes)
            .firstLostTimestampNs(firstLostNs)
            .lastLostTimestampNs(lastLostNs);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + JournalLossEncoder.BLOCK_LENGTH;
        lostRecords += records;
        lostBytes += bytes;
        append(JournalStream.JOURNAL.value(), 0, sourceId, lastLostNs, header, offset, length);
    }

    /**
     * Touch the pages just past the write position of the current cycle file so that appends do not page-fault.
     * Chronicle's own {@code pretouch()} is an Enterprise feature (open source: it recurses until the stack
     * overflows), so the journal does it itself: a compare-and-set of 0 with 0 per page ahead, which faults the page
     * in (and maps the next chunk) without changing a byte. The first pages of a new cycle file fault at the roll.
     */
    void pretouch()
    {
        final Wire wire = appender.wire();
        if (null == wire)
        {
            return;
        }
        final Bytes<?> bytes = wire.bytes();
        final long writePosition = bytes.writePosition();
        if (cycle != touchedCycle || touchedTo < writePosition)
        {
            touchedCycle = cycle;
            touchedTo = (writePosition + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        }
        final long end = Math.min(writePosition + PRETOUCH_AHEAD_BYTES, bytes.capacity() - Integer.BYTES);
        for (long position = touchedTo; position < end; position += PAGE_SIZE)
        {
            bytes.compareAndSwapInt(position, 0, 0);
            touchedTo = position + PAGE_SIZE;
        }
    }

    long totalRecords()
    {
        return totalRecords;
    }

    long totalBytes()
    {
        return totalBytes;
    }

    long rollOvers()
    {
        return rollOvers;
    }

    long unreadable()
    {
        return unreadable;
    }

    void countUnreadable()
    {
        unreadable++;
    }

    long lostRecords()
    {
        return lostRecords;
    }

    long lostBytes()
    {
        return lostBytes;
    }

    long cyclesRetired()
    {
        return retention.retired();
    }

    ExcerptAppender appender()
    {
        return appender;
    }

    private void countLoss(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length >= MessageHeaderDecoder.ENCODED_LENGTH + JournalLossEncoder.BLOCK_LENGTH &&
            buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), JournalLossEncoder.BYTE_ORDER) ==
            JournalLossEncoder.TEMPLATE_ID)
        {
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            lostRecords += buffer.getLong(body + JournalLossEncoder.lostRecordsEncodingOffset(),
                JournalLossEncoder.BYTE_ORDER);
            lostBytes += buffer.getLong(body + JournalLossEncoder.lostBytesEncodingOffset(),
                JournalLossEncoder.BYTE_ORDER);
        }
    }

    private void onLeftover(final int msgTypeId, final DirectBuffer buffer, final int index, final int length)
    {
        if (TapRing.RECORD_TYPE_ID == msgTypeId)
        {
            appendRecord(buffer, index, length);
        }
        else
        {
            unreadable++;
        }
    }
}
