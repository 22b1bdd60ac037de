package io.wirespeed.journal;

import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.CancelOrderDecoder;
import io.wirespeed.codecs.internal.ControlAckDecoder;
import io.wirespeed.codecs.internal.ExecutionReportDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.InstrumentDefinitionDecoder;
import io.wirespeed.codecs.internal.InstrumentStatusDecoder;
import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.KillDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.OrderSentDecoder;
import io.wirespeed.codecs.internal.ReplaceOrderDecoder;
import io.wirespeed.codecs.internal.ResumeDecoder;
import io.wirespeed.codecs.internal.RiskDecisionDecoder;
import io.wirespeed.codecs.internal.SessionEventDecoder;
import io.wirespeed.codecs.internal.SetLimitDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import io.wirespeed.nic.tap.JournalTap;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The layout of a journal record and the stream an internal message belongs to.
 * <pre>
 *   +--------------------------+--------------------------------------------+------------------------+
 *   | messageHeader (8 bytes)  | JournalRecordHeader block (24 bytes)       | payload                |
 *   | template 40, schema 100  | stream, flags, sourceId, payloadLength,    | payloadLength bytes    |
 *   |                          | sequence, captureTimestampNs               |                        |
 *   +--------------------------+--------------------------------------------+------------------------+
 * </pre>
 * One record is one Chronicle document, exactly these bytes.
 */
public final class JournalRecords
{
    /** Bytes before the payload. */
    public static final int HEADER_LENGTH = JournalTap.RECORD_HEADER_LENGTH;

    /** How many streams there are (the highest stream value plus one). */
    public static final int STREAMS = JournalStream.JOURNAL.value() + 1;

    /** Stream value of a message that is none of the internal schema's known messages. */
    public static final short UNCLASSIFIED = -1;

    private static final ByteOrder ORDER = MessageHeaderDecoder.BYTE_ORDER;
    private static final JournalStream[] BY_VALUE = new JournalStream[STREAMS];

    static
    {
        for (final JournalStream stream : JournalStream.values())
        {
            if (stream.value() < STREAMS)
            {
                BY_VALUE[stream.value()] = stream;
            }
        }
    }

    private JournalRecords()
    {
    }

    /**
     * The stream of a value, or null when no stream has it.
     *
     * @param value the raw stream value.
     * @return the stream or null.
     */
    public static JournalStream stream(final int value)
    {
        return value >= 0 && value < STREAMS ? BY_VALUE[value] : null;
    }

    /**
     * Whether a buffer holds a well-formed record header with room for its payload.
     *
     * @param buffer holding the record.
     * @param offset of the record.
     * @param length of the record.
     * @return true when it does.
     */
    public static boolean isRecord(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= HEADER_LENGTH && isHeader(buffer, offset) &&
            payloadLength(buffer, offset) <= length - HEADER_LENGTH;
    }

    /**
     * Whether a buffer holds a well-formed record header (its payload may not be there).
     *
     * @param buffer holding at least {@link #HEADER_LENGTH} bytes of the record.
     * @param offset of the record.
     * @return true when it does.
     */
    public static boolean isHeader(final DirectBuffer buffer, final int offset)
    {
        if (
            buffer.getShort(offset + MessageHeaderDecoder.templateIdEncodingOffset(), ORDER) !=
            JournalRecordHeaderDecoder.TEMPLATE_ID ||
            buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(), ORDER) !=
            JournalRecordHeaderDecoder.SCHEMA_ID)
        {
            return false;
        }
        final int streamValue = buffer.getByte(
            offset + MessageHeaderDecoder.ENCODED_LENGTH + JournalRecordHeaderDecoder.streamEncodingOffset()) & 0xFF;
        return null != stream(streamValue);
    }

    private static long payloadLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + MessageHeaderDecoder.ENCODED_LENGTH +
            JournalRecordHeaderDecoder.payloadLengthEncodingOffset(), ORDER) & 0xFFFF_FFFFL;
    }

    /**
     * The stream an internal-schema message published on Aeron belongs to, from its template id.
     *
     * @param buffer holding the message, starting with its message header.
     * @param offset of the message.
     * @param length of the message.
     * @return the stream's value, or {@link #UNCLASSIFIED}.
     */
    public static short classify(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH ||
            buffer.getShort(offset + MessageHeaderDecoder.schemaIdEncodingOffset(), MessageHeaderDecoder.BYTE_ORDER) !=
            MessageHeaderDecoder.SCHEMA_ID)
        {
            return UNCLASSIFIED;
        }
        final int templateId = buffer.getShort(
            offset + MessageHeaderDecoder.templateIdEncodingOffset(), MessageHeaderDecoder.BYTE_ORDER) & 0xFFFF;
        switch (templateId)
        {
            case BookUpdateDecoder.TEMPLATE_ID:
            case TopOfBookDecoder.TEMPLATE_ID:
            case TradeDecoder.TEMPLATE_ID:
            case InstrumentStatusDecoder.TEMPLATE_ID:
            case FeedStateDecoder.TEMPLATE_ID:
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
            case StatisticDecoder.TEMPLATE_ID:
                return JournalStream.MARKET_DATA.value();
            case NewOrderDecoder.TEMPLATE_ID:
            case CancelOrderDecoder.TEMPLATE_ID:
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return JournalStream.ORDER.value();
            case ExecutionReportDecoder.TEMPLATE_ID:
            case OrderSentDecoder.TEMPLATE_ID:
                return JournalStream.EXECUTION.value();
            case RiskDecisionDecoder.TEMPLATE_ID:
                return JournalStream.RISK.value();
            case SessionEventDecoder.TEMPLATE_ID:
                return JournalStream.SESSION.value();
            case KillDecoder.TEMPLATE_ID:
            case ResumeDecoder.TEMPLATE_ID:
            case SetLimitDecoder.TEMPLATE_ID:
            case ControlAckDecoder.TEMPLATE_ID:
                return JournalStream.CONTROL.value();
            default:
                return UNCLASSIFIED;
        }
    }
}
