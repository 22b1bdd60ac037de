package io.wirespeed.sim.venue;

/**
 * Why the venue refuses a cancel or a cancel/replace: CxlRejReason on OrderCancelReject and OrderCancelReplaceReject,
 * FIX tag 102's values and CME's own reject codes, each with the Text it carries (CME's wording where CME documents
 * one).
 */
public enum CxlRejReason
{
    /**
     * FIX 1: no order with this OrderID (or ClOrdID) was ever known.
     */
    UNKNOWN_ORDER(1, "unknown order"),

    /**
     * FIX 18: the new price is not a multiple of the tick.
     */
    INVALID_PRICE_INCREMENT(18, "price not a multiple of the tick"),

    /**
     * FIX 99: a field a replace may not change (instrument, order type) or a time in force the venue does not take.
     */
    UNCHANGEABLE_FIELD(99, "only the price, quantity and time in force of a limit order may change"),

    /**
     * FIX 99: the new quantity is not above what already filled.
     */
    QTY_NOT_ABOVE_FILLED(99, "order quantity not above the quantity already filled"),

    /**
     * CME 1003: the instrument's market is closed.
     */
    MARKET_CLOSED(1003, "Orders may not be cancelled while the market is closed"),

    /**
     * CME 2045: the order is no longer working (filled, canceled or expired).
     */
    NOT_IN_BOOK(2045, "This order is not in the book"),

    /**
     * CME 2048: the order belongs to another session.
     */
    DIFFERENT_SENDER(2048, "The order was submitted with a different SenderCompID than the requesting cancel"),

    /**
     * CME 2051: the request names the other side.
     */
    DIFFERENT_SIDE(2051, "The Order was submitted with a different side than the requesting Cancel");

    private final int code;
    private final byte[] text;

    CxlRejReason(final int code, final String text)
    {
        this.code = code;
        this.text = Ascii.padded(text, 256);
    }

    /**
     * The CxlRejReason value.
     *
     * @return the code.
     */
    public int code()
    {
        return code;
    }

    /**
     * The Text, 256 bytes padded with NUL.
     */
    byte[] text()
    {
        return text;
    }
}
