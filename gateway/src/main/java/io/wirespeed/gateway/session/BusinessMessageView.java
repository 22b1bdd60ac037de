package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.BusinessReject521Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportStatus532Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Decoder;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Decoder;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The session fields of one of the venue's business messages, read only once the frame is known to hold them: every
 * iLink 3 message from the venue starts its block with SeqNum (uInt32) and UUID (uInt64); PossRetransFlag sits at
 * a per-template offset.
 * <pre>
 *   | SBE message header (8) | SeqNum (4) | UUID (8) | ... PossRetransFlag (1) at its template's offset ... |
 * </pre>
 */
final class BusinessMessageView
{
    /**
     * Offset of SeqNum in the block of every business message the venue sends.
     */
    static final int SEQ_NUM_OFFSET = 0;

    /**
     * Offset of UUID in the block of every business message the venue sends.
     */
    static final int UUID_OFFSET = SEQ_NUM_OFFSET + BitUtil.SIZE_OF_INT;

    /**
     * Block bytes every business message must have: SeqNum and UUID.
     */
    static final int MIN_BLOCK_LENGTH = UUID_OFFSET + BitUtil.SIZE_OF_LONG;

    /**
     * PossRetransFlag offset of a template this gateway does not know.
     */
    static final int UNKNOWN_OFFSET = -1;

    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private DirectBuffer buffer;
    private int body;
    private int possRetransOffset;

    /**
     * Look at a message.
     *
     * @param buffer holds it.
     * @param offset where its message header starts.
     * @param length bytes of message, header included, as framed.
     * @return false if it is too short for its header, its declared block, SeqNum, UUID or PossRetransFlag.
     */
    boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            return false;
        }
        header.wrap(buffer, offset);
        final int blockLength = header.blockLength();
        possRetransOffset = possRetransFlagOffset(header.templateId());
        final int needed = Math.max(MIN_BLOCK_LENGTH, possRetransOffset + 1);
        if (blockLength < needed || length < HEADER_LENGTH + blockLength)
        {
            return false;
        }
        this.buffer = buffer;
        this.body = offset + HEADER_LENGTH;
        return true;
    }

    long seqNum()
    {
        return buffer.getInt(body + SEQ_NUM_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
    }

    long uuid()
    {
        return buffer.getLong(body + UUID_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Whether the template's PossRetransFlag is known, so {@link #possRetrans()} means something.
     */
    boolean hasPossRetrans()
    {
        return UNKNOWN_OFFSET != possRetransOffset;
    }

    boolean possRetrans()
    {
        return hasPossRetrans() && 1 == buffer.getByte(body + possRetransOffset);
    }

    /**
     * Where a business template keeps PossRetransFlag in its block.
     *
     * @param templateId iLink 3 template id.
     * @return the offset, or {@link #UNKNOWN_OFFSET}.
     */
    static int possRetransFlagOffset(final int templateId)
    {
        switch (templateId)
        {
            case BusinessReject521Decoder.TEMPLATE_ID:
                return BusinessReject521Decoder.possRetransFlagEncodingOffset();
            case ExecutionReportNew522Decoder.TEMPLATE_ID:
                return ExecutionReportNew522Decoder.possRetransFlagEncodingOffset();
            case ExecutionReportReject523Decoder.TEMPLATE_ID:
                return ExecutionReportReject523Decoder.possRetransFlagEncodingOffset();
            case ExecutionReportTradeOutright525Decoder.TEMPLATE_ID:
                return ExecutionReportTradeOutright525Decoder.possRetransFlagEncodingOffset();
            case ExecutionReportModify531Decoder.TEMPLATE_ID:
                return ExecutionReportModify531Decoder.possRetransFlagEncodingOffset();
            case ExecutionReportStatus532Decoder.TEMPLATE_ID:
                return ExecutionReportStatus532Decoder.possRetransFlagEncodingOffset();
            case ExecutionReportCancel534Decoder.TEMPLATE_ID:
                return ExecutionReportCancel534Decoder.possRetransFlagEncodingOffset();
            case OrderCancelReject535Decoder.TEMPLATE_ID:
                return OrderCancelReject535Decoder.possRetransFlagEncodingOffset();
            case OrderCancelReplaceReject536Decoder.TEMPLATE_ID:
                return OrderCancelReplaceReject536Decoder.possRetransFlagEncodingOffset();
            case OrderMassActionReport562Decoder.TEMPLATE_ID:
                return OrderMassActionReport562Decoder.possRetransFlagEncodingOffset();
            default:
                return UNKNOWN_OFFSET;
        }
    }
}
