package io.wirespeed.nic.pcap;

import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.ReplayClock;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameDecoder;
import io.wirespeed.nic.frame.UdpView;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Captures written by text2pcap, one per feed, replayed as one merged stream: the same frames in the same order as
 * mergecap's chronological merge of the same files, read back by tshark; and Linux cooked captures (v1 and v2, the
 * link types of {@code tcpdump -i any}) delivered as Ethernet frames carrying the same datagrams.
 */
@Tag("interop")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CaptureMergeInteropTest
{
    private static final long T0_NS = 1_700_000_000_123_456_789L;
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] GROUPS = {"239.10.1.1", "239.10.2.1", "239.10.3.1"};
    private static final int[] PORTS = {14310, 15310, 16310};

    @TempDir
    Path directory;

    private CountersFile countersFile;
    private PcapNicPort port;

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(directory.resolve("counters"), 128);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(port, countersFile);
    }

    @Test
    void framesOfOneFilePerFeedArriveInTheOrderMergecapGivesThem()
    {
        ExternalTool.assumeOnPath("text2pcap", "mergecap", "tshark");
        final List<Path> files = new ArrayList<>();
        for (int feed = 0; feed < GROUPS.length; feed++)
        {
            final Text2pcap dump = new Text2pcap();
            for (int i = 0; i < 200; i++)
            {
                // feeds interleave irregularly: every feed at its own pace, a few ns apart, never at the same time
                dump.packet(T0_NS + i * (1_000L + 7 * feed) + feed, payload(feed, i));
            }
            files.add(dump.write(directory, directory.resolve("feed" + feed + ".pcapng"),
                "-4", "198.18.0.1," + GROUPS[feed], "-u", "40000," + PORTS[feed]));
        }
        final Path merged = directory.resolve("merged.pcapng");
        final List<String> mergecap = new ArrayList<>(List.of("mergecap", "-w", merged.toString()));
        files.forEach((file) -> mergecap.add(file.toString()));
        ExternalTool.run(directory, mergecap.toArray(new String[0]));
        final List<String> expected = lines(ExternalTool.run(directory, "tshark", "-r", merged.toString(),
            "-T", "fields", "-e", "frame.time_epoch", "-e", "ip.dst", "-e", "udp.dstport", "-e", "udp.payload"));

        port = PcapNicPort.open("merge", files, null, PcapPacing.MAX, PcapClock.CAPTURE, countersFile,
            new ManualEpochNanoClock(0), new PcapPortOptions());
        final List<String> delivered = replay(port);

        assertEquals(600, expected.size(), "packets in mergecap's file");
        assertEquals(expected, delivered);
        assertEquals(0, port.counters().value(NicCounter.CAPTURE_ERRORS));
    }

    @Test
    void linuxCookedCapturesAreDeliveredAsEthernetFramesOfTheSameDatagrams()
    {
        ExternalTool.assumeOnPath("text2pcap");
        final byte[] sourceMac = {0x02, 0x42, (byte)0xAC, 0x11, 0x00, 0x02};
        final Text2pcap v1 = new Text2pcap();
        final Text2pcap v2 = new Text2pcap();
        final List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++)
        {
            final byte[] frame = UdpFrames.frame(40000, 14310, payload(0, i));
            final byte[] ipPacket = Arrays.copyOfRange(frame, 14, frame.length);
            frames.add(frame);
            v1.packet(T0_NS + i, concat(sll(sourceMac), ipPacket));
            v2.packet(T0_NS + i, concat(sll2(sourceMac), ipPacket));
        }
        final Path sll = v1.write(directory, directory.resolve("any-v1.pcapng"), "-l", "113");
        final Path sll2 = v2.write(directory, directory.resolve("any-v2.pcapng"), "-l", "276");

        for (final Path capture : List.of(sll, sll2))
        {
            port = PcapNicPort.open("cooked", List.of(capture), null, PcapPacing.MAX, PcapClock.WALL, countersFile,
                new ManualEpochNanoClock(0), new PcapPortOptions());
            final ReceivedFrames received = new ReceivedFrames().drain(port.pcapRxQueue());

            assertEquals(frames.size(), received.size(), capture.toString());
            for (int i = 0; i < frames.size(); i++)
            {
                final byte[] expected = frames.get(i).clone();
                System.arraycopy(sourceMac, 0, expected, 6, 6);
                assertArrayEquals(expected, received.frames.get(i), capture + " frame " + i +
                    ": Ethernet with the group's multicast MAC 01:00:5e:01:02:03, the captured source MAC");
                assertEquals(T0_NS + i, received.timestampsNs.get(i));
            }
            CloseHelper.close(port);
            port = null;
        }
    }

    private List<String> replay(final PcapNicPort port)
    {
        final CaptureClock clock = port.captureClock();
        final UdpFrameDecoder decoder = new UdpFrameDecoder(port.counters());
        final UdpView view = new UdpView();
        final List<String> delivered = new ArrayList<>();
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[2048]);
        while (!port.isEndOfCapture())
        {
            port.pcapRxQueue().poll((buffer, offset, length, rxTimestampNs) ->
            {
                copy.putBytes(0, buffer, offset, length);
                assertEquals(UdpFrameDecoder.UDP, decoder.decode(copy, 0, length, rxTimestampNs, view));
                final byte[] payload = new byte[view.payloadLength()];
                copy.getBytes(view.payloadOffset(), payload);
                delivered.add(String.format("%d.%09d\t%s\t%d\t%s", rxTimestampNs / 1_000_000_000L,
                    rxTimestampNs % 1_000_000_000L, Ipv4Address.toString(view.destinationAddress()),
                    view.destinationPort(), HEX.formatHex(payload)));
                assertEquals(clock.nanoTime(), rxTimestampNs, "delivered at its own recorded time");
            }, 64);
            clock.advance(ReplayClock.NO_DEADLINE);
        }
        return delivered;
    }

    private static byte[] payload(final int feed, final int index)
    {
        final byte[] payload = new byte[8 + index % 13];
        payload[0] = (byte)feed;
        payload[1] = (byte)index;
        payload[2] = (byte)(index >>> 8);
        return payload;
    }

    /**
     * A Linux cooked v1 header (LINKTYPE_LINUX_SLL, tcpdump.org/linktypes): packet type 2 (multicast), ARPHRD_ETHER,
     * address length 6, the address padded to 8, protocol IPv4; big-endian.
     */
    private static byte[] sll(final byte[] sourceMac)
    {
        final byte[] header = {0, 2, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x00};
        System.arraycopy(sourceMac, 0, header, 6, 6);
        return header;
    }

    /**
     * A Linux cooked v2 header (LINKTYPE_LINUX_SLL2): protocol IPv4, reserved, interface index 1, ARPHRD_ETHER,
     * packet type 2 (multicast), address length 6, the address padded to 8; big-endian.
     */
    private static byte[] sll2(final byte[] sourceMac)
    {
        final byte[] header = {0x08, 0x00, 0, 0, 0, 0, 0, 1, 0, 1, 2, 6, 0, 0, 0, 0, 0, 0, 0, 0};
        System.arraycopy(sourceMac, 0, header, 12, 6);
        return header;
    }

    private static byte[] concat(final byte[] head, final byte[] tail)
    {
        final byte[] bytes = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, bytes, head.length, tail.length);
        return bytes;
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
