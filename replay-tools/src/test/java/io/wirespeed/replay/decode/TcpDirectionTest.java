package io.wirespeed.replay.decode;

import io.wirespeed.codecs.print.FramePrinter;
import io.wirespeed.codecs.print.MessagePrinter;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.nic.frame.TcpDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One TCP direction of iLink 3 from segments to printed frames: split frames, several frames per segment, out of
 * order, retransmitted and overlapping segments, holes, a capture that starts mid-frame, a framing header that makes
 * no sense.
 */
class TcpDirectionTest
{
    private static final MessagePrinter MESSAGES = MessagePrinter.fromClasspath();
    private static final long ISN = 0xFFFF_FF00L;
    private static final String FLOW = "127.0.0.1:40000 > 127.0.0.1:9000";

    private final StringWriter text = new StringWriter();
    private final DecodeSummary summary = new DecodeSummary();
    private final TcpDirection direction = new TcpDirection(
        new FlowKey(0x7F00_0001, 40_000, 0x7F00_0001, 9_000),
        8,
        1 << 20,
        new TextOutput(new PrintWriter(text, true)),
        summary,
        new Printing(new FramePrinter(MESSAGES), MESSAGES.catalog(), PrintFormat.TEXT, summary));
    private long frameNumber;

    @Test
    void aFrameSplitAcrossThreeSegmentsIsPrintedOnceWhenItsLastByteArrives()
    {
        final byte[] frame = Ilink3Frames.terminate(3);
        syn();
        data(1, Ilink3Frames.slice(frame, 0, 2));
        data(3, Ilink3Frames.slice(frame, 2, 40));
        assertEquals(List.of(), frames());
        data(41, Ilink3Frames.slice(frame, 40, frame.length));

        final List<String> frames = frames();
        assertEquals(1, frames.size(), text.toString());
        assertTrue(frames.get(0).startsWith("4 " + 4_000 + " " + FLOW + " @0 SOFH length=79 encoding=0xCAFE " +
            "Terminate507 [8:507 v5] {"), frames.get(0));
        assertTrue(frames.get(0).contains("ErrorCodes=3,"), frames.get(0));
        assertEquals(1, summary.messagesByTemplate().get("Terminate507"));
    }

    @Test
    void severalFramesInOneSegmentAndFramesStraddlingSegmentsAllPrintInOrder()
    {
        final byte[] stream = Ilink3Frames.stream(1, 12);
        syn();
        int offset = 0;
        final int[] cuts = {1, 60, 61, 62, 200, 201, 300, stream.length};
        for (final int cut : cuts)
        {
            data(1 + offset, Ilink3Frames.slice(stream, offset, cut));
            offset = cut;
        }

        assertFramesInOrder(1, 12);
        assertEquals(0, summary.totalProblems(), text.toString());
    }

    @Test
    void outOfOrderRetransmittedAndOverlappingSegmentsGiveEachFrameOnce()
    {
        final byte[] stream = Ilink3Frames.stream(1, 9);
        syn();
        data(1 + 100, Ilink3Frames.slice(stream, 100, 200));
        data(1 + 50, Ilink3Frames.slice(stream, 50, 150));
        data(1, Ilink3Frames.slice(stream, 0, 60));
        data(1, Ilink3Frames.slice(stream, 0, 60));
        data(1 + 180, Ilink3Frames.slice(stream, 180, stream.length));
        data(1 + 150, Ilink3Frames.slice(stream, 150, stream.length));

        assertFramesInOrder(1, 9);
        assertEquals(0, summary.totalProblems(), text.toString());
        assertTrue(text.toString().contains("TCP OUT-OF-ORDER seq "), text.toString());
        assertTrue(text.toString().contains("TCP RETRANSMISSION seq " + (ISN + 1) + ", 60 bytes already seen"),
            text.toString());
        assertTrue(text.toString().contains(" bytes already seen, dropped"), text.toString());
    }

    @Test
    void aHoleThatNeverFillsIsReportedAndFramingResumesAtTheNextSofhHeader()
    {
        final byte[] stream = Ilink3Frames.stream(1, 9);
        final int secondFrame = Ilink3Frames.sequence(1).length;
        final int holeFrom = secondFrame + 10;
        final int holeTo = secondFrame + 20;
        syn();
        data(1, Ilink3Frames.slice(stream, 0, holeFrom));
        data(1 + holeTo, Ilink3Frames.slice(stream, holeTo, stream.length));
        direction.finish(0);

        final List<String> frames = frames();
        assertEquals(8, frames.size(), text.toString());
        assertTrue(frames.get(0).contains(Ilink3Frames.field(1)), frames.get(0));
        for (int i = 3; i <= 9; i++)
        {
            assertTrue(frames.get(i - 2).contains(Ilink3Frames.field(i)), frames.get(i - 2));
        }
        final int thirdFrame = secondFrame + Ilink3Frames.sequence(2).length;
        final int hole = holeTo - holeFrom;
        assertProblem("TCP_GAP: " + hole + " bytes missing at stream offset " + holeFrom + " (" +
            TcpReassembler.CAUSE_END + ")");
        assertProblem("TCP_INCOMPLETE_FRAME: frame at stream offset " + secondFrame + ": 10 of 26 bytes seen, then " +
            TcpReassembler.CAUSE_END);
        assertProblem("TCP_RESYNC: skipped " + (thirdFrame - holeTo) + " bytes, next SOFH header at stream offset " +
            thirdFrame + " (after " + hole + " missing bytes at stream offset " + holeFrom);
        assertEquals(hole, summary.tcpGapBytes());
        assertEquals(thirdFrame - holeTo, summary.tcpSkippedBytes());
    }

    @Test
    void aCaptureThatStartsMidFrameResyncsOnTheNextPlausibleHeaderAndSaysSo()
    {
        final byte[] stream = Ilink3Frames.stream(1, 6);
        final int firstFrame = Ilink3Frames.sequence(1).length;
        final int start = 11;
        final long seq = ISN + 1 + start;
        segment(TcpDecoder.ACK | TcpDecoder.PSH, seq, Ilink3Frames.slice(stream, start, 40));
        segment(TcpDecoder.ACK | TcpDecoder.PSH, seq + 40 - start, Ilink3Frames.slice(stream, 40, stream.length));

        final List<String> frames = frames();
        assertEquals(5, frames.size(), text.toString());
        for (int i = 2; i <= 6; i++)
        {
            assertTrue(frames.get(i - 2).contains(Ilink3Frames.field(i)), frames.get(i - 2));
        }
        assertTrue(frames.get(0).contains(" @" + (firstFrame - start) + " SOFH length=26 "), frames.get(0));
        assertProblem("TCP_RESYNC: skipped " + (firstFrame - start) + " bytes, next SOFH header at stream offset " +
            (firstFrame - start) + " (" + TcpDirection.MID_CONNECTION + ")");
    }

    @Test
    void aCaptureThatStartsOnAFrameBoundaryLosesNothingAndSaysWhereFramingBegan()
    {
        final byte[] stream = Ilink3Frames.stream(1, 3);
        segment(TcpDecoder.ACK, ISN + 1, stream);

        assertFramesInOrder(1, 3);
        assertTrue(text.toString().contains("TCP RESYNC SOFH header at stream offset 0, nothing skipped (" +
            TcpDirection.MID_CONNECTION + ")"), text.toString());
        assertEquals(0, summary.totalProblems());
    }

    @Test
    void aBigEndianFramingHeaderIsNamedAndFramingResyncs()
    {
        final byte[] bad = Ilink3Frames.sequence(1);
        final byte tmp = bad[0];
        bad[0] = bad[1];
        bad[1] = tmp;
        bad[2] = (byte)0xCA;
        bad[3] = (byte)0xFE;
        final byte[] good = Ilink3Frames.stream(2, 2);
        final byte[] stream = Arrays.copyOf(bad, bad.length + good.length);
        System.arraycopy(good, 0, stream, bad.length, good.length);
        syn();
        data(1, stream);

        final List<String> frames = frames();
        assertEquals(2, frames.size(), text.toString());
        assertTrue(frames.get(0).contains(Ilink3Frames.field(2)), frames.get(0));
        assertProblem("MALFORMED_MESSAGE: stream offset 0: <unsupported SOFH encoding type 0xFECA at stream offset 0");
        assertProblem("TCP_RESYNC: skipped 26 bytes, next SOFH header at stream offset 26 (after a bad framing " +
            "header at stream offset 0)");
    }

    @Test
    void synFinAndRstAreNotedAndANewSynStartsANewStream()
    {
        syn();
        data(1, Ilink3Frames.sequence(1));
        segment(TcpDecoder.FIN | TcpDecoder.ACK, ISN + 27, new byte[0]);
        segment(TcpDecoder.RST, ISN + 28, new byte[0]);
        segment(TcpDecoder.SYN, 5_000, new byte[0]);
        segment(TcpDecoder.ACK, 5_001, Ilink3Frames.sequence(2));

        final String out = text.toString();
        assertTrue(out.contains("TCP SYN seq " + ISN), out);
        assertTrue(out.contains("TCP FIN at seq " + (ISN + 27)), out);
        assertTrue(out.contains("TCP RST"), out);
        assertTrue(out.contains("TCP SYN seq 5000: a new connection on the same ports"), out);
        final List<String> frames = frames();
        assertEquals(2, frames.size(), out);
        assertTrue(frames.get(1).contains(" @0 ") && frames.get(1).contains(Ilink3Frames.field(2)), frames.get(1));
    }

    private void assertFramesInOrder(final int first, final int count)
    {
        final List<String> frames = frames();
        assertEquals(count, frames.size(), text.toString());
        for (int i = 0; i < count; i++)
        {
            assertTrue(frames.get(i).contains(Ilink3Frames.marker(first + i)), frames.get(i));
            assertTrue(frames.get(i).contains(Ilink3Frames.field(first + i)), frames.get(i));
        }
    }

    private void assertProblem(final String problem)
    {
        assertTrue(text.toString().contains(" PROBLEM " + problem), "no '" + problem + "' in:\n" + text);
    }

    private List<String> frames()
    {
        final List<String> frames = new ArrayList<>();
        for (final String line : text.toString().split(System.lineSeparator()))
        {
            if (line.contains(" SOFH length="))
            {
                frames.add(line);
            }
        }
        return frames;
    }

    private void syn()
    {
        segment(TcpDecoder.SYN, ISN, new byte[0]);
    }

    private void data(final long relativeSeq, final byte[] payload)
    {
        segment(TcpDecoder.ACK | TcpDecoder.PSH, ISN + relativeSeq, payload);
    }

    private void segment(final int flags, final long seq, final byte[] payload)
    {
        frameNumber++;
        direction.onSegment(frameNumber, frameNumber * 1_000, flags, seq & 0xFFFF_FFFFL, new UnsafeBuffer(payload), 0,
            payload.length, payload.length);
    }
}
