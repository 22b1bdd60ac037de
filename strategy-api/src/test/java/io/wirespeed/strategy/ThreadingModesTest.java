package io.wirespeed.strategy;

import io.aeron.Aeron;
import io.wirespeed.codecs.internal.NewOrderDecoder;
import io.wirespeed.codecs.internal.Side;
import io.wirespeed.config.StrategySample;
import io.wirespeed.strategy.sample.TickResponder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static io.wirespeed.strategy.TestAppliance.ES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same strategy code in its own agent thread (dedicated or multi-process) and inside a composite agent whose
 * duty cycle the caller drives (compact mode), over an Aeron client in invoker mode on the embedded driver.
 */
@Timeout(30)
class ThreadingModesTest
{
    private static final int STRATEGY_ID = 4;

    @TempDir
    Path dir;

    @Test
    void runsOnItsOwnAgentRunnerThread()
    {
        try (TestAppliance appliance = new TestAppliance(dir))
        {
            final StrategyClient client = StrategyClient.create(
                appliance.settings(STRATEGY_ID, StrategySample.TICK_RESPONDER), appliance.aeron,
                TickResponder::fromSettings, new SystemEpochNanoClock(), 1);
            try (AgentRunner runner = new AgentRunner(
                new YieldingIdleStrategy(), Throwable::printStackTrace, null, client))
            {
                AgentRunner.startOnThread(runner);
                appliance.awaitConnected(client);
                appliance.topOfBook(ES, 1000, 1010, 31);
                final TestAppliance.Order order = appliance.awaitOrders(null, 1).get(0);
                assertOrder(order, 31);
            }
        }
    }

    @Test
    void runsInsideACompositeAgentDrivenByTheCaller()
    {
        try (TestAppliance appliance = new TestAppliance(dir);
            Aeron aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(appliance.driver.aeronDirectoryName())
                .useConductorAgentInvoker(true)))
        {
            final AtomicInteger otherWork = new AtomicInteger();
            final StrategyClient client = StrategyClient.create(
                appliance.settings(STRATEGY_ID, StrategySample.TICK_RESPONDER), aeron, TickResponder::fromSettings,
                new SystemEpochNanoClock(), 1);
            final AgentInvoker aeronInvoker = aeron.conductorAgentInvoker();
            final AgentInvoker hotPath = new AgentInvoker(Throwable::printStackTrace, null, new CompositeAgent(
                new CountingAgent(otherWork), client));
            try
            {
                hotPath.start();
                while (!appliance.marketData.isConnected() || !client.isOrderStreamConnected() ||
                    !client.isMarketDataConnected())
                {
                    aeronInvoker.invoke();
                    hotPath.invoke();
                }
                appliance.topOfBook(ES, 1000, 1010, 32);
                while (appliance.received.isEmpty())
                {
                    aeronInvoker.invoke();
                    hotPath.invoke();
                    appliance.pollOrders();
                }
                assertOrder(appliance.received.get(0), 32);
                assertEquals(true, otherWork.get() > 0, "the composite's other agent ran too");
            }
            finally
            {
                CloseHelper.closeAll(hotPath);
            }
        }
    }

    private static void assertOrder(final TestAppliance.Order order, final long rxNs)
    {
        assertEquals(NewOrderDecoder.TEMPLATE_ID, order.templateId());
        assertEquals(STRATEGY_ID, order.strategyId());
        assertEquals(Side.BUY, order.side());
        assertEquals(1010, order.price());
        assertEquals(rxNs, order.triggerRxTimestampNs());
    }

    private static final class CountingAgent implements org.agrona.concurrent.Agent
    {
        private final AtomicInteger work;

        CountingAgent(final AtomicInteger work)
        {
            this.work = work;
        }

        public int doWork()
        {
            work.incrementAndGet();
            return 0;
        }

        public String roleName()
        {
            return "counting";
        }
    }
}
