package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.mdp3.SecurityTradingStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.Delete;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.DeleteFrom;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.DeleteThru;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.Overlay;
import static io.wirespeed.feed.PacketBuilder.ask;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedChannelTest
{
    private static final int ES = 10;
    private static final int NQ = 20;

    @TempDir
    Path dir;

    private ChannelFixture fixture;
    private final PacketBuilder packet = new PacketBuilder();

    @BeforeEach
    void setUp()
    {
        fixture = new ChannelFixture(dir, 8);
        fixture.channel.addInstrument(ES, "ESZ6");
        fixture.channel.addInstrument(NQ, "NQZ6");
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    private OrderBook book(final int securityId)
    {
        return fixture.channel.instrument(securityId).book();
    }

    @Test
    void publishesTheUpdatesOfOneEventTogetherAtEndOfEvent()
    {
        fixture.a(packet.begin(1)
            .book(false, bid(ES, 1, New, 1, 100, 5, 1))
            .book(false, ask(ES, 2, New, 1, 101, 6, 2)));
        assertTrue(fixture.sink.messages.isEmpty());
        fixture.a(packet.begin(2).book(true, bid(ES, 3, New, 2, 99, 7, 3)));
        assertEquals(List.of(
            "BookUpdate 10 eoe=TRUE BUY:NEW:1:5@100 SELL:NEW:1:6@101 BUY:NEW:2:7@99",
            "TopOfBook"), fixture.sink.describe());
        assertEquals(100, book(ES).price(OrderBook.BID, 1));
        assertEquals(99, book(ES).price(OrderBook.BID, 2));
        assertEquals(101, book(ES).price(OrderBook.ASK, 1));
        assertEquals(3, book(ES).orderCount(OrderBook.BID, 2));
    }

    @Test
    void arbitratesDuplicatesFirstCopyWins()
    {
        for (int seq = 1; seq <= 5; seq++)
        {
            packet.begin(seq).book(true, bid(ES, seq, 1 == seq ? New : Change, 1, 100, seq, 1));
            fixture.a(packet);
            fixture.b(packet);
        }
        assertEquals(5, fixture.count(FeedCounter.PACKETS_A));
        assertEquals(5, fixture.count(FeedCounter.PACKETS_B));
        assertEquals(5, fixture.count(FeedCounter.DUPLICATES_B));
        assertEquals(0, fixture.count(FeedCounter.DUPLICATES_A));
        assertEquals(5, book(ES).quantity(OrderBook.BID, 1));
        assertEquals(10, fixture.sink.messages.size());
        assertEquals(6, fixture.channel.expectedSeqNum());
    }

    @Test
    void aLosesAndBFillsWithoutAGap()
    {
        final byte[][] packets = new byte[6][];
        for (int seq = 1; seq <= 5; seq++)
        {
            packets[seq] = packet.begin(seq).book(true, bid(ES, seq, 1 == seq ? New : Change, 1, 100, seq, 1))
                .toBytes();
        }
        send(FeedChannel.FEED_A, packets[1]);
        send(FeedChannel.FEED_B, packets[1]);
        send(FeedChannel.FEED_A, packets[2]);
        send(FeedChannel.FEED_A, packets[4]);
        send(FeedChannel.FEED_A, packets[5]);
        assertEquals(2, book(ES).quantity(OrderBook.BID, 1));
        fixture.advanceMs(5);
        send(FeedChannel.FEED_B, packets[2]);
        send(FeedChannel.FEED_B, packets[3]);
        send(FeedChannel.FEED_B, packets[4]);
        send(FeedChannel.FEED_B, packets[5]);
        fixture.advanceMs(50);
        assertEquals(5, book(ES).quantity(OrderBook.BID, 1));
        assertEquals(0, fixture.count(FeedCounter.GAPS));
        assertEquals(1, fixture.count(FeedCounter.GAPS_FILLED));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(4, fixture.count(FeedCounter.DUPLICATES_B));
    }

    @Test
    void gapOnBothFeedsStalesOnlyTheAffectedInstrumentThenRecoversFromSnapshot()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1), bid(NQ, 1, New, 1, 200, 5, 1)));
        packet.begin(2).book(true, bid(ES, 2, Change, 1, 100, 6, 1));
        fixture.a(packet.begin(3).book(true, bid(ES, 3, Change, 1, 100, 7, 1), bid(NQ, 2, Change, 1, 200, 8, 1)));
        fixture.sink.clear();
        fixture.advanceMs(9);
        assertTrue(fixture.sink.messages.isEmpty());
        fixture.advanceMs(2);

        assertEquals(1, fixture.count(FeedCounter.GAPS));
        assertEquals(1, fixture.count(FeedCounter.PACKETS_LOST));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        assertEquals(FeedStateValue.OK, fixture.channel.state(NQ));
        assertEquals(List.of(
            "FeedState 10 STALE GAP",
            "BookUpdate 20 eoe=TRUE BUY:CHANGE:1:8@200",
            "TopOfBook"), fixture.sink.describe());

        fixture.sink.clear();
        fixture.a(packet.begin(4).book(true, bid(ES, 4, Change, 1, 100, 9, 1)));
        assertTrue(fixture.sink.messages.isEmpty(), "a stale instrument publishes nothing");

        fixture.snapshot(packet.begin(1).snapshot(2, ES, 2, bid(ES, 0, New, 1, 100, 6, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(9, book(ES).quantity(OrderBook.BID, 1), "snapshot then buffered seq 3 and 4 applied");
        assertEquals(4, fixture.channel.instrument(ES).lastRptSeq());
        assertEquals(List.of(
            "FeedState 10 RECOVERING SNAPSHOT_APPLIED",
            "BookUpdate 10 eoe=TRUE BUY:CLEAR:0:0@-9223372036854775808 SELL:CLEAR:0:0@-9223372036854775808 " +
                "BUY:NEW:1:6@100",
            "TopOfBook",
            "BookUpdate 10 eoe=TRUE BUY:CHANGE:1:7@100",
            "TopOfBook",
            "BookUpdate 10 eoe=TRUE BUY:CHANGE:1:9@100",
            "TopOfBook",
            "FeedState 10 OK SNAPSHOT_APPLIED"), fixture.sink.describe(), "the snapshot's image, then the kept events");
        assertEquals(1, fixture.count(FeedCounter.RECOVERIES));

        fixture.sink.clear();
        fixture.a(packet.begin(5).book(true, bid(ES, 5, Change, 1, 100, 10, 1)));
        assertEquals(10, book(ES).quantity(OrderBook.BID, 1));
        assertEquals(2, fixture.sink.messages.size());
    }

    @Test
    void snapshotOlderThanTheBufferKeepsTheInstrumentStaleUntilANewerOne()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        fixture.a(packet.begin(3).book(true, bid(ES, 5, Change, 1, 100, 7, 1)));
        fixture.advanceMs(20);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        fixture.snapshot(packet.begin(1).snapshot(1, ES, 1, bid(ES, 0, New, 1, 100, 5, 1)));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        fixture.snapshot(packet.begin(2).snapshot(3, ES, 5, bid(ES, 0, New, 1, 100, 7, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(7, book(ES).quantity(OrderBook.BID, 1));
    }

    @Test
    void bufferOverflowStalesEveryInstrumentDiscardsTheBufferAndRecoversFromSnapshotsAlone()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1), bid(NQ, 1, New, 1, 200, 5, 1)));
        fixture.a(packet.begin(3).book(true, bid(ES, 3, Change, 1, 100, 7, 1)));
        fixture.advanceMs(20);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        for (int seq = 4; seq <= 10; seq++)
        {
            fixture.a(packet.begin(seq).book(true, bid(NQ, seq - 2, Change, 1, 200, seq, 1)));
        }
        assertEquals(0, fixture.count(FeedCounter.RECOVERY_BUFFER_OVERFLOWS), "8 packets kept: 3..10");
        fixture.sink.clear();

        fixture.a(packet.begin(11).book(true, bid(NQ, 9, Change, 1, 200, 11, 1)));
        assertEquals(1, fixture.count(FeedCounter.RECOVERY_BUFFER_OVERFLOWS));
        assertEquals(List.of(
            "BookUpdate 20 eoe=TRUE BUY:CHANGE:1:11@200",
            "TopOfBook",
            "FeedState 10 STALE BUFFER_OVERFLOW",
            "FeedState 20 STALE BUFFER_OVERFLOW"), fixture.sink.describe());
        assertEquals(FeedStateValue.STALE, fixture.channel.state(NQ), "every instrument, not only the stale ones");
        assertEquals(2, fixture.count(FeedCounter.INSTRUMENT_GAPS));

        fixture.sink.clear();
        for (int seq = 12; seq <= 19; seq++)
        {
            fixture.a(packet.begin(seq).book(true, bid(NQ, seq - 2, Change, 1, 200, seq, 1)));
        }
        assertEquals(2, fixture.count(FeedCounter.RECOVERY_BUFFER_OVERFLOWS), "11..18 kept, 19 overflows again");
        assertTrue(fixture.sink.messages.isEmpty(), "already stale for the overflow: nothing more to say");

        fixture.snapshot(packet.begin(1).snapshot(17, ES, 3, bid(ES, 0, New, 1, 100, 7, 1)));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES), "packet 18 was discarded: no bridge");
        fixture.snapshot(packet.begin(2).snapshot(18, ES, 3, bid(ES, 0, New, 1, 100, 7, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(7, book(ES).quantity(OrderBook.BID, 1));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(NQ));
        fixture.snapshot(packet.begin(3).snapshot(18, NQ, 16, bid(NQ, 0, New, 1, 200, 18, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(NQ), "snapshot at 18, then kept packet 19 replayed");
        assertEquals(19, book(NQ).quantity(OrderBook.BID, 1));
        assertEquals(2, fixture.count(FeedCounter.RECOVERIES));

        fixture.a(packet.begin(20).book(true, bid(ES, 4, Change, 1, 100, 8, 1), bid(NQ, 18, Change, 1, 200, 20, 1)));
        assertEquals(8, book(ES).quantity(OrderBook.BID, 1));
        assertEquals(20, book(NQ).quantity(OrderBook.BID, 1));
        assertEquals(2, fixture.count(FeedCounter.RECOVERY_BUFFER_OVERFLOWS));
    }

    @Test
    void aGapDiscardsTheKeptPacketsBeforeIt()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1), bid(NQ, 1, New, 1, 200, 5, 1)));
        fixture.a(packet.begin(3).book(true, bid(ES, 3, Change, 1, 100, 7, 1)));
        fixture.advanceMs(20);
        fixture.a(packet.begin(4).book(true, bid(NQ, 2, Change, 1, 200, 6, 1)));
        fixture.a(packet.begin(6).book(true, bid(NQ, 4, Change, 1, 200, 8, 1)));
        fixture.advanceMs(20);
        assertEquals(2, fixture.count(FeedCounter.GAPS));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(NQ));
        fixture.snapshot(packet.begin(1).snapshot(3, ES, 3, bid(ES, 0, New, 1, 100, 7, 1)));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES), "packet 5 was lost after its snapshot");
        fixture.snapshot(packet.begin(2).snapshot(5, ES, 3, bid(ES, 0, New, 1, 100, 7, 1)));
        fixture.snapshot(packet.begin(3).snapshot(5, NQ, 3, bid(NQ, 0, New, 1, 200, 7, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(FeedStateValue.OK, fixture.channel.state(NQ));
        assertEquals(8, book(NQ).quantity(OrderBook.BID, 1));
    }

    @Test
    void aLostRunOfTenThousandPacketsIsOneGapAndOneRecoveryPerAffectedInstrument()
    {
        final int cl = 30;
        fixture.channel.addInstrument(cl, "CLZ6");
        final int[] ids = { ES, NQ, cl };
        final long[] rptSeq = new long[ids.length];
        final int[] qty = new int[ids.length];
        long seq = 0;
        for (int i = 0; i < ids.length; i++)
        {
            rptSeq[i] = 1;
            qty[i] = 1;
        }
        fixture.a(packet.begin(++seq).book(true, bid(ES, 1, New, 1, 100, 1, 1), bid(NQ, 1, New, 1, 100, 1, 1),
            bid(cl, 1, New, 1, 100, 1, 1)));
        for (int lost = 0; lost < 10_000; lost++)
        {
            final int i = lost % 2;
            packet.begin(++seq).book(true, bid(ids[i], ++rptSeq[i], Change, 1, 100, ++qty[i], 1));
            if (0 == (seq & 3))
            {
                fixture.advanceMs(1);
            }
            if (0 == (seq % 80))
            {
                snapshotLoop(ids, rptSeq, qty, seq);
            }
        }
        assertEquals(1, fixture.count(FeedCounter.GAPS), "declared while the venue's snapshots show it growing");
        for (int i = 0; i < ids.length; i++)
        {
            packet.begin(++seq).book(true, bid(ids[i], ++rptSeq[i], Change, 1, 100, ++qty[i], 1));
            fixture.a(packet);
        }
        fixture.advanceMs(20);
        snapshotLoop(ids, rptSeq, qty, seq);

        assertEquals(1, fixture.count(FeedCounter.GAPS));
        assertEquals(10_000, fixture.count(FeedCounter.PACKETS_LOST));
        assertEquals(2, fixture.count(FeedCounter.INSTRUMENT_GAPS));
        assertEquals(2, fixture.count(FeedCounter.RECOVERIES));
        assertEquals(seq + 1, fixture.channel.expectedSeqNum());
        for (int i = 0; i < ids.length; i++)
        {
            assertEquals(FeedStateValue.OK, fixture.channel.state(ids[i]));
            assertEquals(qty[i], book(ids[i]).quantity(OrderBook.BID, 1));
        }
        assertTrue(fixture.sink.describe().stream().noneMatch((m) -> m.startsWith("FeedState 30")),
            "an instrument with nothing lost keeps publishing");
    }

    private void snapshotLoop(final int[] ids, final long[] rptSeq, final int[] qty, final long lastSeqNum)
    {
        for (int i = 0; i < ids.length; i++)
        {
            fixture.snapshot(packet.begin(i + 1).snapshot(
                lastSeqNum, ids[i], rptSeq[i], bid(ids[i], 0, New, 1, 100, qty[i], 1)));
        }
    }

    @Test
    void channelResetEmptiesEveryBookAndRestartsRptSeq()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1), ask(NQ, 1, New, 1, 200, 5, 1)));
        fixture.a(packet.begin(3).book(true, bid(ES, 5, Change, 1, 100, 7, 1)));
        fixture.advanceMs(20);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        fixture.sink.clear();
        fixture.a(packet.begin(4).channelReset(ChannelFixture.CHANNEL_ID));
        assertEquals(1, fixture.count(FeedCounter.CHANNEL_RESETS));
        assertEquals(OrderBook.NULL_PRICE, book(ES).price(OrderBook.BID, 1));
        assertEquals(OrderBook.NULL_PRICE, book(NQ).price(OrderBook.ASK, 1));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertTrue(fixture.sink.describe().contains("FeedState 10 OK CHANNEL_RESET"));
        fixture.a(packet.begin(5).book(true, bid(ES, 1, New, 1, 300, 1, 1)));
        assertEquals(300, book(ES).price(OrderBook.BID, 1));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
    }

    @Test
    void unknownInstrumentsAreCountedAndDefinitionsMakeThemKnown()
    {
        fixture.a(packet.begin(1).book(true, bid(99, 1, New, 1, 100, 5, 1), bid(ES, 1, New, 1, 100, 5, 1)));
        assertEquals(1, fixture.count(FeedCounter.UNKNOWN_INSTRUMENTS));
        assertEquals(5, book(ES).quantity(OrderBook.BID, 1));
        assertNull(fixture.channel.instrument(99));
        fixture.sink.clear();
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, 99, "CLZ6"));
        fixture.definition(packet.begin(2).definition(ChannelFixture.CHANNEL_ID, 99, "CLZ6"));
        fixture.definition(packet.begin(3).definition(7, 98, "GCZ6"));
        assertEquals(List.of("InstrumentDefinition"), fixture.sink.describe());
        assertEquals("CLZ6", fixture.channel.instrument(99).symbol());
        assertNull(fixture.channel.instrument(98));
        fixture.a(packet.begin(2).book(true, bid(99, 1, New, 1, 100, 5, 1)));
        assertEquals(5, book(99).quantity(OrderBook.BID, 1));
        assertEquals(3, fixture.count(FeedCounter.BOOKS));
    }

    @Test
    void lateJoinerMarksEveryInstrumentStaleUntilItsSnapshot()
    {
        fixture.a(packet.begin(500).book(true, bid(ES, 900, Change, 1, 100, 5, 1)));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(NQ));
        assertTrue(fixture.sink.describe().contains("FeedState 20 STALE STARTUP"));
        fixture.snapshot(packet.begin(1).snapshot(500, NQ, 40, ask(NQ, 0, New, 1, 200, 3, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(NQ));
        assertEquals(3, book(NQ).quantity(OrderBook.ASK, 1));
    }

    @Test
    void tradesAndStatusArePublished()
    {
        fixture.a(packet.begin(1).trade(ES, 1, 100, 3, false).status(ES, SecurityTradingStatus.ReadyToTrade)
            .book(true, bid(ES, 2, New, 1, 100, 5, 1)));
        assertEquals(List.of(
            "Trade 10 rpt=1 3@100", "InstrumentStatus", "BookUpdate 10 eoe=TRUE BUY:NEW:1:5@100", "TopOfBook"),
            fixture.sink.describe());
    }

    @Test
    void flagsASilentFeed()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        fixture.advanceMs(600);
        fixture.a(packet.begin(2).book(true, bid(ES, 2, Change, 1, 100, 5, 1)));
        fixture.advanceMs(600);
        assertFalse(fixture.channel.isFeedSilent(FeedChannel.FEED_A));
        assertTrue(fixture.channel.isFeedSilent(FeedChannel.FEED_B));
        assertEquals(1, fixture.count(FeedCounter.SILENT_B));
    }

    @Test
    void appliesEveryUpdateActionAsCmeDefinesIt()
    {
        fixture.a(packet.begin(1).book(true,
            bid(ES, 1, New, 1, 100, 1, 1), bid(ES, 2, New, 1, 101, 2, 1), bid(ES, 3, New, 1, 102, 3, 1),
            ask(ES, 4, New, 1, 103, 4, 1), ask(ES, 5, New, 2, 104, 5, 1)));
        assertEquals(102, book(ES).price(OrderBook.BID, 1));
        assertEquals(100, book(ES).price(OrderBook.BID, 3));
        fixture.sink.clear();
        fixture.a(packet.begin(2).book(true,
            bid(ES, 6, Delete, 1, 102, 0, 0), bid(ES, 7, Overlay, 2, 99, 9, 2), ask(ES, 8, DeleteFrom, 1, 0, 0, 0)));
        assertEquals(101, book(ES).price(OrderBook.BID, 1));
        assertEquals(99, book(ES).price(OrderBook.BID, 2));
        assertEquals(104, book(ES).price(OrderBook.ASK, 1));
        assertEquals(OrderBook.NULL_PRICE, book(ES).price(OrderBook.ASK, 2));
        assertEquals(List.of(
            "BookUpdate 10 eoe=TRUE BUY:DELETE:1:0@102 BUY:OVERLAY:2:9@99 SELL:DELETE_FROM:1:0@0", "TopOfBook"),
            fixture.sink.describe());
        fixture.a(packet.begin(3).book(true, bid(ES, 9, DeleteThru, 0, 0, 0, 0)));
        assertEquals(OrderBook.NULL_PRICE, book(ES).price(OrderBook.BID, 1));
        assertEquals(104, book(ES).price(OrderBook.ASK, 1));
        assertEquals(0, fixture.count(FeedCounter.BOOK_ENTRIES_REJECTED));
    }

    @Test
    void aHoleWiderThanTheBufferIsAGapAtOnce()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        fixture.a(packet.begin(4).book(true, bid(NQ, 1, New, 1, 200, 5, 1)));
        fixture.a(packet.begin(30).book(true, bid(NQ, 2, Change, 1, 200, 6, 1)));
        assertEquals(2, fixture.count(FeedCounter.GAPS));
        assertEquals(2 + 25, fixture.count(FeedCounter.PACKETS_LOST));
        assertEquals(31, fixture.channel.expectedSeqNum());
        assertEquals(6, book(NQ).quantity(OrderBook.BID, 1));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
    }

    @Test
    void messagesOnAFeedThatDoesNotCarryThemAreCountedAndSkipped()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        fixture.a(packet.begin(3).book(true, bid(ES, 3, Change, 1, 100, 7, 1)));
        fixture.advanceMs(20);
        fixture.snapshot(packet.begin(1).book(true, bid(ES, 4, Change, 1, 100, 1, 1)).channelReset(1));
        fixture.definition(packet.begin(1).snapshot(3, ES, 3, bid(ES, 0, New, 1, 100, 7, 1)));
        fixture.a(packet.begin(4).snapshot(3, ES, 3, bid(ES, 0, New, 1, 100, 7, 1)));
        assertEquals(4, fixture.count(FeedCounter.WRONG_FEED_MESSAGES));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        assertEquals(0, fixture.count(FeedCounter.CHANNEL_RESETS));
    }

    @Test
    void aTradeThatSkipsARptSeqStalesItsInstrument()
    {
        fixture.a(packet.begin(1).trade(ES, 1, 100, 1, true));
        fixture.a(packet.begin(2).trade(ES, 3, 100, 1, true));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        assertEquals(List.of("Trade 10 rpt=1 1@100", "FeedState 10 STALE GAP"), fixture.sink.describe());
    }

    @Test
    void lostLastUpdatesAreFoundFromTheSnapshotLoop()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1), bid(NQ, 1, New, 1, 200, 5, 1)));
        fixture.snapshot(packet.begin(1).snapshot(2, ES, 2, bid(ES, 0, New, 1, 100, 6, 1)));
        fixture.snapshot(packet.begin(2).snapshot(2, NQ, 1, bid(NQ, 0, New, 1, 200, 5, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES), "packet 2 may still arrive");
        fixture.advanceMs(11);
        assertEquals(1, fixture.count(FeedCounter.GAPS));
        assertEquals(3, fixture.channel.expectedSeqNum());
        fixture.sink.clear();
        fixture.snapshot(packet.begin(3).snapshot(2, ES, 2, bid(ES, 0, New, 1, 100, 6, 1)));
        fixture.snapshot(packet.begin(4).snapshot(2, NQ, 1, bid(NQ, 0, New, 1, 200, 5, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(6, book(ES).quantity(OrderBook.BID, 1));
        assertEquals("FeedState 10 STALE GAP", fixture.sink.describe().get(0));
        assertTrue(fixture.sink.describe().stream().noneMatch((m) -> m.startsWith("FeedState 20")));
    }

    @Test
    void countersAreReadableFromTheCountersFileByLabel()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        fixture.b(packet);
        final java.util.Map<String, Long> values = new java.util.HashMap<>();
        fixture.countersFile.reader().forEach((value, id, label) -> values.put(label, value));
        assertEquals(1L, values.get("channel 1: packets feed A"));
        assertEquals(1L, values.get("channel 1: duplicates feed B (the other copy won)"));
        assertEquals(2L, values.get("channel 1: books (instruments known)"));
    }

    private void send(final int feed, final byte[] bytes)
    {
        fixture.incremental(feed, new org.agrona.concurrent.UnsafeBuffer(bytes), bytes.length);
    }
}
