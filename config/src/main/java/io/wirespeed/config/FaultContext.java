package io.wirespeed.config;

import java.util.Arrays;

/**
 * Seeded fault injection on one feed of one channel, {@code [fault.<channel-id>.<feed>]}, wrapping any NIC backend.
 */
public final class FaultContext extends ConfigContext<FaultContext>
{
    /**
     * Default: off, so a forgotten fault table never degrades a production feed.
     */
    public static final boolean ENABLED_DEFAULT = false;

    /**
     * Default random seed.
     */
    public static final long SEED_DEFAULT = 0;

    /**
     * Default packets dropped per loss event.
     */
    public static final int LOSS_BURST_LENGTH_DEFAULT = 1;

    /**
     * Default span of packets within which a reordered packet may move.
     */
    public static final int REORDER_WINDOW_DEFAULT = 4;

    private static final long MAX_SEQUENCE = 0xFFFF_FFFFL;
    private static final long DELAY_NS_MAX = 10_000_000_000L;

    private final int channelId;
    private final FeedName feed;
    private boolean enabled = ENABLED_DEFAULT;
    private long seed = SEED_DEFAULT;
    private double lossRate;
    private long[] lossPositions = new long[0];
    private int lossBurstLength = LOSS_BURST_LENGTH_DEFAULT;
    private double duplicateRate;
    private double reorderRate;
    private int reorderWindow = REORDER_WINDOW_DEFAULT;
    private long delayNs;

    /**
     * A context, off by default, for one feed of one channel.
     *
     * @param channelId of the {@code [[channel]]} whose feed this wraps.
     * @param feed      the feed.
     */
    public FaultContext(final int channelId, final FeedName feed)
    {
        super("fault." + channelId + "." + feed.text());
        this.channelId = channelId;
        this.feed = feed;
    }

    /**
     * Channel id whose feed this wraps.
     *
     * @return the channel id.
     */
    public int channelId()
    {
        return channelId;
    }

    /**
     * The feed this wraps.
     *
     * @return the feed.
     */
    public FeedName feed()
    {
        return feed;
    }

    /**
     * Inject faults, {@code enabled}.
     *
     * @return true when on.
     */
    public boolean enabled()
    {
        return enabled;
    }

    /**
     * Inject faults, {@code enabled}; off unless set.
     *
     * @param enabled true to inject.
     * @return this for a fluent API.
     */
    public FaultContext enabled(final boolean enabled)
    {
        this.enabled = enabled;
        return this;
    }

    /**
     * Random seed, {@code seed}.
     *
     * @return the seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * Random seed, {@code seed}: the same seed gives the same faults.
     *
     * @param seed any value.
     * @return this for a fluent API.
     */
    public FaultContext seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /**
     * Probability a packet starts a loss event, {@code loss_rate}.
     *
     * @return 0..1.
     */
    public double lossRate()
    {
        return lossRate;
    }

    /**
     * Probability a packet starts a loss event, {@code loss_rate}: 0..1.
     *
     * @param lossRate probability.
     * @return this for a fluent API.
     */
    public FaultContext lossRate(final double lossRate)
    {
        this.lossRate = lossRate;
        return this;
    }

    /**
     * Frame ordinals on the feed's RX queue (counted from 1) always dropped, {@code loss_positions}.
     *
     * @return a copy, ascending.
     */
    public long[] lossPositions()
    {
        return lossPositions.clone();
    }

    /**
     * Frame ordinals on the feed's RX queue always dropped, {@code loss_positions}: unique, 1..4294967295. Counted
     * from 1, so they equal MsgSeqNum when the venue sends one packet per frame from sequence 1.
     *
     * @param lossPositions frame ordinals, in any order.
     * @return this for a fluent API.
     */
    public FaultContext lossPositions(final long... lossPositions)
    {
        this.lossPositions = lossPositions.clone();
        return this;
    }

    /**
     * Packets dropped per loss event, {@code loss_burst_length}.
     *
     * @return the burst length.
     */
    public int lossBurstLength()
    {
        return lossBurstLength;
    }

    /**
     * Packets dropped per loss event, {@code loss_burst_length}: 1..10000; applies to rate and positions alike.
     *
     * @param lossBurstLength packets.
     * @return this for a fluent API.
     */
    public FaultContext lossBurstLength(final int lossBurstLength)
    {
        this.lossBurstLength = lossBurstLength;
        return this;
    }

    /**
     * Probability a packet is delivered twice, {@code duplicate_rate}.
     *
     * @return 0..1.
     */
    public double duplicateRate()
    {
        return duplicateRate;
    }

    /**
     * Probability a packet is delivered twice, {@code duplicate_rate}: 0..1.
     *
     * @param duplicateRate probability.
     * @return this for a fluent API.
     */
    public FaultContext duplicateRate(final double duplicateRate)
    {
        this.duplicateRate = duplicateRate;
        return this;
    }

    /**
     * Probability a packet is held back and delivered later within the window, {@code reorder_rate}.
     *
     * @return 0..1.
     */
    public double reorderRate()
    {
        return reorderRate;
    }

    /**
     * Probability a packet is held back and delivered later within the window, {@code reorder_rate}: 0..1.
     *
     * @param reorderRate probability.
     * @return this for a fluent API.
     */
    public FaultContext reorderRate(final double reorderRate)
    {
        this.reorderRate = reorderRate;
        return this;
    }

    /**
     * Most packets a reordered packet may fall behind, {@code reorder_window}.
     *
     * @return the window in packets.
     */
    public int reorderWindow()
    {
        return reorderWindow;
    }

    /**
     * Most packets a reordered packet may fall behind, {@code reorder_window}: 2..1024.
     *
     * @param reorderWindow packets.
     * @return this for a fluent API.
     */
    public FaultContext reorderWindow(final int reorderWindow)
    {
        this.reorderWindow = reorderWindow;
        return this;
    }

    /**
     * Delay added to every packet, {@code delay_ns}.
     *
     * @return the delay in nanoseconds.
     */
    public long delayNs()
    {
        return delayNs;
    }

    /**
     * Delay added to every packet, {@code delay_ns}: 0..10000000000.
     *
     * @param delayNs delay.
     * @return this for a fluent API.
     */
    public FaultContext delayNs(final long delayNs)
    {
        this.delayNs = delayNs;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.bool("enabled", this::enabled);
        table.integer("seed", this::seed);
        table.number("loss_rate", this::lossRate);
        table.longs("loss_positions", this::lossPositions);
        table.int32("loss_burst_length", this::lossBurstLength);
        table.number("duplicate_rate", this::duplicateRate);
        table.number("reorder_rate", this::reorderRate);
        table.int32("reorder_window", this::reorderWindow);
        table.integer("delay_ns", this::delayNs);
    }

    @Override
    void validate(final Validator validator)
    {
        validator.range("loss_rate", lossRate, 0.0, 1.0);
        validator.range("loss_burst_length", lossBurstLength, 1, 10_000);
        validator.range("duplicate_rate", duplicateRate, 0.0, 1.0);
        validator.range("reorder_rate", reorderRate, 0.0, 1.0);
        validator.range("reorder_window", reorderWindow, 2, 1024);
        validator.range("delay_ns", delayNs, 0, DELAY_NS_MAX);

        final long[] sorted = lossPositions.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++)
        {
            if (sorted[i] < 1 || sorted[i] > MAX_SEQUENCE)
            {
                validator.error("loss_positions", lossPositions, "sequence number " + sorted[i] +
                    " out of range (1.." + MAX_SEQUENCE + ")");
                return;
            }
            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                validator.error("loss_positions", lossPositions, "sequence number " + sorted[i] + " listed twice");
                return;
            }
        }
        lossPositions = sorted;
    }
}
