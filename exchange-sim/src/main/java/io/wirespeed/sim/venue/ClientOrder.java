package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;

/**
 * A client order, pooled by {@link ClientOrders}: what its reports echo and where it rests while working, and its
 * final state once done (a copy kept by {@link FinishedOrders}).
 */
final class ClientOrder
{
    static final int CL_ORD_ID_LENGTH = 20;
    static final int SENDER_ID_LENGTH = 20;
    static final int LOCATION_LENGTH = 5;

    final byte[] clOrdId = new byte[CL_ORD_ID_LENGTH];
    final byte[] senderId = new byte[SENDER_ID_LENGTH];
    final byte[] location = new byte[LOCATION_LENGTH];
    long orderId;
    long bookOrderId;
    int securityId;
    ClientSession session;
    ClientSession owner;
    int sessionIndex;
    long orderRequestId;
    long partyDetailsListReqId;
    SideReq side;
    OrderType ordType;
    TimeInForce timeInForce;
    ManualOrdIndReq manualOrderIndicator;
    long price;
    long orderQty;
    long cumQty;
    long leavesQty;
    boolean replaced;

    /**
     * Copy what a status report needs from an order that is done; the copy keeps its owner, has no session.
     */
    void copyFinished(final ClientOrder order)
    {
        System.arraycopy(order.clOrdId, 0, clOrdId, 0, CL_ORD_ID_LENGTH);
        System.arraycopy(order.senderId, 0, senderId, 0, SENDER_ID_LENGTH);
        System.arraycopy(order.location, 0, location, 0, LOCATION_LENGTH);
        orderId = order.orderId;
        bookOrderId = 0;
        securityId = order.securityId;
        session = null;
        owner = order.owner;
        orderRequestId = order.orderRequestId;
        partyDetailsListReqId = order.partyDetailsListReqId;
        side = order.side;
        ordType = order.ordType;
        timeInForce = order.timeInForce;
        manualOrderIndicator = order.manualOrderIndicator;
        price = order.price;
        orderQty = order.orderQty;
        cumQty = order.cumQty;
        leavesQty = 0;
        replaced = order.replaced;
    }

    boolean hasClOrdId(final byte[] other)
    {
        for (int i = 0; i < CL_ORD_ID_LENGTH; i++)
        {
            if (clOrdId[i] != other[i])
            {
                return false;
            }
        }
        return true;
    }
}
