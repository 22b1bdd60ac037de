package io.wirespeed.replay.decode;

import io.wirespeed.nic.pcap.CaptureFileException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is not a clean MDP3 or iLink 3 capture: a capture cut short, packets snapped by the snaplen, packets of other
 * protocols, files that are no capture at all. Each is named and decoding carries on, or the file is refused with a
 * message naming it.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DecodeBadInputTest
{
    private static final int PACKETS = 20;

    @TempDir
    Path directory;

    @Test
    void aCaptureCutShortDecodesEveryWholePacketThenNamesTheCut() throws IOException
    {
        Tools.assumeOnPath("text2pcap");
        final Path capture = udpCapture("-F", "pcap");
        final byte[] bytes = Files.readAllBytes(capture);
        final Path cut = Files.write(directory.resolve("cut.pcap"), Arrays.copyOf(bytes, bytes.length - 10));

        final Decoding decoding = Decoding.text(cut);

        assertEquals(PACKETS - 1, decoding.summary.mdp3Packets(), decoding.output);
        assertEquals(1, decoding.summary.problems("CAPTURE_FILE"), decoding.output);
        final List<String> problems = decoding.containing("PROBLEM CAPTURE_FILE: TRUNCATED_BODY: " + cut +
            ": file offset ");
        assertEquals(1, problems.size(), decoding.output);
        assertTrue(problems.get(0).endsWith("runs past the end of the file (" + (bytes.length - 10 - 24 -
            16 * (PACKETS - 1) - frameBytes(PACKETS - 1)) + " bytes left); reading stops (after frame " +
            (PACKETS - 1) + ")"), problems.get(0));
        assertTrue(decoding.output.contains("summary: " + (PACKETS - 1) + " MDP3 packets"), decoding.output);
    }

    @Test
    void snappedPacketsAreNamedAndDecodedAsFarAsTheyGo() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "editcap", "tshark");
        final Path capture = udpCapture("-F", "pcapng");
        final Path snapped = directory.resolve("snapped.pcapng");
        Tools.run(directory, "editcap", "-s", "70", capture.toString(), snapped.toString());
        final List<String[]> tshark = Tools.tsharkFields(directory, snapped, "frame.cap_len", "frame.len");

        final Decoding decoding = Decoding.text(snapped);

        assertEquals(PACKETS, decoding.summary.mdp3Packets());
        assertEquals(PACKETS, decoding.summary.problems("SNAPPED"), decoding.output);
        for (int i = 0; i < PACKETS; i++)
        {
            final String[] row = tshark.get(i);
            assertEquals("70", row[0]);
            assertEquals(1, decoding.containing((i + 1) + " " + DecodeUdpInteropTest.timestampNs(i + 1) +
                " - PROBLEM SNAPPED: captured 70 of " + row[1] + " bytes (snaplen); decoded as far as it goes")
                .size(), decoding.output);
        }
        assertTrue(decoding.output.contains(" MDP3 packet seq=1 sendingTime=" +
            (Mdp3Packets.SENDING_TIME_BASE + 1) + " messages=1\n  <truncated: message size "), decoding.output);
    }

    @Test
    void packetsOfOtherProtocolsAreNamedAndDecodingCarriesOn() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "mergecap");
        final Path dump = Files.writeString(directory.resolve("other.txt"),
            Tools.hexDumpPacket("", new byte[28]));
        final Path arp = directory.resolve("arp.pcap");
        final Path ipv6 = directory.resolve("ipv6.pcap");
        final Path icmp = directory.resolve("icmp.pcap");
        Tools.run(directory, "text2pcap", "-q", "-e", "0x806", dump.toString(), arp.toString());
        Tools.run(directory, "text2pcap", "-q", "-6", "2001:db8::1,2001:db8::2", "-u", "1,2", dump.toString(),
            ipv6.toString());
        Tools.run(directory, "text2pcap", "-q", "-4", "10.0.0.1,10.0.0.2", "-i", "1", dump.toString(),
            icmp.toString());
        final Path udp = udpCapture("-F", "pcap");

        final Decoding decoding = Decoding.text(arp, ipv6, icmp, udp);

        assertEquals(4, decoding.summary.files());
        assertEquals(PACKETS + 3, decoding.summary.packets());
        assertEquals(PACKETS, decoding.summary.mdp3Packets());
        assertEquals(1, decoding.containing(" - PROBLEM NOT_IPV4: ARP (EtherType 0x0806) is not IPv4; skipped")
            .size(), decoding.output);
        assertEquals(1, decoding.containing("PROBLEM NOT_IPV4: IPv6 (EtherType 0x86DD) is not IPv4; skipped")
            .size(), decoding.output);
        assertEquals(1, decoding.containing("PROBLEM NOT_UDP_OR_TCP: IPv4 protocol 1 (ICMP) is neither UDP nor TCP; " +
            "skipped").size(), decoding.output);
        assertEquals(2, decoding.summary.problems("NOT_IPV4"));
        assertEquals(1, decoding.summary.problems("NOT_UDP_OR_TCP"));
    }

    @Test
    void filesThatAreNoCaptureAreRefusedWithAMessageNamingThem() throws IOException
    {
        final Path text = Files.writeString(directory.resolve("notes.txt"), "these are not packets\n");
        final Path empty = Files.write(directory.resolve("empty.pcap"), new byte[0]);
        final Path missing = directory.resolve("missing.pcap");

        try (CaptureDecoder decoder = new CaptureDecoder(new DecodeOptions(), new PrintWriter(new StringWriter())))
        {
            assertEquals(text + ": file offset 0: bad magic 73656874: not a pcap (a1b2c3d4, a1b23c4d, either byte " +
                "order) or pcapng (0a0d0d0a) file",
                assertThrows(CaptureFileException.class, () -> decoder.decode(text)).getMessage());
            assertEquals(empty + ": file offset 0: file is 0 bytes long, too short for a capture",
                assertThrows(CaptureFileException.class, () -> decoder.decode(empty)).getMessage());
            assertEquals(missing + ": no such file",
                assertThrows(CaptureFileException.class, () -> decoder.decode(missing)).getMessage());
            assertEquals(directory + ": not a regular file",
                assertThrows(CaptureFileException.class, () -> decoder.decode(directory)).getMessage());
            assertEquals(0, decoder.summary().files());
        }
    }

    private Path udpCapture(final String... format) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (int seq = 1; seq <= PACKETS; seq++)
        {
            final long ns = DecodeUdpInteropTest.timestampNs(seq);
            text.append(Tools.hexDumpPacket((ns / 1_000_000_000L) + "." + String.format("%09d", ns % 1_000_000_000L),
                Mdp3Packets.packet(seq)));
        }
        final Path dump = Files.writeString(directory.resolve("udp-" + System.nanoTime() + ".txt"), text);
        final Path capture = directory.resolve("udp-" + System.nanoTime() + ".cap");
        final String[] command = new String[format.length + 10];
        System.arraycopy(new String[] {"text2pcap", "-q", "-t", "%s.%f", "-4", "198.18.0.1,239.1.2.3", "-u",
            "30001,31001"}, 0, command, 0, 8);
        System.arraycopy(format, 0, command, 8, format.length);
        command[format.length + 8] = dump.toString();
        command[format.length + 9] = capture.toString();
        Tools.run(directory, command);
        return capture;
    }

    private static int frameBytes(final int packets)
    {
        int bytes = 0;
        for (int seq = 1; seq <= packets; seq++)
        {
            bytes += 14 + 20 + 8 + Mdp3Packets.packet(seq).length;
        }
        return bytes;
    }
}
