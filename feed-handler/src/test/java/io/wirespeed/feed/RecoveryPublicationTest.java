package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The incremental packets kept while an instrument is stale and replayed after its snapshot are real events: what
 * they carry beyond the snapshot's RptSeq (book deltas, trades) is published once, after the snapshot's image.
 */
class RecoveryPublicationTest
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

    @Test
    void tradesInTheKeptPacketsBeyondTheSnapshotArePublishedOnceAfterItsImage()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1), bid(NQ, 1, New, 1, 200, 5, 1)));
        packet.begin(2).book(true, bid(ES, 2, Change, 1, 100, 6, 1));
        fixture.a(packet.begin(3).trade(ES, 3, 100, 1, false).book(true, bid(ES, 4, Change, 1, 100, 7, 1)));
        fixture.a(packet.begin(4).trade(ES, 5, 101, 2, true));
        fixture.a(packet.begin(5).trade(NQ, 2, 200, 3, true));
        fixture.advanceMs(11);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        fixture.sink.clear();

        fixture.snapshot(packet.begin(1).snapshot(2, ES, 2, bid(ES, 0, New, 1, 100, 6, 1)));
        assertEquals(List.of(
            "FeedState 10 RECOVERING SNAPSHOT_APPLIED",
            "BookUpdate 10 eoe=TRUE BUY:CLEAR:0:0@-9223372036854775808 SELL:CLEAR:0:0@-9223372036854775808 " +
                "BUY:NEW:1:6@100",
            "TopOfBook",
            "Trade 10 rpt=3 1@100",
            "BookUpdate 10 eoe=TRUE BUY:CHANGE:1:7@100",
            "TopOfBook",
            "Trade 10 rpt=5 2@101",
            "FeedState 10 OK SNAPSHOT_APPLIED"), fixture.sink.describe());
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(7, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));

        fixture.sink.clear();
        fixture.snapshot(packet.begin(2).snapshot(4, ES, 5, bid(ES, 0, New, 1, 100, 7, 1)));
        fixture.a(packet.begin(6).trade(ES, 6, 102, 4, true));
        assertEquals(List.of("Trade 10 rpt=6 4@102"), fixture.sink.describe(), "nothing published twice");
    }

    @Test
    void tradesAtOrBeforeTheSnapshotsRptSeqAreNotPublished()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        packet.begin(2).book(true, bid(ES, 2, Change, 1, 100, 6, 1));
        fixture.a(packet.begin(3).trade(ES, 3, 100, 1, true));
        fixture.a(packet.begin(4).trade(ES, 4, 100, 2, true));
        fixture.advanceMs(11);
        fixture.sink.clear();

        fixture.snapshot(packet.begin(1).snapshot(3, ES, 3, bid(ES, 0, New, 1, 100, 6, 1)));
        assertEquals(List.of(
            "FeedState 10 RECOVERING SNAPSHOT_APPLIED",
            "BookUpdate 10 eoe=TRUE BUY:CLEAR:0:0@-9223372036854775808 SELL:CLEAR:0:0@-9223372036854775808 " +
                "BUY:NEW:1:6@100",
            "TopOfBook",
            "Trade 10 rpt=4 2@100",
            "FeedState 10 OK SNAPSHOT_APPLIED"), fixture.sink.describe());
    }
}
