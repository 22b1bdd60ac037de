package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.RejectReason;

/**
 * What CME's reject codes mean, as the gateway reports them. Two separate code spaces:
 * <ul>
 *     <li>CxlRejReason (FIX tag 102) on OrderCancelReject and OrderCancelReplaceReject: FIX's values (0 too late to
 *     cancel, 1 unknown order, 2 broker/exchange option, 3 already pending cancel or replace, 6 duplicate ClOrdID,
 *     8 price exceeds current price band, 18 invalid price increment, 99 other) and CME's own four-digit codes
 *     (1003 may not be cancelled while the market is closed, 2045 order not in the book, ...);</li>
 *     <li>OrdRejReason (tag 103) on ExecutionReportReject: CME's codes for new orders (1003 market closed or paused,
 *     2047 contract unknown, 2115 and 2501 quantity, 2137 outside limits, 2179 outside bands, ...).</li>
 * </ul>
 * A code with no closer meaning is {@link RejectReason#VENUE_REJECT}; the raw code always travels beside it.
 */
public final class CmeRejectCodes
{
    /**
     * CxlRejReason: too late to cancel.
     */
    public static final int CXL_TOO_LATE_TO_CANCEL = 0;

    /**
     * CxlRejReason: unknown order.
     */
    public static final int CXL_UNKNOWN_ORDER = 1;

    /**
     * CxlRejReason: broker / exchange option.
     */
    public static final int CXL_BROKER_EXCHANGE_OPTION = 2;

    /**
     * CxlRejReason: order already in pending cancel or pending replace status.
     */
    public static final int CXL_ALREADY_PENDING = 3;

    /**
     * CxlRejReason: duplicate ClOrdID received.
     */
    public static final int CXL_DUPLICATE_CLORDID = 6;

    /**
     * CxlRejReason: price exceeds current price band.
     */
    public static final int CXL_PRICE_BAND = 8;

    /**
     * CxlRejReason: invalid price increment.
     */
    public static final int CXL_INVALID_PRICE_INCREMENT = 18;

    /**
     * CxlRejReason: other.
     */
    public static final int CXL_OTHER = 99;

    /**
     * CME code (both spaces): the market is closed or paused.
     */
    public static final int MARKET_CLOSED = 1003;

    /**
     * CME CxlRejReason: the order is not in the book (already filled, cancelled or expired).
     */
    public static final int NOT_IN_BOOK = 2045;

    /**
     * CME OrdRejReason: the order's contract is unknown.
     */
    public static final int CONTRACT_UNKNOWN = 2047;

    /**
     * CME OrdRejReason: order quantity outside the allowable range.
     */
    public static final int QUANTITY_OUT_OF_RANGE = 2115;

    /**
     * CME OrdRejReason: order price outside the limits.
     */
    public static final int PRICE_OUTSIDE_LIMITS = 2137;

    /**
     * CME OrdRejReason: order price outside the bands.
     */
    public static final int PRICE_OUTSIDE_BANDS = 2179;

    /**
     * CME OrdRejReason: order quantity too low.
     */
    public static final int QUANTITY_TOO_LOW = 2501;

    private CmeRejectCodes()
    {
    }

    /**
     * The meaning of a CxlRejReason, on a refused cancel or replace.
     *
     * @param cxlRejReason the venue's code.
     * @return the reason reported.
     */
    public static RejectReason cancelReject(final int cxlRejReason)
    {
        switch (cxlRejReason)
        {
            case CXL_TOO_LATE_TO_CANCEL:
            case NOT_IN_BOOK:
                return RejectReason.TOO_LATE_TO_CANCEL;
            case CXL_UNKNOWN_ORDER:
                return RejectReason.UNKNOWN_ORDER;
            case CXL_ALREADY_PENDING:
                return RejectReason.ORDER_NOT_ACTIVE;
            case CXL_DUPLICATE_CLORDID:
                return RejectReason.DUPLICATE_CLORDID;
            case CXL_PRICE_BAND:
                return RejectReason.VENUE_PRICE_BAND;
            case CXL_INVALID_PRICE_INCREMENT:
                return RejectReason.PRICE_NOT_ON_TICK;
            case MARKET_CLOSED:
                return RejectReason.MARKET_CLOSED;
            default:
                return RejectReason.VENUE_REJECT;
        }
    }

    /**
     * The meaning of an OrdRejReason, on a refused new order.
     *
     * @param ordRejReason the venue's code.
     * @return the reason reported.
     */
    public static RejectReason orderReject(final int ordRejReason)
    {
        switch (ordRejReason)
        {
            case MARKET_CLOSED:
                return RejectReason.MARKET_CLOSED;
            case CONTRACT_UNKNOWN:
                return RejectReason.UNKNOWN_INSTRUMENT;
            case QUANTITY_OUT_OF_RANGE:
            case QUANTITY_TOO_LOW:
                return RejectReason.INVALID_QUANTITY;
            case PRICE_OUTSIDE_LIMITS:
            case PRICE_OUTSIDE_BANDS:
                return RejectReason.VENUE_PRICE_BAND;
            default:
                return RejectReason.VENUE_REJECT;
        }
    }
}
