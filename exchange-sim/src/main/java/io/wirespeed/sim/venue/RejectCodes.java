package io.wirespeed.sim.venue;

import java.nio.charset.StandardCharsets;

/**
 * The reason codes the venue puts in OrdRejReason, CxlRejReason and MassActionRejectReason, FIX's values.
 */
public final class RejectCodes
{
    /**
     * Venue option: the reject fault's default.
     */
    public static final int VENUE_OPTION = 0;

    /**
     * The security id is not traded here.
     */
    public static final int UNKNOWN_SECURITY = 1;

    /**
     * The instrument is not open for trading.
     */
    public static final int MARKET_CLOSED = 2;

    /**
     * The book has no room for another client order.
     */
    public static final int BOOK_FULL = 3;

    /**
     * Cancel or replace of an order no longer working (filled or cancelled).
     */
    public static final int TOO_LATE = 4;

    /**
     * Cancel or replace of an order the venue does not know.
     */
    public static final int UNKNOWN_ORDER = 5;

    /**
     * Side, order type or time in force not supported, or a field the request may not change.
     */
    public static final int UNSUPPORTED = 11;

    /**
     * Quantity zero, negative, or not above what already filled.
     */
    public static final int BAD_QTY = 13;

    /**
     * Price missing or not a multiple of the tick.
     */
    public static final int OFF_TICK = 18;

    /**
     * A market order found no price on the other side.
     */
    public static final int NO_MARKET = 19;

    /**
     * Mass action of an unsupported scope.
     */
    public static final int UNSUPPORTED_SCOPE = 99;

    private static final byte[][] TEXTS = new byte[100][];

    static
    {
        text(VENUE_OPTION, "rejected by venue option");
        text(UNKNOWN_SECURITY, "unknown security id");
        text(MARKET_CLOSED, "instrument not open for trading");
        text(BOOK_FULL, "book full for client orders");
        text(TOO_LATE, "too late: order filled or cancelled");
        text(UNKNOWN_ORDER, "unknown order");
        text(UNSUPPORTED, "unsupported side, order type or time in force");
        text(BAD_QTY, "invalid quantity");
        text(OFF_TICK, "price missing or off tick");
        text(NO_MARKET, "no market for a market order");
        text(UNSUPPORTED_SCOPE, "unsupported mass action scope");
    }

    private RejectCodes()
    {
    }

    /**
     * The Text a reject carries, 256 bytes padded with NUL.
     *
     * @param code a reason code; other values get the venue option text.
     * @return the text.
     */
    static byte[] text(final int code)
    {
        final byte[] text = code >= 0 && code < TEXTS.length ? TEXTS[code] : null;
        return null == text ? TEXTS[VENUE_OPTION] : text;
    }

    private static void text(final int code, final String text)
    {
        final byte[] bytes = new byte[256];
        final byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, 0, ascii.length);
        TEXTS[code] = bytes;
    }
}
