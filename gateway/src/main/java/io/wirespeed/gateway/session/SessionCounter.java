package io.wirespeed.gateway.session;

/**
 * The counters a venue session (initiator) keeps in the counters file, by type id and label.
 */
public enum SessionCounter
{
    CONNECT_ATTEMPTS(3100, "connect attempts"),
    CONNECT_FAILURES(3101, "connects failed or timed out"),
    DISCONNECTS(3102, "connections lost"),
    NEGOTIATIONS(3103, "negotiations accepted"),
    NEGOTIATION_REJECTS(3104, "negotiations rejected"),
    ESTABLISHMENTS(3105, "establishments acknowledged"),
    ESTABLISHMENT_REJECTS(3106, "establishments rejected"),
    MESSAGES_SENT(3107, "business messages sent"),
    MESSAGES_RECEIVED(3108, "business messages received in sequence"),
    SEQUENCES_SENT(3109, "Sequence (heartbeat) sent"),
    SEQUENCES_RECEIVED(3110, "Sequence received"),
    KEEPALIVE_LAPSES(3111, "venue keepalive lapsed (Sequence Lapsed sent)"),
    KEEPALIVE_TERMINATES(3112, "terminated: venue silent after lapse"),
    GAPS(3113, "inbound gaps detected"),
    RETRANSMIT_REQUESTS(3114, "RetransmitRequest sent"),
    RETRANSMIT_REJECTS(3115, "RetransmitReject received"),
    DUPLICATES(3116, "inbound messages already seen, skipped"),
    LIVE_BUFFERED(3117, "live messages buffered during retransmission"),
    LIVE_BUFFER_OVERFLOWS(3118, "live messages dropped (buffer full), recovered later"),
    NOT_APPLIED(3119, "NotApplied received"),
    BUSINESS_REJECTS(3120, "BusinessReject received"),
    TERMINATES_RECEIVED(3121, "Terminate received"),
    TERMINATES_SENT(3122, "Terminate sent"),
    BACK_PRESSURED(3123, "sends refused: transport back pressured"),
    NOT_ESTABLISHED(3124, "sends refused: session not established"),
    UNKNOWN_TEMPLATES(3125, "inbound messages of unknown template"),
    MALFORMED(3126, "inbound messages malformed (short, wrong schema)"),
    WRONG_UUID(3127, "inbound messages for another UUID"),
    REJECTS_RETRIED(3128, "negotiation or establishment rejects retried after backoff"),
    RENEGOTIATIONS(3129, "establishments refused as unnegotiated: UUID negotiated again"),
    FRAMING_ERRORS(3130, "connections dropped: SOFH header refused (encoding type or length)"),
    ALARMS(3131, "alarms raised (error log and session event)"),
    UNKNOWN_PREVIOUS_UUIDS(3132, "venue named a previous UUID not the gateway's: its messages may be missing"),
    PREVIOUS_UUID_REQUESTS(3133, "RetransmitRequest sent for the previous UUID (LastUUID)"),
    PREVIOUS_UUID_RECOVERED(3134, "previous UUID's messages recovered and delivered"),
    RETRANSMISSION_MISMATCHES(3135, "Retransmission or RetransmitReject not matching the outstanding request"),
    RETRANSMIT_TIMEOUTS(3136, "retransmissions not completed in time, asked again"),
    OUT_OF_ORDER_RETRANSMISSIONS(3137, "retransmitted messages ahead of the next expected, asked again on timeout"),
    POSS_RETRANS_MISMATCHES(3138, "PossRetransFlag missing in a retransmission or set on a live message"),
    SEQ_NO_TOO_LOW_TERMINATES(3139, "terminated: venue NextSeqNo below the next expected"),
    BUSINESS_NOT_ESTABLISHED(3140, "business messages received while not established, dropped"),
    JOURNAL_FULL(3141, "sends refused: journal tap full, nothing written to the venue");

    private final int typeId;
    private final String label;

    SessionCounter(final int typeId, final String label)
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
