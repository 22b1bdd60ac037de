package io.wirespeed.journal;

import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.GatewayOrderStateDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import io.wirespeed.codecs.print.PrintFormat;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The life of one order in the journal, from the tick that triggered it to its last execution report: the frame the
 * trigger arrived in (RAW_FRAME_IN at the order's trigger rx time) and the normalized messages decoded from it, the
 * strategy's requests, the risk decisions, the gateway's state records, the iLink 3 messages both ways (matched by
 * the gateway order ids the state records give the order: the wire ClOrdID) and every execution report.
 * <p>
 * Two passes over the journal: the first learns the order's trigger time and gateway ids, the second gives the
 * records that belong to it in journal order. The journal orders records as the journal thread took them from each
 * source (each source in its own order); the timestamps inside every payload give the order of events.
 */
public final class OrderLife
{
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;

    private final long clOrdId;
    private final JournalQuery byClOrdId;
    private final LongHashSet gatewayIds = new LongHashSet();
    private final StringWriter venueText = new StringWriter();
    private final JournalPrinter venuePrinter = new JournalPrinter(new PrintWriter(venueText), PrintFormat.TEXT);
    private long triggerRxTimestampNs;

    private OrderLife(final long clOrdId)
    {
        this.clOrdId = clOrdId;
        this.byClOrdId = new JournalQuery().clOrdId(clOrdId);
    }

    /**
     * Learn an order's trigger time and gateway ids from a journal.
     *
     * @param dir     of the journal.
     * @param clOrdId the strategy's client order id.
     * @return the order's life, ready to filter a second pass.
     */
    public static OrderLife of(final Path dir, final long clOrdId)
    {
        final OrderLife life = new OrderLife(clOrdId);
        try (JournalReader reader = JournalReader.open(dir, new JournalQuery()))
        {
            reader.readAll(life::learn);
        }
        return life;
    }

    /**
     * The rx time of the tick that triggered the order.
     *
     * @return epoch nanoseconds, 0 when the order had no trigger or was not found.
     */
    public long triggerRxTimestampNs()
    {
        return triggerRxTimestampNs;
    }

    /**
     * The gateway order ids (wire ClOrdIDs) the order was sent, changed or canceled with.
     *
     * @return the count.
     */
    public int gatewayIdCount()
    {
        return gatewayIds.size();
    }

    /**
     * A handler that passes on only the records of this order's life.
     *
     * @param handler to give them to.
     * @return the filtering handler.
     */
    public JournalRecordHandler filter(final JournalRecordHandler handler)
    {
        return (stream, sourceId, sequence, captureTimestampNs, buffer, offset, length) ->
        {
            if (belongs(stream, captureTimestampNs, buffer, offset, length))
            {
                handler.onRecord(stream, sourceId, sequence, captureTimestampNs, buffer, offset, length);
            }
        };
    }

    private void learn(
        final JournalStream stream,
        final int sourceId,
        final long sequence,
        final long captureTimestampNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final int templateId = templateId(buffer, offset, length);
        if (JournalStream.ORDER == stream && NewOrderDecoder.TEMPLATE_ID == templateId &&
            PayloadFields.matches(byClOrdId, buffer, offset, length))
        {
            triggerRxTimestampNs = buffer.getLong(
                offset + MessageHeaderDecoder.ENCODED_LENGTH + NewOrderDecoder.triggerRxTimestampNsEncodingOffset(),
                ORDER);
        }
        else if (JournalStream.GATEWAY_STATE == stream && isOrderState(templateId, buffer, offset, length))
        {
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            addId(buffer.getLong(body + GatewayOrderStateDecoder.rootOrderIdEncodingOffset(), ORDER));
            addId(buffer.getLong(body + GatewayOrderStateDecoder.orderIdEncodingOffset(), ORDER));
            addId(buffer.getLong(body + GatewayOrderStateDecoder.pendingRequestIdEncodingOffset(), ORDER));
        }
    }

    private boolean belongs(
        final JournalStream stream,
        final long captureTimestampNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        switch (stream)
        {
            case RAW_FRAME_IN:
                return 0 != triggerRxTimestampNs && captureTimestampNs == triggerRxTimestampNs;
            case MARKET_DATA:
                return 0 != triggerRxTimestampNs && triggerRxTimestampNs == rxTimestampNs(buffer, offset, length);
            case GATEWAY_STATE:
                return isOrderState(templateId(buffer, offset, length), buffer, offset, length);
            case VENUE_OUT:
            case VENUE_IN:
                return carriesGatewayId(stream, buffer, offset, length);
            default:
                return PayloadFields.matches(byClOrdId, buffer, offset, length);
        }
    }

    private boolean isOrderState(final int templateId, final DirectBuffer buffer, final int offset, final int length)
    {
        return GatewayOrderStateDecoder.TEMPLATE_ID == templateId &&
            length >= MessageHeaderDecoder.ENCODED_LENGTH + GatewayOrderStateDecoder.BLOCK_LENGTH &&
            buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH +
            GatewayOrderStateDecoder.clOrdIdEncodingOffset(), ORDER) == clOrdId;
    }

    private boolean carriesGatewayId(
        final JournalStream stream, final DirectBuffer buffer, final int offset, final int length)
    {
        if (gatewayIds.isEmpty())
        {
            return false;
        }
        venueText.getBuffer().setLength(0);
        venuePrinter.onRecord(stream, 0, 0, 0, buffer, offset, length);
        final String text = venueText.toString();
        final LongHashSet.LongIterator ids = gatewayIds.iterator();
        while (ids.hasNext())
        {
            if (text.contains("ClOrdID=\"" + ids.nextValue() + "\""))
            {
                return true;
            }
        }
        return false;
    }

    private void addId(final long id)
    {
        if (0 != id)
        {
            gatewayIds.add(id);
        }
    }

    private static int templateId(final DirectBuffer buffer, final int offset, final int length)
    {
        return length < MessageHeaderDecoder.ENCODED_LENGTH ? -1 :
            buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), ORDER) & 0xFFFF;
    }

    private static long rxTimestampNs(final DirectBuffer buffer, final int offset, final int length)
    {
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (templateId(buffer, offset, length))
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                return buffer.getLong(body + BookUpdateDecoder.rxTimestampNsEncodingOffset(), ORDER);
            case TopOfBookDecoder.TEMPLATE_ID:
                return buffer.getLong(body + TopOfBookDecoder.rxTimestampNsEncodingOffset(), ORDER);
            case TradeDecoder.TEMPLATE_ID:
                return buffer.getLong(body + TradeDecoder.rxTimestampNsEncodingOffset(), ORDER);
            default:
                return 0;
        }
    }
}
