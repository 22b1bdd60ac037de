package io.wirespeed.gateway.session;

import io.wirespeed.codecs.ilink3.BooleanNULL;
import io.wirespeed.codecs.ilink3.ExecMode;
import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.MassActionOrdTyp;
import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.codecs.ilink3.MassCancelTIF;
import io.wirespeed.codecs.ilink3.MassCxlReqTyp;
import io.wirespeed.codecs.ilink3.MassStatusOrdTyp;
import io.wirespeed.codecs.ilink3.MassStatusReqTyp;
import io.wirespeed.codecs.ilink3.MassStatusTIF;
import io.wirespeed.codecs.ilink3.MessageHeaderEncoder;
import io.wirespeed.codecs.ilink3.NewOrderSingle514Encoder;
import io.wirespeed.codecs.ilink3.OFMOverrideReq;
import io.wirespeed.codecs.ilink3.OrderCancelReplaceRequest515Encoder;
import io.wirespeed.codecs.ilink3.OrderCancelRequest516Encoder;
import io.wirespeed.codecs.ilink3.OrderMassActionRequest529Encoder;
import io.wirespeed.codecs.ilink3.OrderMassStatusRequest530Encoder;
import io.wirespeed.codecs.ilink3.OrderStatusRequest533Encoder;
import io.wirespeed.codecs.ilink3.OrderTypeReq;
import io.wirespeed.codecs.ilink3.PRICENULL9Encoder;
import io.wirespeed.codecs.ilink3.ShortSaleType;
import io.wirespeed.codecs.ilink3.SideNULL;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.internal.OrdType;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.codecs.internal.TimeInForce;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the gateway's order requests as iLink 3 NewOrderSingle, OrderCancelReplaceRequest, OrderCancelRequest,
 * OrderMassActionRequest, OrderStatusRequest and OrderMassStatusRequest, every field the venue reads filled and the
 * rest null (a null char is the byte 0x00, as CME sends it), without allocation.
 * <p>
 * Ids on the wire, gateway ids in decimal: a new order carries its order id in ClOrdID and OrderRequestID; a cancel
 * carries the order's id in ClOrdID and the request's id in OrderRequestID; a replace carries the request's id (the
 * order's new ClOrdID) in ClOrdID and the order's previous id in OrderRequestID; a mass cancel carries the request's
 * id in OrderRequestID. The venue echoes ClOrdID and OrderRequestID on the reports that answer a request.
 */
public final class OrderEncoder
{
    private static final int ID_LENGTH = 20;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final NewOrderSingle514Encoder newOrder = new NewOrderSingle514Encoder();
    private final OrderCancelReplaceRequest515Encoder replace = new OrderCancelReplaceRequest515Encoder();
    private final OrderCancelRequest516Encoder cancel = new OrderCancelRequest516Encoder();
    private final OrderMassActionRequest529Encoder massAction = new OrderMassActionRequest529Encoder();
    private final OrderStatusRequest533Encoder orderStatus = new OrderStatusRequest533Encoder();
    private final OrderMassStatusRequest530Encoder massStatus = new OrderMassStatusRequest530Encoder();
    private final String senderId;
    private final String location;
    private final long partyDetailsListReqId;

    /**
     * An encoder stamping the session's fixed identity fields.
     *
     * @param senderId              SenderID (operator), up to 20 ASCII characters.
     * @param location              Location, up to 5 ASCII characters, e.g. {@code "US,IL"}.
     * @param partyDetailsListReqId the registered PartyDetailsListReqID.
     */
    public OrderEncoder(final String senderId, final String location, final long partyDetailsListReqId)
    {
        this.senderId = senderId;
        this.location = location;
        this.partyDetailsListReqId = partyDetailsListReqId;
    }

    /**
     * Encode a NewOrderSingle.
     *
     * @param buffer      to encode into.
     * @param offset      where the message header goes.
     * @param seqNum      SeqNum.
     * @param nowNs       SendingTimeEpoch.
     * @param orderId     gateway order id.
     * @param securityId  SecurityID.
     * @param side        Side.
     * @param ordType     OrdType.
     * @param timeInForce TimeInForce.
     * @param price       price mantissa, ignored for market orders.
     * @param qty         OrderQty.
     * @return bytes encoded, header included.
     */
    public int encodeNewOrder(
        final MutableDirectBuffer buffer,
        final int offset,
        final long seqNum,
        final long nowNs,
        final long orderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        final NewOrderSingle514Encoder e = newOrder.wrapAndApplyHeader(buffer, offset, headerEncoder);
        e.price().mantissa(OrdType.MARKET == ordType ? PRICENULL9Encoder.mantissaNullValue() : price);
        e.orderQty(qty).securityID(securityId).side(sideReq(side)).seqNum(seqNum);
        final int base = e.offset();
        AsciiFields.putText(buffer, base + NewOrderSingle514Encoder.senderIDEncodingOffset(), ID_LENGTH, senderId);
        AsciiFields.putDecimal(buffer, base + NewOrderSingle514Encoder.clOrdIDEncodingOffset(), ID_LENGTH, orderId);
        e.partyDetailsListReqID(partyDetailsListReqId).orderRequestID(orderId).sendingTimeEpoch(nowNs);
        e.stopPx().mantissa(PRICENULL9Encoder.mantissaNullValue());
        AsciiFields.putText(buffer, e.offset() + NewOrderSingle514Encoder.locationEncodingOffset(), 5, location);
        e.minQty(NewOrderSingle514Encoder.minQtyNullValue())
            .displayQty(NewOrderSingle514Encoder.displayQtyNullValue())
            .expireDate(NewOrderSingle514Encoder.expireDateNullValue())
            .ordType(orderType(ordType))
            .timeInForce(timeInForce(timeInForce))
            .manualOrderIndicator(ManualOrdIndReq.Automated);
        e.execInst().clear();
        e.executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL);

        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode an OrderCancelReplaceRequest, its message header at offset 0.
     *
     * @param buffer       to encode into.
     * @param seqNum       SeqNum.
     * @param nowNs        SendingTimeEpoch.
     * @param requestId    gateway id of the request, the new ClOrdID.
     * @param origOrderId  gateway id of the order, the OrderRequestID.
     * @param venueOrderId OrderID.
     * @param securityId   SecurityID.
     * @param side         Side.
     * @param ordType      OrdType.
     * @param timeInForce  TimeInForce.
     * @param price        new price mantissa.
     * @param qty          new OrderQty.
     * @return bytes encoded, header included.
     */
    public int encodeReplace(
        final MutableDirectBuffer buffer,
        final long seqNum,
        final long nowNs,
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final int securityId,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long price,
        final long qty)
    {
        final OrderCancelReplaceRequest515Encoder e = replace.wrapAndApplyHeader(buffer, 0, headerEncoder);
        e.price().mantissa(OrdType.MARKET == ordType ? PRICENULL9Encoder.mantissaNullValue() : price);
        e.orderQty(qty).securityID(securityId).side(sideReq(side)).seqNum(seqNum);
        AsciiFields.putText(
            buffer, e.offset() + OrderCancelReplaceRequest515Encoder.senderIDEncodingOffset(), ID_LENGTH, senderId);
        AsciiFields.putDecimal(
            buffer, e.offset() + OrderCancelReplaceRequest515Encoder.clOrdIDEncodingOffset(), ID_LENGTH, requestId);
        e.partyDetailsListReqID(partyDetailsListReqId).orderID(venueOrderId);
        e.stopPx().mantissa(PRICENULL9Encoder.mantissaNullValue());
        e.orderRequestID(origOrderId).sendingTimeEpoch(nowNs);
        AsciiFields.putText(
            buffer, e.offset() + OrderCancelReplaceRequest515Encoder.locationEncodingOffset(), 5, location);
        e.minQty(OrderCancelReplaceRequest515Encoder.minQtyNullValue())
            .displayQty(OrderCancelReplaceRequest515Encoder.displayQtyNullValue())
            .expireDate(OrderCancelReplaceRequest515Encoder.expireDateNullValue())
            .ordType(orderType(ordType))
            .timeInForce(timeInForce(timeInForce))
            .manualOrderIndicator(ManualOrdIndReq.Automated)
            .oFMOverride(OFMOverrideReq.Disabled);
        e.execInst().clear();
        e.executionMode(ExecMode.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL)
            .managedOrder(BooleanNULL.NULL_VAL)
            .shortSaleType(ShortSaleType.NULL_VAL);

        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode an OrderCancelRequest.
     *
     * @param buffer       to encode into.
     * @param offset       where the message header goes.
     * @param seqNum       SeqNum.
     * @param nowNs        SendingTimeEpoch.
     * @param requestId    gateway id of the request, the OrderRequestID.
     * @param origOrderId  gateway id of the order, the ClOrdID.
     * @param venueOrderId OrderID.
     * @param securityId   SecurityID.
     * @param side         Side.
     * @return bytes encoded, header included.
     */
    public int encodeCancel(
        final MutableDirectBuffer buffer,
        final int offset,
        final long seqNum,
        final long nowNs,
        final long requestId,
        final long origOrderId,
        final long venueOrderId,
        final int securityId,
        final Side side)
    {
        final OrderCancelRequest516Encoder e = cancel.wrapAndApplyHeader(buffer, offset, headerEncoder);
        e.orderID(venueOrderId)
            .partyDetailsListReqID(partyDetailsListReqId)
            .manualOrderIndicator(ManualOrdIndReq.Automated)
            .seqNum(seqNum);
        AsciiFields.putText(
            buffer, e.offset() + OrderCancelRequest516Encoder.senderIDEncodingOffset(), ID_LENGTH, senderId);
        AsciiFields.putDecimal(
            buffer, e.offset() + OrderCancelRequest516Encoder.clOrdIDEncodingOffset(), ID_LENGTH, origOrderId);
        e.orderRequestID(requestId).sendingTimeEpoch(nowNs);
        AsciiFields.putText(buffer, e.offset() + OrderCancelRequest516Encoder.locationEncodingOffset(), 5, location);
        e.securityID(securityId).side(sideReq(side)).liquidityFlag(BooleanNULL.NULL_VAL);

        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode an OrderMassActionRequest cancelling the session's orders, for one instrument or all.
     *
     * @param buffer     to encode into.
     * @param offset     where the message header goes.
     * @param seqNum     SeqNum.
     * @param nowNs      SendingTimeEpoch.
     * @param requestId  gateway id of the request, the OrderRequestID.
     * @param securityId SecurityID, or 0 for every instrument.
     * @return bytes encoded, header included.
     */
    public int encodeMassCancel(
        final MutableDirectBuffer buffer,
        final int offset,
        final long seqNum,
        final long nowNs,
        final long requestId,
        final int securityId)
    {
        final OrderMassActionRequest529Encoder e = massAction.wrapAndApplyHeader(buffer, offset, headerEncoder);
        e.partyDetailsListReqID(partyDetailsListReqId)
            .orderRequestID(requestId)
            .manualOrderIndicator(ManualOrdIndReq.Automated)
            .seqNum(seqNum);
        AsciiFields.putText(
            buffer, e.offset() + OrderMassActionRequest529Encoder.senderIDEncodingOffset(), ID_LENGTH, senderId);
        e.sendingTimeEpoch(nowNs);
        buffer.setMemory(e.offset() + OrderMassActionRequest529Encoder.securityGroupEncodingOffset(), 6, (byte)0);
        AsciiFields.putText(
            buffer, e.offset() + OrderMassActionRequest529Encoder.locationEncodingOffset(), 5, location);
        if (0 == securityId)
        {
            e.securityID(OrderMassActionRequest529Encoder.securityIDNullValue()).massActionScope(MassActionScope.All);
        }
        else
        {
            e.securityID(securityId).massActionScope(MassActionScope.Instrument);
        }
        e.marketSegmentID(OrderMassActionRequest529Encoder.marketSegmentIDNullValue())
            .massCancelRequestType(MassCxlReqTyp.NULL_VAL)
            .side(SideNULL.NULL_VAL)
            .ordType(MassActionOrdTyp.NULL_VAL)
            .timeInForce(MassCancelTIF.NULL_VAL)
            .liquidityFlag(BooleanNULL.NULL_VAL);

        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode an OrderStatusRequest for one order the venue knows by its OrderID.
     *
     * @param buffer       to encode into.
     * @param offset       where the message header goes.
     * @param seqNum       SeqNum.
     * @param nowNs        SendingTimeEpoch.
     * @param requestId    gateway id of the request, the OrdStatusReqID.
     * @param venueOrderId OrderID.
     * @return bytes encoded, header included.
     */
    public int encodeOrderStatus(
        final MutableDirectBuffer buffer,
        final int offset,
        final long seqNum,
        final long nowNs,
        final long requestId,
        final long venueOrderId)
    {
        final OrderStatusRequest533Encoder e = orderStatus.wrapAndApplyHeader(buffer, offset, headerEncoder);
        e.partyDetailsListReqID(partyDetailsListReqId)
            .ordStatusReqID(requestId)
            .manualOrderIndicator(ManualOrdIndReq.Automated)
            .seqNum(seqNum);
        AsciiFields.putText(
            buffer, e.offset() + OrderStatusRequest533Encoder.senderIDEncodingOffset(), ID_LENGTH, senderId);
        e.orderID(venueOrderId).sendingTimeEpoch(nowNs);
        AsciiFields.putText(buffer, e.offset() + OrderStatusRequest533Encoder.locationEncodingOffset(), 5, location);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * Encode an OrderMassStatusRequest for the session's working orders in one instrument.
     *
     * @param buffer     to encode into.
     * @param offset     where the message header goes.
     * @param seqNum     SeqNum.
     * @param nowNs      SendingTimeEpoch.
     * @param requestId  gateway id of the request, the MassStatusReqID.
     * @param securityId SecurityID.
     * @return bytes encoded, header included.
     */
    public int encodeMassStatus(
        final MutableDirectBuffer buffer,
        final int offset,
        final long seqNum,
        final long nowNs,
        final long requestId,
        final int securityId)
    {
        final OrderMassStatusRequest530Encoder e = massStatus.wrapAndApplyHeader(buffer, offset, headerEncoder);
        e.partyDetailsListReqID(partyDetailsListReqId)
            .massStatusReqID(requestId)
            .manualOrderIndicator(ManualOrdIndReq.Automated)
            .seqNum(seqNum);
        AsciiFields.putText(
            buffer, e.offset() + OrderMassStatusRequest530Encoder.senderIDEncodingOffset(), ID_LENGTH, senderId);
        e.sendingTimeEpoch(nowNs);
        buffer.setMemory(e.offset() + OrderMassStatusRequest530Encoder.securityGroupEncodingOffset(), 6, (byte)0);
        AsciiFields.putText(
            buffer, e.offset() + OrderMassStatusRequest530Encoder.locationEncodingOffset(), 5, location);
        e.securityID(securityId)
            .massStatusReqType(MassStatusReqTyp.Instrument)
            .ordStatusReqType(MassStatusOrdTyp.NULL_VAL)
            .timeInForce(MassStatusTIF.NULL_VAL)
            .marketSegmentID(OrderMassStatusRequest530Encoder.marketSegmentIDNullValue());
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    static SideReq sideReq(final Side side)
    {
        return Side.SELL == side ? SideReq.Sell : SideReq.Buy;
    }

    static OrderTypeReq orderType(final OrdType ordType)
    {
        return OrdType.MARKET == ordType ? OrderTypeReq.MarketwithProtection : OrderTypeReq.Limit;
    }

    static io.wirespeed.codecs.ilink3.TimeInForce timeInForce(final TimeInForce timeInForce)
    {
        switch (timeInForce)
        {
            case GTC:
                return io.wirespeed.codecs.ilink3.TimeInForce.GoodTillCancel;
            case IOC:
                return io.wirespeed.codecs.ilink3.TimeInForce.FillAndKill;
            case FOK:
                return io.wirespeed.codecs.ilink3.TimeInForce.FillOrKill;
            default:
                return io.wirespeed.codecs.ilink3.TimeInForce.Day;
        }
    }
}
