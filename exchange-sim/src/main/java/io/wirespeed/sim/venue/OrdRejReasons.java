package io.wirespeed.sim.venue;

/**
 * OrdRejReason (FIX tag 103) on ExecutionReportReject: why a new order was refused, FIX's values, each with the text
 * the reject carries. Cancel and replace rejects have their own list, {@link CxlRejReason}.
 */
public final class OrdRejReasons
{
    /**
     * Broker / exchange option: the reject fault's default.
     */
    public static final int VENUE_OPTION = 0;

    /**
     * Unknown symbol: the security id is not traded here.
     */
    public static final int UNKNOWN_SECURITY = 1;

    /**
     * Exchange closed: the instrument is not open for trading.
     */
    public static final int MARKET_CLOSED = 2;

    /**
     * Order exceeds limit: the book has no room for another client order.
     */
    public static final int BOOK_FULL = 3;

    /**
     * Duplicate order: the session has a working order with this ClOrdID (CME checks ClOrdID uniqueness per session
     * among working orders; one of a finished order may be used again).
     */
    public static final int DUPLICATE_ORDER = 6;

    /**
     * Unsupported order characteristic: side, order type or time in force.
     */
    public static final int UNSUPPORTED = 11;

    /**
     * Incorrect quantity: zero or negative.
     */
    public static final int BAD_QTY = 13;

    /**
     * Invalid price increment: price missing or not a multiple of the tick.
     */
    public static final int OFF_TICK = 18;

    /**
     * Reference price not available: a market-with-protection order found no price on the other side.
     */
    public static final int NO_MARKET = 19;

    private static final byte[] VENUE_OPTION_TEXT = Ascii.padded("rejected by venue option", 256);
    private static final byte[] UNKNOWN_SECURITY_TEXT = Ascii.padded("unknown security id", 256);
    private static final byte[] MARKET_CLOSED_TEXT = Ascii.padded("instrument not open for trading", 256);
    private static final byte[] BOOK_FULL_TEXT = Ascii.padded("book full for client orders", 256);
    private static final byte[] UNSUPPORTED_TEXT =
        Ascii.padded("unsupported side, order type or time in force", 256);
    private static final byte[] DUPLICATE_ORDER_TEXT = Ascii.padded("duplicate ClOrdID of a working order", 256);
    private static final byte[] BAD_QTY_TEXT = Ascii.padded("order quantity must be above zero", 256);
    private static final byte[] OFF_TICK_TEXT = Ascii.padded("price missing or not a multiple of the tick", 256);
    private static final byte[] NO_MARKET_TEXT =
        Ascii.padded("no price on the other side for a market-with-protection order", 256);

    private OrdRejReasons()
    {
    }

    /**
     * The Text a reject carries, 256 bytes padded with NUL.
     *
     * @param code an OrdRejReason; others get the venue option text.
     * @return the text.
     */
    static byte[] text(final int code)
    {
        switch (code)
        {
            case UNKNOWN_SECURITY:
                return UNKNOWN_SECURITY_TEXT;
            case MARKET_CLOSED:
                return MARKET_CLOSED_TEXT;
            case BOOK_FULL:
                return BOOK_FULL_TEXT;
            case UNSUPPORTED:
                return UNSUPPORTED_TEXT;
            case BAD_QTY:
                return BAD_QTY_TEXT;
            case DUPLICATE_ORDER:
                return DUPLICATE_ORDER_TEXT;
            case OFF_TICK:
                return OFF_TICK_TEXT;
            case NO_MARKET:
                return NO_MARKET_TEXT;
            default:
                return VENUE_OPTION_TEXT;
        }
    }
}
