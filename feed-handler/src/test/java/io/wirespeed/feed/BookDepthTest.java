package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.internal.InstrumentDefinitionDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Delete;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.DeleteFrom;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Book depth comes from the instrument definition (MarketDepth of GBX for the outright book, GBI for the implied
 * one); the configured book_depth (5 here) only caps what is published.
 */
class BookDepthTest
{
    private static final int ES = 10;

    @TempDir
    Path dir;

    private ChannelFixture fixture;
    private final PacketBuilder packet = new PacketBuilder();

    @BeforeEach
    void setUp()
    {
        fixture = new ChannelFixture(dir, 8);
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    private OrderBook book()
    {
        return fixture.channel.instrument(ES).book();
    }

    private void sevenBids()
    {
        fixture.a(packet.begin(1).book(true,
            bid(ES, 1, New, 1, 100, 1, 1), bid(ES, 2, New, 2, 99, 2, 1), bid(ES, 3, New, 3, 98, 3, 1),
            bid(ES, 4, New, 4, 97, 4, 1), bid(ES, 5, New, 5, 96, 5, 1), bid(ES, 6, New, 6, 95, 6, 1),
            bid(ES, 7, New, 7, 94, 7, 1)));
    }

    @Test
    void theBookKeepsTheDefinitionsDepthAndPublishesUpToTheConfiguredCap()
    {
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, ES, "ESZ6", 10, 2));
        assertEquals(10, book().depth());
        fixture.sink.clear();

        sevenBids();
        assertEquals(94, book().price(OrderBook.BID, 7));
        assertEquals(List.of(
            "BookUpdate 10 eoe=TRUE BUY:NEW:1:1@100 BUY:NEW:2:2@99 BUY:NEW:3:3@98 BUY:NEW:4:4@97 BUY:NEW:5:5@96",
            "TopOfBook"), fixture.sink.describe());

        fixture.sink.clear();
        fixture.a(packet.begin(2).book(true, bid(ES, 8, Delete, 1, 100, 0, 0)));
        assertEquals(95, book().price(OrderBook.BID, 5), "level 6 moved up into view");
        assertEquals(List.of("BookUpdate 10 eoe=TRUE BUY:DELETE:1:0@100 BUY:OVERLAY:5:6@95", "TopOfBook"),
            fixture.sink.describe());

        fixture.sink.clear();
        fixture.a(packet.begin(3).book(true, bid(ES, 9, DeleteFrom, 2, 0, 0, 0)));
        assertEquals(List.of(97L, 96L, 95L, 94L), List.of(book().price(OrderBook.BID, 1),
            book().price(OrderBook.BID, 2), book().price(OrderBook.BID, 3), book().price(OrderBook.BID, 4)));
        assertEquals(List.of(
            "BookUpdate 10 eoe=TRUE BUY:DELETE_FROM:2:0@0 BUY:OVERLAY:4:7@94", "TopOfBook"),
            fixture.sink.describe(), "levels 3 and 4 came into view, 4 holds the last level the venue sent");
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
    }

    @Test
    void withoutADefinitionTheConfiguredDepthIsKept()
    {
        fixture.channel.addInstrument(ES, "ESZ6");
        assertEquals(5, book().depth());
        sevenBids();
        assertEquals(96, book().price(OrderBook.BID, 5));
    }

    @Test
    void aShallowerDefinitionKeepsAndPublishesItsOwnDepthAndCountsLevelsBeyondIt()
    {
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, ES, "ESZ6", 3, 0));
        assertEquals(3, book().depth());
        fixture.sink.clear();
        sevenBids();
        assertEquals(List.of(
            "BookUpdate 10 eoe=TRUE BUY:NEW:1:1@100 BUY:NEW:2:2@99 BUY:NEW:3:3@98", "TopOfBook"),
            fixture.sink.describe());
        assertEquals(4, fixture.count(FeedCounter.BOOK_LEVELS_BEYOND_DEPTH), "levels 4 to 7 of a 3-deep book");
        assertEquals(0, fixture.count(FeedCounter.BOOK_ENTRIES_REJECTED));
    }

    @Test
    void theDefinitionPublishedNamesThePublishedDepths()
    {
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, ES, "ESZ6", 10, 2));
        final CapturingSink sink = fixture.sink;
        final io.wirespeed.codecs.internal.MessageHeaderDecoder header =
            new io.wirespeed.codecs.internal.MessageHeaderDecoder().wrap(sink.messages.get(0), 0);
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder().wrap(sink.messages.get(0),
            header.encodedLength(), header.blockLength(), header.version());
        assertEquals(5, definition.marketDepth(), "GBX 10 capped by book_depth 5");
        assertEquals(2, definition.impliedMarketDepth());
    }

    @Test
    void impliedEntriesAreKeptAsAnImpliedBookToTheImpliedDepth()
    {
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, ES, "ESZ6", 10, 2));
        assertEquals(2, fixture.channel.instrument(ES).impliedBook().depth());
        fixture.sink.clear();
        fixture.a(packet.begin(1).book(true,
            bid(ES, 1, New, 1, 100, 5, 1),
            new PacketBuilder.Entry(ES, 2, New, 'E', 1, 99, 10, 0),
            new PacketBuilder.Entry(ES, 3, New, 'F', 1, 102, 11, 0),
            new PacketBuilder.Entry(ES, 4, New, 'E', 2, 98, 12, 0),
            new PacketBuilder.Entry(ES, 5, New, 'E', 3, 97, 13, 0)));
        final OrderBook implied = fixture.channel.instrument(ES).impliedBook();
        assertEquals(99, implied.price(OrderBook.BID, 1));
        assertEquals(98, implied.price(OrderBook.BID, 2));
        assertEquals(102, implied.price(OrderBook.ASK, 1));
        assertEquals(100, book().price(OrderBook.BID, 1), "the outright book is its own");
        assertEquals(OrderBook.NULL_PRICE, book().price(OrderBook.BID, 2));
        assertEquals(1, fixture.count(FeedCounter.BOOK_LEVELS_BEYOND_DEPTH), "implied level 3 of a 2-deep book");
        assertEquals(List.of(
            "BookUpdate 10 eoe=TRUE BUY:NEW:1:5@100",
            "BookUpdate 10 implied eoe=TRUE BUY:NEW:1:10@99 SELL:NEW:1:11@102 BUY:NEW:2:12@98",
            "TopOfBook"), fixture.sink.describe());
        assertEquals(5, fixture.channel.instrument(ES).lastRptSeq(), "every entry took its RptSeq");

        fixture.a(packet.begin(2).book(true, new PacketBuilder.Entry(ES, 6, Delete, 'E', 1, 99, 0, 0)));
        assertEquals(98, implied.price(OrderBook.BID, 1));
        assertEquals(100, book().price(OrderBook.BID, 1));
    }

    @Test
    void aSnapshotRestoresTheImpliedBookToo()
    {
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, ES, "ESZ6", 10, 2));
        fixture.a(packet.begin(1).book(true, new PacketBuilder.Entry(ES, 1, New, 'E', 1, 99, 10, 0)));
        fixture.a(packet.begin(3).book(true, bid(ES, 3, New, 1, 100, 1, 1)));
        fixture.advanceMs(11);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        fixture.sink.clear();
        fixture.snapshot(packet.begin(1).rawSnapshot(2, ES, 2, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
            PacketBuilder.level('0', 1, 101, 4, 2), PacketBuilder.level('F', 1, 103, 6, 0)));
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        final OrderBook implied = fixture.channel.instrument(ES).impliedBook();
        assertEquals(OrderBook.NULL_PRICE, implied.price(OrderBook.BID, 1));
        assertEquals(103, implied.price(OrderBook.ASK, 1));
        assertEquals(List.of(
            "FeedState 10 RECOVERING SNAPSHOT_APPLIED",
            "BookUpdate 10 eoe=TRUE BUY:CLEAR:0:0@-9223372036854775808 SELL:CLEAR:0:0@-9223372036854775808 " +
                "BUY:NEW:1:4@101",
            "BookUpdate 10 implied eoe=TRUE BUY:CLEAR:0:0@-9223372036854775808 " +
                "SELL:CLEAR:0:0@-9223372036854775808 SELL:NEW:1:6@103",
            "TopOfBook",
            "BookUpdate 10 eoe=TRUE BUY:NEW:1:1@100",
            "TopOfBook",
            "FeedState 10 OK SNAPSHOT_APPLIED"), fixture.sink.describe());
    }

    @Test
    void aDeeperDefinitionAfterTheBookFilledItsConfiguredDepthStalesTheInstrumentUntilItsSnapshot()
    {
        fixture.channel.addInstrument(ES, "ESZ6");
        sevenBids();
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, ES, "ESZ6", 10, 2));
        assertEquals(10, book().depth());
        assertEquals(96, book().price(OrderBook.BID, 5), "the levels known are kept");
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES), "levels 6 to 10 are unknown");
        assertTrue(fixture.sink.describe().contains("FeedState 10 STALE BOOK_DEPTH_CHANGED"));
    }
}
