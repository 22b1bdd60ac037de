package io.wirespeed.config;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * Builds the Agrona idle strategy an agent's configuration names.
 */
public final class IdleStrategies
{
    private IdleStrategies()
    {
    }

    /**
     * The idle strategy of an agent.
     *
     * @param context the agent's configuration.
     * @return a new idle strategy.
     */
    public static IdleStrategy of(final AgentContext context)
    {
        switch (context.idleStrategy())
        {
            case BUSY_SPIN:
                return new BusySpinIdleStrategy();
            case YIELD:
                return new YieldingIdleStrategy();
            case SLEEP:
                return new SleepingIdleStrategy(context.sleepNs());
            default:
                return new BackoffIdleStrategy(
                    context.maxSpins(), context.maxYields(), context.minParkNs(), context.maxParkNs());
        }
    }
}
