package io.wirespeed.strategy;

import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.WirespeedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.wirespeed.strategy.TestAppliance.ES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * StrategyMain in a child JVM, connected to this JVM's embedded media driver over Aeron IPC: it gets the market
 * data published here and its order arrives here.
 */
class MultiProcessTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void strategyInAChildJvmTradesOnMarketDataFromTheParent() throws IOException, InterruptedException
    {
        final Path configFile = dir.resolve("wirespeed.toml");
        try (InputStream in = WirespeedConfig.class.getResourceAsStream(WirespeedConfig.DEFAULT_RESOURCE))
        {
            Files.write(configFile, in.readAllBytes());
        }
        final Path output = dir.resolve("child.log");

        try (TestAppliance appliance = new TestAppliance(dir))
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
            command.add("-Dwirespeed.aeron.dir=" + appliance.driver.aeronDirectoryName());
            command.add("-Dwirespeed.strategy.0.sample=tick-responder");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(StrategyMain.class.getName());
            command.add(configFile.toString());
            command.add("demo-mm");
            final Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
            try
            {
                while (!appliance.marketData.isConnected() || !appliance.orders.isConnected())
                {
                    assertTrue(child.isAlive(), () -> "child exited: " + read(output));
                    Thread.sleep(1);
                }
                appliance.topOfBook(ES, 1000, 1010, 4242);
                while (appliance.received.isEmpty())
                {
                    assertTrue(child.isAlive(), () -> "child exited: " + read(output));
                    if (0 == appliance.pollOrders())
                    {
                        Thread.yield();
                    }
                }
                final TestAppliance.Order order = appliance.received.get(0);
                assertEquals(NewOrderDecoder.TEMPLATE_ID, order.templateId());
                assertEquals(1, order.strategyId(), "strategy id of demo-mm in the default configuration");
                assertEquals(ES, order.securityId());
                assertEquals(Side.BUY, order.side());
                assertEquals(1010, order.price());
                assertEquals(1, order.qty());
                assertEquals("LIMIT/IOC", order.timeInForce());
                assertEquals(4242, order.triggerRxTimestampNs());
                assertTrue(read(output).contains("started demo-mm"), read(output));

                child.destroy();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "exits on SIGTERM");
                assertTrue(read(output).contains("stopped demo-mm"), read(output));
            }
            finally
            {
                child.destroy();
                if (!child.waitFor(30, TimeUnit.SECONDS))
                {
                    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
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
