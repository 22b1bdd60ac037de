package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.config.DriverThreadingMode;
import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.strategy.BookView;
import io.wirespeed.strategy.Strategy;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyFactory;
import io.wirespeed.strategy.StrategySettings;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole appliance against the venue in the same process, driven by hand on the test's thread with a manual clock:
 * the real simulator and its order entry ({@link Venue}), shm wires, feed handler, gateway, FIXP session over loopback
 * TCP and an embedded media driver ({@link Appliance}), plus scripted strategies the test trades through.
 */
final class OrderPathRig implements AutoCloseable
{
    static final int ES = 1001;
    static final int NQ = 1002;
    static final long TICK = 250_000_000L;
    static final long STEP_NS = 20_000;
    static final long MAX_PUMPS = 5_000_000;

    final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    final WirespeedConfig config;
    final String secret = randomSecret();
    final Venue venue;
    final Appliance appliance;
    final List<StrategyClient> scripted = new ArrayList<>();

    /**
     * A rig over the default configuration with a quiet market (one participant event a second), two scripted
     * strategies {@code s1} (id 11) and {@code s2} (id 12) on accounts {@code ACC} and {@code ACC2}, and changes; the
     * configured sample strategies do not run (the test's scripted ones are the only traders).
     *
     * @param dir    scratch directory.
     * @param adjust changes to the configuration before it is concluded.
     */
    OrderPathRig(final Path dir, final Consumer<WirespeedConfig> adjust)
    {
        this(dir, adjust, null);
    }

    /**
     * As {@link #OrderPathRig(Path, Consumer)}, with the venue checking signatures with its own secret.
     *
     * @param dir             scratch directory.
     * @param adjust          changes to the configuration before it is concluded.
     * @param venueOnlySecret the venue's secret for the gateway's access key, or null for the gateway's own.
     */
    OrderPathRig(final Path dir, final Consumer<WirespeedConfig> adjust, final String venueOnlySecret)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        config = WirespeedConfig.readDefault();
        config.nic().shm().path(dir.resolve("nic"));
        config.aeron().dir(dir.resolve("aeron"));
        // the rig's venue is new: so is its journal (the default directory is shared by every run on the host)
        config.journal().dir(dir.resolve("journal"));
        config.aeron().driverThreadingMode(DriverThreadingMode.INVOKER);
        config.sim().snapshotIntervalMs(20).messageRatePerSecond(1);
        config.addStrategy(new StrategyContext().id(11).name("s1").account("ACC"));
        config.addStrategy(new StrategyContext().id(12).name("s2").account("ACC2"));
        config.risk().defaults().maxOrderQty(1_000).maxPosition(10_000).maxOpenOrders(5_000)
            .maxOrdersPerSecond(100_000).maxMessagesPerSecond(100_000).autoKillOnBreach(false);
        config.gateway().venueMaxOrdersPerSecond(100_000).venueMaxMessagesPerSecond(200_000);
        // the default file's own account and strategy limits (the demo's) must not sit below the rig's order size
        config.risk().accounts().values().forEach((limits) -> limits.maxPosition(10_000).maxOpenOrders(5_000));
        config.risk().strategies().values().forEach((limits) -> limits.maxPosition(10_000));
        adjust.accept(config);
        config.conclude();
        venue = new Venue(config, clock, dir.resolve("venue-counters"), "127.0.0.1", 0,
            Map.of(config.gateway().accessKeyId(), null == venueOnlySecret ? secret : venueOnlySecret));
        config.gateway().venueHost("127.0.0.1").venuePort(venue.port());
        try
        {
            appliance = new Appliance(config, clock, secret, false);
        }
        catch (final RuntimeException ex)
        {
            venue.close();
            throw ex;
        }
        venue.agent.onStart();
        appliance.onStart();
    }

    /**
     * A scripted strategy: the test calls its order entry; it keeps books, orders and positions.
     *
     * @param name configured strategy name.
     * @return the client.
     */
    StrategyClient strategy(final String name)
    {
        return strategy(name, (c) -> new Strategy()
        {
        });
    }

    /**
     * A strategy of the test's making, driven with the rest.
     *
     * @param name    configured strategy name.
     * @param factory builds it.
     * @return the client.
     */
    StrategyClient strategy(final String name, final StrategyFactory factory)
    {
        final StrategyClient client = StrategyClient.create(StrategySettings.from(config, name), appliance.aeron,
            factory, clock);
        scripted.add(client);
        return client;
    }

    /**
     * Drive everything, one clock step per pass, until the condition holds.
     *
     * @param condition what to wait for.
     * @param what      for the failure message.
     */
    void pumpUntil(final BooleanSupplier condition, final String what)
    {
        pumpUntil(condition, () -> what);
    }

    /**
     * Drive everything, one clock step per pass, until the condition holds.
     *
     * @param condition what to wait for.
     * @param what      for the failure message, built only on failure.
     */
    void pumpUntil(final BooleanSupplier condition, final Supplier<String> what)
    {
        for (long i = 0; i < MAX_PUMPS; i++)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            pumpOnce();
        }
        throw new AssertionError("timed out waiting for " + what.get());
    }

    /**
     * Drive everything for a span of manual time.
     *
     * @param nanos manual time to let pass.
     */
    void pumpFor(final long nanos)
    {
        final long endNs = clock.nanoTime() + nanos;
        while (clock.nanoTime() < endNs)
        {
            pumpOnce();
        }
    }

    void pumpOnce()
    {
        clock.advance(STEP_NS);
        venue.agent.doWork();
        appliance.doWork();
        for (final StrategyClient client : scripted)
        {
            client.doWork();
        }
    }

    /**
     * Start: the venue session established and every scripted strategy's streams connected, and books on both
     * sides.
     */
    void awaitReady()
    {
        pumpUntil(() -> SessionState.ESTABLISHED == appliance.session.state(), "venue session established");
        pumpUntil(() ->
        {
            for (final StrategyClient client : scripted)
            {
                if (!client.isOrderStreamConnected() || !client.isMarketDataConnected() ||
                    BookView.NULL_PRICE == client.book(ES).bestAsk() ||
                    BookView.NULL_PRICE == client.book(ES).bestBid())
                {
                    return false;
                }
            }
            return true;
        }, "strategies connected with a two-sided book");
        pumpFor(TimeUnit.MILLISECONDS.toNanos(5));
    }

    public void close()
    {
        CloseHelper.closeAll(scripted);
        CloseHelper.closeAll(appliance, venue);
    }

    private static String randomSecret()
    {
        final byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
