package io.wirespeed.feed;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aChannelWithOnlyFeedAAndASnapshotFeedRoutesThemAndNeverReportsTheAbsentFeedBAsGoneSilent()
    {
        final ChannelContext single = new ChannelContext()
            .id(2)
            .incrementalA(new Endpoint(GROUP_A, PORT + 1))
            .snapshot(new Endpoint(GROUP_SNAPSHOT, PORT + 1))
            .gapTimeoutMs(10)
            .feedSilenceMs(100);
        final ChannelCounters singleCounters = new ChannelCounters(countersFile, 2);
        final FeedChannel singleChannel = new FeedChannel(single, sink, singleCounters);
        singleChannel.addInstrument(ES, "ESZ6");
        final FeedHandlerAgent singleAgent = new FeedHandlerAgent(
            clock, new NicPort[]{ port }, new FeedChannel[]{ singleChannel }, new ChannelContext[]{ single }, 16);
        final PacketBuilder packet = new PacketBuilder();
        try
        {
            port.queue(GROUP_SNAPSHOT, PORT + 1, packet.begin(1).snapshot(0, ES, 0, bid(ES, 0, New, 1, 100, 4, 1)));
            port.queue(GROUP_A, PORT + 1, packet.begin(1).book(true, bid(ES, 1, Change, 1, 100, 5, 1)));
            port.queue(GROUP_DEFINITION, PORT, packet.begin(1).definition(1, ES, "ESZ6"));
            assertEquals(3, singleAgent.doWork());
            assertEquals(1, singleAgent.unroutedFrames(), "no definition feed configured: its frame is not routed");

            for (int seq = 2; seq <= 5; seq++)
            {
                clock.advance(60_000_000L);
                port.queue(GROUP_A, PORT + 1, packet.begin(seq).book(true, bid(ES, seq, Change, 1, 100, 5 + seq, 1)));
                singleAgent.doWork();
            }

            assertEquals(FeedStateValue.OK, singleChannel.state(ES));
            assertEquals(10, singleChannel.instrument(ES).book().quantity(OrderBook.BID, 1));
            assertEquals(5, singleCounters.get(FeedCounter.PACKETS_A));
            assertEquals(0, singleCounters.get(FeedCounter.GAPS));
            assertEquals(0, singleCounters.get(FeedCounter.SILENT_A));
            assertEquals(0, singleCounters.get(FeedCounter.SILENT_B), "a feed not configured never went silent");
            assertTrue(singleChannel.isFeedSilent(FeedChannel.FEED_B));
        }
        finally
        {
            singleCounters.close();
        }
    }

    @Test
    void steadyStateAllocatesNothingOverAMillionPacketsOfEveryIncrementalTemplate()
    {
        final int[] ids = { ES, 20, 30, 40, 50, 60, 70, 80 };
        for (final int id : ids)
        {
            channel.addInstrument(id, "I" + id);
        }
        final PacketBuilder packet = new PacketBuilder().begin(1)
            .trade(30, 1, 100, 1, false)
            .volume(false, 40, 1, 1_000, 1)
            .dailyStatistic(false, 50, 1, 1, 'C', Long.MAX_VALUE, 5, 0, 20_000)
            .limitsBanding(false, 60, 1, 300, 100, 20)
            .sessionStatistic(false, 70, 1, 1, '7', 250, 255, Integer.MAX_VALUE)
            .status(ES, SecurityTradingStatus.ReadyToTrade)
            .book(true, bid(ES, 1, Change, 1, 100, 5, 1), ask(20, 1, Change, 1, 200, 6, 2),
                new PacketBuilder.Entry(80, 1, Change, 'E', 1, 99, 3, 0));
        final int[] rptSeqOffsets = rptSeqOffsets(packet);
        assertEquals(8, rptSeqOffsets.length, "one entry per instrument");
        sink.capturing = false;
        port.repeat(GROUP_A, PORT, packet, rptSeqOffsets, 1, 1_500_000);
        final long bytes = AllocationMeter.measure(() -> run(500_000), () -> run(1_500_000));
        assertEquals(0, bytes);
        assertEquals(1_500_000, counters.get(FeedCounter.PACKETS_A));
        assertEquals(0, counters.get(FeedCounter.GAPS));
        assertEquals(0, counters.get(FeedCounter.INSTRUMENT_GAPS));
        assertEquals(0, counters.get(FeedCounter.MALFORMED_UNKNOWN_TEMPLATE));
        for (final int id : ids)
        {
            assertEquals(FeedStateValue.OK, channel.state(id));
            assertEquals(1_500_000, channel.instrument(id).lastRptSeq());
        }
        assertEquals(5, channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        assertEquals(3, channel.instrument(80).impliedBook().quantity(OrderBook.BID, 1));
        assertEquals(1_500_000, counters.get(FeedCounter.STATISTICS_ELECTRONIC_VOLUME));
        assertEquals(1_500_000, counters.get(FeedCounter.STATISTICS_OPEN_INTEREST));
        assertEquals(1_500_000, counters.get(FeedCounter.STATISTICS_MAX_PRICE_VARIATION));
        assertEquals(1_500_000, counters.get(FeedCounter.STATISTICS_HIGH_TRADE));
        assertEquals(1_500_000, counters.get(FeedCounter.DECODED_SECURITY_STATUS_30));
    }

    @Test
    void lossAndRepublicationAllocateNothing()
    {
        final int[] ids = { ES, 20 };
        for (final int id : ids)
        {
            channel.addInstrument(id, "I" + id);
        }
        final PacketBuilder packet = new PacketBuilder().begin(1)
            .trade(20, 1, 100, 1, false)
            .book(true, bid(ES, 1, Change, 1, 100, 5, 1), ask(20, 1, Change, 1, 200, 6, 2));
        sink.capturing = false;
        port.repeat(GROUP_A, PORT, packet, rptSeqOffsets(packet), 1, 900_000);
        final long bytes =
            AllocationMeter.leastOverWindows(() -> runWithLoss(200_000), () -> runWithLoss(200_000), 3);
        assertEquals(0, bytes);
        assertTrue(counters.get(FeedCounter.PUBLISH_DROPPED) > 0);
        assertTrue(counters.get(FeedCounter.REPUBLISHED_AFTER_LOSS) > 100);
        assertEquals(FeedStateValue.OK, channel.state(ES));
        assertEquals(5, channel.instrument(ES).book().quantity(OrderBook.BID, 1));
    }

    /**
     * Offsets of every RptSeq in a packet, from CME's layouts: per template, the entry length and where RptSeq is.
     */
    private static int[] rptSeqOffsets(final PacketBuilder packet)
    {
        final org.agrona.concurrent.UnsafeBuffer buffer = packet.buffer();
        final java.util.List<Integer> offsets = new java.util.ArrayList<>();
        int position = Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
        while (position < packet.length())
        {
            final int size = buffer.getShort(position, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            final int templateId = buffer.getShort(position + 4, java.nio.ByteOrder.LITTLE_ENDIAN);
            final int rptSeqAt = switch (templateId)
            {
                case 37 -> 8;
                case 46, 48, 49 -> 16;
                case 50 -> 28;
                case 51 -> 12;
                default -> -1;
            };
            if (rptSeqAt >= 0)
            {
                final int group = position + 2 + 8 + 11;
                final int entryLength = buffer.getShort(group, java.nio.ByteOrder.LITTLE_ENDIAN);
                final int entries = buffer.getByte(group + 2);
                for (int i = 0; i < entries; i++)
                {
                    offsets.add(group + 3 + i * entryLength + rptSeqAt);
                }
            }
            position += size;
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    private void runWithLoss(final long morePackets)
    {
        final long packetsA = counters.get(FeedCounter.PACKETS_A) + morePackets;
        long packets;
        while ((packets = counters.get(FeedCounter.PACKETS_A)) < packetsA)
        {
            sink.refusing = packets % 1_000 < 5;
            agent.doWork();
            clock.advance(1_000);
        }
        sink.refusing = false;
        agent.doWork();
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
