package io.wirespeed.replay.decode;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sequence-number bookkeeping of one TCP direction: order, duplicates, overlaps, holes, wrap-around, snapped bytes.
 */
class TcpReassemblerTest
{
    private static final long ISN = 1_000;

    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private final List<String> gaps = new ArrayList<>();
    private final TcpReassembler reassembler = new TcpReassembler(1024, new TcpReassembler.Listener()
    {
        public void onStreamData(final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            stream.writeBytes(bytes);
        }

        public void onStreamGap(final long bytes, final String cause)
        {
            gaps.add(bytes + " at " + stream.size() + ": " + cause);
            stream.writeBytes(new byte[(int)bytes]);
        }
    });

    private final byte[] data = bytes(400);

    @Test
    void deliversInOrderSegmentsAsTheyCome()
    {
        reassembler.start(ISN);
        assertEquals(TcpReassembler.IN_ORDER, segment(0, 100));
        assertEquals(TcpReassembler.IN_ORDER, segment(100, 300));
        assertEquals(TcpReassembler.EMPTY, segment(300, 300));

        assertArrayEquals(slice(0, 300), stream.toByteArray());
        assertEquals(List.of(), gaps);
    }

    @Test
    void holdsOutOfOrderSegmentsUntilTheHoleBeforeThemFills()
    {
        reassembler.start(ISN);
        assertEquals(TcpReassembler.OUT_OF_ORDER, segment(200, 300));
        assertEquals(TcpReassembler.OUT_OF_ORDER, segment(100, 200));
        assertEquals(0, stream.size());
        assertEquals(200, reassembler.heldBytes());

        assertEquals(TcpReassembler.IN_ORDER, segment(0, 100));

        assertArrayEquals(slice(0, 300), stream.toByteArray());
        assertEquals(0, reassembler.heldBytes());
        assertEquals(2, reassembler.outOfOrderSegments());
    }

    @Test
    void dropsRetransmissionsAndTheOldPartOfOverlappingSegments()
    {
        reassembler.start(ISN);
        segment(0, 100);
        assertEquals(TcpReassembler.RETRANSMISSION, segment(0, 100));
        assertEquals(TcpReassembler.RETRANSMISSION, segment(50, 80));
        assertEquals(TcpReassembler.OVERLAP, segment(60, 160));
        assertEquals(TcpReassembler.OUT_OF_ORDER, segment(200, 260));
        assertEquals(TcpReassembler.OUT_OF_ORDER, segment(180, 240));
        assertEquals(TcpReassembler.OVERLAP, segment(150, 200));

        assertArrayEquals(slice(0, 260), stream.toByteArray());
        assertEquals(100 + 30 + 40 + 10 + 20 + 40, reassembler.retransmittedBytes());
    }

    @Test
    void aHoleThatNeverFillsBecomesAGapWhenTheCaptureEnds()
    {
        reassembler.start(ISN);
        segment(0, 100);
        segment(150, 200);
        segment(300, 310);

        reassembler.flush(TcpReassembler.CAUSE_END);

        assertEquals(List.of("50 at 100: " + TcpReassembler.CAUSE_END, "100 at 200: " + TcpReassembler.CAUSE_END),
            gaps);
        final byte[] expected = slice(0, 310);
        java.util.Arrays.fill(expected, 100, 150, (byte)0);
        java.util.Arrays.fill(expected, 200, 300, (byte)0);
        assertArrayEquals(expected, stream.toByteArray());
    }

    @Test
    void aHoleIsGivenUpWhenTheOutOfOrderBufferIsFull()
    {
        final TcpReassembler small = new TcpReassembler(150, new TcpReassembler.Listener()
        {
            public void onStreamData(final DirectBuffer buffer, final int offset, final int length)
            {
                stream.write(0);
            }

            public void onStreamGap(final long bytes, final String cause)
            {
                gaps.add(bytes + ": " + cause);
            }
        });
        small.start(ISN);
        small.onSegment(ISN + 10, new UnsafeBuffer(data), 10, 100, 100);
        assertEquals(List.of(), gaps);
        small.onSegment(ISN + 110, new UnsafeBuffer(data), 110, 100, 100);

        assertEquals(List.of("10: " + TcpReassembler.CAUSE_BUFFER_FULL), gaps);
        assertEquals(0, small.heldBytes());
        assertEquals(ISN + 210, small.nextSeq());
    }

    @Test
    void sequenceNumbersWrapAround()
    {
        final long isn = 0xFFFF_FFFFL - 49;
        final TcpReassembler wrapping = new TcpReassembler(1024, new TcpReassembler.Listener()
        {
            public void onStreamData(final DirectBuffer buffer, final int offset, final int length)
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                stream.writeBytes(bytes);
            }

            public void onStreamGap(final long bytes, final String cause)
            {
                gaps.add(bytes + ": " + cause);
            }
        });
        wrapping.start(isn);
        final UnsafeBuffer buffer = new UnsafeBuffer(data);
        assertEquals(TcpReassembler.OUT_OF_ORDER, wrapping.onSegment((isn + 100) & 0xFFFF_FFFFL, buffer, 100, 50, 50));
        assertEquals(TcpReassembler.IN_ORDER, wrapping.onSegment(isn, buffer, 0, 100, 100));
        assertEquals(TcpReassembler.RETRANSMISSION, wrapping.onSegment(isn + 10, buffer, 10, 10, 10));

        assertArrayEquals(slice(0, 150), stream.toByteArray());
        assertEquals(100, wrapping.nextSeq());
        assertEquals(List.of(), gaps);
    }

    @Test
    void bytesPastTheSnaplenAreAGapRightAway()
    {
        reassembler.start(ISN);
        assertEquals(TcpReassembler.IN_ORDER,
            reassembler.onSegment(ISN, new UnsafeBuffer(data), 0, 40, 100));
        segment(100, 150);

        assertEquals(List.of("60 at 40: " + TcpReassembler.CAUSE_SNAPPED), gaps);
        final byte[] expected = slice(0, 150);
        java.util.Arrays.fill(expected, 40, 100, (byte)0);
        assertArrayEquals(expected, stream.toByteArray());
    }

    @Test
    void theFirstSegmentSeenStartsTheStreamWhenNoSynWasSeen()
    {
        assertEquals(TcpReassembler.IN_ORDER, segment(70, 90));
        assertEquals(TcpReassembler.RETRANSMISSION, segment(0, 70));
        assertEquals(TcpReassembler.IN_ORDER, segment(90, 100));

        assertArrayEquals(slice(70, 100), stream.toByteArray());
    }

    private int segment(final int from, final int to)
    {
        return reassembler.onSegment(ISN + from, new UnsafeBuffer(data), from, to - from, to - from);
    }

    private byte[] slice(final int from, final int to)
    {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    private static byte[] bytes(final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(1 + i % 251);
        }
        return bytes;
    }
}
