package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;

/**
 * Where a client business message keeps its SeqNum: at byte 17 of the body in every template CME defines for the
 * client to send, except PartyDetailsListRequest (537), at 16.
 */
final class ClientSeqNum
{
    /**
     * Not a template a client sends.
     */
    static final int UNKNOWN_TEMPLATE = -1;

    private static final int PARTY_DETAILS_LIST_REQUEST = 537;

    private ClientSeqNum()
    {
    }

    /**
     * The SeqNum's offset in the body of a client business message.
     *
     * @param templateId the template.
     * @return the offset after the message header, or {@link #UNKNOWN_TEMPLATE}.
     */
    static int bodyOffset(final int templateId)
    {
        switch (templateId)
        {
            case 514: // NewOrderSingle
            case 515: // OrderCancelReplaceRequest
            case 516: // OrderCancelRequest
            case 517: // MassQuote
            case 518: // PartyDetailsDefinitionRequest
            case 528: // QuoteCancel
            case 529: // OrderMassActionRequest
            case 530: // OrderMassStatusRequest
            case 533: // OrderStatusRequest
            case 539: // ExecutionAck
            case 543: // RequestForQuote
            case 544: // NewOrderCross
            case 560: // SecurityDefinitionRequest
                return 17;
            case PARTY_DETAILS_LIST_REQUEST:
                return 16;
            default:
                return UNKNOWN_TEMPLATE;
        }
    }

    /**
     * The SeqNum's offset from the start of the SBE message header.
     */
    static int messageOffset(final int templateId)
    {
        final int body = bodyOffset(templateId);
        return UNKNOWN_TEMPLATE == body ? UNKNOWN_TEMPLATE : MessageHeaderDecoder.ENCODED_LENGTH + body;
    }
}
