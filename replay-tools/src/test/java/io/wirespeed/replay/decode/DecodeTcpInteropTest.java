package io.wirespeed.replay.decode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * iLink 3 over TCP in captures written by text2pcap (-T, both directions), put out of order by reordercap,
 * duplicated by mergecap, cut by editcap: every frame printed once and in order, holes and resyncs said, byte counts
 * cross-checked against tshark.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DecodeTcpInteropTest
{
    private static final int CLIENT_FIRST = 1;
    private static final int CLIENT_FRAMES = 40;
    private static final int SERVER_FIRST = 101;
    private static final int SERVER_FRAMES = 15;
    private static final String CLIENT = "10.0.0.1:40000 > 10.0.0.2:9000";
    private static final String SERVER = "10.0.0.2:9000 > 10.0.0.1:40000";
    private static final int[] SEGMENT_SIZES = {1, 7, 26, 3, 100, 64, 13, 200, 2, 52};
    private static final long T0_NS = 1_700_000_000_000_000_000L;

    @TempDir
    Path directory;

    private final byte[] client = Ilink3Frames.stream(CLIENT_FIRST, CLIENT_FRAMES);
    private final byte[] server = Ilink3Frames.stream(SERVER_FIRST, SERVER_FRAMES);

    @Test
    void reorderedAndRetransmittedSegmentsGiveEveryFrameOnceInOrder() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "reordercap", "mergecap", "tshark");
        final Path written = text2pcap(true);
        final Path reordered = directory.resolve("reordered.pcapng");
        final Path doubled = directory.resolve("doubled.pcapng");
        Tools.run(directory, "reordercap", written.toString(), reordered.toString());
        Tools.run(directory, "mergecap", "-w", doubled.toString(), reordered.toString(), reordered.toString());

        final List<String[]> tshark = Tools.tsharkFields(directory, doubled, "ip.src", "tcp.srcport", "tcp.len");
        long tsharkPayload = 0;
        for (final String[] row : tshark)
        {
            tsharkPayload += Long.parseLong(row[2]);
        }

        final Decoding decoding = Decoding.text(doubled);

        assertFrames(decoding, CLIENT, CLIENT_FIRST, CLIENT_FRAMES);
        assertFrames(decoding, SERVER, SERVER_FIRST, SERVER_FRAMES);
        final DecodeSummary summary = decoding.summary;
        assertEquals(0, summary.totalProblems(), decoding.output);
        assertEquals(1, summary.tcpConnections());
        assertEquals(tshark.size(), summary.tcpSegments());
        assertEquals(client.length + server.length, summary.tcpStreamBytes());
        assertEquals(tsharkPayload, summary.tcpStreamBytes() + summary.tcpRetransmittedBytes(),
            "every byte tshark sees is either delivered once or dropped as a retransmission");
        assertTrue(summary.tcpOutOfOrderSegments() > 0, decoding.output);
        assertEquals(CLIENT_FRAMES + SERVER_FRAMES, summary.ilink3Frames());
        assertTrue(decoding.output.contains(CLIENT + " TCP RESYNC SOFH header at stream offset 0, nothing skipped (" +
            TcpDirection.MID_CONNECTION + ")"), decoding.output);
    }

    @Test
    void aSegmentMissingFromTheCaptureIsAGapOfItsBytesAndFramingResumesAtTheNextFrame() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "editcap", "tshark");
        final Path written = text2pcap(false);
        final int missing = 12;
        final List<String[]> rows = Tools.tsharkFields(directory, written, "frame.number", "ip.src", "tcp.seq_raw",
            "tcp.len");
        final String[] lost = rows.get(missing - 1);
        assertEquals("10.0.0.1", lost[1], "the packet removed is the client's");
        final int holeFrom = Integer.parseInt(lost[2]);
        final int holeTo = holeFrom + Integer.parseInt(lost[3]);
        final Path cut = directory.resolve("cut.pcapng");
        Tools.run(directory, "editcap", written.toString(), cut.toString(), String.valueOf(missing));

        final Decoding decoding = Decoding.text(cut);

        final List<Integer> expected = new ArrayList<>();
        int offset = 0;
        int resumeAt = -1;
        for (int i = CLIENT_FIRST; i < CLIENT_FIRST + CLIENT_FRAMES; i++)
        {
            final int length = frameLength(i);
            if (offset + length <= holeFrom || offset >= holeTo)
            {
                expected.add(i);
            }
            if (resumeAt < 0 && offset >= holeTo)
            {
                resumeAt = offset;
            }
            offset += length;
        }
        assertEquals(expected, printedFrames(decoding, CLIENT, CLIENT_FIRST, CLIENT_FRAMES), decoding.output);
        assertFrames(decoding, SERVER, SERVER_FIRST, SERVER_FRAMES);
        assertEquals(holeTo - holeFrom, decoding.summary.tcpGapBytes());
        assertEquals(1, decoding.containing("PROBLEM TCP_GAP: " + (holeTo - holeFrom) + " bytes missing at stream " +
            "offset " + holeFrom + " (").size(), decoding.output);
        if (resumeAt > holeTo)
        {
            assertEquals(1, decoding.containing("PROBLEM TCP_RESYNC: skipped " + (resumeAt - holeTo) +
                " bytes, next SOFH header at stream offset " + resumeAt + " (after " + (holeTo - holeFrom) +
                " missing bytes at stream offset " + holeFrom).size(), decoding.output);
        }
    }

    @Test
    void aCaptureThatBeginsMidFrameResyncsOnTheNextFrameAndSaysHowManyBytesItSkipped() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "editcap");
        final Path written = text2pcap(false);
        final Path late = directory.resolve("late.pcapng");
        Tools.run(directory, "editcap", written.toString(), late.toString(), "1-2");
        final int lost = SEGMENT_SIZES[0] + SEGMENT_SIZES[1];
        final int skipped = frameLength(CLIENT_FIRST) - lost;

        final Decoding decoding = Decoding.text(late);

        assertFrames(decoding, CLIENT, CLIENT_FIRST + 1, CLIENT_FRAMES - 1);
        assertFrames(decoding, SERVER, SERVER_FIRST, SERVER_FRAMES);
        assertEquals(1, decoding.containing(CLIENT + " PROBLEM TCP_RESYNC: skipped " + skipped + " bytes, next SOFH " +
            "header at stream offset " + skipped + " (" + TcpDirection.MID_CONNECTION + ")").size(), decoding.output);
        assertEquals(skipped, decoding.summary.tcpSkippedBytes());
    }

    @Test
    void portFiltersNarrowWhatIsDecoded() throws IOException
    {
        Tools.assumeOnPath("text2pcap");
        final Path written = text2pcap(false);

        final Decoding other = Decoding.run(new DecodeOptions().ilink3Port(9001), written);
        final Decoding venue = Decoding.run(new DecodeOptions().ilink3Port(9000), written);
        final Decoding mdp3Only = Decoding.run(new DecodeOptions().mdp3Port(9000), written);

        assertEquals(0, other.summary.ilink3Frames());
        assertEquals(other.summary.tcpSegments(), other.summary.filtered());
        assertEquals(CLIENT_FRAMES + SERVER_FRAMES, venue.summary.ilink3Frames());
        assertEquals(0, venue.summary.filtered());
        assertEquals(0, mdp3Only.summary.ilink3Frames());
    }

    private void assertFrames(final Decoding decoding, final String flow, final int first, final int count)
    {
        final List<Integer> expected = new ArrayList<>();
        for (int i = first; i < first + count; i++)
        {
            expected.add(i);
        }
        assertEquals(expected, printedFrames(decoding, flow, first, count), decoding.output);
    }

    private static List<Integer> printedFrames(
        final Decoding decoding, final String flow, final int first, final int count)
    {
        final List<Integer> printed = new ArrayList<>();
        for (final String line : decoding.containing(flow + " @"))
        {
            for (int i = first; i < first + count; i++)
            {
                if (line.contains(Ilink3Frames.field(i)) && line.contains(Ilink3Frames.marker(i)))
                {
                    printed.add(i);
                }
            }
        }
        return printed;
    }

    private static int frameLength(final int i)
    {
        return 0 == i % 3 ? Ilink3Frames.terminate(i).length : Ilink3Frames.sequence(i).length;
    }

    /**
     * Client segments cut to {@link #SEGMENT_SIZES}, a server segment after every third; with {@code swapped},
     * some consecutive client segments carry each other's time stamps so reordercap puts them out of order.
     */
    private Path text2pcap(final boolean swapped) throws IOException
    {
        final List<String> directions = new ArrayList<>();
        final List<byte[]> segments = new ArrayList<>();
        int clientOffset = 0;
        int serverOffset = 0;
        int size = 0;
        while (clientOffset < client.length || serverOffset < server.length)
        {
            if (clientOffset < client.length)
            {
                final int length = Math.min(SEGMENT_SIZES[size++ % SEGMENT_SIZES.length], client.length - clientOffset);
                directions.add("I");
                segments.add(Ilink3Frames.slice(client, clientOffset, clientOffset + length));
                clientOffset += length;
            }
            if (0 == segments.size() % 3 && serverOffset < server.length)
            {
                final int length = Math.min(37, server.length - serverOffset);
                directions.add("O");
                segments.add(Ilink3Frames.slice(server, serverOffset, serverOffset + length));
                serverOffset += length;
            }
        }

        final long[] times = new long[segments.size()];
        for (int k = 0; k < times.length; k++)
        {
            times[k] = T0_NS + k * 1_000L;
        }
        if (swapped)
        {
            for (int k = 6; k + 1 < times.length; k += 5)
            {
                if (directions.get(k).equals(directions.get(k + 1)))
                {
                    final long time = times[k];
                    times[k] = times[k + 1];
                    times[k + 1] = time;
                }
            }
        }

        final StringBuilder dump = new StringBuilder();
        for (int k = 0; k < segments.size(); k++)
        {
            final String time = (times[k] / 1_000_000_000L) + "." + String.format("%09d", times[k] % 1_000_000_000L);
            dump.append(Tools.hexDumpPacket(directions.get(k) + " " + time, segments.get(k)));
        }
        final Path text = directory.resolve("ilink3.txt");
        final Path capture = directory.resolve("ilink3-" + swapped + ".pcapng");
        Files.writeString(text, dump);
        Tools.run(directory, "text2pcap", "-q", "-D", "-t", "%s.%f", "-F", "pcapng", "-4", "10.0.0.1,10.0.0.2",
            "-T", "40000,9000", text.toString(), capture.toString());
        return capture;
    }
}
