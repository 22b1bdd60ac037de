package io.wirespeed.journal;

import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.CancelOrderDecoder;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.InstrumentDefinitionDecoder;
import io.wirespeed.codecs.internal.InstrumentStatusDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.ReplaceOrderDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The security id, client order ids and strategy id an internal-schema payload carries, read at the offsets the
 * generated decoders give, for the reader's filters.
 */
final class PayloadFields
{
    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;

    private PayloadFields()
    {
    }

    /**
     * Whether a payload matches a query's content filters (a payload without a filtered field does not).
     *
     * @param query  with the filters.
     * @param buffer holding the payload.
     * @param offset of the payload.
     * @param length of the payload.
     * @return true when every set filter matches.
     */
    static boolean matches(final JournalQuery query, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH ||
            buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(), ORDER) !=
            MessageHeaderDecoder.SCHEMA_ID)
        {
            return false;
        }
        final int templateId = buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), ORDER);
        final int blockLength = buffer.getShort(offset + MessageHeaderDecoder.blockLengthEncodingOffset(), ORDER);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (length - MessageHeaderDecoder.ENCODED_LENGTH < blockLength)
        {
            return false;
        }
        final int securityOffset = securityIdOffset(templateId);
        final boolean ordered = hasOrderFields(templateId) && blockLength >= 12;
        if (JournalQuery.ANY != query.securityId() &&
            (securityOffset < 0 || securityOffset + 4 > blockLength ||
            buffer.getInt(body + securityOffset, ORDER) != query.securityId()))
        {
            return false;
        }
        if (JournalQuery.ANY != query.strategyId() &&
            (!ordered || (buffer.getInt(body + NewOrderDecoder.strategyIdEncodingOffset(), ORDER) & 0xFFFF_FFFFL) !=
            query.strategyId()))
        {
            return false;
        }
        if (JournalQuery.ANY != query.clOrdId())
        {
            if (!ordered)
            {
                return false;
            }
            final long clOrdId = buffer.getLong(body + NewOrderDecoder.clOrdIdEncodingOffset(), ORDER);
            final int origOffset = origClOrdIdOffset(templateId);
            final long orig = origOffset < 0 ? 0 : buffer.getLong(body + origOffset, ORDER);
            return clOrdId == query.clOrdId() || (origOffset >= 0 && orig == query.clOrdId());
        }
        return true;
    }

    private static boolean hasOrderFields(final int templateId)
    {
        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID:
            case CancelOrderDecoder.TEMPLATE_ID:
            case ReplaceOrderDecoder.TEMPLATE_ID:
            case ExecutionReportDecoder.TEMPLATE_ID:
            case RiskDecisionDecoder.TEMPLATE_ID:
            case OrderSentDecoder.TEMPLATE_ID:
                return true;
            default:
                return false;
        }
    }

    private static int origClOrdIdOffset(final int templateId)
    {
        switch (templateId)
        {
            case CancelOrderDecoder.TEMPLATE_ID:
                return CancelOrderDecoder.origClOrdIdEncodingOffset();
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return ReplaceOrderDecoder.origClOrdIdEncodingOffset();
            case ExecutionReportDecoder.TEMPLATE_ID:
                return ExecutionReportDecoder.origClOrdIdEncodingOffset();
            default:
                return -1;
        }
    }

    private static int securityIdOffset(final int templateId)
    {
        switch (templateId)
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                return BookUpdateDecoder.securityIdEncodingOffset();
            case TopOfBookDecoder.TEMPLATE_ID:
                return TopOfBookDecoder.securityIdEncodingOffset();
            case TradeDecoder.TEMPLATE_ID:
                return TradeDecoder.securityIdEncodingOffset();
            case InstrumentStatusDecoder.TEMPLATE_ID:
                return InstrumentStatusDecoder.securityIdEncodingOffset();
            case FeedStateDecoder.TEMPLATE_ID:
                return FeedStateDecoder.securityIdEncodingOffset();
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                return InstrumentDefinitionDecoder.securityIdEncodingOffset();
            case StatisticDecoder.TEMPLATE_ID:
                return StatisticDecoder.securityIdEncodingOffset();
            case NewOrderDecoder.TEMPLATE_ID:
                return NewOrderDecoder.securityIdEncodingOffset();
            case CancelOrderDecoder.TEMPLATE_ID:
                return CancelOrderDecoder.securityIdEncodingOffset();
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return ReplaceOrderDecoder.securityIdEncodingOffset();
            case ExecutionReportDecoder.TEMPLATE_ID:
                return ExecutionReportDecoder.securityIdEncodingOffset();
            case RiskDecisionDecoder.TEMPLATE_ID:
                return RiskDecisionDecoder.securityIdEncodingOffset();
            case OrderSentDecoder.TEMPLATE_ID:
                return OrderSentDecoder.securityIdEncodingOffset();
            default:
                return -1;
        }
    }
}
