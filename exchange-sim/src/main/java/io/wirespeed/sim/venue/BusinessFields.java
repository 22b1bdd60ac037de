package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.BusinessReject521Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportStatus532Encoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Encoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Encoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Encoder;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The fields of the venue's business messages that the session layer stamps after the application encoded them:
 * SeqNum and UUID (the first 12 bytes of every body), SendingTimeEpoch and PossRetransFlag (where each template keeps
 * them). Offsets are from the start of the SBE message header.
 * <pre>
 *   | message header (8) | SeqNum uint32 | UUID uint64 | ... template fields ... |
 * </pre>
 */
final class BusinessFields
{
    /**
     * No such field in the template.
     */
    static final int ABSENT = -1;

    static final int SEQ_NUM_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH;
    static final int UUID_OFFSET = SEQ_NUM_OFFSET + BitUtil.SIZE_OF_INT;

    private BusinessFields()
    {
    }

    static int templateId(final DirectBuffer message, final int offset)
    {
        return message.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    static long seqNum(final DirectBuffer message, final int offset)
    {
        return message.getInt(offset + SEQ_NUM_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
    }

    static long uuid(final DirectBuffer message, final int offset)
    {
        return message.getLong(offset + UUID_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    static void stampSequence(final MutableDirectBuffer message, final int offset, final long seqNum, final long uuid)
    {
        message.putInt(offset + SEQ_NUM_OFFSET, (int)seqNum, ByteOrder.LITTLE_ENDIAN);
        message.putLong(offset + UUID_OFFSET, uuid, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Set PossRetransFlag to 1 (a retransmission), if the template has the field.
     */
    static void markPossRetrans(final MutableDirectBuffer message, final int offset)
    {
        final int field = possRetransFlagOffset(templateId(message, offset));
        if (ABSENT != field)
        {
            message.putByte(offset + MessageHeaderEncoder.ENCODED_LENGTH + field, (byte)1);
        }
    }

    /**
     * Set SendingTimeEpoch, if the template has the field.
     */
    static void stampSendingTime(final MutableDirectBuffer message, final int offset, final long sendingTimeNs)
    {
        final int field = sendingTimeEpochOffset(templateId(message, offset));
        if (ABSENT != field)
        {
            message.putLong(
                offset + MessageHeaderEncoder.ENCODED_LENGTH + field, sendingTimeNs, ByteOrder.LITTLE_ENDIAN);
        }
    }

    static int possRetransFlagOffset(final int templateId)
    {
        switch (templateId)
        {
            case BusinessReject521Encoder.TEMPLATE_ID:
                return BusinessReject521Encoder.possRetransFlagEncodingOffset();
            case ExecutionReportNew522Encoder.TEMPLATE_ID:
                return ExecutionReportNew522Encoder.possRetransFlagEncodingOffset();
            case ExecutionReportReject523Encoder.TEMPLATE_ID:
                return ExecutionReportReject523Encoder.possRetransFlagEncodingOffset();
            case ExecutionReportTradeOutright525Encoder.TEMPLATE_ID:
                return ExecutionReportTradeOutright525Encoder.possRetransFlagEncodingOffset();
            case ExecutionReportModify531Encoder.TEMPLATE_ID:
                return ExecutionReportModify531Encoder.possRetransFlagEncodingOffset();
            case ExecutionReportStatus532Encoder.TEMPLATE_ID:
                return ExecutionReportStatus532Encoder.possRetransFlagEncodingOffset();
            case ExecutionReportCancel534Encoder.TEMPLATE_ID:
                return ExecutionReportCancel534Encoder.possRetransFlagEncodingOffset();
            case OrderCancelReject535Encoder.TEMPLATE_ID:
                return OrderCancelReject535Encoder.possRetransFlagEncodingOffset();
            case OrderCancelReplaceReject536Encoder.TEMPLATE_ID:
                return OrderCancelReplaceReject536Encoder.possRetransFlagEncodingOffset();
            case OrderMassActionReport562Encoder.TEMPLATE_ID:
                return OrderMassActionReport562Encoder.possRetransFlagEncodingOffset();
            default:
                return ABSENT;
        }
    }

    static int sendingTimeEpochOffset(final int templateId)
    {
        switch (templateId)
        {
            case BusinessReject521Encoder.TEMPLATE_ID:
                return BusinessReject521Encoder.sendingTimeEpochEncodingOffset();
            case ExecutionReportNew522Encoder.TEMPLATE_ID:
                return ExecutionReportNew522Encoder.sendingTimeEpochEncodingOffset();
            case ExecutionReportReject523Encoder.TEMPLATE_ID:
                return ExecutionReportReject523Encoder.sendingTimeEpochEncodingOffset();
            case ExecutionReportTradeOutright525Encoder.TEMPLATE_ID:
                return ExecutionReportTradeOutright525Encoder.sendingTimeEpochEncodingOffset();
            case ExecutionReportModify531Encoder.TEMPLATE_ID:
                return ExecutionReportModify531Encoder.sendingTimeEpochEncodingOffset();
            case ExecutionReportStatus532Encoder.TEMPLATE_ID:
                return ExecutionReportStatus532Encoder.sendingTimeEpochEncodingOffset();
            case ExecutionReportCancel534Encoder.TEMPLATE_ID:
                return ExecutionReportCancel534Encoder.sendingTimeEpochEncodingOffset();
            case OrderCancelReject535Encoder.TEMPLATE_ID:
                return OrderCancelReject535Encoder.sendingTimeEpochEncodingOffset();
            case OrderCancelReplaceReject536Encoder.TEMPLATE_ID:
                return OrderCancelReplaceReject536Encoder.sendingTimeEpochEncodingOffset();
            case OrderMassActionReport562Encoder.TEMPLATE_ID:
                return OrderMassActionReport562Encoder.sendingTimeEpochEncodingOffset();
            default:
                return ABSENT;
        }
    }
}
