package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateValue;
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
    void aShallowerDefinitionKeepsAndPublishesItsOwnDepth()
    {
        fixture.definition(packet.begin(1).definition(ChannelFixture.CHANNEL_ID, ES, "ESZ6", 3, 0));
        assertEquals(3, book().depth());
        fixture.sink.clear();
        sevenBids();
        assertEquals(List.of(
            "BookUpdate 10 eoe=TRUE BUY:NEW:1:1@100 BUY:NEW:2:2@99 BUY:NEW:3:3@98", "TopOfBook"),
            fixture.sink.describe());
    }
}
