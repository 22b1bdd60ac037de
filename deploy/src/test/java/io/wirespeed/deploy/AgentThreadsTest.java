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

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        final AgentRunner runner = new AgentRunner(new YieldingIdleStrategy(), Throwable::printStackTrace, null, agent);
        try
        {
            final AgentThreads.Placement placement =
                AgentThreads.start(runner, new AgentContext(AgentRole.FEED).core(core));
            assertNull(placement.awaitFailure());
            assertTrue(agent.sampled.await(30, TimeUnit.SECONDS));
            assertEquals("probe", agent.threadName.get());
            assertEquals(core, agent.cpu.get(), "the agent's thread runs on its core");
            assertEquals("core " + core + " (pinned)", placement.describe());
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
            final AgentThreads.Placement placement =
                AgentThreads.start(runner, new AgentContext(AgentRole.FEED).core(-1));
            assertNull(placement.awaitFailure());
            assertTrue(agent.sampled.await(30, TimeUnit.SECONDS));
            assertTrue(placement.describe().endsWith("(unpinned)"), placement.describe());
        }
        finally
        {
            CloseHelper.close(runner);
        }
    }

    @Test
    void anAgentWhoseCoreThisProcessCannotRunOnNeverRunsAndSaysWhy() throws InterruptedException
    {
        final int core = Affinity.getAffinity().length() + 7;
        final ProbeAgent agent = new ProbeAgent();
        final AgentRunner runner = new AgentRunner(new YieldingIdleStrategy(), Throwable::printStackTrace, null, agent);
        try
        {
            final AgentThreads.Placement placement =
                AgentThreads.start(runner, new AgentContext(AgentRole.FEED).core(core));
            final String failure = placement.awaitFailure();
            assertNotNull(failure);
            assertTrue(failure.contains("could not pin the thread to core " + core), failure);
            assertEquals(1, agent.sampled.getCount(), "the agent never ran");
        }
        finally
        {
            CloseHelper.close(runner);
        }
    }

    private static final class ProbeAgent implements Agent
    {
        final AtomicReference<String> threadName = new AtomicReference<>();
        final CountDownLatch sampled = new CountDownLatch(1);
        final AtomicInteger cpu = new AtomicInteger(-1);

        public int doWork()
        {
            if (sampled.getCount() > 0)
            {
                cpu.set(Affinity.getCpu());
                threadName.set(Thread.currentThread().getName());
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
