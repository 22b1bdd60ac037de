package io.wirespeed.nic.tap;

import io.wirespeed.codecs.internal.JournalLossDecoder;
import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTapTest
{
    @TempDir
    Path dir;

    private CountersFile counters;
    private AtomicCounter lost;
    private TapRing ring;
    private JournalTap tap;

    @BeforeEach
    void setUp()
    {
        counters = CountersFile.create(dir.resolve("counters"), 16);
        lost = counters.newCounter(1, "tap: records lost (ring full)");
        ring = TapRing.create(dir.resolve("tap"), TapRing.CAPACITY_MIN);
        tap = new JournalTap(ring, lost);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(ring, counters);
    }

    @Test
    void aRecordReachesTheReaderAsTheJournalStoresIt()
    {
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[]{1, 2, 3, 4, 5});
        assertTrue(tap.record(JournalStream.VENUE_OUT, 7, 123_456_789L, payload, 1, 3));

        final List<Record> records = drain(ring);
        assertEquals(1, records.size());
        final Record record = records.get(0);
        assertEquals(JournalStream.VENUE_OUT, record.stream);
        assertEquals(7, record.sourceId);
        assertEquals(123_456_789L, record.timestampNs);
        assertEquals(0, record.flags);
        assertEquals(List.of((byte)2, (byte)3, (byte)4), record.payload);
    }

    @Test
    void aPayloadLongerThanTheRingsLargestMessageIsKeptTruncatedAndFlagged()
    {
        final int longest = ring.ring().maxMsgLength() - JournalTap.RECORD_HEADER_LENGTH;
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[longest + 100]);
        assertTrue(tap.record(JournalStream.RAW_FRAME_IN, 1, 1L, payload, 0, longest + 100));

        final Record record = drain(ring).get(0);
        assertEquals(JournalTap.FLAG_TRUNCATED, record.flags);
        assertEquals(longest, record.payload.size());
    }

    @Test
    void aFullRingLosesRecordsCountsThemAndSaysSoInTheJournalOnceThereIsRoom()
    {
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[1000]);
        int kept = 0;
        while (tap.record(JournalStream.RAW_FRAME_IN, 3, 10L + kept, payload, 0, payload.capacity()))
        {
            kept++;
        }
        assertFalse(tap.hasRoomFor(payload.capacity()));
        assertFalse(tap.record(JournalStream.RAW_FRAME_IN, 3, 5_000L, payload, 0, 200));
        assertEquals(2, lost.get());

        assertEquals(kept, drain(ring).size());
        assertTrue(tap.hasRoomFor(payload.capacity()));
        assertTrue(tap.record(JournalStream.MARKET_DATA, 0, 6_000L, payload, 0, 10));

        final List<Record> after = drain(ring);
        assertEquals(2, after.size());
        final Record lossRecord = after.get(0);
        assertEquals(JournalStream.JOURNAL, lossRecord.stream);
        final JournalLossDecoder loss = new JournalLossDecoder().wrapAndApplyHeader(
            new UnsafeBuffer(toArray(lossRecord.payload)), 0, new MessageHeaderDecoder());
        assertEquals(JournalStream.RAW_FRAME_IN, loss.stream());
        assertEquals(3, loss.sourceId());
        assertEquals(2, loss.lostRecords());
        assertEquals(1200, loss.lostBytes());
        assertEquals(10L + kept, loss.firstLostTimestampNs());
        assertEquals(5_000L, loss.lastLostTimestampNs());
        assertEquals(JournalStream.MARKET_DATA, after.get(1).stream);
    }

    @Test
    void recordsCommittedBeforeTheProducerWentAwayAreInTheFileForTheNextStart()
    {
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[]{9, 8, 7});
        tap.record(JournalStream.VENUE_IN, 1, 1L, payload, 0, 3);
        tap.record(JournalStream.VENUE_OUT, 1, 2L, payload, 0, 2);
        final int claimed = tap.tryClaim(JournalStream.VENUE_OUT, 1, 3L, 3);
        assertTrue(claimed > 0);
        ring.close();

        final TapRing leftover = TapRing.openLeftover(dir.resolve("tap"));
        try
        {
            final List<Record> records = drain(leftover);
            assertEquals(2, records.size(), "the uncommitted claim is not a record");
            assertEquals(JournalStream.VENUE_IN, records.get(0).stream);
            assertEquals(2, records.get(1).payload.size());
        }
        finally
        {
            leftover.delete();
        }
        assertFalse(Files.exists(dir.resolve("tap")));
        assertNull(TapRing.openLeftover(dir.resolve("tap")));
        ring = TapRing.create(dir.resolve("tap"), TapRing.CAPACITY_MIN);
    }

    @Test
    void recordingAndDrainingAMillionRecordsAllocatesNothing()
    {
        final MutableDirectBuffer payload = new UnsafeBuffer(new byte[64]);
        final long[] drained = new long[1];
        final MessageHandler counting = (type, buffer, index, length) -> drained[0]++;
        final Runnable loop = () ->
        {
            for (int i = 0; i < 1_000_000; i++)
            {
                if (!tap.record(JournalStream.RAW_FRAME_IN, 0, i, payload, 0, 64))
                {
                    ring.ring().read(counting);
                }
                final int offset = tap.tryClaim(JournalStream.MARKET_DATA, 0, i, 8);
                if (offset > 0)
                {
                    tap.buffer().putLong(offset, i);
                    tap.commit();
                }
            }
            ring.ring().read(counting);
        };
        assertEquals(0, AllocationMeter.leastOverWindows(loop, loop, 3));
    }

    private static byte[] toArray(final List<Byte> bytes)
    {
        final byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++)
        {
            array[i] = bytes.get(i);
        }
        return array;
    }

    private static List<Record> drain(final TapRing ring)
    {
        final List<Record> records = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final JournalRecordHeaderDecoder decoder = new JournalRecordHeaderDecoder();
        final MessageHandler handler = (type, buffer, index, length) ->
        {
            assertEquals(TapRing.RECORD_TYPE_ID, type);
            decoder.wrapAndApplyHeader(buffer, index, header);
            final List<Byte> payload = new ArrayList<>();
            for (int i = 0; i < decoder.payloadLength(); i++)
            {
                payload.add(buffer.getByte(index + JournalTap.RECORD_HEADER_LENGTH + i));
            }
            assertEquals(length, JournalTap.RECORD_HEADER_LENGTH + payload.size());
            records.add(new Record(decoder.stream(), decoder.sourceId(), decoder.captureTimestampNs(),
                decoder.flags(), payload));
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

    private record Record(JournalStream stream, int sourceId, long timestampNs, short flags, List<Byte> payload)
    {
    }
}
