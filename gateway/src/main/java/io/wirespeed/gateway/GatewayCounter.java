package io.wirespeed.gateway;

/**
 * The counters the order gateway keeps in the counters file, by type id and label.
 */
public enum GatewayCounter
{
    ORDERS_RECEIVED(3000, "new orders received"),
    ORDERS_ACCEPTED(3001, "new orders accepted and sent to the venue"),
    REJECTED_VALIDATION(3002, "requests rejected: validation (strategy, instrument, side, type, qty, tick)"),
    REJECTED_DUPLICATE(3003, "requests rejected: duplicate client order id"),
    REJECTED_RISK(3004, "requests rejected: pre-trade risk limit"),
    REJECTED_RATE(3005, "requests rejected: order or message rate"),
    REJECTED_KILL_SWITCH(3006, "requests rejected: kill switch"),
    REJECTED_SESSION(3007, "requests rejected: venue session not established, back pressured or journal full"),
    REJECTED_UNKNOWN_ORDER(3008, "cancels and replaces rejected: unknown, inactive or already finished order"),
    VENUE_REJECTS(3009, "orders rejected by the venue (reject, not applied, business reject)"),
    CANCELS_RECEIVED(3010, "cancel requests received"),
    CANCELS_SENT(3011, "cancels sent to the venue (strategy, kill switch, disconnect)"),
    REPLACES_RECEIVED(3012, "replace requests received"),
    REPLACES_SENT(3013, "replaces sent to the venue"),
    CANCELED(3014, "orders canceled"),
    REPLACED(3015, "orders replaced"),
    FILLS(3016, "fills"),
    KILLS(3017, "kill switch trips from the control stream"),
    AUTO_KILLS(3018, "kill switch trips on a limit breach"),
    RESUMES(3019, "kill switch resets"),
    LIMITS_SET(3020, "limits changed at run time"),
    CONTROL_REFUSED(3021, "control messages refused (unknown target or bad value)"),
    STRATEGIES_DISCONNECTED(3022, "strategies disconnected (publication image gone)"),
    EXEC_REPORTS_PUBLISHED(3023, "execution reports published"),
    RISK_DECISIONS_PUBLISHED(3024, "risk decisions published"),
    OFFER_FAILURES(3025, "broadcasts and unidentified answers dropped after back pressure retries"),
    UNKNOWN_VENUE_ORDERS(3026, "venue reports for unknown gateway order ids"),
    ORDER_POOL_EXHAUSTED(3027, "new orders rejected: order pool exhausted"),
    MALFORMED_MESSAGES(3028, "malformed or unknown messages on the order or control stream"),
    SESSION_STATE_CHANGES(3029, "venue session state changes"),
    MASS_CANCELS_SENT(3030, "mass cancels sent to the venue"),
    IMPERSONATIONS(3031, "requests refused: the strategy id belongs to another publication"),
    RECOVERY_KILLS(3032, "kill switch latched: the venue refused to retransmit, reports lost"),
    STATUS_REQUESTS_SENT(3033, "order status requests sent after lost reports"),
    STATUS_REQUESTS_NOT_SENT(3034, "order status requests not sent (session down or back pressured)"),
    MISSED_FILLS(3035, "fills the gateway missed, reported from the venue's cumulative quantity"),
    ORDERS_RECONCILED(3036, "orders closed or confirmed from a venue status report"),
    SESSION_ALARMS(3037, "venue session alarms"),
    ANSWERS_HELD(3038, "answers to a strategy held in its backlog (it could not take them)"),
    ANSWERS_DELIVERED_LATE(3039, "held answers delivered from a backlog"),
    ANSWERS_LOST(3040, "answers lost: the strategy's backlog was full (it sees the gap in streamSeq)"),
    STRATEGIES_CUT_OFF(3041, "strategies cut off: answer backlog past its mark (new orders refused, open canceled)"),
    CONTROL_NOT_AUTHENTICATED(3050, "control messages refused: not signed with the operator key, or replayed"),
    REJECTED_STALE_REFERENCE(3051, "requests refused: collar reference price from a STALE book or too old"),
    REJECTED_RECONCILING(3052, "new orders and replaces refused: restarted, still reconciling with the venue"),
    REJECTED_JOURNAL_BEHIND(3053, "new orders refused: their journal records would not fit in the tap"),
    RESTORES_RECONCILED(3054, "restarts from the journal reconciled with the venue (new orders accepted again)"),
    ORDERS_RESTORED(3055, "open orders restored from the journal at start");

    private final int typeId;
    private final String label;

    GatewayCounter(final int typeId, final String label)
    {
        this.typeId = typeId;
        this.label = label;
    }

    /**
     * The counter's type id in the counters file.
     *
     * @return the counter's type id.
     */
    public int typeId()
    {
        return typeId;
    }

    /**
     * What the counter counts.
     *
     * @return what the counter counts.
     */
    public String label()
    {
        return label;
    }
}
