package io.wirespeed.feed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SBE's rules for schema versions: a newer version decodes by its block lengths, an older one from its template's
 * first version is accepted; only a different schema id or a version older than the template is refused.
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
