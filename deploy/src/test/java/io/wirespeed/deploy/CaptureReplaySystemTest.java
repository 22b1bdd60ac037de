package io.wirespeed.deploy;

import io.wirespeed.config.ConfigException;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapNicContext;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.pcap.CaptureProblem;
import io.wirespeed.nic.pcap.ExternalTool;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures taken by tcpdump of the simulator's kernel-multicast feeds on loopback, while a live feed handler
 * subscribed to them: one capture of every feed ({@code tcpdump -i any}, Linux cooked) and one per feed
 * ({@code tcpdump -i lo}). Replayed as fast as possible on their own clock they build the live feed handler's books
 * (which are the simulator's) with no gap and no alarm, during or after the replay; the same capture on the wall clock
 * trips the silence timer once it ends. Packets removed with editcap are one gap, declared at the recorded time of the
 * first packet that showed the hole plus the gap timeout; a capture cut short is named and the replay goes on.
 */
@Tag("privileged")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
final class CaptureReplaySystemTest
{
    private static final long PACKETS = 30_000;
    private static final long GAP_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long FEED_SILENCE_MS = 2_000;
    private static final FeedName[] FEEDS = FeedName.values();

    @TempDir
    static Path dir;

    private FeedPathRig live;
    private KernelFeedWires wires;
    private Path everyFeed;
    private final List<Path> perFeed = new ArrayList<>();
    private long capturedPackets;

    @BeforeAll
    void captureALiveRun() throws Exception
    {
        LoopbackCapture.assumeCanCapture();
        ExternalTool.assumeOnPath("editcap", "tshark");
        wires = new KernelFeedWires();
        live = new FeedPathRig(dir.resolve("live"), wires,
            (config) -> config.channel(FeedPathRig.CHANNEL).gapTimeoutMs(10).feedSilenceMs(FEED_SILENCE_MS),
            List.of(), UnaryOperator.identity());

        final int[] sentinels = freePorts(FEEDS.length + 1);
        final StringBuilder feedPorts = new StringBuilder();
        for (final FeedName feed : FEEDS)
        {
            feedPorts.append("port ").append(wires.subscription(feed).port()).append(" or ");
        }
        everyFeed = dir.resolve("any.pcap");
        final List<LoopbackCapture> captures = new ArrayList<>();
        captures.add(LoopbackCapture.start(dir, everyFeed, "-i any --time-stamp-precision=nano -B 32768",
            "udp and (" + feedPorts + "port " + sentinels[0] + ")"));
        for (final FeedName feed : FEEDS)
        {
            final Path file = dir.resolve("lo-" + feed.text() + ".pcap");
            perFeed.add(file);
            captures.add(LoopbackCapture.start(dir, file, "-i lo --time-stamp-precision=nano -B 16384",
                "udp and (port " + wires.subscription(feed).port() + " or port " + sentinels[1 + feed.ordinal()] +
                ")"));
        }
        try
        {
            live.runUntil(PACKETS);
            live.settleAndCompare();
        }
        finally
        {
            stopTogether(captures, sentinels);
        }
        for (final LoopbackCapture capture : captures)
        {
            assertTrue(capture.messages().contains(System.lineSeparator() + "0 packets dropped by kernel"),
                capture.messages());
        }
        live.report("live over kernel multicast on lo, " + live.sim.lastMsgSeqNum() + " packets");
        assertEquals(0, live.counter(FeedCounter.GAPS));
        capturedPackets = CapturedMdp3.read(dir, everyFeed).size();
    }

    @AfterAll
    void stopTheLiveRun()
    {
        CloseHelper.close(live);
    }

    @Test
    void oneCaptureOfEveryFeedReplaysOnItsOwnClockToTheLiveBooksWithNoGapAndNoAlarmEvenAfterTheEnd()
    {
        try (CaptureReplay replay = new CaptureReplay(live, dir,
            new PcapNicContext().readPath(everyFeed).pacing(PcapPacing.MAX).conclude(), 9101))
        {
            replay.runToTheEnd();

            replay.assertBooksEqual(live);
            assertNoGapNoAlarm(replay);
            assertEquals(capturedPackets, replay.port.counters().value(NicCounter.RX_FRAMES));
            assertEquals(1, replay.agent.unroutedFrames(), "only the capture's stop sentinel is no feed's");

            final long endNs = replay.port.timerClock().nanoTime();
            assertEquals(endNs, replay.port.counters().value(NicCounter.CAPTURE_LAST_TIMESTAMP_NS));
            for (int i = 0; i < 100_000; i++)
            {
                replay.dutyCycle();
            }
            assertEquals(endNs, replay.port.timerClock().nanoTime(), "the clock stopped with the capture");
            assertNoGapNoAlarm(replay);
        }
    }

    @Test
    void onePerFeedCapturesMergedByRecordedTimeReplayToTheSameBooks()
    {
        try (CaptureReplay replay = new CaptureReplay(live, dir,
            new PcapNicContext().readPaths(perFeed).pacing(PcapPacing.MAX).conclude(), 9102))
        {
            replay.runToTheEnd();

            replay.assertBooksEqual(live);
            assertNoGapNoAlarm(replay);
            assertEquals(capturedPackets - 1 + FEEDS.length, replay.port.counters().value(NicCounter.RX_FRAMES),
                "the same packets, with one stop sentinel per file");
            assertEquals(FEEDS.length, replay.agent.unroutedFrames());
            assertEquals(0, replay.port.counters().value(NicCounter.CAPTURE_TIME_BACKWARDS));
            assertEquals(0, replay.counter(FeedCounter.DUPLICATES_A), "no packet arrived twice");
        }
    }

    @Test
    void pacedAsRecordedByDefaultOnItsOwnClockTheReplayBuildsTheSameBooksInTheCapturesTime()
    {
        final PcapNicContext paced = new PcapNicContext().readPath(everyFeed).conclude();
        assertEquals(PcapPacing.RECORDED, paced.pacing());
        assertEquals(PcapClock.CAPTURE, paced.clock());
        try (CaptureReplay replay = new CaptureReplay(live, dir, paced, 9106))
        {
            final long startNs = System.nanoTime();
            replay.runToTheEnd();
            final long tookNs = System.nanoTime() - startNs;

            final long recordedNs = replay.port.counters().value(NicCounter.CAPTURE_LAST_TIMESTAMP_NS) -
                replay.port.counters().value(NicCounter.CAPTURE_FIRST_TIMESTAMP_NS);
            System.out.printf("paced replay took %d ms for %d ms recorded%n",
                TimeUnit.NANOSECONDS.toMillis(tookNs), TimeUnit.NANOSECONDS.toMillis(recordedNs));
            assertTrue(tookNs >= recordedNs, "paced: no faster than recorded");
            replay.assertBooksEqual(live);
            assertNoGapNoAlarm(replay);
        }
    }

    @Test
    void theSameCaptureOnTheWallClockTripsTheSilenceTimerOnceItEnds()
    {
        final PcapNicContext wall = new PcapNicContext().readPath(everyFeed).pacing(PcapPacing.MAX)
            .clock(PcapClock.WALL);
        assertThrows(ConfigException.class, new PcapNicContext().readPath(everyFeed).pacing(PcapPacing.MAX)
            .clock(PcapClock.WALL)::conclude, "an operator cannot ask for this");
        try (CaptureReplay replay = new CaptureReplay(live, dir, wall, 9103))
        {
            replay.runToTheEnd();
            replay.assertBooksEqual(live);
            final long endedNs = System.nanoTime();

            while (0 == replay.counter(FeedCounter.SILENT_A))
            {
                replay.dutyCycle();
            }
            System.out.printf("wall clock: feed A declared silent %d ms after the replay ended, B %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - endedNs),
                0 == replay.counter(FeedCounter.SILENT_B) ? "not yet" : "too");
            assertEquals(1, replay.counter(FeedCounter.SILENT_A), "an alarm the live run never raised");
        }
    }

    @Test
    void packetsRemovedByEditcapAreOneGapDeclaredAtTheRecordedTimeOfTheHolePlusTheTimeout()
    {
        final List<CapturedMdp3.Packet> packets = CapturedMdp3.read(dir, everyFeed);
        final int portA = wires.subscription(FeedName.A).port();
        final int portB = wires.subscription(FeedName.B).port();
        final int portSnapshot = wires.subscription(FeedName.SNAPSHOT).port();
        final long lost = PACKETS / 2;
        final List<Integer> removed = new ArrayList<>();
        for (final CapturedMdp3.Packet packet : packets)
        {
            if ((portA == packet.port() || portB == packet.port()) && lost == packet.msgSeqNum())
            {
                removed.add(packet.frame());
            }
        }
        assertEquals(2, removed.size(), "MsgSeqNum " + lost + " once on A and once on B");
        long holeSeenNs = -1;
        for (final CapturedMdp3.Packet packet : packets)
        {
            if (packet.frame() <= removed.get(0))
            {
                continue;
            }
            final boolean incremental = (portA == packet.port() || portB == packet.port()) &&
                packet.msgSeqNum() > lost;
            final boolean snapshotPast = portSnapshot == packet.port() && packet.lastMsgSeqNumProcessed() >= lost;
            if (incremental || snapshotPast)
            {
                holeSeenNs = packet.epochNs();
                break;
            }
        }
        final Path gap = dir.resolve("gap.pcap");
        ExternalTool.run(dir, "editcap", everyFeed.toString(), gap.toString(), removed.get(0).toString(),
            removed.get(1).toString());

        try (CaptureReplay replay = new CaptureReplay(live, dir,
            new PcapNicContext().readPath(gap).pacing(PcapPacing.MAX).conclude(), 9104))
        {
            replay.runToTheEnd();

            assertEquals(List.of(holeSeenNs + GAP_TIMEOUT_NS), replay.gapInstantsNs,
                "one gap, when recorded time passed the first sign of the hole plus gap_timeout_ms");
            assertEquals(1, replay.counter(FeedCounter.GAPS));
            assertEquals(1, replay.counter(FeedCounter.PACKETS_LOST));
            for (final long publishedNs : replay.staleGapPublishedNs)
            {
                assertTrue(publishedNs >= holeSeenNs + GAP_TIMEOUT_NS, "no instrument stale before the gap");
            }
            replay.assertBooksEqual(live);
            assertEquals(0, replay.counter(FeedCounter.SILENT_A) + replay.counter(FeedCounter.SILENT_B));
        }
    }

    @Test
    void aCaptureCutShortIsNamedAndTheReplayGoesOnWithTheOthers() throws IOException
    {
        final Path b = perFeed.get(FeedName.B.ordinal());
        final byte[] bytes = Files.readAllBytes(b);
        final Path cut = Files.write(dir.resolve("lo-b-cut.pcap"), Arrays.copyOf(bytes, bytes.length * 9 / 10 + 5));
        final List<Path> files = new ArrayList<>(perFeed);
        files.set(FeedName.B.ordinal(), cut);

        try (CaptureReplay replay = new CaptureReplay(live, dir,
            new PcapNicContext().readPaths(files).pacing(PcapPacing.MAX).conclude(), 9105))
        {
            replay.runToTheEnd();

            assertTrue(replay.port.isEndOfCapture());
            assertEquals(1, replay.port.counters().value(NicCounter.CAPTURE_ERRORS));
            final CaptureProblem problem = replay.port.pcapRxQueue().lastProblem();
            assertTrue(CaptureProblem.TRUNCATED_BODY == problem || CaptureProblem.TRUNCATED_HEADER == problem,
                String.valueOf(problem));
            assertTrue(replay.port.pcapRxQueue().lastError().startsWith(cut + ": file offset "),
                replay.port.pcapRxQueue().lastError());
            assertTrue(replay.port.summary().contains(cut + ": "), replay.port.summary());
            replay.assertBooksEqual(live);
            assertEquals(0, replay.counter(FeedCounter.GAPS), "feed A carried every packet");
        }
    }

    private static void assertNoGapNoAlarm(final CaptureReplay replay)
    {
        assertEquals(0, replay.counter(FeedCounter.GAPS));
        assertEquals(0, replay.counter(FeedCounter.PACKETS_LOST));
        assertEquals(0, replay.counter(FeedCounter.SILENT_A));
        assertEquals(0, replay.counter(FeedCounter.SILENT_B));
        assertEquals(List.of(), replay.staleGapPublishedNs);
        assertEquals(0, replay.port.counters().value(NicCounter.CAPTURE_ERRORS));
    }

    /**
     * Stop every capture at once, so each file's last frame (its stop sentinel) is recorded within moments of the
     * last market data: a capture stopped seconds later would show its feeds silent for those seconds.
     */
    private static void stopTogether(final List<LoopbackCapture> captures, final int[] sentinels)
        throws InterruptedException
    {
        final List<Thread> threads = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++)
        {
            final LoopbackCapture capture = captures.get(i);
            final int sentinel = sentinels[i];
            final Thread thread = new Thread(() ->
            {
                try
                {
                    capture.stop(sentinel);
                }
                catch (final Exception | AssertionError ex)
                {
                    synchronized (failures)
                    {
                        failures.add(ex);
                    }
                }
            }, "stop-capture-" + i);
            thread.start();
            threads.add(thread);
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        if (!failures.isEmpty())
        {
            throw new AssertionError("stopping the captures failed", failures.get(0));
        }
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
            for (final DatagramSocket socket : sockets)
            {
                if (null != socket)
                {
                    socket.close();
                }
            }
        }
        return ports;
    }
}
