package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.feed.v10.MDIncrementalRefreshBook46Decoder;
import io.wirespeed.feed.v10.MessageHeaderDecoder;
import io.wirespeed.feed.v10.SnapshotFullRefresh52Decoder;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SBE's rules for schema versions: a newer version decodes by its block lengths, an older one from its template's
 * first version is accepted; only a different schema id or a version older than the template is refused. The version
 * 10 messages are encoded with codecs generated from a schema of the tests' own (mdp3-v10-test.xml) that extends
 * version 9 as CME does: fields appended to root blocks and group entries, a group appended after the known ones.
 */
class SchemaEvolutionTest
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
        fixture.channel.addInstrument(ES, "ESZ6");
    }

    @AfterEach
    void tearDown()
    {
        fixture.close();
    }

    @Test
    void version10MessagesWithAppendedFieldsAndGroupsDecodeInTheHandler()
    {
        final V10Packet v10 = new V10Packet();
        fixture.a(v10.begin(1).book(ES, 1, '0', 100, 5).toPacket());
        fixture.a(v10.begin(2).book(ES, 2, '1', 101, 6).toPacket());
        final OrderBook book = fixture.channel.instrument(ES).book();
        assertEquals(100, book.price(OrderBook.BID, 1));
        assertEquals(5, book.quantity(OrderBook.BID, 1));
        assertEquals(101, book.price(OrderBook.ASK, 1));
        assertEquals(6, book.quantity(OrderBook.ASK, 1));
        assertEquals(2, fixture.channel.instrument(ES).lastRptSeq());
        assertEquals(2, fixture.count(FeedCounter.NEWER_VERSION_MESSAGES));
        assertEquals(2, fixture.count(FeedCounter.DECODED_BOOK_46));

        packet.begin(3).book(true, bid(ES, 3, Change, 1, 100, 7, 1));
        fixture.a(v10.begin(4).book(ES, 4, '0', 99, 8).toPacket());
        fixture.advanceMs(11);
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        fixture.snapshot(v10.begin(1).snapshot(3, ES, 3, 100, 7).toPacket());
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(99, book.price(OrderBook.BID, 1), "the version 10 snapshot, then kept packet 4");
        assertEquals(100, book.price(OrderBook.BID, 2));
        assertEquals(7, book.quantity(OrderBook.BID, 2));
        assertEquals(4, fixture.count(FeedCounter.NEWER_VERSION_MESSAGES), "three books and the snapshot");
    }

    @Test
    void version9MessagesReadByTheVersion10DecodersGiveTheNewFieldsAsNull()
    {
        final int message = Mdp3PacketDecoder.PACKET_HEADER_LENGTH + Mdp3PacketDecoder.MESSAGE_SIZE_LENGTH;
        final PacketBuilder v9 = new PacketBuilder().begin(1).book(true,
            bid(ES, 1, New, 1, 100, 5, 1), PacketBuilder.ask(ES, 2, New, 1, 101, 6, 2));
        final MessageHeaderDecoder header =
            new MessageHeaderDecoder().wrap(v9.buffer(), message);
        assertEquals(9, header.version());
        final MDIncrementalRefreshBook46Decoder book =
            new MDIncrementalRefreshBook46Decoder().wrap(v9.buffer(),
                message + header.encodedLength(), header.blockLength(), header.version());
        assertEquals(MDIncrementalRefreshBook46Decoder.batchTotalMessagesNullValue(),
            book.batchTotalMessages());
        assertTrue(book.matchEventIndicator().endOfEvent());
        final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder entries = book.noMDEntries();
        assertEquals(2, entries.count());
        entries.next();
        assertEquals(100, entries.mDEntryPx().mantissa());
        assertEquals(5, entries.mDEntrySize());
        assertEquals(MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder.tradeableSizeNullValue(),
            entries.tradeableSize());
        entries.next();
        assertEquals(101, entries.mDEntryPx().mantissa());
        assertEquals(2, entries.rptSeq());
        assertEquals(MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder.tradeableSizeNullValue(),
            entries.tradeableSize());
        assertEquals(0, book.noOrderIDEntries().count());
        assertEquals(0, book.noVenueTags().count(), "a group added in version 10 is empty in a version 9 message");

        final PacketBuilder snapshot = new PacketBuilder().begin(1).snapshot(7, ES, 9, bid(ES, 0, New, 1, 100, 5, 1));
        header.wrap(snapshot.buffer(), message);
        final SnapshotFullRefresh52Decoder v10Snapshot =
            new SnapshotFullRefresh52Decoder().wrap(snapshot.buffer(),
                message + header.encodedLength(), header.blockLength(), header.version());
        assertEquals(9, v10Snapshot.rptSeq());
        assertEquals(SnapshotFullRefresh52Decoder.lastTradeTimeNullValue(),
            v10Snapshot.lastTradeTime());
        final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder levels = v10Snapshot.noMDEntries();
        levels.next();
        assertEquals(100, levels.mDEntryPx().mantissa());
        assertEquals(SnapshotFullRefresh52Decoder.NoMDEntriesDecoder.entryFlagsNullValue(),
            levels.entryFlags());
    }

    @Test
    void aNewerVersionOfAKnownTemplateIsDecoded()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)).version(10));
        assertEquals(5, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        assertEquals(1, fixture.count(FeedCounter.NEWER_VERSION_MESSAGES));
    }

    @Test
    void aVersion8SecurityStatusIsDecodedItsTemplateDatesFromVersion2()
    {
        fixture.a(packet.begin(1).rawStatus(8, ES, 17));
        assertEquals(List.of("InstrumentStatus"), fixture.sink.describe());
        assertEquals(1, fixture.count(FeedCounter.OLDER_VERSION_MESSAGES));
    }

    @Test
    void aVersionOlderThanTheTemplateOrAnotherSchemaIsRefusedAndNamed()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)).version(8));
        fixture.a(packet.begin(2).rawStatus(1, ES, 17));
        assertEquals(2, fixture.count(FeedCounter.MALFORMED_VERSION_TOO_OLD));
        assertEquals(0, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        assertEquals(List.of(), fixture.sink.describe());
        assertTrue(FeedCounter.MALFORMED_VERSION_TOO_OLD.label().contains("older than the template"));
    }
}
