package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.FeedStateReason;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.pcap.ExternalTool;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.pcap.PcapPortOptions;
import io.wirespeed.nic.pcap.Text2pcap;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed handler on a capture's recorded time: captures written by text2pcap, one per feed, replayed merged as fast
 * as possible; a gap is declared when recorded time passes the packet's deadline, before any frame recorded later,
 * exactly once; a feed silent in recorded time is flagged when recorded time says so and nothing is flagged after the
 * end. The same captures on a host clock (a replay that takes no time) get it wrong both ways, which is the point.
 */
@Tag("interop")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplayClockTimersTest
{
    private static final int ES = 10;
    private static final long T0_NS = 1_700_000_000_000_000_000L;
    private static final long HOST_NS = 1_800_000_000_000_000_000L;
    private static final long SPACING_NS = 700_000;
    private static final long B_LAG_NS = 200_000;
    private static final long GAP_TIMEOUT_NS = 10_000_000;
    private static final long SILENCE_NS = 5_000_000_000L;
    private static final String[] GROUPS = {"239.1.1.1", "239.1.1.2", "239.1.1.3", "239.1.1.4"};
    private static final int PORT = 14310;
    private static final int A = 0;
    private static final int B = 1;
    private static final int SNAPSHOT = 2;

    @TempDir
    Path dir;

    private final List<Long> staleGapAtNs = new ArrayList<>();
    private final List<Long> packetsAAtStale = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private final ManualEpochNanoClock host = new ManualEpochNanoClock(HOST_NS);
    private CountersFile countersFile;
    private ChannelCounters counters;
    private ChannelContext context;
    private FeedChannel channel;
    private PcapNicPort port;

    @BeforeEach
    void setUp()
    {
        ExternalTool.assumeOnPath("text2pcap");
        countersFile = CountersFile.create(dir.resolve("counters"), 256);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(port, counters, countersFile);
    }

    @Test
    void aHoleTheOtherFeedFillsAfterTheDeadlineIsAGapAtRecordedTimePlusTheTimeoutAsLive()
    {
        // A loses MsgSeqNum 8; B's copy comes 12 ms late, after the 10 ms gap timeout that starts when 9 arrives on A
        final List<Path> captures = bookCaptures(8, 8 * SPACING_NS + 12_000_000);
        final long deadlineNs = T0_NS + 9 * SPACING_NS + GAP_TIMEOUT_NS;

        final FeedHandlerAgent agent = replay(captures, PcapClock.CAPTURE);
        runToTheEnd(agent);

        assertEquals(List.of(deadlineNs), staleGapAtNs, "one gap, published at recorded time 9 + timeout");
        assertEquals(List.of(aPacketsRecordedBy(deadlineNs, 8)), packetsAAtStale,
            "every A packet recorded before the deadline was delivered before the gap, none after");
        assertEquals(1, counters.get(FeedCounter.GAPS));
        assertEquals(1, counters.get(FeedCounter.PACKETS_LOST));
        assertRecoveredFromTheSnapshot();
    }

    @Test
    void theSameCaptureOnAHostClockFillsTheHoleLiveDeclaredAGapFor()
    {
        final List<Path> captures = bookCaptures(8, 8 * SPACING_NS + 12_000_000);

        final FeedHandlerAgent agent = replay(captures, PcapClock.WALL);
        while (!port.isEndOfCapture())
        {
            agent.doWork();
        }
        agent.doWork();

        assertEquals(0, counters.get(FeedCounter.GAPS), "the late copy arrived before the host clock moved");
        assertEquals(List.of(), staleGapAtNs);
    }

    @Test
    void aPacketLostOnBothFeedsIsOneGapAtRecordedTimePlusTheTimeout()
    {
        final List<Path> captures = bookCaptures(8, -1);
        final long deadlineNs = T0_NS + 9 * SPACING_NS + GAP_TIMEOUT_NS;

        runToTheEnd(replay(captures, PcapClock.CAPTURE));

        assertEquals(List.of(deadlineNs), staleGapAtNs);
        assertEquals(1, counters.get(FeedCounter.GAPS));
        assertEquals(1, counters.get(FeedCounter.PACKETS_LOST));
        assertRecoveredFromTheSnapshot();
    }

    @Test
    void aFeedSilentInRecordedTimeIsFlaggedThenAndNothingAfterTheEnd()
    {
        // A sends a packet every second for 7 s; B sends two, then nothing
        final Text2pcap a = new Text2pcap();
        final Text2pcap b = new Text2pcap();
        final PacketBuilder packet = new PacketBuilder();
        for (int seq = 1; seq <= 8; seq++)
        {
            final byte[] bytes = packet.begin(seq).book(true, bid(ES, seq, 1 == seq ? New : Change, 1, 100, seq, 1))
                .toBytes();
            final long atNs = T0_NS + (seq - 1) * 1_000_000_000L;
            a.packet(atNs, bytes);
            if (seq <= 2)
            {
                b.packet(atNs + B_LAG_NS, bytes);
            }
        }
        final List<Path> captures = List.of(write(a, A), write(b, B));
        final long lastBNs = T0_NS + 1_000_000_000L + B_LAG_NS;
        final long lastNs = T0_NS + 7_000_000_000L;

        final FeedHandlerAgent agent = replay(captures, PcapClock.CAPTURE);
        long silentAtNs = 0;
        while (!port.isEndOfCapture())
        {
            final long instantNs = port.timerClock().nanoTime();
            agent.doWork();
            if (0 == silentAtNs && channel.isFeedSilent(FeedChannel.FEED_B))
            {
                silentAtNs = instantNs;
            }
        }
        assertEquals(lastBNs + SILENCE_NS + 1, silentAtNs, "B flagged once recorded time passed its silence");
        for (int i = 0; i < 1_000; i++)
        {
            agent.doWork();
        }
        assertEquals(lastNs, port.timerClock().nanoTime(), "the clock stopped at the last frame");
        assertEquals(0, agent.doWork(), "nothing to do after the end");
        assertEquals(1, counters.get(FeedCounter.SILENT_B));
        assertEquals(0, counters.get(FeedCounter.SILENT_A), "no silence alarm after the end of the capture");
        assertFalse(channel.isFeedSilent(FeedChannel.FEED_A));

        CloseHelper.closeAll(port, counters);
        final FeedHandlerAgent wall = replay(captures, PcapClock.WALL);
        while (!port.isEndOfCapture())
        {
            wall.doWork();
        }
        wall.doWork();
        assertEquals(0, counters.get(FeedCounter.SILENT_B), "on the host clock B's 6 s of silence went unseen");
        host.advance(SILENCE_NS + 1);
        wall.doWork();
        assertEquals(1, counters.get(FeedCounter.SILENT_A), "and A, never silent in the capture, is flagged after it");
        assertEquals(1, counters.get(FeedCounter.SILENT_B));
    }

    /**
     * MsgSeqNum 1..30 on A every 0.7 ms, and on B 0.2 ms after A, each a book update of ES; a snapshot of ES at
     * MsgSeqNum 30 at 30 ms. MsgSeqNum {@code lost} is missing on A, and on B too unless {@code lateBOffsetNs} is not
     * negative, then sent on B at that offset.
     */
    private List<Path> bookCaptures(final int lost, final long lateBOffsetNs)
    {
        final Text2pcap a = new Text2pcap();
        final Text2pcap b = new Text2pcap();
        final PacketBuilder packet = new PacketBuilder();
        for (int seq = 1; seq <= 30; seq++)
        {
            final byte[] bytes = packet.begin(seq).book(true, bid(ES, seq, 1 == seq ? New : Change, 1, 100, seq, 1))
                .toBytes();
            if (seq != lost)
            {
                a.packet(T0_NS + seq * SPACING_NS, bytes);
                b.packet(T0_NS + seq * SPACING_NS + B_LAG_NS, bytes);
            }
            else if (lateBOffsetNs >= 0)
            {
                b.packet(T0_NS + lateBOffsetNs, bytes);
            }
        }
        final Text2pcap snapshot = new Text2pcap().packet(T0_NS + 30_000_000,
            packet.begin(1).snapshot(30, ES, 30, bid(ES, 0, New, 1, 100, 30, 1)).toBytes());
        return List.of(write(a, A), write(b, B), write(snapshot, SNAPSHOT));
    }

    private static long aPacketsRecordedBy(final long instantNs, final int lost)
    {
        long packets = 0;
        for (int seq = 1; seq <= 30; seq++)
        {
            if (seq != lost && T0_NS + seq * SPACING_NS <= instantNs)
            {
                packets++;
            }
        }
        return packets;
    }

    private Path write(final Text2pcap capture, final int feed)
    {
        return capture.write(dir, dir.resolve("feed-" + feed + "-" + System.nanoTime() + ".pcapng"),
            "-4", "198.18.0.1," + GROUPS[feed], "-u", "40000," + PORT);
    }

    private FeedHandlerAgent replay(final List<Path> captures, final PcapClock clock)
    {
        port = PcapNicPort.open("replay", captures, null, PcapPacing.MAX, clock, countersFile, host,
            new PcapPortOptions());
        counters = new ChannelCounters(countersFile, 1);
        context = new ChannelContext()
            .id(1)
            .incrementalA(new Endpoint(GROUPS[A], PORT))
            .incrementalB(new Endpoint(GROUPS[B], PORT))
            .snapshot(new Endpoint(GROUPS[SNAPSHOT], PORT))
            .instrumentDefinition(new Endpoint(GROUPS[3], PORT))
            .gapTimeoutMs(GAP_TIMEOUT_NS / 1_000_000)
            .feedSilenceMs(SILENCE_NS / 1_000_000);
        channel = new FeedChannel(context, this::onMarketData, counters);
        channel.addInstrument(ES, "ESZ6");
        final EpochNanoClock timerClock = port.timerClock();
        return new FeedHandlerAgent(
            timerClock, new NicPort[]{ port }, new FeedChannel[]{ channel }, new ChannelContext[]{ context }, 64);
    }

    private void runToTheEnd(final FeedHandlerAgent agent)
    {
        while (!port.isEndOfCapture())
        {
            agent.doWork();
        }
        agent.doWork();
        assertTrue(port.captureClock().isEndOfRecording());
    }

    private void assertRecoveredFromTheSnapshot()
    {
        assertEquals(FeedStateValue.OK, channel.state(ES));
        assertEquals(30, channel.instrument(ES).book().quantity(OrderBook.BID, 1));
    }

    private boolean onMarketData(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (FeedStateDecoder.TEMPLATE_ID == header.templateId())
        {
            feedState.wrapAndApplyHeader(buffer, offset, header);
            if (FeedStateValue.STALE == feedState.state() && FeedStateReason.GAP == feedState.reason())
            {
                staleGapAtNs.add(feedState.publishTimestampNs());
                packetsAAtStale.add(counters.get(FeedCounter.PACKETS_A));
            }
        }
        return true;
    }
}
