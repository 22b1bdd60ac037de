package io.wirespeed.deploy;

import io.wirespeed.config.AgentContext;
import io.wirespeed.config.AgentRole;
import net.openhft.affinity.Affinity;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
final class AgentThreadsTest
{
    @Test
    void anAgentWithACoreRunsPinnedToItOnAThreadNamedForItsRole() throws InterruptedException
    {
        final int core = Runtime.getRuntime().availableProcessors() - 1;
        if (core < 1)
        {
            System.out.println("SKIPPED pinning: needs at least 2 CPUs, this machine has " + (core + 1));
        }
        assumeTrue(core >= 1, "needs at least 2 CPUs");

        final ProbeAgent agent = new ProbeAgent();
        final StringWriter report = new StringWriter();
        final AgentRunner runner = new AgentRunner(new YieldingIdleStrategy(), Throwable::printStackTrace, null, agent);
        try
        {
            final Thread thread = AgentThreads.start(
                runner, new AgentContext(AgentRole.FEED).core(core), new PrintWriter(report, true));
            assertTrue(agent.sampled.await(30, TimeUnit.SECONDS));
            assertEquals("probe", thread.getName());
            assertEquals(core, agent.cpu.get(), "the agent's thread runs on its core; " + report);
            assertEquals("", report.toString());
        }
        finally
        {
            CloseHelper.close(runner);
        }
    }

    @Test
    void anAgentWithoutACoreRunsUnpinned() throws InterruptedException
    {
        final ProbeAgent agent = new ProbeAgent();
        final AgentRunner runner = new AgentRunner(new YieldingIdleStrategy(), Throwable::printStackTrace, null, agent);
        try
        {
            final StringWriter report = new StringWriter();
            AgentThreads.start(runner, new AgentContext(AgentRole.FEED).core(-1), new PrintWriter(report, true));
            assertTrue(agent.sampled.await(30, TimeUnit.SECONDS));
            assertEquals("", report.toString());
        }
        finally
        {
            CloseHelper.close(runner);
        }
    }

    private static final class ProbeAgent implements Agent
    {
        final CountDownLatch sampled = new CountDownLatch(1);
        final AtomicInteger cpu = new AtomicInteger(-1);

        public int doWork()
        {
            if (sampled.getCount() > 0)
            {
                cpu.set(Affinity.getCpu());
                sampled.countDown();
            }
            return 0;
        }

        public String roleName()
        {
            return "probe";
        }
    }
}
