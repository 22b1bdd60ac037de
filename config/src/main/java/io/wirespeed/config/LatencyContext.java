package io.wirespeed.config;

import java.nio.file.Path;

/**
 * Latency recording, {@code [latency]}: where HdrHistogram interval logs go and how histograms are sized.
 */
public final class LatencyContext extends ConfigContext<LatencyContext>
{
    /**
     * Default directory name prefix under the temporary directory; the user name is appended.
     */
    public static final String HISTOGRAM_DIR_PREFIX_DEFAULT = "wirespeed-latency-";

    /**
     * Default interval between histogram log entries.
     */
    public static final long INTERVAL_MS_DEFAULT = 1_000;

    /**
     * Default highest value a histogram records: 10 seconds.
     */
    public static final long HIGHEST_TRACKABLE_NS_DEFAULT = 10_000_000_000L;

    /**
     * Default significant decimal digits kept.
     */
    public static final int SIGNIFICANT_DIGITS_DEFAULT = 3;

    private Path histogramDir;
    private long intervalMs = INTERVAL_MS_DEFAULT;
    private long highestTrackableNs = HIGHEST_TRACKABLE_NS_DEFAULT;
    private int significantDigits = SIGNIFICANT_DIGITS_DEFAULT;

    /**
     * A context holding the defaults.
     */
    public LatencyContext()
    {
        super("latency");
    }

    /**
     * Directory of the .hlog interval logs, {@code histogram_dir}.
     *
     * @return the directory, or null before conclude when not set.
     */
    public Path histogramDir()
    {
        return histogramDir;
    }

    /**
     * Directory of the .hlog interval logs, {@code histogram_dir}; defaults to TMPDIR/wirespeed-latency-USER.
     *
     * @param histogramDir directory.
     * @return this for a fluent API.
     */
    public LatencyContext histogramDir(final Path histogramDir)
    {
        this.histogramDir = histogramDir;
        return this;
    }

    /**
     * Interval between log entries, {@code interval_ms}.
     *
     * @return the interval in milliseconds.
     */
    public long intervalMs()
    {
        return intervalMs;
    }

    /**
     * Interval between log entries, {@code interval_ms}: 1..3600000.
     *
     * @param intervalMs interval.
     * @return this for a fluent API.
     */
    public LatencyContext intervalMs(final long intervalMs)
    {
        this.intervalMs = intervalMs;
        return this;
    }

    /**
     * Highest value recorded, {@code highest_trackable_ns}.
     *
     * @return the value in nanoseconds.
     */
    public long highestTrackableNs()
    {
        return highestTrackableNs;
    }

    /**
     * Highest value recorded, {@code highest_trackable_ns}: 1000..3600000000000; larger values are clamped.
     *
     * @param highestTrackableNs value.
     * @return this for a fluent API.
     */
    public LatencyContext highestTrackableNs(final long highestTrackableNs)
    {
        this.highestTrackableNs = highestTrackableNs;
        return this;
    }

    /**
     * Significant decimal digits, {@code significant_digits}.
     *
     * @return the digits.
     */
    public int significantDigits()
    {
        return significantDigits;
    }

    /**
     * Significant decimal digits, {@code significant_digits}: 1..5.
     *
     * @param significantDigits digits.
     * @return this for a fluent API.
     */
    public LatencyContext significantDigits(final int significantDigits)
    {
        this.significantDigits = significantDigits;
        return this;
    }

    @Override
    void read(final ConfigReader.Table table)
    {
        table.path("histogram_dir", this::histogramDir);
        table.integer("interval_ms", this::intervalMs);
        table.integer("highest_trackable_ns", this::highestTrackableNs);
        table.int32("significant_digits", this::significantDigits);
    }

    @Override
    void validate(final Validator validator)
    {
        if (null == histogramDir)
        {
            histogramDir = Defaults.tempPath(HISTOGRAM_DIR_PREFIX_DEFAULT);
        }

        validator.range("interval_ms", intervalMs, 1, 3_600_000);
        validator.range("highest_trackable_ns", highestTrackableNs, 1_000, 3_600_000_000_000L);
        validator.range("significant_digits", significantDigits, 1, 5);
    }
}
