package io.wirespeed.sim.venue;

/**
 * The counters the venue's FIXP acceptor keeps, by type id and label.
 */
public enum AcceptorCounter
{
    CONNECTIONS_ACCEPTED(4100, "connections accepted"),
    CONNECTIONS_REFUSED(4101, "connections refused (no free slot)"),
    NEGOTIATIONS(4102, "negotiations accepted"),
    NEGOTIATION_REJECTS(4103, "negotiations rejected"),
    ESTABLISHMENTS(4104, "establishments acknowledged"),
    ESTABLISHMENT_REJECTS(4105, "establishments rejected"),
    MESSAGES_RECEIVED(4106, "business messages received in sequence"),
    MESSAGES_SENT(4107, "business messages committed"),
    NOT_APPLIED_SENT(4108, "NotApplied sent (client gap)"),
    DUPLICATES(4109, "client messages below the expected sequence number (session terminated)"),
    RETRANSMIT_REQUESTS(4110, "RetransmitRequest received"),
    RETRANSMITTED(4111, "messages retransmitted"),
    RETRANSMIT_REJECTS(4112, "RetransmitReject sent"),
    SEQUENCES_SENT(4113, "Sequence sent"),
    KEEPALIVE_TERMINATES(4114, "terminated: client silent after lapse"),
    TERMINATES_RECEIVED(4115, "Terminate received"),
    DISCONNECTS(4116, "connections closed"),
    FAULT_DROPS(4117, "fault: connections dropped"),
    FAULT_SKIPPED(4118, "fault: outbound messages withheld (gap)"),
    FAULT_INBOUND_LOST(4119, "fault: inbound messages ignored"),
    PROTOCOL_ERRORS(4120, "protocol errors (unexpected or malformed message)"),
    TAKEOVERS(4121, "sessions moved to a client's new connection (old one still open, closed)"),
    TERMINATES_SENT(4122, "Terminate sent"),
    SEND_OVERFLOWS(4123, "messages not sent: connection back-pressured and hold-back full (retransmittable)");

    private final int typeId;
    private final String label;

    AcceptorCounter(final int typeId, final String label)
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
