package io.wirespeed.sim.venue;

import io.wirespeed.codecs.ilink3.MassActionScope;
import io.wirespeed.codecs.ilink3.OrderType;
import io.wirespeed.codecs.ilink3.SideReq;
import io.wirespeed.codecs.ilink3.TimeInForce;

/**
 * Maps raw iLink 3 enum values to their types without the generated lookups, which throw on unknown values: an
 * unknown value maps to the type's NULL_VAL.
 */
final class Decoding
{
    private Decoding()
    {
    }

    static SideReq side(final short raw)
    {
        return 1 == raw ? SideReq.Buy : 2 == raw ? SideReq.Sell : SideReq.NULL_VAL;
    }

    static OrderType ordType(final byte raw)
    {
        switch (raw)
        {
            case '1':
                return OrderType.MarketWithProtection;
            case '2':
                return OrderType.Limit;
            case '4':
                return OrderType.StopLimit;
            case 'K':
                return OrderType.MarketWithLeftoverAsLimit;
            default:
                return OrderType.NULL_VAL;
        }
    }

    static TimeInForce timeInForce(final short raw)
    {
        switch (raw)
        {
            case 0:
                return TimeInForce.Day;
            case 1:
                return TimeInForce.GoodTillCancel;
            case 3:
                return TimeInForce.FillAndKill;
            case 4:
                return TimeInForce.FillOrKill;
            case 6:
                return TimeInForce.GoodTillDate;
            default:
                return TimeInForce.NULL_VAL;
        }
    }

    static MassActionScope massActionScope(final short raw)
    {
        switch (raw)
        {
            case 1:
                return MassActionScope.Instrument;
            case 7:
                return MassActionScope.All;
            case 9:
                return MassActionScope.MarketSegmentID;
            case 10:
                return MassActionScope.InstrumentGroup;
            case 100:
                return MassActionScope.QuoteSetID;
            default:
                return MassActionScope.NULL_VAL;
        }
    }
}
