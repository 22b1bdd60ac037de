package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.SessionState;
import io.wirespeed.gateway.GatewayAgent;
import io.wirespeed.gateway.session.FixpInitiator;
import io.wirespeed.gateway.session.SessionCounter;
import io.wirespeed.gateway.session.SessionCounters;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * The appliance's orderly stop, run on the gateway's thread after the gateway and its venue session in each duty
 * cycle: once {@link #request()}ed, the in-process strategies are held (they poll {@link #isRequested()}), the gateway
 * refuses new orders and cancels every open order at the venue ({@code gateway.cancel_on_shutdown}), waits (bounded)
 * until none is open, then the FIXP session sends Terminate and waits (bounded, by the session's own keepalive
 * interval) for the venue's; then the stop is {@link #isDone()}.
 */
final class OrderlyStop implements Agent
{
    private static final int RUNNING = 0;
    private static final int CANCELING = 1;
    private static final int TERMINATING = 2;
    private static final int DONE = 3;

    private final GatewayAgent gateway;
    private final FixpInitiator session;
    private final SessionCounters sessionCounters;
    private final EpochNanoClock clock;
    private final boolean cancelOnShutdown;
    private final long cancelWaitNs;
    private volatile boolean requested;
    private volatile int phase = RUNNING;
    private volatile long cancelsAsked;
    private volatile int leftOpen = -1;
    private volatile boolean venueTerminateReceived;
    private long terminatesBefore;
    private long deadlineNs;

    /**
     * The stop of a gateway and its session.
     *
     * @param gateway          the gateway.
     * @param session          its venue session.
     * @param sessionCounters  the session's counters, to tell whether the venue answered the Terminate.
     * @param clock            the session's clock.
     * @param cancelOnShutdown whether open orders are canceled at the venue first.
     * @param cancelWaitMs     the longest wait for the cancels to be acknowledged.
     */
    OrderlyStop(
        final GatewayAgent gateway,
        final FixpInitiator session,
        final SessionCounters sessionCounters,
        final EpochNanoClock clock,
        final boolean cancelOnShutdown,
        final long cancelWaitMs)
    {
        this.gateway = gateway;
        this.session = session;
        this.sessionCounters = sessionCounters;
        this.clock = clock;
        this.cancelOnShutdown = cancelOnShutdown;
        this.cancelWaitNs = TimeUnit.MILLISECONDS.toNanos(cancelWaitMs);
    }

    /**
     * Ask for the stop; safe from any thread.
     */
    void request()
    {
        requested = true;
    }

    /**
     * Has the stop been asked for? The in-process strategies stop trading from then on.
     *
     * @return true once requested.
     */
    boolean isRequested()
    {
        return requested;
    }

    /**
     * Are the cancels done (or given up on) and the session ended?
     *
     * @return true when the stop has finished.
     */
    boolean isDone()
    {
        return DONE == phase;
    }

    /**
     * What the stop did, for the operator.
     *
     * @return one line.
     */
    String describe()
    {
        final String cancels = !cancelOnShutdown ? "open orders left resting (gateway.cancel_on_shutdown = false)" :
            cancelsAsked + " open order(s) canceled at the venue" + (leftOpen > 0 ? ", " + leftOpen +
            " still open when the wait ended" : leftOpen < 0 ? " (not finished)" : "");
        final String terminate = DONE != phase ? "session not yet ended" : venueTerminateReceived ?
            "session terminated (Terminate sent, the venue's received)" :
            "session ended (the venue's Terminate did not come, or no session was established)";
        return "orderly stop: strategies stopped, new orders refused; " + cancels + "; " + terminate;
    }

    public int doWork()
    {
        switch (phase)
        {
            case RUNNING:
                if (!requested)
                {
                    return 0;
                }
                cancelsAsked = gateway.logic().onShutdown(cancelOnShutdown && isUp());
                deadlineNs = clock.nanoTime() + cancelWaitNs;
                phase = CANCELING;
                return 1;

            case CANCELING:
            {
                final long nowNs = clock.nanoTime();
                final int live = gateway.logic().state().liveOrders();
                if (cancelOnShutdown && live > 0 && isUp() && deadlineNs - nowNs > 0)
                {
                    return 0;
                }
                leftOpen = live;
                terminatesBefore = sessionCounters.value(SessionCounter.TERMINATES_RECEIVED);
                session.terminate(nowNs);
                phase = TERMINATING;
                return 1;
            }

            case TERMINATING:
                if (SessionState.TERMINATING == session.state())
                {
                    return 0;
                }
                venueTerminateReceived = sessionCounters.value(SessionCounter.TERMINATES_RECEIVED) > terminatesBefore;
                phase = DONE;
                return 1;

            default:
                return 0;
        }
    }

    public String roleName()
    {
        return "orderly-stop";
    }

    private boolean isUp()
    {
        return SessionState.ESTABLISHED == session.state() || SessionState.RETRANSMITTING == session.state();
    }
}
