package io.wirespeed.latency.order;

import io.wirespeed.config.InstrumentContext;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.WirespeedConfig;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the order-path benchmarks share: a configuration whose limits never get in the way of a benchmark, scratch
 * directories, HMAC secrets and histogram reporting.
 */
final class OrderBench
{
    static final String STRATEGY_NAME = "bench";
    static final int STRATEGY_ID = 77;
    static final long HIGHEST_TRACKABLE_NS = 10_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    private OrderBench()
    {
    }

    /**
     * The default configuration plus a strategy {@value #STRATEGY_NAME} whose risk limits (rates, open orders,
     * position) are far above what a benchmark sends, and a price collar of {@code collarTicks}.
     *
     * @param aeronDir    the media driver's directory.
     * @param collarTicks price collar in ticks around the reference price.
     * @return the configuration, not yet concluded.
     */
    static WirespeedConfig config(final Path aeronDir, final long collarTicks)
    {
        final WirespeedConfig config = WirespeedConfig.readDefault();
        config.aeron().dir(aeronDir);
        config.addStrategy(new StrategyContext().id(STRATEGY_ID).name(STRATEGY_NAME).account("BENCH"));
        config.risk().defaults()
            .priceCollarTicks(collarTicks)
            .maxOrderQty(10)
            .maxOrderNotional(BigDecimal.valueOf(1_000_000_000L))
            .maxPosition(100_000)
            .maxOpenOrders(10_000)
            .maxOrdersPerSecond(1_000_000_000L)
            .maxMessagesPerSecond(1_000_000_000L)
            .autoKillOnBreach(false);
        config.gateway().venueMaxOrdersPerSecond(1_000_000).venueMaxMessagesPerSecond(1_000_000);
        return config;
    }

    /**
     * The first configured instrument, which every benchmark trades.
     *
     * @param config concluded configuration.
     * @return the instrument.
     */
    static InstrumentContext instrument(final WirespeedConfig config)
    {
        return config.instruments().get(0);
    }

    static Histogram histogram()
    {
        return new Histogram(HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    }

    /**
     * Record a value, clamped to what the histogram can hold, so recording never allocates or throws.
     *
     * @param histogram to record into.
     * @param valueNs   nanoseconds; negative values count as 0.
     */
    static void record(final Histogram histogram, final long valueNs)
    {
        histogram.recordValue(Math.max(0, Math.min(valueNs, HIGHEST_TRACKABLE_NS)));
    }

    static String nanos(final Histogram histogram)
    {
        return String.format("p50 %,8d  p90 %,8d  p99 %,8d  p99.9 %,9d  max %,11d ns  mean %,10.1f (n=%,d)",
            histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
            histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
            histogram.getMean(), histogram.getTotalCount());
    }

    static String micros(final Histogram histogram)
    {
        return String.format("p50 %8.2f  p90 %8.2f  p99 %8.2f  p99.9 %9.2f  max %10.2f us  mean %8.2f (n=%,d)",
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
            histogram.getMaxValue() / 1e3, histogram.getMean() / 1e3, histogram.getTotalCount());
    }

    /**
     * A random HMAC secret key, base64url as the gateway's secret references resolve to.
     *
     * @return the secret.
     */
    static String randomSecret()
    {
        final byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    static Path scratchDirectory(final String prefix)
    {
        try
        {
            final Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ?
                Files.createTempDirectory(shm, prefix) : Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void deleteRecursively(final Path directory)
    {
        if (!Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
