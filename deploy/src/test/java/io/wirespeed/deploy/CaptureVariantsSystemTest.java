package io.wirespeed.deploy;

import io.wirespeed.config.FeedName;
import io.wirespeed.config.PcapNicContext;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.pcap.ExternalTool;
import io.wirespeed.replay.convert.CaptureImport;
import io.wirespeed.replay.convert.JournalExport;
import io.wirespeed.replay.decode.LoopbackCapture;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures as users have them, of one live run of the simulator's kernel-multicast feeds on loopback, each replayed
 * through the replay NIC into the feed handler on the capture's clock: the plain Ethernet capture ({@code tcpdump -i
 * lo}), the same frames 802.1Q-tagged by tcprewrite, Linux cooked v1 and v2 ({@code tcpdump -i any -y LINUX_SLL /
 * LINUX_SLL2}), the feeds split into one file each by tshark and merged back into one by mergecap all build the live
 * books; a capture cut by {@code editcap -s 60} decodes nothing and names every cut frame; frames out of recorded
 * order (files concatenated by {@code mergecap -a}) are counted and named and still build the books. Every variant is
 * made, and every expected count taken, by tools nobody here wrote.
 */
@Tag("privileged")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
final class CaptureVariantsSystemTest
{
    private static final long PACKETS = 5_000;
    private static final int VLAN_ID = 417;
    private static final FeedName[] FEEDS = FeedName.values();

    @TempDir
    static Path dir;

    private FeedPathRig live;
    private KernelFeedWires wires;
    private Path plain;
    private Path sll;
    private Path sll2;
    private int streamId = 9200;

    @BeforeAll
    void captureALiveRunThreeWays() throws Exception
    {
        LoopbackCapture.assumeCanCapture();
        ExternalTool.assumeOnPath("editcap", "mergecap", "tshark", "tcprewrite");
        wires = new KernelFeedWires();
        live = new FeedPathRig(dir.resolve("live"), wires,
            (config) -> config.channel(FeedPathRig.CHANNEL).gapTimeoutMs(10), List.of(), UnaryOperator.identity());

        final int[] sentinels = freePorts(3);
        final StringBuilder feedPorts = new StringBuilder();
        for (final FeedName feed : FEEDS)
        {
            feedPorts.append("port ").append(wires.subscription(feed).port()).append(" or ");
        }
        plain = dir.resolve("lo.pcap");
        sll = dir.resolve("sll.pcap");
        sll2 = dir.resolve("sll2.pcap");
        final List<LoopbackCapture> captures = new ArrayList<>();
        try
        {
            captures.add(LoopbackCapture.start(dir, plain, "-i lo --time-stamp-precision=nano -B 16384",
                "udp and (" + feedPorts + "port " + sentinels[0] + ")"));
            captures.add(LoopbackCapture.start(dir, sll, "-i any -y LINUX_SLL --time-stamp-precision=nano -B 16384",
                "udp and (" + feedPorts + "port " + sentinels[1] + ")"));
            captures.add(LoopbackCapture.start(dir, sll2,
                "-i any -y LINUX_SLL2 --time-stamp-precision=nano -B 16384",
                "udp and (" + feedPorts + "port " + sentinels[2] + ")"));
            live.runUntil(PACKETS);
            live.settleAndCompare();
            for (int i = 0; i < captures.size(); i++)
            {
                captures.get(i).stop(sentinels[i]);
                assertTrue(captures.get(i).messages().contains(System.lineSeparator() + "0 packets dropped by kernel"),
                    captures.get(i).messages());
            }
        }
        finally
        {
            CloseHelper.closeAll(captures);
        }
        assertEquals(0, live.counter(FeedCounter.GAPS));
        assertTrue(ExternalTool.run(dir, "capinfos", "-E", sll.toString()).contains("Linux cooked-mode capture v1"));
        assertTrue(ExternalTool.run(dir, "capinfos", "-E", sll2.toString()).contains("Linux cooked-mode capture v2"));
    }

    @AfterAll
    void stopTheLiveRun()
    {
        CloseHelper.close(live);
    }

    @Test
    void thePlainEthernetCaptureBuildsTheLiveBooks()
    {
        assertSameBooks(List.of(plain), tsharkCount(plain, ""));
    }

    @Test
    void theSameFramesTaggedByTcprewriteWith8021qBuildTheSameBooks()
    {
        final Path vlan = dir.resolve("vlan.pcap");
        ExternalTool.run(dir, "tcprewrite", "--enet-vlan=add", "--enet-vlan-tag=" + VLAN_ID, "--enet-vlan-cfi=0",
            "--enet-vlan-pri=0", "--infile=" + plain, "--outfile=" + vlan);
        final long frames = tsharkCount(plain, "");
        assertEquals(frames, tsharkCount(vlan, "vlan.id == " + VLAN_ID), "tshark: every frame is tagged");

        assertSameBooks(List.of(vlan), frames);
    }

    @Test
    void linuxCookedV1CaptureBuildsTheSameBooks()
    {
        assertSameBooks(List.of(sll), tsharkCount(sll, "sll"));
    }

    @Test
    void linuxCookedV2CaptureBuildsTheSameBooks()
    {
        assertSameBooks(List.of(sll2), tsharkCount(sll2, "sll"));
    }

    @Test
    void feedsInSeparateFilesOrMergedIntoOneByMergecapBuildTheSameBooks()
    {
        final List<Path> perFeed = new ArrayList<>();
        long frames = 0;
        for (final FeedName feed : FEEDS)
        {
            final Path file = dir.resolve("feed-" + feed.text() + ".pcap");
            ExternalTool.run(dir, "tshark", "-n", "-r", plain.toString(), "-Y",
                "udp.dstport == " + wires.subscription(feed).port(), "-w", file.toString());
            perFeed.add(file);
            frames += tsharkCount(file, "");
        }
        final Path merged = dir.resolve("merged.pcap");
        final List<String> command = new ArrayList<>(List.of("mergecap", "-w", merged.toString()));
        perFeed.forEach((file) -> command.add(file.toString()));
        ExternalTool.run(dir, command.toArray(new String[0]));
        assertEquals(tsharkCount(plain, "") - 1, frames, "every frame but the stop sentinel");

        assertSameBooks(perFeed, frames);
        assertSameBooks(List.of(merged), frames);
    }

    @Test
    void aCaptureCutByEditcapSnapLengthDecodesNothingAndNamesEveryCutFrame()
    {
        final Path cut = dir.resolve("cut.pcap");
        ExternalTool.run(dir, "editcap", "-s", "60", plain.toString(), cut.toString());
        final long cutFrames = tsharkCount(cut, "frame.cap_len < frame.len");
        final long whole = tsharkCount(cut, "frame.cap_len == frame.len");
        assertTrue(cutFrames > PACKETS, "tshark: " + cutFrames + " frames cut");

        try (CaptureReplay replay = replay(List.of(cut)))
        {
            replay.runToTheEnd();

            assertEquals(cutFrames, replay.port.counters().value(NicCounter.CAPTURE_FRAME_CUT));
            assertEquals(whole, replay.port.counters().value(NicCounter.RX_FRAMES));
            assertEquals(List.of(cut + ": " + String.format("%,d", cutFrames) + " frames cut short by the " +
                "capture's snap length of 60 bytes; their packets were not decoded"), replay.port.problemLines());
            assertTrue(replay.port.summary().contains("their packets were not decoded"), replay.port.summary());
            for (final FeedCounter counter : List.of(FeedCounter.PACKETS_A, FeedCounter.PACKETS_B,
                FeedCounter.PACKETS_SNAPSHOT, FeedCounter.PACKETS_DEFINITION, FeedCounter.MALFORMED_TRUNCATED_PACKET,
                FeedCounter.MALFORMED_MESSAGE_SIZE))
            {
                assertEquals(0, replay.counter(counter), counter.name() + ": nothing decoded as if whole");
            }
        }
    }

    @Test
    void framesOutOfRecordedOrderAreCountedNamedAndTheBooksStillBuilt()
    {
        final int portB = wires.subscription(FeedName.B).port();
        final Path withoutB = dir.resolve("without-b.pcap");
        final Path onlyB = dir.resolve("only-b.pcap");
        ExternalTool.run(dir, "tshark", "-n", "-r", plain.toString(), "-Y", "!(udp.dstport == " + portB + ")",
            "-w", withoutB.toString());
        ExternalTool.run(dir, "tshark", "-n", "-r", plain.toString(), "-Y", "udp.dstport == " + portB,
            "-w", onlyB.toString());
        final Path concatenated = dir.resolve("a-then-b.pcap");
        ExternalTool.run(dir, "mergecap", "-a", "-w", concatenated.toString(), withoutB.toString(),
            onlyB.toString());
        final long outOfOrder = outOfOrder(concatenated);
        assertTrue(outOfOrder > PACKETS / 2, "tshark: " + outOfOrder + " frames out of order");

        try (CaptureReplay replay = replay(List.of(concatenated)))
        {
            replay.runToTheEnd();

            assertEquals(outOfOrder, replay.port.counters().value(NicCounter.CAPTURE_TIME_BACKWARDS));
            assertEquals(List.of(concatenated + ": " + String.format("%,d", outOfOrder) + " frames recorded earlier " +
                "than a frame before them in the file (out-of-order timestamps); replayed in file order, each at once"),
                replay.port.problemLines());
            replay.assertBooksEqual(live);
            assertEquals(0, replay.counter(FeedCounter.GAPS));
        }
    }

    @Test
    void aLinuxCookedCaptureImportedToAJournalExportsAsEthernetWithTheSameDatagramsTsharkReadsFromLo()
    {
        final Path journal = dir.resolve("sll2-journal");
        final Path exported = dir.resolve("sll2-exported.pcap");
        System.out.println(CaptureImport.importCaptures(List.of(sll2), journal, null));
        System.out.println(JournalExport.export(journal, exported, null, null, false));

        final String feeds = feedFilter();
        assertTrue(ExternalTool.run(dir, "capinfos", "-E", exported.toString()).contains("Ethernet"));
        final String fromLo = datagrams(plain, feeds);
        assertTrue(fromLo.lines().count() > PACKETS, "tshark: the feeds' datagrams on lo");
        assertEquals(fromLo, datagrams(exported, feeds), "tshark: the same datagrams, as Ethernet frames");
        assertEquals(tsharkCount(sll2, ""), tsharkCount(exported, "eth"));
    }

    private String feedFilter()
    {
        final StringBuilder filter = new StringBuilder("udp.dstport in {");
        for (final FeedName feed : FEEDS)
        {
            filter.append(FeedName.A == feed ? "" : ", ").append(wires.subscription(feed).port());
        }
        return filter.append('}').toString();
    }

    private String datagrams(final Path capture, final String filter)
    {
        return ExternalTool.run(dir, "tshark", "-n", "-r", capture.toString(), "-Y", filter, "-T", "fields",
            "-e", "ip.src", "-e", "ip.dst", "-e", "udp.dstport", "-e", "udp.payload");
    }

    private void assertSameBooks(final List<Path> files, final long frames)
    {
        try (CaptureReplay replay = replay(files))
        {
            replay.runToTheEnd();

            replay.assertBooksEqual(live);
            assertEquals(frames, replay.port.counters().value(NicCounter.RX_FRAMES));
            assertEquals(0, replay.counter(FeedCounter.GAPS));
            assertEquals(0, replay.counter(FeedCounter.MALFORMED_TRUNCATED_PACKET));
            assertEquals(List.of(), replay.port.problemLines());
        }
    }

    private CaptureReplay replay(final List<Path> files)
    {
        return new CaptureReplay(live, dir, new PcapNicContext().readPaths(files).pacing(PcapPacing.MAX).conclude(),
            streamId++);
    }

    private long tsharkCount(final Path capture, final String filter)
    {
        final List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(), "-T",
            "fields", "-e", "frame.number"));
        if (!filter.isEmpty())
        {
            command.addAll(List.of("-Y", filter));
        }
        return ExternalTool.run(dir, command.toArray(new String[0])).lines().filter((line) -> !line.isEmpty())
            .count();
    }

    private long outOfOrder(final Path capture)
    {
        long count = 0;
        long latestNs = Long.MIN_VALUE;
        for (final String line : ExternalTool.run(dir, "tshark", "-n", "-r", capture.toString(), "-T", "fields",
            "-e", "frame.time_epoch").lines().toList())
        {
            final String[] parts = (line.trim() + ".0").split("\\.");
            final long ns = Long.parseLong(parts[0]) * 1_000_000_000L +
                Long.parseLong((parts[1] + "000000000").substring(0, 9));
            if (ns < latestNs)
            {
                count++;
            }
            else
            {
                latestNs = ns;
            }
        }
        return count;
    }

    private static int[] freePorts(final int count) throws IOException
    {
        final int[] ports = new int[count];
        final DatagramSocket[] sockets = new DatagramSocket[count];
        try
        {
            for (int i = 0; i < count; i++)
            {
                sockets[i] = new DatagramSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        }
        finally
        {
            CloseHelper.closeAll(sockets);
        }
        return ports;
    }
}
