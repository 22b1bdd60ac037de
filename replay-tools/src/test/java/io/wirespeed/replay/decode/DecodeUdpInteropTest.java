package io.wirespeed.replay.decode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MDP3 over UDP in captures written by text2pcap, editcap, mergecap and tshark: every packet decoded, cross-checked
 * against what tshark reads from the same file (frame number, capture time, flow, payload).
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DecodeUdpInteropTest
{
    private static final int PACKETS = 120;
    private static final int UNKNOWN_AT = 50;
    private static final long T0_SECONDS = 1_700_000_000L;
    private static final String SOURCE = "198.18.0.1";
    private static final String GROUP = "239.1.2.3";
    private static final String FLOW = SOURCE + ":30001 > " + GROUP + ":31001";
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path directory;

    @Test
    void everyPacketOfText2pcapEditcapAndTsharkCapturesDecodesAsTsharkReadsIt() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "editcap", "tshark");
        final Path pcapng = text2pcap("-F", "pcapng", "-4", SOURCE + "," + GROUP, "-u", "30001,31001");
        final Path micros = directory.resolve("micros.pcap");
        final Path nanos = directory.resolve("nanos.pcap");
        final Path byTshark = directory.resolve("tshark.pcapng");
        Tools.run(directory, "editcap", "-F", "pcap", pcapng.toString(), micros.toString());
        Tools.run(directory, "editcap", "-F", "nsecpcap", pcapng.toString(), nanos.toString());
        Tools.run(directory, "tshark", "-r", nanos.toString(), "-F", "pcapng", "-w", byTshark.toString());

        for (final Path capture : List.of(pcapng, micros, nanos, byTshark))
        {
            final Decoding decoding = Decoding.json(capture);
            final List<String> packets = decoding.kind("mdp3");
            final List<String[]> tshark = Tools.tsharkFields(directory, capture, "frame.number", "frame.time_epoch",
                "ip.src", "udp.srcport", "ip.dst", "udp.dstport", "udp.payload");
            assertEquals(PACKETS, tshark.size(), "tshark's packets in " + capture.getFileName());
            assertEquals(tshark.size(), packets.size(), "decoded packets in " + capture.getFileName());
            for (int i = 0; i < PACKETS; i++)
            {
                final String[] row = tshark.get(i);
                final String[] head = Decoding.head(packets.get(i));
                assertEquals(row[0], head[0], "frame number");
                assertEquals(Tools.epochNanos(row[1]), Long.parseLong(head[1]), "capture time of " + row[0]);
                assertEquals(row[2] + ":" + row[3] + " > " + row[4] + ":" + row[5], head[2]);
                assertEquals(HEX.formatHex(payload(i + 1)), row[6], "tshark's payload of " + row[0]);
                assertEquals(i + 1, Decoding.number(packets.get(i), "msgSeqNum"), packets.get(i));
            }

            final DecodeSummary summary = decoding.summary;
            assertEquals(PACKETS, summary.packets());
            assertEquals(PACKETS, summary.mdp3Packets());
            assertEquals(1, summary.udpFlows());
            assertEquals(1, summary.problems("UNKNOWN_TEMPLATE"), decoding.output);
            assertEquals(1, summary.totalProblems(), decoding.output);
            assertEquals(PACKETS - 1, summary.messagesByTemplate().get("SecurityStatus30"));
            assertEquals((PACKETS - 1) / 2, summary.messagesByTemplate().get("ChannelReset4"));
            assertEquals(1, summary.messagesByTemplate().get("unknown template 999 of schema 1"));
            assertTrue(packets.get(UNKNOWN_AT - 1).contains("\"error\":\"unknown template 999 of schema 1"),
                packets.get(UNKNOWN_AT - 1));
        }
    }

    @Test
    void textLinesCarryFrameNumberCaptureTimeFlowSeqAndEachMessage() throws IOException
    {
        Tools.assumeOnPath("text2pcap");
        final Path capture = text2pcap("-F", "pcapng", "-4", SOURCE + "," + GROUP, "-u", "30001,31001");

        final Decoding decoding = Decoding.text(capture);

        assertEquals("# file " + capture + ": pcapng (little-endian)", decoding.lines.get(0));
        assertEquals("2 " + timestampNs(2) + " " + FLOW + " MDP3 packet seq=2 sendingTime=" +
            (Mdp3Packets.SENDING_TIME_BASE + 2) + " messages=2", decoding.lines.get(3));
        assertTrue(decoding.lines.get(4).startsWith("  SecurityStatus30 [1:30 v9] {TransactTime="), decoding.output);
        assertTrue(decoding.lines.get(5).startsWith("  ChannelReset4 [1:4 v9] {"), decoding.output);
        assertTrue(decoding.output.contains(" MDP3 packet seq=" + UNKNOWN_AT + " sendingTime=" +
            (Mdp3Packets.SENDING_TIME_BASE + UNKNOWN_AT) + " messages=1\n  <unknown template 999 of schema 1"),
            decoding.output);
        assertTrue(decoding.output.contains("summary:   UNKNOWN_TEMPLATE 1 (unknown template)"), decoding.output);
        assertTrue(decoding.output.contains("summary:   SecurityStatus30 " + (PACKETS - 1)), decoding.output);
    }

    @Test
    void udpChecksumsAreVerifiedOnlyWhenPresentAndAgreeWithTshark() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "tshark");
        final Path capture = text2pcap("-F", "pcap", "-4", SOURCE + "," + GROUP, "-u", "30001,31001");
        try (RandomAccessFile file = new RandomAccessFile(capture.toFile(), "rw"))
        {
            patchShort(file, udpChecksumOffset(capture, 2), 0x1111);
            file.seek(udpChecksumOffset(capture, 3));
            file.writeShort(0);
            patchShort(file, udpChecksumOffset(capture, 4) - 16, 0x0101);
        }

        final List<String[]> tshark = Tools.tsharkFields(directory, capture,
            List.of("-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE"),
            "frame.number", "udp.checksum.status", "ip.checksum.status");
        final Decoding decoding = Decoding.json(capture);
        final List<String> packets = decoding.kind("mdp3");
        assertEquals(PACKETS, packets.size(), "a bad checksum still decodes");
        int badUdp = 0;
        for (int i = 0; i < PACKETS; i++)
        {
            final String udpStatus = tshark.get(i)[1];
            final String ipStatus = tshark.get(i)[2];
            final String line = packets.get(i);
            if ("0".equals(udpStatus))
            {
                badUdp++;
                assertTrue(line.contains("\"flag\":\"BAD_UDP_CHECKSUM\""), "tshark: bad UDP checksum; " + line);
            }
            else if ("0".equals(ipStatus))
            {
                assertTrue(line.contains("\"flag\":\"BAD_IP_CHECKSUM\""), "tshark: bad IPv4 checksum; " + line);
            }
            else
            {
                assertTrue("1".equals(udpStatus) || "3".equals(udpStatus), "tshark UDP status " + udpStatus);
                assertTrue(!line.contains("\"flag\""), "tshark: good or absent (status " + udpStatus + "); " + line);
            }
            assertEquals(i + 1, Decoding.number(line, "msgSeqNum"));
        }
        assertEquals(1, badUdp, "tshark finds one bad UDP checksum");
        assertEquals("3", tshark.get(2)[1], "tshark: a checksum of 0 is 'not present' (3)");
        assertEquals(1, decoding.summary.problems("BAD_UDP_CHECKSUM"), decoding.output);
        assertEquals(1, decoding.summary.problems("BAD_IP_CHECKSUM"), decoding.output);
    }

    @Test
    void rawIpv4CapturesAndAPcapngOfTwoInterfacesDecode() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "mergecap", "tshark");
        final Path raw = text2pcap("-F", "pcap", "-l", "101", "-4", SOURCE + "," + GROUP, "-u", "30001,31001");
        final Path ipv4 = directory.resolve("ipv4.pcapng");
        Files.move(text2pcap("-F", "pcapng", "-l", "228", "-4", SOURCE + "," + GROUP, "-u", "30001,31001"), ipv4);
        final Path ethernet = directory.resolve("ethernet.pcapng");
        Files.move(text2pcap("-F", "pcapng", "-4", SOURCE + "," + GROUP, "-u", "30001,31001"), ethernet);
        final Path merged = directory.resolve("merged.pcapng");
        Tools.run(directory, "mergecap", "-F", "pcapng", "-w", merged.toString(), ethernet.toString(),
            raw.toString());

        for (final Path capture : List.of(raw, ipv4))
        {
            final Decoding decoding = Decoding.json(capture);
            assertEquals(PACKETS, decoding.kind("mdp3").size(), decoding.output);
            assertEquals(1, decoding.summary.totalProblems(), decoding.output);
        }

        final List<String[]> tshark = Tools.tsharkFields(directory, merged, "frame.number", "frame.interface_id",
            "udp.payload");
        final Decoding decoding = Decoding.json(merged);
        final List<String> packets = decoding.kind("mdp3");
        assertEquals(2 * PACKETS, tshark.size());
        assertEquals(2 * PACKETS, packets.size(), decoding.output);
        assertTrue(tshark.stream().anyMatch(row -> "1".equals(row[1])), "tshark sees the second interface");
        for (int i = 0; i < tshark.size(); i++)
        {
            final int seq = Integer.parseInt(tshark.get(i)[2].substring(0, 8), 16);
            assertEquals(Integer.reverseBytes(seq), Decoding.number(packets.get(i), "msgSeqNum"), packets.get(i));
        }
    }

    private Path text2pcap(final String... options) throws IOException
    {
        final Path dump = directory.resolve("mdp3-" + System.nanoTime() + ".txt");
        final StringBuilder text = new StringBuilder();
        for (int seq = 1; seq <= PACKETS; seq++)
        {
            text.append(Tools.hexDumpPacket(timeText(seq), payload(seq)));
        }
        Files.writeString(dump, text);
        final Path capture = directory.resolve("mdp3-" + System.nanoTime() + ".cap");
        final String[] command = new String[options.length + 6];
        command[0] = "text2pcap";
        command[1] = "-q";
        command[2] = "-t";
        command[3] = "%s.%f";
        System.arraycopy(options, 0, command, 4, options.length);
        command[options.length + 4] = dump.toString();
        command[options.length + 5] = capture.toString();
        Tools.run(directory, command);
        return capture;
    }

    static byte[] payload(final int seq)
    {
        return UNKNOWN_AT == seq ? Mdp3Packets.unknownTemplate(seq) : Mdp3Packets.packet(seq);
    }

    static long timestampNs(final int seq)
    {
        return T0_SECONDS * 1_000_000_000L + seq * 1_000_123L;
    }

    private static String timeText(final int seq)
    {
        final long ns = timestampNs(seq);
        return (ns / 1_000_000_000L) + "." + String.format("%09d", ns % 1_000_000_000L);
    }

    /**
     * The file offset of packet {@code number}'s UDP checksum in a classic pcap of Ethernet/IPv4/UDP frames.
     */
    private static long udpChecksumOffset(final Path pcap, final int number) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(pcap);
        long offset = 24;
        for (int i = 1; i < number; i++)
        {
            final int captured = (bytes[(int)offset + 8] & 0xFF) | (bytes[(int)offset + 9] & 0xFF) << 8 |
                (bytes[(int)offset + 10] & 0xFF) << 16;
            offset += 16 + captured;
        }
        return offset + 16 + 14 + 20 + 6;
    }

    private static void patchShort(final RandomAccessFile file, final long offset, final int xor) throws IOException
    {
        file.seek(offset);
        final int value = file.readUnsignedShort();
        file.seek(offset);
        file.writeShort(value ^ xor);
    }
}
