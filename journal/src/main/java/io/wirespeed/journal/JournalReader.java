package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads journal records in journal order, the ones a {@link JournalQuery} asks for; a named tailer resumes where the
 * last reader of its name stopped.
 */
public final class JournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final JournalQuery query;
    private final boolean allStreams;
    private final boolean[] streams = new boolean[JournalRecords.STREAMS];
    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final JournalRecordHeaderDecoder header = new JournalRecordHeaderDecoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private long skipped;

    private JournalReader(final SingleChronicleQueue queue, final JournalQuery query)
    {
        this.queue = queue;
        this.query = query;
        this.tailer = null == query.tailer() ? queue.createTailer() : queue.createTailer(query.tailer());
        final Set<JournalStream> wanted = query.streams();
        allStreams = wanted.isEmpty();
        for (final JournalStream stream : wanted)
        {
            streams[stream.value()] = true;
        }
    }

    /**
     * Open a reader of the journal in a directory.
     *
     * @param dir   of the journal.
     * @param query what to read.
     * @return the reader.
     * @throws IllegalArgumentException when there is no journal in the directory.
     */
    public static JournalReader open(final Path dir, final JournalQuery query)
    {
        if (!isJournal(dir))
        {
            throw new IllegalArgumentException("no journal at " + dir);
        }
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
            .readOnly(null == query.tailer())
            .timeoutMS(Journal.TIMEOUT_MS)
            .build();
        try
        {
            return new JournalReader(queue, query);
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
    }

    /**
     * Whether a directory holds a journal (at least one cycle file).
     *
     * @param dir to look in.
     * @return true when it does.
     */
    public static boolean isJournal(final Path dir)
    {
        return Files.isDirectory(dir) && !Retention.cycleFiles(dir).isEmpty();
    }

    /**
     * Read up to a number of records the query asks for, from where this reader stands.
     *
     * @param handler receives each matching record.
     * @param limit   most documents to read.
     * @return documents read (matching or not); 0 at the end of the journal for now.
     */
    public int poll(final JournalRecordHandler handler, final int limit)
    {
        int read = 0;
        while (read < limit)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    break;
                }
                read++;
                if (!dc.isData())
                {
                    continue;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final int length = (int)bytes.readRemaining();
                if (buffer.capacity() < length)
                {
                    buffer.wrap(new byte[Math.max(length, buffer.capacity() * 2)]);
                }
                bytes.read(buffer.byteArray(), 0, length);
                onDocument(handler, length);
            }
        }
        return read;
    }

    /**
     * Read every record the query asks for up to the end of the journal as it stands.
     *
     * @param handler receives each matching record.
     * @return documents read.
     */
    public long readAll(final JournalRecordHandler handler)
    {
        long total = 0;
        int read;
        while ((read = poll(handler, 4096)) > 0)
        {
            total += read;
        }
        return total;
    }

    /**
     * Documents that were not journal records (never written by the journal: counted, not given).
     *
     * @return the count.
     */
    public long skipped()
    {
        return skipped;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(tailer, queue);
    }

    /**
     * Fill in the next sequence of every stream from the newest records of a queue, reading backwards.
     *
     * @param queue        to read.
     * @param nextSequence by stream value, set to the newest record's sequence plus one.
     */
    static void lastSequences(final SingleChronicleQueue queue, final long[] nextSequence)
    {
        final boolean[] found = new boolean[nextSequence.length];
        final UnsafeBuffer view = new UnsafeBuffer(new byte[JournalRecords.HEADER_LENGTH]);
        final JournalRecordHeaderDecoder decoder = new JournalRecordHeaderDecoder();
        final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
        int remaining = nextSequence.length;
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            while (remaining > 0)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    if (!dc.isData() || bytes.readRemaining() < JournalRecords.HEADER_LENGTH)
                    {
                        continue;
                    }
                    bytes.read(view.byteArray(), 0, JournalRecords.HEADER_LENGTH);
                    if (!JournalRecords.isHeader(view, 0))
                    {
                        continue;
                    }
                    decoder.wrapAndApplyHeader(view, 0, headerDecoder);
                    final int stream = decoder.streamRaw();
                    if (!found[stream])
                    {
                        found[stream] = true;
                        nextSequence[stream] = decoder.sequence() + 1;
                        remaining--;
                    }
                }
            }
        }
    }

    private void onDocument(final JournalRecordHandler handler, final int length)
    {
        if (length < JournalRecords.HEADER_LENGTH ||
            !JournalRecords.isRecord(buffer, 0, length))
        {
            skipped++;
            return;
        }
        header.wrapAndApplyHeader(buffer, 0, messageHeader);
        final int stream = header.streamRaw();
        final long timestampNs = header.captureTimestampNs();
        if (!allStreams && !streams[stream] || timestampNs < query.fromNs() || timestampNs > query.toNs())
        {
            return;
        }
        final int payloadLength = (int)header.payloadLength();
        if (query.hasContentFilter() &&
            !PayloadFields.matches(query, buffer, JournalRecords.HEADER_LENGTH, payloadLength))
        {
            return;
        }
        handler.onRecord(JournalRecords.stream(stream), header.sourceId(), header.sequence(), timestampNs,
            buffer, JournalRecords.HEADER_LENGTH, payloadLength);
    }
}
