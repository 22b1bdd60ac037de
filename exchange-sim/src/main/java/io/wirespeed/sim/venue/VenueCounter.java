package io.wirespeed.sim.venue;

/**
 * The counters the venue's order-entry application keeps, by type id and label.
 */
public enum VenueCounter
{
    /**
     * NewOrderSingle messages received, valid or not.
     */
    ORDERS_RECEIVED(4000, "orders received"),

    /**
     * New orders accepted (ExecutionReportNew sent).
     */
    ORDERS_ACCEPTED(4001, "orders accepted"),

    /**
     * New orders rejected (ExecutionReportReject sent), injected rejects included.
     */
    ORDERS_REJECTED(4002, "orders rejected"),

    /**
     * Fill reports sent, one per client order per fill.
     */
    FILLS(4003, "fills"),

    /**
     * Orders cancelled: on request, by mass action, fill-and-kill remainders and on disconnect.
     */
    CANCELS(4004, "cancels"),

    /**
     * Cancel requests rejected.
     */
    CANCEL_REJECTS(4005, "cancel rejects"),

    /**
     * Orders replaced.
     */
    REPLACES(4006, "replaces"),

    /**
     * Replace requests rejected.
     */
    REPLACE_REJECTS(4007, "replace rejects"),

    /**
     * Mass action requests handled, accepted or rejected.
     */
    MASS_ACTIONS(4008, "mass actions"),

    /**
     * Client orders working now.
     */
    OPEN_ORDERS(4009, "open client orders"),

    /**
     * Responses held back by the delay fault.
     */
    DELAYED_RESPONSES(4010, "delayed responses"),

    /**
     * Orders rejected by the reject fault.
     */
    INJECTED_REJECTS(4011, "injected rejects"),

    /**
     * Business messages of an unsupported template or too short, answered with BusinessReject.
     */
    BUSINESS_REJECTS(4012, "business rejects"),

    /**
     * OrderStatusRequest messages answered.
     */
    STATUS_REQUESTS(4013, "order status requests"),

    /**
     * OrderMassStatusRequest messages answered.
     */
    MASS_STATUS_REQUESTS(4014, "order mass status requests"),

    /**
     * New orders refused: the session already has a working order with the ClOrdID (as CME validates).
     */
    DUPLICATE_CL_ORD_IDS(4015, "new orders refused: ClOrdID of a working order of the session");

    private final int typeId;
    private final String label;

    VenueCounter(final int typeId, final String label)
    {
        this.typeId = typeId;
        this.label = label;
    }

    /**
     * The counter's type id in the counters file.
     *
     * @return the type id.
     */
    public int typeId()
    {
        return typeId;
    }

    /**
     * What the counter counts.
     *
     * @return the label.
     */
    public String label()
    {
        return label;
    }
}
