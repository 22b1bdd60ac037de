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
    PUBLISH_DROPPED(2020, "publications dropped after back pressure retries (instruments STALE, republished)"),
    REPUBLISHED_AFTER_LOSS(2029, "channel republished whole after the market-data stream lost messages"),
    PACKETS_TOO_LONG(2021, "packets too long to buffer"),
    WRONG_FEED_MESSAGES(2022, "messages of a template their feed does not carry, skipped"),
    BOOK_LEVELS_BEYOND_DEPTH(2023,
        "book entries for a level beyond the book's depth (definition MarketDepth GBX/GBI, else book_depth), not kept"),
    STATISTIC_ENTRIES_REJECTED(2024, "statistic entries of an unknown type or action, not applied (RptSeq advanced)"),
    SEQUENCE_RESETS(2025, "MsgSeqNum restarts on both feeds (venue failover or restart): channel stale, recovered"),
    OLD_NUMBERING_SNAPSHOTS(2026, "snapshots of the numbering before a MsgSeqNum restart, ignored"),
    NEWER_VERSION_MESSAGES(2027, "messages of a newer schema version, decoded by block length (new fields skipped)"),
    OLDER_VERSION_MESSAGES(2028, "messages of an older schema version, decoded (fields added since are null)"),
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
    MALFORMED_VERSION_TOO_OLD(2040, "malformed: schema version older than the template's first (its sinceVersion)"),
    DECODED_CHANNEL_RESET_4(2050, "decoded: ChannelReset4"),
    DECODED_HEARTBEAT_12(2051, "decoded: AdminHeartbeat12"),
    DECODED_SECURITY_STATUS_30(2052, "decoded: SecurityStatus30"),
    DECODED_VOLUME_37(2053, "decoded: MDIncrementalRefreshVolume37"),
    DECODED_BOOK_46(2054, "decoded: MDIncrementalRefreshBook46"),
    DECODED_ORDER_BOOK_47(2055, "decoded: MDIncrementalRefreshOrderBook47 (market by order: not applied)"),
    DECODED_TRADE_SUMMARY_48(2056, "decoded: MDIncrementalRefreshTradeSummary48"),
    DECODED_DAILY_STATISTICS_49(2057, "decoded: MDIncrementalRefreshDailyStatistics49"),
    DECODED_LIMITS_BANDING_50(2058, "decoded: MDIncrementalRefreshLimitsBanding50"),
    DECODED_SESSION_STATISTICS_51(2059, "decoded: MDIncrementalRefreshSessionStatistics51"),
    DECODED_SNAPSHOT_52(2060, "decoded: SnapshotFullRefresh52"),
    DECODED_SNAPSHOT_ORDER_BOOK_53(2061, "decoded: SnapshotFullRefreshOrderBook53 (market by order: not applied)"),
    DECODED_DEFINITION_54(2062, "decoded: MDInstrumentDefinitionFuture54"),
    STATISTICS_OPEN_PRICE(2070, "statistics published: open price"),
    STATISTICS_INDICATIVE_OPEN(2071, "statistics published: indicative opening price"),
    STATISTICS_HIGH_TRADE(2072, "statistics published: session high trade"),
    STATISTICS_LOW_TRADE(2073, "statistics published: session low trade"),
    STATISTICS_HIGHEST_BID(2074, "statistics published: session highest bid"),
    STATISTICS_LOWEST_OFFER(2075, "statistics published: session lowest offer"),
    STATISTICS_SETTLEMENT_PRICE(2076, "statistics published: settlement price"),
    STATISTICS_CLEARED_VOLUME(2077, "statistics published: cleared volume"),
    STATISTICS_OPEN_INTEREST(2078, "statistics published: open interest"),
    STATISTICS_FIXING_PRICE(2079, "statistics published: fixing price"),
    STATISTICS_ELECTRONIC_VOLUME(2080, "statistics published: electronic (session) volume"),
    STATISTICS_HIGH_LIMIT_PRICE(2081, "statistics published: high limit price"),
    STATISTICS_LOW_LIMIT_PRICE(2082, "statistics published: low limit price"),
    STATISTICS_MAX_PRICE_VARIATION(2083, "statistics published: max price variation (banding)");

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
