package io.wirespeed.deploy;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;

/**
 * The embedded media driver's and the Aeron client conductor's duty cycles (invoker threading) as one agent, so they
 * can share the background thread.
 */
final class DriverInvokerAgent implements Agent
{
    private final AgentInvoker driver;
    private final AgentInvoker client;

    DriverInvokerAgent(final AgentInvoker driver, final AgentInvoker client)
    {
        this.driver = driver;
        this.client = client;
    }

    public int doWork()
    {
        return driver.invoke() + client.invoke();
    }

    public String roleName()
    {
        return "media-driver";
    }
}
