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
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every incremental template a real channel sends (Volume 37, DailyStatistics 49, LimitsBanding 50,
 * SessionStatistics 51 beside Book 46, TradeSummary 48 and SecurityStatus 30) takes its place in the instrument's
 * RptSeq sequence and ends an event when its MatchEventIndicator says so; packets are written from CME's layouts.
 */
class IncrementalTemplatesTest
{
    static final int ES = 10;
    static final int NQ = 20;
    static final long PRICE_NULL = Long.MAX_VALUE;
    static final int INT32_NULL = Integer.MAX_VALUE;
    static final int UINT8_NULL = 255;

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
    void volumeStatisticsAndLimitsAdvanceRptSeqSoTheNextBookUpdateIsInSequence()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1), bid(NQ, 1, New, 1, 200, 5, 1)));
        fixture.a(packet.begin(2)
            .trade(ES, 2, 100, 1, false)
            .volume(false, ES, 3, 1, 0)
            .sessionStatistic(false, ES, 4, 0, '7', 100, UINT8_NULL, INT32_NULL)
            .dailyStatistic(false, ES, 5, 0, 'B', PRICE_NULL, 1234, 0, 20_000)
            .limitsBanding(false, ES, 6, 200, 50, 10)
            .volume(true, NQ, 2, 7, 0));
        fixture.a(packet.begin(3).book(true, bid(ES, 7, Change, 1, 100, 6, 1), bid(NQ, 3, Change, 1, 200, 9, 1)));

        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
        assertEquals(FeedStateValue.OK, fixture.channel.state(NQ));
        assertEquals(0, fixture.count(FeedCounter.INSTRUMENT_GAPS));
        assertEquals(7, fixture.channel.instrument(ES).lastRptSeq());
        assertEquals(3, fixture.channel.instrument(NQ).lastRptSeq());
        assertEquals(6, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        assertEquals(9, fixture.channel.instrument(NQ).book().quantity(OrderBook.BID, 1));
    }

    @Test
    void aStatisticThatSkipsARptSeqStalesItsInstrument()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        fixture.a(packet.begin(2).dailyStatistic(true, ES, 3, 0, 'C', PRICE_NULL, 50, 0, 20_000));
        assertEquals(FeedStateValue.STALE, fixture.channel.state(ES));
        assertEquals(1, fixture.count(FeedCounter.INSTRUMENT_GAPS));
    }

    @Test
    void theEndOfEventOfEveryTemplatePublishesTheEventInProgress()
    {
        final List<Ender> enders = List.of(
            (p, r) -> p.volume(true, ES, r, 10, 0),
            (p, r) -> p.dailyStatistic(true, ES, r, 0, '6', 100, INT32_NULL, 3, 20_000),
            (p, r) -> p.limitsBanding(true, ES, r, 200, 50, 10),
            (p, r) -> p.sessionStatistic(true, ES, r, 0, '4', 100, 0, INT32_NULL));
        long rptSeq = 0;
        long seqNum = 0;
        for (final Ender ender : enders)
        {
            fixture.sink.clear();
            final long bookRptSeq = ++rptSeq;
            fixture.a(ender.end(packet.begin(++seqNum)
                .book(false, bid(ES, bookRptSeq, 1 == bookRptSeq ? New : Change, 1, 100, (int)bookRptSeq, 1)),
                ++rptSeq));
            final List<String> published = fixture.sink.describe();
            assertTrue(published.contains("BookUpdate 10 eoe=TRUE BUY:" + (1 == bookRptSeq ? "NEW" : "CHANGE") +
                ":1:" + bookRptSeq + "@100"), "event " + seqNum + " ended by its last message: " + published);
        }
        fixture.sink.clear();
        fixture.a(packet.begin(++seqNum).book(false, bid(ES, ++rptSeq, Change, 1, 100, 77, 1))
            .status(ES, SecurityTradingStatus.ReadyToTrade));
        assertTrue(fixture.sink.describe().contains("BookUpdate 10 eoe=TRUE BUY:CHANGE:1:77@100"),
            () -> "ended by a SecurityStatus30: " + fixture.sink.describe());
        assertEquals(FeedStateValue.OK, fixture.channel.state(ES));
    }

    /**
     * Appends the message that ends an event, with a RptSeq.
     */
    @FunctionalInterface
    interface Ender
    {
        PacketBuilder end(PacketBuilder packet, long rptSeq);
    }
}
