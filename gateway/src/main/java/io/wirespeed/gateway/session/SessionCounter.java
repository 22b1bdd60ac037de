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
    RENEGOTIATIONS(3129, "establishments refused as unnegotiated: UUID negotiated again");

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
