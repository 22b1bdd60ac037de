package io.wirespeed.feed;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.StatisticType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static io.wirespeed.feed.PacketBuilder.level;
import static io.wirespeed.feed.PacketBuilder.stat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics from Volume37, DailyStatistics49, LimitsBanding50, SessionStatistics51 and snapshots are applied to the
 * instrument and published normalized, each with its RptSeq, the venue's times and the feed handler's stamps.
 */
class StatisticsTest
{
    private static final int ES = 10;
    private static final long NULL = IncrementalTemplatesTest.PRICE_NULL;
    private static final int INT32_NULL = IncrementalTemplatesTest.INT32_NULL;
    private static final int UINT8_NULL = IncrementalTemplatesTest.UINT8_NULL;
    private static final int FINAL_ACTUAL = 0b0011;

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

    private InstrumentStatistics statistics()
    {
        return fixture.channel.instrument(ES).statistics();
    }

    @Test
    void everyStatisticIsAppliedAndPublishedNormalized()
    {
        fixture.a(packet.begin(1)
            .volume(false, ES, 1, 1_500, 0)
            .dailyStatistic(false, ES, 2, 0, '6', 4_500_250_000_000L, INT32_NULL, FINAL_ACTUAL, 20_400)
            .dailyStatistic(false, ES, 3, 0, 'B', NULL, 90_000, 0, 20_399)
            .dailyStatistic(false, ES, 4, 0, 'C', NULL, 2_500_000, 0, 20_399)
            .dailyStatistic(false, ES, 5, 0, 'W', 4_499_000_000_000L, INT32_NULL, 0, 20_400)
            .limitsBanding(false, ES, 6, 4_700_000_000_000L, 4_300_000_000_000L, 150_000_000_000L)
            .sessionStatistic(false, ES, 7, 0, '4', 4_490_000_000_000L, 0, INT32_NULL)
            .sessionStatistic(false, ES, 8, 0, '4', 4_491_000_000_000L, 5, 12)
            .sessionStatistic(false, ES, 9, 0, '7', 4_520_000_000_000L, UINT8_NULL, INT32_NULL)
            .sessionStatistic(false, ES, 10, 0, '8', 4_480_000_000_000L, UINT8_NULL, INT32_NULL)
            .sessionStatistic(false, ES, 11, 0, 'N', 4_519_000_000_000L, UINT8_NULL, INT32_NULL)
            .sessionStatistic(true, ES, 12, 0, 'O', 4_481_000_000_000L, UINT8_NULL, INT32_NULL));

        assertEquals(List.of(
            "Statistic 10 rpt=1 NEW ELECTRONIC_VOLUME qty=1500",
            "Statistic 10 rpt=2 NEW SETTLEMENT_PRICE px=4500250000000 flags=3",
            "Statistic 10 rpt=3 NEW CLEARED_VOLUME qty=90000",
            "Statistic 10 rpt=4 NEW OPEN_INTEREST qty=2500000",
            "Statistic 10 rpt=5 NEW FIXING_PRICE px=4499000000000",
            "Statistic 10 rpt=6 NEW HIGH_LIMIT_PRICE px=4700000000000",
            "Statistic 10 rpt=6 NEW LOW_LIMIT_PRICE px=4300000000000",
            "Statistic 10 rpt=6 NEW MAX_PRICE_VARIATION px=150000000000",
            "Statistic 10 rpt=7 NEW OPEN_PRICE px=4490000000000",
            "Statistic 10 rpt=8 NEW INDICATIVE_OPEN px=4491000000000 qty=12",
            "Statistic 10 rpt=9 NEW HIGH_TRADE px=4520000000000",
            "Statistic 10 rpt=10 NEW LOW_TRADE px=4480000000000",
            "Statistic 10 rpt=11 NEW HIGHEST_BID px=4519000000000",
            "Statistic 10 rpt=12 NEW LOWEST_OFFER px=4481000000000"), fixture.sink.describe());

        assertEquals(1_500, statistics().qty(StatisticType.ELECTRONIC_VOLUME));
        assertEquals(4_500_250_000_000L, statistics().price(StatisticType.SETTLEMENT_PRICE));
        assertEquals(FINAL_ACTUAL, statistics().settlPriceFlags(StatisticType.SETTLEMENT_PRICE));
        assertEquals(20_400, statistics().tradingReferenceDate(StatisticType.SETTLEMENT_PRICE));
        assertEquals(150_000_000_000L, statistics().price(StatisticType.MAX_PRICE_VARIATION));
        assertEquals(12, statistics().qty(StatisticType.INDICATIVE_OPEN));
        for (final FeedCounter counter : FeedCounter.values())
        {
            if (counter.name().startsWith("STATISTICS_"))
            {
                assertEquals(1, fixture.count(counter), counter.name());
            }
        }
        assertEquals(1, fixture.count(FeedCounter.DECODED_VOLUME_37));
        assertEquals(4, fixture.count(FeedCounter.DECODED_DAILY_STATISTICS_49));
        assertEquals(1, fixture.count(FeedCounter.DECODED_LIMITS_BANDING_50));
        assertEquals(6, fixture.count(FeedCounter.DECODED_SESSION_STATISTICS_51));
        assertEquals(0, fixture.count(FeedCounter.STATISTIC_ENTRIES_REJECTED));
    }

    @Test
    void aStatisticCarriesTheVenueTimesAndTheFeedHandlersStamps()
    {
        fixture.nowNs += 5_000;
        fixture.a(packet.begin(1).dailyStatistic(true, ES, 1, 0, 'C', NULL, 77, 0, 20_399));
        assertEquals(1, fixture.sink.messages.size());
        final UnsafeBuffer message = fixture.sink.messages.get(0);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(message, 0);
        final StatisticDecoder statistic = new StatisticDecoder().wrap(
            message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        assertEquals(ES, statistic.securityId());
        assertEquals(ChannelFixture.CHANNEL_ID, statistic.channelId());
        assertEquals(1, statistic.rptSeq());
        assertEquals(StatisticType.OPEN_INTEREST, statistic.statisticType());
        assertEquals(BookAction.NEW, statistic.action());
        assertEquals(StatisticDecoder.priceNullValue(), statistic.price());
        assertEquals(77, statistic.qty());
        assertEquals(20_399, statistic.tradingReferenceDate());
        assertEquals(1, statistic.packetSeqNum());
        assertEquals(7, statistic.transactTimeNs(), "the venue's TransactTime");
        assertEquals(1_000_000L, statistic.sendingTimeNs(), "the packet's SendingTime");
        assertEquals(fixture.nowNs, statistic.rxTimestampNs());
        assertEquals(fixture.nowNs, statistic.publishTimestampNs());
    }

    @Test
    void deletesAndNullLimitsUnsetAStatistic()
    {
        fixture.a(packet.begin(1)
            .limitsBanding(false, ES, 1, 300, 100, 20)
            .sessionStatistic(true, ES, 2, 0, '7', 250, UINT8_NULL, INT32_NULL));
        fixture.sink.clear();
        fixture.a(packet.begin(2)
            .limitsBanding(false, ES, 3, NULL, 110, 20)
            .sessionStatistic(false, ES, 4, 2, '7', 250, UINT8_NULL, INT32_NULL)
            .sessionStatistic(true, ES, 5, 1, '8', 240, UINT8_NULL, INT32_NULL));
        assertEquals(List.of(
            "Statistic 10 rpt=3 DELETE HIGH_LIMIT_PRICE",
            "Statistic 10 rpt=3 NEW LOW_LIMIT_PRICE px=110",
            "Statistic 10 rpt=3 NEW MAX_PRICE_VARIATION px=20",
            "Statistic 10 rpt=4 DELETE HIGH_TRADE",
            "Statistic 10 rpt=5 CHANGE LOW_TRADE px=240"), fixture.sink.describe());
        assertFalse(statistics().isSet(StatisticType.HIGH_LIMIT_PRICE));
        assertFalse(statistics().isSet(StatisticType.HIGH_TRADE));
        assertEquals(InstrumentStatistics.NULL_PRICE, statistics().price(StatisticType.HIGH_TRADE));
        assertEquals(240, statistics().price(StatisticType.LOW_TRADE));
    }

    @Test
    void anUnknownStatisticActionIsCountedAndItsRptSeqStillAdvances()
    {
        fixture.a(packet.begin(1).sessionStatistic(false, ES, 1, 3, '7', 250, UINT8_NULL, INT32_NULL)
            .book(true, bid(ES, 2, New, 1, 100, 5, 1)));
        assertEquals(1, fixture.count(FeedCounter.STATISTIC_ENTRIES_REJECTED));
        assertEquals(2, fixture.channel.instrument(ES).lastRptSeq());
        assertEquals(5, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
    }

    @Test
    void aSnapshotRestoresEveryStatisticAndPublishesThemAfterTheBook()
    {
        fixture.a(packet.begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)));
        fixture.a(packet.begin(2).sessionStatistic(true, ES, 2, 0, 'O', 101, UINT8_NULL, INT32_NULL));
        packet.begin(3).volume(true, ES, 3, 20, 0);
        fixture.a(packet.begin(4).volume(true, ES, 4, 25, 1));
        fixture.advanceMs(11);
        assertTrue(statistics().isSet(StatisticType.LOWEST_OFFER));
        fixture.sink.clear();

        fixture.snapshot(packet.begin(1).rawSnapshot(3, ES, 3, 300, 100, NULL,
            level('0', 1, 100, 5, 1),
            stat('e', NULL, 20, UINT8_NULL, 0, 65535),
            stat('6', 99, INT32_NULL, UINT8_NULL, 0b1001, 20_400),
            stat('4', 98, INT32_NULL, 0, 0, 65535),
            stat('B', NULL, 1_000, UINT8_NULL, 0, 20_399)));
        assertEquals(List.of(
            "FeedState 10 RECOVERING SNAPSHOT_APPLIED",
            "BookUpdate 10 eoe=TRUE BUY:CLEAR:0:0@-9223372036854775808 SELL:CLEAR:0:0@-9223372036854775808 " +
                "BUY:NEW:1:5@100",
            "TopOfBook",
            "Statistic 10 rpt=3 CLEAR",
            "Statistic 10 rpt=3 NEW OPEN_PRICE px=98",
            "Statistic 10 rpt=3 NEW SETTLEMENT_PRICE px=99 flags=9",
            "Statistic 10 rpt=3 NEW CLEARED_VOLUME qty=1000",
            "Statistic 10 rpt=3 NEW ELECTRONIC_VOLUME qty=20",
            "Statistic 10 rpt=3 NEW HIGH_LIMIT_PRICE px=300",
            "Statistic 10 rpt=3 NEW LOW_LIMIT_PRICE px=100",
            "Statistic 10 rpt=4 CHANGE ELECTRONIC_VOLUME qty=25",
            "FeedState 10 OK SNAPSHOT_APPLIED"), fixture.sink.describe());
        assertFalse(statistics().isSet(StatisticType.LOWEST_OFFER), "not in the snapshot: gone");
        assertFalse(statistics().isSet(StatisticType.MAX_PRICE_VARIATION));
        assertEquals(25, statistics().qty(StatisticType.ELECTRONIC_VOLUME));
        assertEquals(20_400, statistics().tradingReferenceDate(StatisticType.SETTLEMENT_PRICE));
    }

    @Test
    void aChannelResetClearsTheStatistics()
    {
        fixture.a(packet.begin(1).volume(true, ES, 1, 20, 0));
        fixture.sink.clear();
        fixture.a(packet.begin(2).channelReset(ChannelFixture.CHANNEL_ID));
        assertTrue(fixture.sink.describe().contains("Statistic 10 rpt=0 CLEAR"), fixture.sink.describe()::toString);
        assertFalse(statistics().isSet(StatisticType.ELECTRONIC_VOLUME));
        fixture.a(packet.begin(3).volume(true, ES, 1, 3, 0).book(true, bid(ES, 2, New, 1, 100, 1, 1)));
        assertEquals(3, statistics().qty(StatisticType.ELECTRONIC_VOLUME));
        fixture.a(packet.begin(4).book(true, bid(ES, 3, Change, 1, 100, 2, 1)));
        assertEquals(2, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
    }
}
