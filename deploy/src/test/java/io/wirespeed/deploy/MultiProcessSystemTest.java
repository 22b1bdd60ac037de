package io.wirespeed.deploy;

import io.wirespeed.config.StrategyContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.gateway.GatewayCounter;
import io.wirespeed.sim.venue.VenueCounter;
import io.wirespeed.strategy.BookView;
import io.wirespeed.strategy.StrategyClient;
import io.wirespeed.strategy.StrategyCounter;
import io.wirespeed.strategy.StrategyMain;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.wirespeed.deploy.OrderPathRig.ES;
import static io.wirespeed.deploy.OrderPathRig.NQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-process mode: the appliance (venue, feed handler, gateway, embedded media driver) in this JVM, driven by hand,
 * and a sample strategy in a child JVM running {@link StrategyMain} against the same media driver over Aeron IPC. The
 * child gets the normalized market data (its books end equal to a subscriber's in this JVM), trades against the
 * simulator through the gateway, and exits cleanly on SIGTERM.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
final class MultiProcessSystemTest
{
    private static final String REMOTE = "remote";
    private static final int REMOTE_ID = 13;
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(60);

    @TempDir
    Path dir;

    @Test
    void strategyInAChildJvmReceivesMarketDataAndTradesThroughTheAppliance() throws Exception
    {
        final Path configFile = writeChildConfig();
        final Path output = dir.resolve("child.log");
        try (OrderPathRig rig = new OrderPathRig(dir.resolve("appliance"), (config) ->
        {
            config.addStrategy(new StrategyContext().id(REMOTE_ID).name(REMOTE).account("ACC3"));
            config.sim().messageRatePerSecond(50);
        }))
        {
            // a subscriber here from the first message on, to compare the child's books with
            final StrategyClient local = rig.strategy("s1");
            final Process child = launch(rig, configFile, output);
            try
            {
                final CountersReader counters = rig.appliance.aeron.countersReader();
                // the market stands still (only the media driver runs) until the child has subscribed, so both
                // subscribers see the stream from its first message
                awaitWithDriverOnly(rig, child, output,
                    () -> CountersReader.NULL_COUNTER_ID != childCounter(counters, StrategyCounter.FILLS));
                rig.awaitReady();

                // (a) the child trades against the simulator through the gateway
                pumpUntil(rig, child, output, () -> childValue(counters, StrategyCounter.FILLS) >= 2 &&
                    childValue(counters, StrategyCounter.EXECUTION_REPORTS) >= 4);
                assertTrue(childValue(counters, StrategyCounter.NEW_ORDERS_SENT) >= 2);
                assertTrue(childValue(counters, StrategyCounter.ORDERS_SENT_TO_VENUE) >= 2);
                assertTrue(rig.venue.orders.orders().receivedCount() >= 2, "orders reached the venue");
                assertTrue(rig.venue.orders.counters().value(VenueCounter.FILLS) >= 2, "fills at the venue");
                assertTrue(SessionProbe.gateway(rig, GatewayCounter.FILLS) >= 2, "fills through the gateway");
                assertEquals(0, local.counters().get(StrategyCounter.EXECUTION_REPORTS), "s1 sent nothing");

                // (b) freeze the market, let both subscribers drain the stream, compare what they saw
                while (local.doWork() > 0)
                {
                    pumpDriver(rig);
                }
                final long messages = local.counters().get(StrategyCounter.MARKET_DATA_MESSAGES);
                assertTrue(messages > 0);
                awaitWithDriverOnly(rig, child, output,
                    () -> childValue(counters, StrategyCounter.MARKET_DATA_MESSAGES) >= messages);
                assertEquals(messages, childValue(counters, StrategyCounter.MARKET_DATA_MESSAGES));
                assertEquals(local.counters().get(StrategyCounter.BOOK_UPDATES),
                    childValue(counters, StrategyCounter.BOOK_UPDATES));
                assertTrue(read(output).contains("started " + REMOTE), () -> read(output));

                // SIGTERM: the child closes its Aeron resources (the driver keeps running here) and prints its books
                child.destroy();
                awaitExit(rig, child);
                assertTrue(!child.isAlive(), "the child exits on SIGTERM");
                final String log = read(output);
                assertTrue(log.contains("stopped " + REMOTE), log);
                for (final int securityId : List.of(ES, NQ))
                {
                    final BookView book = local.book(securityId);
                    assertTrue(book.updateCount() > 0, book::toString);
                    assertTrue(log.contains(StrategyMain.bookSummary(book)),
                        () -> "child's book differs from " + StrategyMain.bookSummary(book) + ":\n" + book + log);
                }
            }
            finally
            {
                stopChild(rig, child);
            }
        }
    }

    private Path writeChildConfig() throws IOException
    {
        final Path configFile = dir.resolve("wirespeed.toml");
        try (InputStream in = WirespeedConfig.class.getResourceAsStream(WirespeedConfig.DEFAULT_RESOURCE))
        {
            final String defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(configFile, defaults + "\n" +
                "[[strategy]]\n" +
                "id = " + REMOTE_ID + "\n" +
                "name = \"" + REMOTE + "\"\n" +
                "account = \"ACC3\"\n" +
                "sample = \"tick-responder\"\n" +
                "order_qty = 1\n" +
                "trigger_every_n = 0\n");
        }
        return configFile;
    }

    private static Process launch(final OrderPathRig rig, final Path configFile, final Path output)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--") || argument.startsWith("-Dagrona") || argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.add("-Dwirespeed.aeron.dir=" + rig.appliance.driver.aeronDirectoryName());
        command.add("-Dwirespeed.agents.strategy.idle_strategy=backoff");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StrategyMain.class.getName());
        command.add(configFile.toString());
        command.add(REMOTE);
        return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    }

    /**
     * Run only the media driver's duty cycle (and this process's Aeron client conductor), so the child can talk to
     * the driver while the market, the feed and the gateway stand still, until a condition holds.
     */
    private static void awaitWithDriverOnly(
        final OrderPathRig rig, final Process child, final Path output, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + WAIT_NS;
        while (!condition.getAsBoolean())
        {
            if (!child.isAlive())
            {
                throw new AssertionError("child exited with " + child.exitValue() + ": " + read(output));
            }
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("child did not get there in time: " + read(output));
            }
            if (0 == pumpDriver(rig))
            {
                Thread.yield();
            }
        }
    }

    private static void pumpUntil(
        final OrderPathRig rig, final Process child, final Path output, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + WAIT_NS;
        for (long i = 0; !condition.getAsBoolean(); i++)
        {
            rig.pumpOnce();
            if (0 == (i & 1023))
            {
                assertTrue(child.isAlive(), () -> "child exited: " + read(output));
                assertTrue(System.nanoTime() - deadlineNs < 0, () -> "child did not trade in time: " + read(output));
            }
        }
    }

    private static int pumpDriver(final OrderPathRig rig)
    {
        return rig.appliance.driver.sharedAgentInvoker().invoke() +
            rig.appliance.aeron.conductorAgentInvoker().invoke();
    }

    private static void stopChild(final OrderPathRig rig, final Process child) throws InterruptedException
    {
        if (child.isAlive())
        {
            child.destroy();
            awaitExit(rig, child);
            if (child.isAlive())
            {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Keep the media driver running while the child closes its publications and subscriptions, which wait for the
     * driver's answers, until it exits or 30 s pass.
     */
    private static void awaitExit(final OrderPathRig rig, final Process child) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (child.isAlive() && System.nanoTime() - deadlineNs < 0)
        {
            pumpDriver(rig);
            child.waitFor(1, TimeUnit.MILLISECONDS);
        }
    }

    private static int childCounter(final CountersReader counters, final StrategyCounter counter)
    {
        return SessionProbe.find(counters, counter.typeId(), "strategy " + REMOTE + ": ");
    }

    private static long childValue(final CountersReader counters, final StrategyCounter counter)
    {
        return SessionProbe.value(counters, counter.typeId(), "strategy " + REMOTE + ": ");
    }

    private static String read(final Path output)
    {
        try
        {
            return Files.readString(output);
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
    }
}
