package io.wirespeed.deploy;

import io.wirespeed.config.AgentContext;
import net.openhft.affinity.Affinity;
import net.openhft.affinity.AffinityLock;
import org.agrona.concurrent.AgentRunner;

import java.io.PrintWriter;

/**
 * Starts an agent's runner on its own thread, named for the agent's role and pinned to the agent's configured core.
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
     * @param out     where a core that could not be had is reported.
     * @return the thread.
     */
    static Thread start(final AgentRunner runner, final AgentContext context, final PrintWriter out)
    {
        final int core = context.core();
        return AgentRunner.startOnThread(runner, (task) -> new Thread(() ->
        {
            if (core < 0)
            {
                task.run();
                return;
            }
            try (AffinityLock lock = AffinityLock.acquireLock(core))
            {
                if (!lock.isBound() || Affinity.getCpu() != core)
                {
                    out.println(runner.agent().roleName() + ": could not pin to core " + core +
                        " (not present, reserved or taken); running unpinned");
                    out.flush();
                }
                task.run();
            }
        }, runner.agent().roleName()));
    }
}
