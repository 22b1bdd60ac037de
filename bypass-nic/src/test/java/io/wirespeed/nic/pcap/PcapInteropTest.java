package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.TxQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures written by wirespeed open in tshark and capinfos; captures written by text2pcap, editcap, tshark and
 * tcpdump open in wirespeed; same packet count, same bytes, same timestamps where the format keeps them.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PcapInteropTest
{
    private static final int FRAMES = 1_000;
    private static final long T0_NS = 1_700_000_000_123_456_789L;
    private static final int SOURCE_PORT = 30_001;
    private static final int DESTINATION_PORT = 31_001;
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path directory;

    private TestPorts ports;

    @BeforeAll
    static void printToolVersions(@TempDir final Path scratch)
    {
        final String[][] commands =
        {
            {"tshark", "--version"}, {"capinfos", "--version"}, {"editcap", "--version"}, {"text2pcap", "--version"},
            {"tcpdump", "--version"}
        };
        for (final String[] command : commands)
        {
            System.out.println("interop tool " + command[0] + ": " +
                (ExternalTool.onPath(command[0]) ? ExternalTool.version(scratch, command) : "not on the PATH"));
        }
    }

    @BeforeEach
    void setUp()
    {
        ports = new TestPorts(directory);
    }

    @AfterEach
    void tearDown()
    {
        ports.close();
    }

    @Test
    void tsharkReadsWhatWirespeedWrites() throws IOException
    {
        ExternalTool.assumeOnPath("tshark", "capinfos");
        final Path capture = writeWithWirespeed();

        final String fields = ExternalTool.run(directory, "tshark", "-r", capture.toString(),
            "-o", "ip.check_checksum:TRUE", "-T", "fields",
            "-e", "udp.payload", "-e", "frame.time_epoch", "-e", "ip.checksum.status", "-e", "frame.len");
        final List<String> lines = lines(fields);

        assertEquals(FRAMES, lines.size(), "packets tshark read");
        for (int i = 0; i < FRAMES; i++)
        {
            final String[] columns = lines.get(i).split("\t", -1);
            assertEquals(HEX.formatHex(UdpFrames.payload(i)), columns[0], "udp.payload of packet " + i);
            assertEquals(epochText(timestampNs(i)), columns[1], "frame.time_epoch of packet " + i);
            assertEquals("1", columns[2], "tshark's IPv4 checksum status of packet " + i + " (1 = good)");
            assertEquals(String.valueOf(frame(i).length), columns[3]);
        }

        final String info = ExternalTool.run(directory, "capinfos", "-M", capture.toString());
        System.out.println("capinfos of a wirespeed capture:\n" + info);
        assertTrue(info.contains("File timestamp precision:  nanoseconds (9)"), info);
        assertTrue(info.contains("Number of packets:   " + FRAMES), info);
        assertTrue(info.contains("File type:           nsecpcap"), info);
        assertTrue(info.contains("File encapsulation:  ether"), info);
    }

    @Test
    void wirespeedReadsWhatText2pcapWritesAsPcapAndPcapng() throws IOException
    {
        ExternalTool.assumeOnPath("text2pcap");
        final Path dump = directory.resolve("payloads.txt");
        Files.writeString(dump, hexDump());

        final Path pcap = directory.resolve("text2pcap.pcap");
        final Path pcapng = directory.resolve("text2pcap.pcapng");
        ExternalTool.run(directory, "text2pcap", "-F", "pcap", "-4", "198.18.0.1,239.1.2.3",
            "-u", SOURCE_PORT + "," + DESTINATION_PORT, dump.toString(), pcap.toString());
        ExternalTool.run(directory, "text2pcap", "-F", "pcapng", "-4", "198.18.0.1,239.1.2.3",
            "-u", SOURCE_PORT + "," + DESTINATION_PORT, dump.toString(), pcapng.toString());

        for (final Path capture : List.of(pcap, pcapng))
        {
            final ReceivedFrames received = readWithWirespeed(capture);
            assertEquals(FRAMES, received.size(), "frames read from " + capture.getFileName());
            for (int i = 0; i < FRAMES; i++)
            {
                assertArrayEquals(UdpFrames.payload(i), udpPayload(received.frames.get(i)),
                    "UDP payload of packet " + i + " of " + capture.getFileName());
            }
        }
    }

    @Test
    void wirespeedReadsPcapngWrittenByEditcapAndTshark()
    {
        ExternalTool.assumeOnPath("editcap", "tshark");
        final Path capture = writeWithWirespeed();
        final Path byEditcap = directory.resolve("editcap.pcapng");
        final Path byTshark = directory.resolve("tshark.pcapng");

        ExternalTool.run(directory, "editcap", "-F", "pcapng", capture.toString(), byEditcap.toString());
        ExternalTool.run(directory, "tshark", "-r", capture.toString(), "-F", "pcapng", "-w", byTshark.toString());

        assertSameFramesAndTimestamps(byEditcap, 1);
        assertSameFramesAndTimestamps(byTshark, 1);
    }

    @Test
    void wirespeedReadsWhatTcpdumpRewrites()
    {
        ExternalTool.assumeOnPath("tcpdump");
        final Path capture = writeWithWirespeed();
        final Path micros = directory.resolve("tcpdump-micro.pcap");
        final Path nanos = directory.resolve("tcpdump-nano.pcap");

        ExternalTool.run(directory, tcpdump("-r", capture.toString(), "-w", micros.toString()));
        ExternalTool.run(directory, tcpdump("--time-stamp-precision=nano", "-r", capture.toString(),
            "-w", nanos.toString()));

        assertSameFramesAndTimestamps(micros, 1_000);
        assertSameFramesAndTimestamps(nanos, 1);
    }

    private void assertSameFramesAndTimestamps(final Path capture, final long resolutionNs)
    {
        final ReceivedFrames received = readWithWirespeed(capture);
        assertEquals(FRAMES, received.size(), "frames read from " + capture.getFileName());
        for (int i = 0; i < FRAMES; i++)
        {
            assertArrayEquals(frame(i), received.frames.get(i), "frame " + i + " of " + capture.getFileName());
            assertEquals(timestampNs(i) / resolutionNs * resolutionNs, received.timestampsNs.get(i),
                "timestamp of frame " + i + " of " + capture.getFileName());
        }
    }

    private Path writeWithWirespeed()
    {
        final Path capture = directory.resolve("wirespeed.pcap");
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0_NS);
        final PcapNicPort port = ports.open(null, capture, PcapPacing.MAX, clock, new PcapPortOptions());
        final TxQueue tx = port.txQueue(0);
        final FrameClaim claim = new FrameClaim();
        for (int i = 0; i < FRAMES; i++)
        {
            clock.set(timestampNs(i));
            final byte[] frame = frame(i);
            assertTrue(tx.tryClaim(frame.length, claim));
            claim.buffer().putBytes(claim.offset(), frame);
            assertEquals(1, tx.commit());
        }
        port.close();
        return capture;
    }

    private ReceivedFrames readWithWirespeed(final Path capture)
    {
        final PcapNicPort port = ports.open(capture, null);
        final ReceivedFrames received = new ReceivedFrames().drain(port.pcapRxQueue());
        assertEquals(0, port.counters().value(NicCounter.CAPTURE_ERRORS), port.pcapRxQueue().lastError());
        return received;
    }

    private static String[] tcpdump(final String... arguments)
    {
        final List<String> command = new ArrayList<>();
        command.add("tcpdump");
        if (ExternalTool.runningAsRoot())
        {
            command.add("-Z");
            command.add("root");
        }
        command.addAll(Arrays.asList(arguments));
        return command.toArray(new String[0]);
    }

    private static byte[] frame(final int index)
    {
        return UdpFrames.frame(SOURCE_PORT, DESTINATION_PORT, UdpFrames.payload(index));
    }

    private static long timestampNs(final int index)
    {
        return T0_NS + index * 1_000_003L;
    }

    private static String epochText(final long epochNs)
    {
        return String.format("%d.%09d", epochNs / 1_000_000_000L, epochNs % 1_000_000_000L);
    }

    private static String hexDump()
    {
        final StringBuilder dump = new StringBuilder();
        for (int i = 0; i < FRAMES; i++)
        {
            final byte[] payload = UdpFrames.payload(i);
            for (int offset = 0; offset < payload.length; offset += 16)
            {
                dump.append(String.format("%06x", offset));
                for (int b = offset; b < Math.min(payload.length, offset + 16); b++)
                {
                    dump.append(' ').append(HEX.toHexDigits(payload[b]));
                }
                dump.append('\n');
            }
            dump.append('\n');
        }
        return dump.toString();
    }

    private static byte[] udpPayload(final byte[] frame)
    {
        assertEquals(0x0800, ((frame[12] & 0xFF) << 8) | (frame[13] & 0xFF), "IPv4 ethertype");
        final int ipHeaderLength = (frame[14] & 0x0F) * 4;
        assertEquals(17, frame[14 + 9], "UDP protocol");
        final int udp = 14 + ipHeaderLength;
        final int udpLength = ((frame[udp + 4] & 0xFF) << 8) | (frame[udp + 5] & 0xFF);
        return Arrays.copyOfRange(frame, udp + 8, udp + udpLength);
    }

    private static List<String> lines(final String text)
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            if (!line.isEmpty())
            {
                lines.add(line);
            }
        }
        return lines;
    }
}
