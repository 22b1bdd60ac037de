package io.wirespeed.sim;

/**
 * The counters a market-data simulator keeps per channel, by type id and label.
 */
public enum SimCounter
{
    /**
     * Incremental packets sent on the feeds, each once on A and once on B.
     */
    INCREMENTAL_PACKETS(3000, "incremental packets"),

    /**
     * MsgSeqNum of the last incremental packet sent.
     */
    LAST_MSG_SEQ_NUM(3001, "last incremental MsgSeqNum"),

    /**
     * Schedule slots run.
     */
    SCHEDULE_SLOTS(3002, "schedule slots"),

    /**
     * How late the last slot ran after its intended time.
     */
    SCHEDULE_LAG_NS(3003, "schedule lag ns (last slot)"),

    /**
     * Snapshot packets sent.
     */
    SNAPSHOT_PACKETS(3004, "snapshot packets"),

    /**
     * Snapshot loops completed.
     */
    SNAPSHOT_LOOPS(3005, "snapshot loops"),

    /**
     * Instrument definition packets sent.
     */
    DEFINITION_PACKETS(3006, "definition packets"),

    /**
     * Instrument definition loops completed.
     */
    DEFINITION_LOOPS(3007, "definition loops"),

    /**
     * Times a packet waited because a TX ring was full.
     */
    TX_BACK_PRESSURE(3008, "tx back pressure (packet retried)"),

    /**
     * Channel resets sent.
     */
    CHANNEL_RESETS(3009, "channel resets"),

    /**
     * Trading status changes sent.
     */
    STATUS_CHANGES(3010, "trading status changes"),

    /**
     * Commands naming a security id the channel does not carry, ignored.
     */
    UNKNOWN_INSTRUMENT_COMMANDS(3011, "commands for unknown instruments"),

    /**
     * Order-entry client events (orders, cancels, replaces) published on the incremental feed.
     */
    CLIENT_EVENTS(3012, "client order events published"),

    /**
     * Client events whose trades could not be staged (feeds back-pressured); the book changes go with the next event.
     */
    CLIENT_EVENTS_UNPUBLISHED(3013, "client order events not published (staging full)"),

    /**
     * Statistics events of the schedule and the statistics period (settlements, indicative opening, limits...).
     */
    STATISTICS_EVENTS(3014, "statistics events"),

    /**
     * Heartbeat packets sent on an idle incremental feed.
     */
    HEARTBEATS(3015, "heartbeats");

    private final int typeId;
    private final String label;

    SimCounter(final int typeId, final String label)
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
