package io.wirespeed.nic.frame;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class IgmpTest
{
    private static final int GROUP_A = 0xEF01_0101;
    private static final int GROUP_B = 0xEF01_0102;
    private static final int GROUP_C = 0xEF01_0103;
    private static final int[] SOURCES = { 0xC612_0001, 0xC612_0002, 0xC612_0003 };

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final IgmpDecoder decoder = new IgmpDecoder();
    private final IgmpGroupRecordDecoder record = new IgmpGroupRecordDecoder();

    @Test
    void v3ReportRecordsIterateInOrder()
    {
        final int length = writeReport();
        assertEquals(8 + (8 + 12) + 8 + (8 + 4), length);

        assertTrue(decoder.wrap(buffer, 4, length));
        assertTrue(decoder.isChecksumValid());
        assertEquals(IgmpDecoder.TYPE_V3_MEMBERSHIP_REPORT, decoder.type());
        assertEquals(3, decoder.numberOfGroupRecords());

        assertTrue(decoder.firstGroupRecord(record));
        assertEquals(IgmpGroupRecordDecoder.MODE_IS_INCLUDE, record.recordType());
        assertEquals(GROUP_A, record.multicastAddress());
        assertEquals(3, record.numberOfSources());
        assertEquals(SOURCES[0], record.sourceAddress(0));
        assertEquals(SOURCES[2], record.sourceAddress(2));
        assertEquals(20, record.recordLength());

        assertTrue(record.next());
        assertEquals(IgmpGroupRecordDecoder.CHANGE_TO_EXCLUDE_MODE, record.recordType());
        assertEquals(GROUP_B, record.multicastAddress());
        assertEquals(0, record.numberOfSources());

        assertTrue(record.next());
        assertEquals(IgmpGroupRecordDecoder.BLOCK_OLD_SOURCES, record.recordType());
        assertEquals(GROUP_C, record.multicastAddress());
        assertEquals(1, record.numberOfSources());
        assertEquals(SOURCES[1], record.sourceAddress(0));
        assertThrows(IndexOutOfBoundsException.class, () -> record.sourceAddress(1));

        assertFalse(record.next());
        assertFalse(record.next());
    }

    @Test
    void recordCountThatOverstatesTheMessageStopsAtItsEnd()
    {
        final int length = writeReport();
        buffer.putShort(4 + 6, (short)5, ByteOrder.BIG_ENDIAN);
        final UnsafeBuffer exact = new UnsafeBuffer(buffer.byteArray(), 4, length);
        assertTrue(decoder.wrap(exact, 0, length));

        int seen = 0;
        for (boolean more = decoder.firstGroupRecord(record); more; more = record.next())
        {
            seen++;
        }
        assertEquals(3, seen);
    }

    @Test
    void recordWhoseSourcesOverrunTheMessageIsNotVisited()
    {
        final int length = writeReport();
        buffer.putShort(4 + 8 + 20 + 8 + 2, (short)2, ByteOrder.BIG_ENDIAN);
        final UnsafeBuffer exact = new UnsafeBuffer(buffer.byteArray(), 4, length);
        assertTrue(decoder.wrap(exact, 0, length));

        int seen = 0;
        for (boolean more = decoder.firstGroupRecord(record); more; more = record.next())
        {
            seen++;
        }
        assertEquals(2, seen);
    }

    @Test
    void reportWithNoRecordsHasNoFirstRecord()
    {
        final int length = new IgmpEncoder().wrap(buffer, 0).v3Report().finishV3Report();
        assertEquals(8, length);
        assertTrue(decoder.wrap(buffer, 0, length));
        assertTrue(decoder.isChecksumValid());
        assertFalse(decoder.firstGroupRecord(record));
    }

    @Test
    void v2ReportAndLeaveRoundTrip()
    {
        final IgmpEncoder encoder = new IgmpEncoder();
        assertEquals(8, encoder.wrap(buffer, 0).v2Report(GROUP_A));
        assertTrue(decoder.wrap(buffer, 0, 8));
        assertEquals(IgmpDecoder.TYPE_V2_MEMBERSHIP_REPORT, decoder.type());
        assertEquals(GROUP_A, decoder.groupAddress());
        assertEquals(0, decoder.maxResponseTime());
        assertTrue(decoder.isChecksumValid());

        assertEquals(8, encoder.wrap(buffer, 0).v2Leave(GROUP_B));
        assertEquals(IgmpDecoder.TYPE_V2_LEAVE_GROUP, decoder.type());
        assertEquals(GROUP_B, decoder.groupAddress());
        assertTrue(decoder.isChecksumValid());
        assertFalse(decoder.wrap(buffer, 0, 7));
    }

    private int writeReport()
    {
        return new IgmpEncoder().wrap(buffer, 4)
            .v3Report()
            .groupRecord(IgmpGroupRecordDecoder.MODE_IS_INCLUDE, GROUP_A, SOURCES, 3)
            .groupRecord(IgmpGroupRecordDecoder.CHANGE_TO_EXCLUDE_MODE, GROUP_B, SOURCES, 0)
            .groupRecord(IgmpGroupRecordDecoder.BLOCK_OLD_SOURCES, GROUP_C, new int[]{ SOURCES[1] }, 1)
            .finishV3Report();
    }
}
