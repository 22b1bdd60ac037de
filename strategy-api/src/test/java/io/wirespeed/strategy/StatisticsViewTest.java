package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.BookAction;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.StatisticEncoder;
import io.wirespeed.codecs.internal.StatisticType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatisticsViewTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final StatisticEncoder encoder = new StatisticEncoder();
    private final StatisticDecoder decoder = new StatisticDecoder();

    private StatisticDecoder statistic(final int type, final BookAction action, final long price, final long qty)
    {
        encoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .securityId(1)
            .rptSeq(9)
            .action(action)
            .price(price)
            .qty(qty)
            .tradingReferenceDate(StatisticsView.NULL_DATE)
            .transactTimeNs(5);
        encoder.settlPriceFlags().clear();
        buffer.putByte(MessageHeaderEncoder.ENCODED_LENGTH + StatisticEncoder.statisticTypeEncodingOffset(),
            (byte)type);
        return decoder.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, StatisticEncoder.BLOCK_LENGTH,
            StatisticEncoder.SCHEMA_VERSION);
    }

    @Test
    void setsDeletesAndClears()
    {
        final StatisticsView view = new StatisticsView();
        assertFalse(view.isSet(StatisticType.OPEN_PRICE));
        assertTrue(view.apply(
            statistic(StatisticType.OPEN_PRICE.value(), BookAction.NEW, 100, StatisticsView.NULL_QTY)));
        assertTrue(view.apply(statistic(StatisticType.OPEN_INTEREST.value(), BookAction.OVERLAY,
            StatisticsView.NULL_PRICE, 7)));
        assertEquals(100, view.price(StatisticType.OPEN_PRICE));
        assertEquals(7, view.qty(StatisticType.OPEN_INTEREST));
        assertEquals(5, view.transactTimeNs(StatisticType.OPEN_PRICE));
        assertTrue(view.apply(statistic(StatisticType.OPEN_PRICE.value(), BookAction.DELETE, 0, 0)));
        assertFalse(view.isSet(StatisticType.OPEN_PRICE));
        assertEquals(StatisticsView.NULL_PRICE, view.price(StatisticType.OPEN_PRICE));
        assertTrue(view.apply(statistic(255, BookAction.CLEAR, 0, 0)));
        assertFalse(view.isSet(StatisticType.OPEN_INTEREST));
        assertEquals(4, view.updateCount());
    }

    @Test
    void refusesATypeOrActionItDoesNotKnow()
    {
        final StatisticsView view = new StatisticsView();
        assertFalse(view.apply(statistic(200, BookAction.NEW, 100, 0)));
        assertFalse(view.apply(statistic(255, BookAction.NEW, 100, 0)));
        assertFalse(view.apply(statistic(StatisticType.HIGH_TRADE.value(), BookAction.DELETE_FROM, 100, 0)));
        assertFalse(view.isSet(StatisticType.HIGH_TRADE));
        assertEquals(0, view.updateCount());
    }
}
