package io.wirespeed.feed;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.config.ChannelContext;
import io.wirespeed.config.Endpoint;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.ask;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedHandlerAgentTest
{
    private static final int ES = 10;
    private static final String GROUP_A = "239.1.1.1";
    private static final String GROUP_B = "239.1.1.2";
    private static final String GROUP_SNAPSHOT = "239.1.1.3";
    private static final String GROUP_DEFINITION = "239.1.1.4";
    private static final int PORT = 14310;

    @TempDir
    Path dir;

    private CountersFile countersFile;
    private ChannelCounters counters;
    private ScriptedNicPort port;
    private FeedChannel channel;
    private FeedHandlerAgent agent;
    private final CapturingSink sink = new CapturingSink();
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(dir.resolve("counters"), 1024);
        counters = new ChannelCounters(countersFile, 1);
        port = new ScriptedNicPort(countersFile);
        final ChannelContext context = new ChannelContext()
            .id(1)
            .incrementalA(new Endpoint(GROUP_A, PORT))
            .incrementalB(new Endpoint(GROUP_B, PORT))
            .snapshot(new Endpoint(GROUP_SNAPSHOT, PORT))
            .instrumentDefinition(new Endpoint(GROUP_DEFINITION, PORT))
            .gapTimeoutMs(10);
        channel = new FeedChannel(context, sink, counters);
        agent = new FeedHandlerAgent(
            clock, new NicPort[]{ port }, new FeedChannel[]{ channel }, new ChannelContext[]{ context }, 16);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(port, counters, countersFile);
    }

    @Test
    void routesFeedsByDestinationAndRecoversAGapFromTheSnapshotFeed()
    {
        final PacketBuilder packet = new PacketBuilder();
        port.queue(GROUP_DEFINITION, PORT, packet.begin(1).definition(1, ES, "ESZ6"));
        port.queue(GROUP_A, PORT, packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        port.queue(GROUP_B, PORT, packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        port.queue(GROUP_A, PORT, packet.begin(3).book(true, ask(ES, 3, New, 1, 101, 2, 1)));
        port.queue(GROUP_B, PORT, packet.begin(3).book(true, ask(ES, 3, New, 1, 101, 2, 1)));
        port.queue("239.9.9.9", PORT, packet.begin(3).book(true, ask(ES, 3, New, 1, 101, 2, 1)));
        assertEquals(6, agent.doWork());
        assertEquals(1, agent.unroutedFrames());
        assertEquals(2, counters.get(FeedCounter.DUPLICATES_B));
        assertEquals(FeedStateValue.OK, channel.state(ES));

        clock.advance(11_000_000L);
        agent.doWork();
        assertEquals(FeedStateValue.STALE, channel.state(ES));

        port.queue(GROUP_SNAPSHOT, PORT, packet.begin(9).snapshot(2, ES, 2, bid(ES, 0, New, 1, 100, 4, 1)));
        port.queue(GROUP_A, PORT, packet.begin(4).book(true, bid(ES, 4, Change, 1, 100, 3, 1)));
        agent.doWork();
        assertEquals(FeedStateValue.OK, channel.state(ES));
        final OrderBook book = channel.instrument(ES).book();
        assertEquals(3, book.quantity(OrderBook.BID, 1));
        assertEquals(101, book.price(OrderBook.ASK, 1));
        assertEquals(1, counters.get(FeedCounter.PACKETS_SNAPSHOT));
        assertEquals(1, counters.get(FeedCounter.PACKETS_DEFINITION));
    }

    @Test
    void noGapIsDeclaredForPacketsStillQueuedAfterAStallLongerThanTheGapTimeout()
    {
        final PacketBuilder packet = new PacketBuilder();
        port.queue(GROUP_DEFINITION, PORT, packet.begin(1).definition(1, ES, "ESZ6"));
        port.queue(GROUP_A, PORT, packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        port.queue(GROUP_SNAPSHOT, PORT, packet.begin(1).snapshot(40, ES, 40, bid(ES, 0, New, 1, 100, 4, 1)));
        for (int seq = 2; seq <= 40; seq++)
        {
            port.queue(GROUP_A, PORT, packet.begin(seq).book(true, bid(ES, seq, Change, 1, 100, seq, 1)));
        }

        agent.doWork();
        // the snapshot said the venue sent up to 40; the thread then stalls past the gap timeout
        clock.advance(50_000_000L);
        while (agent.doWork() > 0)
        {
            clock.advance(1_000);
        }
        clock.advance(50_000_000L);
        agent.doWork();

        assertEquals(0, counters.get(FeedCounter.GAPS));
        assertEquals(FeedStateValue.OK, channel.state(ES));
        assertEquals(40, channel.instrument(ES).book().quantity(OrderBook.BID, 1));
    }

    @Test
    void steadyStateAllocatesNothingOverAMillionPackets()
    {
        channel.addInstrument(ES, "ESZ6");
        channel.addInstrument(20, "NQZ6");
        channel.addInstrument(30, "CLZ6");
        final PacketBuilder packet = new PacketBuilder().begin(1)
            .trade(30, 1, 100, 1, false)
            .book(true, bid(ES, 1, Change, 1, 100, 5, 1), ask(20, 1, Change, 1, 200, 6, 2));
        final int tradeRptSeq = 12 + 2 + 8 + 11 + 3 + 16;
        final int bookEntry = 12 + 64 + 2 + 8 + 11 + 3;
        final int[] rptSeqOffsets = { tradeRptSeq, bookEntry + 16, bookEntry + 32 + 16 };
        sink.capturing = false;
        port.repeat(GROUP_A, PORT, packet, rptSeqOffsets, 1, 1_500_000);
        final long bytes = AllocationMeter.measure(() -> run(500_000), () -> run(1_500_000));
        assertEquals(0, bytes);
        assertEquals(1_500_000, counters.get(FeedCounter.PACKETS_A));
        assertEquals(0, counters.get(FeedCounter.GAPS));
        assertEquals(0, counters.get(FeedCounter.INSTRUMENT_GAPS));
        assertEquals(FeedStateValue.OK, channel.state(ES));
        assertEquals(5, channel.instrument(ES).book().quantity(OrderBook.BID, 1));
    }

    private void run(final long packetsA)
    {
        while (counters.get(FeedCounter.PACKETS_A) < packetsA)
        {
            agent.doWork();
            clock.advance(1_000);
        }
    }
}
