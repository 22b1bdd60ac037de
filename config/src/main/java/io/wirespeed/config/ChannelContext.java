package io.wirespeed.config;

/**
 * One market-data channel, a {@code [[channel]]} table: its multicast feeds and how the feed handler treats them.
 */
public final class ChannelContext extends ConfigContext<ChannelContext>
{
    /**
     * Value of {@link #id()} when no id is set.
     */
    public static final int NULL_ID = 0;

    /**
     * Default packets held while waiting for a missing one.
     */
    public static final int GAP_BUFFER_PACKETS_DEFAULT = 256;

    /**
     * Default wait for a late packet, on either feed, before declaring a gap and recovering.
     */
    public static final long GAP_TIMEOUT_MS_DEFAULT = 10;

    /**
     * Default silence after which a feed is flagged.
     */
    public static final long FEED_SILENCE_MS_DEFAULT = 5_000;

    /**
     * Default price levels kept per side.
     */
    public static final int BOOK_DEPTH_DEFAULT = 10;

    private Integer id;
    private Endpoint incrementalA;
    private Endpoint incrementalB;
    private Endpoint snapshot;
    private Endpoint instrumentDefinition;
    private int gapBufferPackets = GAP_BUFFER_PACKETS_DEFAULT;
    private long gapTimeoutMs = GAP_TIMEOUT_MS_DEFAULT;
    private long feedSilenceMs = FEED_SILENCE_MS_DEFAULT;
    private int bookDepth = BOOK_DEPTH_DEFAULT;

    /**
     * A context holding the defaults; id, incremental_a and snapshot must be set.
     */
    public ChannelContext()
    {
        super("channel");
    }

    /**
     * Channel id, {@code id}.
     *
     * @return the id, or {@link #NULL_ID} when not set.
     */
    public int id()
    {
        return null == id ? NULL_ID : id;
    }

    /**
     * Channel id, {@code id}: 1..65535, unique; required.
     *
     * @param id of the channel, as the venue numbers it.
     * @return this for a fluent API.
     */
    public ChannelContext id(final int id)
    {
        this.id = id;
        return this;
    }

    /**
     * Incremental feed A, {@code incremental_a}.
     *
     * @return the endpoint.
     */
    public Endpoint incrementalA()
    {
        return incrementalA;
    }

    /**
     * Incremental feed A, {@code incremental_a}; required.
     *
     * @param incrementalA group and port.
     * @return this for a fluent API.
     */
    public ChannelContext incrementalA(final Endpoint incrementalA)
    {
        this.incrementalA = incrementalA;
        return this;
    }

    /**
     * Incremental feed B, {@code incremental_b}.
     *
     * @return the endpoint, or null when the channel is received on A only.
     */
    public Endpoint incrementalB()
    {
        return incrementalB;
    }

    /**
     * Incremental feed B, {@code incremental_b}; without it there is no A/B arbitration.
     *
     * @param incrementalB group and port.
     * @return this for a fluent API.
     */
    public ChannelContext incrementalB(final Endpoint incrementalB)
    {
        this.incrementalB = incrementalB;
        return this;
    }

    /**
     * Snapshot (market recovery) feed, {@code snapshot}.
     *
     * @return the endpoint.
     */
    public Endpoint snapshot()
    {
        return snapshot;
    }

    /**
     * Snapshot (market recovery) feed, {@code snapshot}; required, since recovery needs it.
     *
     * @param snapshot group and port.
     * @return this for a fluent API.
     */
    public ChannelContext snapshot(final Endpoint snapshot)
    {
        this.snapshot = snapshot;
        return this;
    }

    /**
     * Instrument definition feed, {@code instrument_definition}.
     *
     * @return the endpoint, or null when instruments come only from the configuration.
     */
    public Endpoint instrumentDefinition()
    {
        return instrumentDefinition;
    }

    /**
     * Instrument definition feed, {@code instrument_definition}; optional.
     *
     * @param instrumentDefinition group and port.
     * @return this for a fluent API.
     */
    public ChannelContext instrumentDefinition(final Endpoint instrumentDefinition)
    {
        this.instrumentDefinition = instrumentDefinition;
        return this;
    }

    /**
     * The endpoint of a feed of this channel.
     *
     * @param feed which feed.
     * @return its endpoint, or null when the channel has none.
     */
    public Endpoint endpoint(final FeedName feed)
    {
        return switch (feed)
        {
            case A -> incrementalA;
            case B -> incrementalB;
            case SNAPSHOT -> snapshot;
            case DEFINITION -> instrumentDefinition;
        };
    }

    /**
     * Packets held while waiting for a missing one, {@code gap_buffer_packets}.
     *
     * @return the capacity in packets.
     */
    public int gapBufferPackets()
    {
        return gapBufferPackets;
    }

    /**
     * Packets held while waiting for a missing one, {@code gap_buffer_packets}: 1..65536; when full, recover.
     *
     * @param gapBufferPackets capacity.
     * @return this for a fluent API.
     */
    public ChannelContext gapBufferPackets(final int gapBufferPackets)
    {
        this.gapBufferPackets = gapBufferPackets;
        return this;
    }

    /**
     * Wait for a late packet before declaring a gap, {@code gap_timeout_ms}.
     *
     * @return the timeout in milliseconds.
     */
    public long gapTimeoutMs()
    {
        return gapTimeoutMs;
    }

    /**
     * Wait for a late packet, on either feed, before declaring a gap and recovering, {@code gap_timeout_ms}:
     * 0..60000, 0 recovers at once.
     *
     * @param gapTimeoutMs timeout.
     * @return this for a fluent API.
     */
    public ChannelContext gapTimeoutMs(final long gapTimeoutMs)
    {
        this.gapTimeoutMs = gapTimeoutMs;
        return this;
    }

    /**
     * Silence after which a feed is flagged, {@code feed_silence_ms}.
     *
     * @return the period in milliseconds.
     */
    public long feedSilenceMs()
    {
        return feedSilenceMs;
    }

    /**
     * Silence after which a feed is flagged, {@code feed_silence_ms}: 1..3600000, longer than gap_timeout_ms.
     *
     * @param feedSilenceMs period.
     * @return this for a fluent API.
     */
    public ChannelContext feedSilenceMs(final long feedSilenceMs)
    {
        this.feedSilenceMs = feedSilenceMs;
        return this;
    }

    /**
     * Price levels published per side at most, {@code book_depth}: a cap on the venue's depth.
     *
     * @return the depth.
     */
    public int bookDepth()
    {
        return bookDepth;
    }

    /**
     * Price levels published per side at most, {@code book_depth}: 1..100. The feed handler keeps each book to the
     * venue's depth from the instrument definition (MarketDepth of GBX, GBI for the implied book) and publishes it up
     * to this cap; before a definition, or without one, it keeps this many.
     *
     * @param bookDepth levels.
     * @return this for a fluent API.
     */
    public ChannelContext bookDepth(final int bookDepth)
    {
        this.bookDepth = bookDepth;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.int32("id", this::id);
        table.parsed("incremental_a", Endpoint::parse, this::incrementalA);
        table.parsed("incremental_b", Endpoint::parse, this::incrementalB);
        table.parsed("snapshot", Endpoint::parse, this::snapshot);
        table.parsed("instrument_definition", Endpoint::parse, this::instrumentDefinition);
        table.int32("gap_buffer_packets", this::gapBufferPackets);
        table.integer("gap_timeout_ms", this::gapTimeoutMs);
        table.integer("feed_silence_ms", this::feedSilenceMs);
        table.int32("book_depth", this::bookDepth);
    }

    @Override
    void validate(final Validator validator)
    {
        if (validator.required("id", id))
        {
            validator.range("id", id, 1, 65535);
        }
        validator.required("incremental_a", incrementalA);
        validator.required("snapshot", snapshot);
        validator.range("gap_buffer_packets", gapBufferPackets, 1, 65536);
        final boolean gapTimeoutValid = validator.range("gap_timeout_ms", gapTimeoutMs, 0, 60_000);
        if (validator.range("feed_silence_ms", feedSilenceMs, 1, 3_600_000) && gapTimeoutValid &&
            feedSilenceMs <= gapTimeoutMs)
        {
            validator.error("feed_silence_ms", feedSilenceMs, "not longer than gap_timeout_ms (" + gapTimeoutMs + ")");
        }
        validator.range("book_depth", bookDepth, 1, 100);
    }
}
