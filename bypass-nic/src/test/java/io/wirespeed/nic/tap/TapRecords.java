package io.wirespeed.nic.tap;

import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import org.agrona.concurrent.MessageHandler;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reads every record out of a tap ring, as the journal agent would, into plain values for assertions.
 */
final class TapRecords
{
    private TapRecords()
    {
    }

    static List<Record> drain(final TapRing ring)
    {
        final List<Record> records = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final JournalRecordHeaderDecoder decoder = new JournalRecordHeaderDecoder();
        final MessageHandler handler = (type, buffer, index, length) ->
        {
            assertEquals(TapRing.RECORD_TYPE_ID, type);
            decoder.wrapAndApplyHeader(buffer, index, header);
            final byte[] payload = new byte[(int)decoder.payloadLength()];
            buffer.getBytes(index + JournalTap.RECORD_HEADER_LENGTH, payload);
            assertEquals(length, JournalTap.RECORD_HEADER_LENGTH + payload.length);
            records.add(new Record(decoder.stream(), decoder.sourceId(), decoder.captureTimestampNs(), payload));
        };
        long position;
        do
        {
            position = ring.ring().consumerPosition();
            ring.ring().read(handler); // a read stops at the end of the buffer: the next reads the rest
        }
        while (ring.ring().consumerPosition() != position);
        return records;
    }

    record Record(JournalStream stream, int sourceId, long timestampNs, byte[] payload)
    {
    }
}
