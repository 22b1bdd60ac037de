package io.wirespeed.replay.decode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames capture tools do not make on their own (VLAN-tagged, fragmented, with IP options, with lengths that lie),
 * written by hand, wrapped into a capture by text2pcap and read by tshark as the oracle: the good ones decode as
 * tshark reads them, the bad ones are named, and decoding carries on.
 */
@Tag("interop")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DecodeHandFramesTest
{
    private static final int VLAN = 0x8100;
    private static final int QINQ = 0x88A8;
    private static final HexFormat HEX = HexFormat.of();
    private static final String FLOW = "198.18.0.1:30001 > 239.1.2.3:31001";

    @TempDir
    Path directory;

    @Test
    void vlanTaggedFramesDecodeAndBrokenOnesAreNamedWhileDecodingCarriesOn() throws IOException
    {
        Tools.assumeOnPath("text2pcap", "tshark");
        final byte[] packet1 = Mdp3Packets.packet(1);
        final byte[] packet2 = Mdp3Packets.packet(2);
        final byte[] packet3 = Mdp3Packets.packet(3);
        final byte[] packet4 = Mdp3Packets.packet(4);
        final byte[][] frames =
        {
            HandFrames.ethernet(new int[] {VLAN}, new int[] {42},
                HandFrames.ipv4(17, 0x4000, new byte[0], HandFrames.udp(30_001, 31_001, packet1))),
            HandFrames.ethernet(new int[] {QINQ, VLAN}, new int[] {100, 7},
                HandFrames.ipv4(17, 0x4000, new byte[0], HandFrames.udp(30_001, 31_001, packet2))),
            HandFrames.ethernet(new int[0], new int[0],
                HandFrames.ipv4(17, 0x2000, new byte[0], HandFrames.udp(30_001, 31_001, packet1))),
            HandFrames.ethernet(new int[0], new int[0],
                HandFrames.ipv4(17, 0, new byte[] {1, 1, 1, 0}, HandFrames.udp(30_001, 31_001, packet3))),
            HandFrames.ethernet(new int[0], new int[0],
                HandFrames.ipv4(17, 0, new byte[0], HandFrames.udp(30_001, 31_001, 4_000, packet1))),
            HandFrames.ethernet(new int[0], new int[0],
                HandFrames.ipv4(6, 0, new byte[0], HandFrames.tcp(40_000, 9_000, 2, new byte[8]))),
            HandFrames.ethernet(new int[0], new int[0],
                HandFrames.ipv4(17, 0, new byte[0], HandFrames.udp(30_001, 31_001, packet4))),
        };
        final StringBuilder dump = new StringBuilder();
        for (final byte[] frame : frames)
        {
            dump.append(Tools.hexDumpPacket("", frame));
        }
        final Path text = Files.writeString(directory.resolve("frames.txt"), dump);
        final Path capture = directory.resolve("frames.pcapng");
        Tools.run(directory, "text2pcap", "-q", text.toString(), capture.toString());

        final List<String[]> tshark = Tools.tsharkFields(directory, capture, "frame.number", "vlan.id", "ip.flags.mf",
            "ip.hdr_len", "udp.payload");
        final Decoding decoding = Decoding.text(capture);

        assertEquals(frames.length, tshark.size());
        assertEquals("42", tshark.get(0)[1]);
        assertEquals("7", tshark.get(1)[1], "tshark's 802.1Q tag inside the 802.1ad one");
        assertEquals(HEX.formatHex(packet1), tshark.get(0)[4]);
        assertEquals(HEX.formatHex(packet2), tshark.get(1)[4]);
        assertEquals("1", tshark.get(2)[2], "tshark: more fragments");
        assertEquals("24", tshark.get(3)[3], "tshark: a 24-byte IPv4 header");
        assertEquals(HEX.formatHex(packet3), tshark.get(3)[4]);

        assertEquals(1, decoding.containing(FLOW + " MDP3 packet seq=1 ").size(), decoding.output);
        assertTrue(decoding.output.contains(FLOW + " MDP3 packet seq=2 "), decoding.output);
        assertTrue(decoding.output.contains(" - PROBLEM IP_FRAGMENT: IPv4 fragment (id 4660, offset 0, more " +
            "follow) not reassembled; skipped"), decoding.output);
        assertTrue(decoding.output.contains(FLOW + " MDP3 packet seq=3 "), decoding.output);
        assertTrue(decoding.output.contains(FLOW + " PROBLEM MALFORMED_UDP: UDP length 4000 but IPv4 " +
            "carries "), decoding.output);
        assertTrue(decoding.output.contains(" PROBLEM MALFORMED_TCP: TCP data offset 8 bytes in a segment of 28; " +
            "skipped"), decoding.output);
        assertTrue(decoding.output.contains(FLOW + " MDP3 packet seq=4 "), decoding.output);
        assertEquals(4, decoding.summary.mdp3Packets());
        assertEquals(3, decoding.summary.totalProblems(), decoding.output);
    }

}
