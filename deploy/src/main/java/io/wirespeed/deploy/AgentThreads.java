package io.wirespeed.deploy;

import io.wirespeed.config.AgentContext;
import net.openhft.affinity.Affinity;
import org.agrona.concurrent.AgentRunner;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts an agent's runner on its own thread, named for the agent's role and pinned to the agent's configured core
 * ({@code sched_setaffinity} to that one CPU), and reports the placement the thread reads back from inside itself.
 */
final class AgentThreads
{
    private AgentThreads()
    {
    }

    /**
     * Start a runner on a new thread, pinned when the agent's configuration names a core ({@code core >= 0}).
     *
     * @param runner  to start.
     * @param context the agent's configuration.
     * @return the placement, filled in by the thread before the agent's first duty cycle.
     */
    static Placement start(final AgentRunner runner, final AgentContext context)
    {
        final Placement placement = new Placement(context.core());
        AgentRunner.startOnThread(runner, (task) -> new Thread(() ->
        {
            if (placement.pin())
            {
                task.run();
            }
        }, runner.agent().roleName()));
        return placement;
    }

    /**
     * Where an agent's thread runs, read back by the thread itself.
     */
    static final class Placement
    {
        private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(10);

        private final int core;
        private final CountDownLatch placed = new CountDownLatch(1);
        private volatile BitSet cpus;
        private volatile String failure;

        Placement(final int core)
        {
            this.core = core;
        }

        /**
         * The core asked for.
         *
         * @return the core, or -1 for unpinned.
         */
        int core()
        {
            return core;
        }

        /**
         * Wait for the thread to place itself.
         *
         * @return null when it runs where it was asked to, else why not.
         * @throws InterruptedException when interrupted while waiting.
         */
        String awaitFailure() throws InterruptedException
        {
            if (!placed.await(WAIT_NS, TimeUnit.NANOSECONDS))
            {
                return "the agent's thread did not start";
            }
            return failure;
        }

        /**
         * The CPUs the thread may run on, as it read them back.
         *
         * @return e.g. "core 3 (pinned)" or "cores 0-1 (unpinned)".
         */
        String describe()
        {
            final BitSet set = cpus;
            if (null == set)
            {
                return "not started";
            }
            return (1 == set.cardinality() ? "core " : "cores ") + HostCores.text(set) +
                (core >= 0 ? " (pinned)" : " (unpinned)");
        }

        private boolean pin()
        {
            try
            {
                if (core >= 0)
                {
                    Affinity.setAffinity(core);
                }
                final BitSet readBack = Affinity.getAffinity();
                cpus = readBack;
                if (core >= 0 && (1 != readBack.cardinality() || !readBack.get(core)))
                {
                    failure = "could not pin the thread to core " + core + " (it may run on cores " +
                        HostCores.text(readBack) + ")";
                }
            }
            catch (final RuntimeException | LinkageError ex)
            {
                failure = "could not pin the thread to core " + core + ": " + ex;
            }
            placed.countDown();
            return null == failure;
        }
    }
}
