package io.wirespeed.sim;

import io.wirespeed.codecs.ilink3.ExecutionReportCancel534Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportModify531Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportNew522Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportReject523Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportStatus532Decoder;
import io.wirespeed.codecs.ilink3.ExecutionReportTradeOutright525Decoder;
import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.codecs.ilink3.MassStatusOrdTyp;
import io.wirespeed.codecs.ilink3.MassStatusReqTyp;
import io.wirespeed.codecs.ilink3.MassStatusTIF;
import io.wirespeed.codecs.ilink3.MessageHeaderDecoder;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Encoder;
import io.wirespeed.codecs.ilink3.OFMOverrideReq;
import io.wirespeed.codecs.ilink3.OrderCancelReject535Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceReject536Decoder;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceRequest515Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelRequest516Encoder;
import io.wirespeed.codecs.ilink3.OrderMassActionReport562Decoder;
import io.wirespeed.codecs.ilink3.OrderMassActionRequest529Encoder;
import io.wirespeed.codecs.ilink3.OrderMassStatusRequest530Encoder;
import io.wirespeed.codecs.ilink3.OrderStatusRequest533Encoder;
import io.wirespeed.sim.venue.OrderEntryApplication;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends iLink 3 business messages to an {@link OrderEntryApplication} as one client session would, and decodes what
 * came back; reuses its buffers, so sending allocates nothing.
 */
final class VenueClient
{
    static final byte LIMIT = '2';
    static final byte MARKET = '1';
    static final short BUY = 1;
    static final short SELL = 2;
    static final short DAY = 0;
    static final short FAK = 3;
    static final short FOK = 4;

    private static final byte[] SENDER = "TRADER1\0\0\0\0\0\0\0\0\0\0\0\0\0".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LOCATION = "US,IL".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    final RecordingOutbound outbound;
    private final OrderEntryApplication app;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderSingle514Encoder newOrder = new NewOrderSingle514Encoder();
    private final OrderCancelReplaceRequest515Encoder replace = new OrderCancelReplaceRequest515Encoder();
    private final OrderCancelRequest516Encoder cancel = new OrderCancelRequest516Encoder();
    private final OrderMassActionRequest529Encoder massAction = new OrderMassActionRequest529Encoder();
    private final OrderStatusRequest533Encoder orderStatus = new OrderStatusRequest533Encoder();
    private final OrderMassStatusRequest530Encoder massStatus = new OrderMassStatusRequest530Encoder();
    private final byte[] clOrdId = new byte[20];
    private long seqNum;

    VenueClient(final OrderEntryApplication app, final long uuid)
    {
        this.app = app;
        this.outbound = new RecordingOutbound(uuid);
    }

    void newOrder(
        final long id, final int securityId, final short side, final long price, final long qty)
    {
        newOrder(id, securityId, side, LIMIT, DAY, price, qty);
    }

    void newOrder(
        final long id,
        final int securityId,
        final short side,
        final byte ordType,
        final short timeInForce,
        final long price,
        final long qty)
    {
        newOrder.wrapAndApplyHeader(buffer, 0, header);
        newOrder.price().mantissa(price);
        newOrder.orderQty(qty).securityID(securityId);
        buffer.putByte(NewOrderSingle514Encoder.sideEncodingOffset() + 8, (byte)side);
        newOrder.seqNum(++seqNum).putSenderID(SENDER, 0).putClOrdID(clOrdId(id), 0).partyDetailsListReqID(7)
            .orderRequestID(id * 10).sendingTimeEpoch(0).putLocation(LOCATION, 0);
        newOrder.stopPx().mantissa(Long.MAX_VALUE);
        newOrder.minQty(0xFFFF_FFFFL).displayQty(0xFFFF_FFFFL).expireDate(0xFFFF);
        buffer.putByte(NewOrderSingle514Encoder.ordTypeEncodingOffset() + 8, ordType);
        buffer.putByte(NewOrderSingle514Encoder.timeInForceEncodingOffset() + 8, (byte)timeInForce);
        newOrder.manualOrderIndicator(ManualOrdIndReq.Automated);
        send(NewOrderSingle514Encoder.TEMPLATE_ID, newOrder.encodedLength());
    }

    void cancel(final long id, final long orderId, final int securityId, final short side)
    {
        cancel.wrapAndApplyHeader(buffer, 0, header).orderID(orderId).partyDetailsListReqID(7)
            .manualOrderIndicator(ManualOrdIndReq.Automated).seqNum(++seqNum).putSenderID(SENDER, 0)
            .putClOrdID(clOrdId(id), 0).orderRequestID(id * 10).sendingTimeEpoch(0).putLocation(LOCATION, 0)
            .securityID(securityId);
        buffer.putByte(OrderCancelRequest516Encoder.sideEncodingOffset() + 8, (byte)side);
        send(OrderCancelRequest516Encoder.TEMPLATE_ID, cancel.encodedLength());
    }

    void replace(final long id, final long orderId, final int securityId, final short side, final long price,
        final long qty)
    {
        replace.wrapAndApplyHeader(buffer, 0, header);
        replace.price().mantissa(price);
        replace.orderQty(qty).securityID(securityId);
        buffer.putByte(OrderCancelReplaceRequest515Encoder.sideEncodingOffset() + 8, (byte)side);
        replace.seqNum(++seqNum).putSenderID(SENDER, 0).putClOrdID(clOrdId(id), 0).partyDetailsListReqID(7)
            .orderID(orderId).orderRequestID(id * 10).sendingTimeEpoch(0).putLocation(LOCATION, 0);
        replace.stopPx().mantissa(Long.MAX_VALUE);
        replace.minQty(0xFFFF_FFFFL).displayQty(0xFFFF_FFFFL).expireDate(0xFFFF);
        buffer.putByte(OrderCancelReplaceRequest515Encoder.ordTypeEncodingOffset() + 8, LIMIT);
        buffer.putByte(OrderCancelReplaceRequest515Encoder.timeInForceEncodingOffset() + 8, (byte)DAY);
        replace.manualOrderIndicator(ManualOrdIndReq.Automated).oFMOverride(OFMOverrideReq.Disabled);
        send(OrderCancelReplaceRequest515Encoder.TEMPLATE_ID, replace.encodedLength());
    }

    void massCancel(final long id, final MassActionScope scope, final int securityId, final short side)
    {
        massAction.wrapAndApplyHeader(buffer, 0, header).partyDetailsListReqID(7).orderRequestID(id * 10)
            .manualOrderIndicator(ManualOrdIndReq.Automated).seqNum(++seqNum).putSenderID(SENDER, 0)
            .sendingTimeEpoch(0).putLocation(LOCATION, 0).securityID(securityId).massActionScope(scope)
            .marketSegmentID((short)255);
        buffer.putByte(OrderMassActionRequest529Encoder.sideEncodingOffset() + 8, (byte)side);
        buffer.putByte(OrderMassActionRequest529Encoder.massCancelRequestTypeEncodingOffset() + 8, (byte)255);
        buffer.putByte(OrderMassActionRequest529Encoder.ordTypeEncodingOffset() + 8, (byte)0);
        buffer.putByte(OrderMassActionRequest529Encoder.timeInForceEncodingOffset() + 8, (byte)255);
        send(OrderMassActionRequest529Encoder.TEMPLATE_ID, massAction.encodedLength());
    }

    void orderStatus(final long ordStatusReqId, final long orderId)
    {
        orderStatus.wrapAndApplyHeader(buffer, 0, header).partyDetailsListReqID(7).ordStatusReqID(ordStatusReqId)
            .manualOrderIndicator(ManualOrdIndReq.Automated).seqNum(++seqNum).putSenderID(SENDER, 0)
            .orderID(orderId).sendingTimeEpoch(0).putLocation(LOCATION, 0);
        send(OrderStatusRequest533Encoder.TEMPLATE_ID, orderStatus.encodedLength());
    }

    void massStatus(
        final long massStatusReqId,
        final MassStatusReqTyp type,
        final int securityId,
        final String securityGroup,
        final short marketSegmentId,
        final MassStatusTIF timeInForce,
        final MassStatusOrdTyp ordStatusReqType)
    {
        massStatus.wrapAndApplyHeader(buffer, 0, header).partyDetailsListReqID(7).massStatusReqID(massStatusReqId)
            .manualOrderIndicator(ManualOrdIndReq.Automated).seqNum(++seqNum).putSenderID(SENDER, 0)
            .sendingTimeEpoch(0).securityGroup(securityGroup).putLocation(LOCATION, 0).securityID(securityId)
            .massStatusReqType(type).ordStatusReqType(ordStatusReqType).timeInForce(timeInForce)
            .marketSegmentID(marketSegmentId);
        send(OrderMassStatusRequest530Encoder.TEMPLATE_ID, massStatus.encodedLength());
    }

    void sendRaw(final int templateId, final int length)
    {
        header.wrap(buffer, 0).blockLength(4).templateId(templateId).schemaId(8).version(5);
        send(templateId, length - MessageHeaderEncoder.ENCODED_LENGTH);
    }

    private void send(final int templateId, final int bodyLength)
    {
        app.onBusinessMessage(
            templateId, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength, seqNum, outbound);
    }

    byte[] clOrdId(final long id)
    {
        java.util.Arrays.fill(clOrdId, (byte)0);
        long value = id;
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }
        for (int i = digits - 1; i >= 0; i--)
        {
            clOrdId[i] = (byte)('0' + value % 10);
            value /= 10;
        }
        return clOrdId;
    }

    static <T> T decode(final DirectBuffer message, final T decoder)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(message, 0);
        final int offset = MessageHeaderDecoder.ENCODED_LENGTH;
        if (decoder instanceof ExecutionReportNew522Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof ExecutionReportReject523Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof ExecutionReportTradeOutright525Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof ExecutionReportModify531Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof ExecutionReportCancel534Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof ExecutionReportStatus532Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof OrderCancelReject535Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof OrderCancelReplaceReject536Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        else if (decoder instanceof OrderMassActionReport562Decoder d)
        {
            d.wrap(message, offset, header.blockLength(), header.version());
        }
        return decoder;
    }

    static ExecutionReportNew522Decoder asNew(final DirectBuffer message)
    {
        return decode(message, new ExecutionReportNew522Decoder());
    }

    static ExecutionReportReject523Decoder asReject(final DirectBuffer message)
    {
        return decode(message, new ExecutionReportReject523Decoder());
    }

    static ExecutionReportTradeOutright525Decoder asTrade(final DirectBuffer message)
    {
        return decode(message, new ExecutionReportTradeOutright525Decoder());
    }

    static ExecutionReportModify531Decoder asModify(final DirectBuffer message)
    {
        return decode(message, new ExecutionReportModify531Decoder());
    }

    static ExecutionReportCancel534Decoder asCancel(final DirectBuffer message)
    {
        return decode(message, new ExecutionReportCancel534Decoder());
    }

    static ExecutionReportStatus532Decoder asStatus(final DirectBuffer message)
    {
        return decode(message, new ExecutionReportStatus532Decoder());
    }

    static OrderCancelReject535Decoder asCancelReject(final DirectBuffer message)
    {
        return decode(message, new OrderCancelReject535Decoder());
    }

    static OrderCancelReplaceReject536Decoder asReplaceReject(final DirectBuffer message)
    {
        return decode(message, new OrderCancelReplaceReject536Decoder());
    }

    static OrderMassActionReport562Decoder asMassReport(final DirectBuffer message)
    {
        return decode(message, new OrderMassActionReport562Decoder());
    }
}
