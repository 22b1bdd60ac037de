package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.gateway.session.FixpInitiator;
import org.agrona.concurrent.Agent;

/**
 * Holds an in-process strategy back until the venue session has first been established, so a strategy started with
 * the appliance does not open with orders the gateway must refuse; after that the strategy runs whatever the
 * session does (the gateway refuses orders while it is down, and says why), until the appliance's orderly stop is
 * requested: from then on the strategy is not run.
 */
final class StartGate implements Agent
{
    private final Agent agent;
    private final FixpInitiator session;
    private final OrderlyStop stop;
    private boolean open;

    StartGate(final Agent agent, final FixpInitiator session, final OrderlyStop stop)
    {
        this.agent = agent;
        this.session = session;
        this.stop = stop;
    }

    public void onStart()
    {
        agent.onStart();
    }

    public int doWork() throws Exception
    {
        if (stop.isRequested())
        {
            return 0;
        }
        if (!open)
        {
            if (SessionState.ESTABLISHED != session.state())
            {
                return 0;
            }
            open = true;
        }
        return agent.doWork();
    }

    public void onClose()
    {
        agent.onClose();
    }

    public String roleName()
    {
        return agent.roleName();
    }
}
