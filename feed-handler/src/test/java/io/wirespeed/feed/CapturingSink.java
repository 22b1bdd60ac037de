package io.wirespeed.feed;

import io.wirespeed.codecs.internal.BookType;
import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.StatisticType;
import io.wirespeed.codecs.internal.TradeDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a copy of every message a channel publishes, for tests.
 */
final class CapturingSink implements MarketDataSink
{

    final List<UnsafeBuffer> messages = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    boolean capturing = true;
    boolean refusing;

    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (refusing)
        {
            return false;
        }
        if (capturing)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            messages.add(new UnsafeBuffer(copy));
        }
        return true;
    }

    int templateId(final int index)
    {
        return header.wrap(messages.get(index), 0).templateId();
    }

    List<String> describe()
    {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++)
        {
            out.add(describe(i));
        }
        return out;
    }

    String describe(final int index)
    {
        final UnsafeBuffer message = messages.get(index);
        header.wrap(message, 0);
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case FeedStateDecoder.TEMPLATE_ID:
            {
                final FeedStateDecoder d = new FeedStateDecoder().wrap(
                    message, MessageHeaderDecoder.ENCODED_LENGTH, blockLength, version);
                return "FeedState " + d.securityId() + " " + d.state() + " " + d.reason();
            }
            case BookUpdateDecoder.TEMPLATE_ID:
            {
                final BookUpdateDecoder d = new BookUpdateDecoder().wrap(
                    message, MessageHeaderDecoder.ENCODED_LENGTH, blockLength, version);
                final StringBuilder text = new StringBuilder("BookUpdate " + d.securityId() +
                    (BookType.IMPLIED == d.bookType() ? " implied" : "") + " eoe=" + d.endOfEvent());
                for (final BookUpdateDecoder.LevelsDecoder level : d.levels())
                {
                    text.append(' ').append(level.side()).append(':').append(level.action()).append(':')
                        .append(level.level()).append(':').append(level.qty()).append('@').append(level.price());
                }
                return text.toString();
            }
            case 2:
                return "TopOfBook";
            case TradeDecoder.TEMPLATE_ID:
            {
                final TradeDecoder d = new TradeDecoder().wrap(
                    message, MessageHeaderDecoder.ENCODED_LENGTH, blockLength, version);
                return "Trade " + d.securityId() + " rpt=" + d.rptSeq() + " " + d.qty() + "@" + d.price();
            }
            case 4:
                return "InstrumentStatus";
            case StatisticDecoder.TEMPLATE_ID:
            {
                final StatisticDecoder d = new StatisticDecoder().wrap(
                    message, MessageHeaderDecoder.ENCODED_LENGTH, blockLength, version);
                return "Statistic " + d.securityId() + " rpt=" + d.rptSeq() + " " + d.action() +
                    (StatisticType.NULL_VAL == d.statisticType() ? "" : " " + d.statisticType()) +
                    (StatisticDecoder.priceNullValue() == d.price() ? "" : " px=" + d.price()) +
                    (StatisticDecoder.qtyNullValue() == d.qty() ? "" : " qty=" + d.qty()) +
                    (d.settlPriceFlags().isEmpty() ? "" : " flags=" + d.settlPriceFlags().getRaw());
            }
            case 6:
                return "InstrumentDefinition";
            default:
                return "template " + header.templateId();
        }
    }

    void clear()
    {
        messages.clear();
    }
}
