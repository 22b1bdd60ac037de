package io.wirespeed.feed;

/**
 * The counters each feed channel keeps in the counters file, by type id and label.
 */
public enum FeedCounter
{
    PACKETS_A(2000, "packets feed A"),
    PACKETS_B(2001, "packets feed B"),
    PACKETS_SNAPSHOT(2002, "packets snapshot feed"),
    PACKETS_DEFINITION(2003, "packets definition feed"),
    DUPLICATES_A(2004, "duplicates feed A (the other copy won)"),
    DUPLICATES_B(2005, "duplicates feed B (the other copy won)"),
    SILENT_A(2006, "feed A went silent"),
    SILENT_B(2007, "feed B went silent"),
    GAPS(2010, "gaps declared (lost on both feeds)"),
    PACKETS_LOST(2011, "packets lost on both feeds"),
    GAPS_FILLED(2012, "gaps filled by the other feed"),
    INSTRUMENT_GAPS(2013, "instruments gone stale (RptSeq gap)"),
    RECOVERIES(2014, "instruments recovered from a snapshot"),
    RECOVERY_BUFFER_OVERFLOWS(2015, "recovery buffer overflows (buffer discarded, full snapshot recovery)"),
    CHANNEL_RESETS(2016, "channel resets"),
    UNKNOWN_INSTRUMENTS(2017, "entries for unknown security ids"),
    BOOKS(2018, "books (instruments known)"),
    BOOK_ENTRIES_REJECTED(2019, "book entries rejected (bad level or action)"),
    PUBLISH_DROPPED(2020, "publications dropped after back pressure retries"),
    PACKETS_TOO_LONG(2021, "packets too long to buffer"),
    WRONG_FEED_MESSAGES(2022, "messages of a template their feed does not carry, skipped"),
    MALFORMED_TRUNCATED_PACKET(2030, "malformed: packet shorter than its header"),
    MALFORMED_MESSAGE_SIZE(2031, "malformed: message size too small or truncated"),
    MALFORMED_MESSAGE_PAST_END(2032, "malformed: message size past the packet end"),
    MALFORMED_BLOCK_LENGTH_SHORT(2033, "malformed: block length smaller than the schema's"),
    MALFORMED_BLOCK_PAST_END(2034, "malformed: block length past the message end"),
    MALFORMED_GROUP_PAST_END(2035, "malformed: group past the message end"),
    MALFORMED_GROUP_BLOCK_LENGTH(2036, "malformed: group block length smaller than the schema's"),
    MALFORMED_GROUP_ZERO_BLOCK_LENGTH(2037, "malformed: zero block length group"),
    MALFORMED_UNKNOWN_TEMPLATE(2038, "malformed: unknown template"),
    MALFORMED_WRONG_SCHEMA(2039, "malformed: wrong schema id"),
    MALFORMED_WRONG_VERSION(2040, "malformed: wrong schema version");

    private final int typeId;
    private final String label;

    FeedCounter(final int typeId, final String label)
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
