package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.ManualOrdIndReq;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;

/**
 * A working client order, pooled by {@link ClientOrders}: what its reports echo and where it rests.
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
