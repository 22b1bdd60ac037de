package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel whose MsgSeqNum starts again (venue failover or restart) is declared stale, recovers from the snapshot
 * loop and follows the new numbering; an old duplicate alone is still only a duplicate.
 */
class SequenceResetTest
{
    private static final int ES = 10;
    private static final int NQ = 20;
    private static final int BUFFER = 8;

    @TempDir
    Path dir;

    private ChannelFixture fixture;
    private final PacketBuilder packet = new PacketBuilder();

    @BeforeEach
    void setUp()
    {
        fixture = new ChannelFixture(dir, BUFFER);
        fixture.channel.addInstrument(ES, "ESZ6");
        fixture.channel.addInstrument(NQ, "NQZ6");
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    private void both(final PacketBuilder packet)
    {
        fixture.a(packet);
        fixture.b(packet);
    }

    private void run(final long fromSeqNum, final long toSeqNum, final long firstRptSeq)
    {
        for (long seq = fromSeqNum; seq <= toSeqNum; seq++)
        {
            final long rptSeq = firstRptSeq + seq - fromSeqNum;
            both(packet.begin(seq).book(true, bid(ES, rptSeq, 1 == rptSeq ? New : Change, 1, 100, (int)rptSeq, 1)));
        }
    }

    @Test
    void aRestartAtOneOnBothFeedsStalesTheChannelWhichRecoversAndFollowsTheNewNumbering()
    {
        run(1, 300, 1);
        assertEquals(300, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        fixture.sink.clear();

        run(1, 3, 301);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(NQ));
        assertTrue(fixture.sink.describe().contains("FeedState 0 STALE SEQUENCE_RESET"), fixture.sink::toString);
        assertEquals(4, fixture.channel.expectedSeqNum());

        fixture.snapshot(packet.begin(1).snapshot(2, ES, 302, bid(ES, 0, New, 1, 100, 302, 1)));
        fixture.snapshot(packet.begin(2).snapshot(2, NQ, 0));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(FeedStateValue.OK, fixture.channel.state(NQ));
        assertEquals(303, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1), "kept packet 3 replayed");

        run(4, 10, 304);
        assertEquals(310, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        assertEquals(11, fixture.channel.expectedSeqNum());
        assertEquals(0, fixture.count(FeedCounter.GAPS));
        assertEquals(1, fixture.count(FeedCounter.SEQUENCE_RESETS));
        assertEquals(2, fixture.count(FeedCounter.RECOVERIES));
    }

    @Test
    void snapshotsOfTheOldNumberingAreIgnoredAfterARestart()
    {
        run(1, 300, 1);
        run(1, 2, 301);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        fixture.snapshot(packet.begin(7).snapshot(299, ES, 299, bid(ES, 0, New, 1, 100, 299, 1)));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES), "a snapshot of the old numbering");
        assertEquals(1, fixture.count(FeedCounter.OLD_NUMBERING_SNAPSHOTS));
        fixture.advanceMs(50);
        assertEquals(0, fixture.count(FeedCounter.GAPS), "its LastMsgSeqNumProcessed is not the new numbering's");
        fixture.snapshot(packet.begin(1).snapshot(2, ES, 302, bid(ES, 0, New, 1, 100, 302, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(302, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
    }

    @Test
    void aRestartOnAChannelReceivedOnOneFeedIsConfirmedByItsNextPacket()
    {
        for (long seq = 1; seq <= 300; seq++)
        {
            fixture.a(packet.begin(seq).book(true, bid(ES, seq, 1 == seq ? New : Change, 1, 100, (int)seq, 1)));
        }
        fixture.advanceMs(1_001);
        assertTrue(fixture.channel.isFeedSilent(FeedChannel.FEED_B));
        fixture.a(packet.begin(1).book(true, bid(ES, 301, Change, 1, 100, 301, 1)));
        assertEquals(0, fixture.count(FeedCounter.SEQUENCE_RESETS), "one packet is no restart yet");
        fixture.a(packet.begin(2).book(true, bid(ES, 302, Change, 1, 100, 302, 1)));
        assertEquals(1, fixture.count(FeedCounter.SEQUENCE_RESETS));
        assertEquals(3, fixture.channel.expectedSeqNum());
        assertEquals(0, fixture.count(FeedCounter.DUPLICATES_A));
    }

    @Test
    void aRestartFarBelowTheExpectedSequenceIsDetectedToo()
    {
        run(1, 300, 1);
        run(100, 102, 301);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        assertEquals(103, fixture.channel.expectedSeqNum());
    }

    @Test
    void aRestartWithAChannelResetEmptiesTheBooksAndCarriesOn()
    {
        run(1, 300, 1);
        both(packet.begin(1).channelReset(ChannelFixture.CHANNEL_ID));
        both(packet.begin(2).book(true, bid(ES, 1, New, 1, 90, 1, 1)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(FeedStateValue.OK, fixture.channel.state(NQ));
        assertEquals(90, fixture.channel.instrument(ES).book().price(OrderBook.BID, 1));
        assertEquals(1, fixture.count(FeedCounter.CHANNEL_RESETS));
        assertEquals(1, fixture.count(FeedCounter.SEQUENCE_RESETS));
        assertEquals(3, fixture.channel.expectedSeqNum());
    }

    @Test
    void aFeedLaggingTheOtherByMoreThanTheBufferIsNoRestart()
    {
        for (long seq = 1; seq <= 300; seq++)
        {
            fixture.a(packet.begin(seq).book(true, bid(ES, seq, 1 == seq ? New : Change, 1, 100, (int)seq, 1)));
        }
        for (long seq = 200; seq <= 210; seq++)
        {
            fixture.b(packet.begin(seq).book(true, bid(ES, seq, Change, 1, 100, (int)seq, 1)));
        }
        fixture.advanceMs(50);
        assertEquals(0, fixture.count(FeedCounter.SEQUENCE_RESETS));
        assertEquals(11, fixture.count(FeedCounter.DUPLICATES_B));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(301, fixture.channel.expectedSeqNum());
    }

    @Test
    void aSingleOldDuplicateIsStillADuplicate()
    {
        for (long seq = 1; seq <= 20; seq++)
        {
            fixture.a(packet.begin(seq).book(true, bid(ES, seq, 1 == seq ? New : Change, 1, 100, (int)seq, 1)));
        }
        fixture.b(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 1, 1)));
        fixture.a(packet.begin(21).book(true, bid(ES, 21, Change, 1, 100, 21, 1)));
        fixture.b(packet);
        fixture.b(packet.begin(3).book(true, bid(ES, 3, Change, 1, 100, 3, 1)));
        fixture.advanceMs(50);
        fixture.a(packet.begin(22).book(true, bid(ES, 22, Change, 1, 100, 22, 1)));
        fixture.b(packet);

        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(22, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        assertEquals(23, fixture.channel.expectedSeqNum());
        assertEquals(4, fixture.count(FeedCounter.DUPLICATES_B));
        assertEquals(0, fixture.count(FeedCounter.INSTRUMENT_GAPS));
        assertEquals(0, fixture.count(FeedCounter.SEQUENCE_RESETS));
    }
}
