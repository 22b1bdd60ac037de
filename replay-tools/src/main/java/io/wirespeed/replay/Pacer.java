package io.wirespeed.replay;

import org.agrona.concurrent.NanoClock;

/**
 * Decides when the replay clock may move to its next recorded instant; it only delays that move, so every pace shows
 * the pipeline the same instants with the same frames. A stop time holds every instant after it until cleared.
 */
public final class Pacer
{
    /** No stop time set. */
    public static final long NO_STOP = Long.MAX_VALUE;

    private final ReplayPace pace;
    private final NanoClock hostClock;
    private boolean maxPace;
    private boolean started;
    private long originNs;
    private long hostStartNs;
    private long stepsAllowed;
    private long stopAtNs = NO_STOP;
    private boolean heldAtStop;
    private boolean heldForStep;
    private long released;

    /**
     * A pacer.
     *
     * @param pace      the pace asked for.
     * @param hostClock host time for {@link ReplayPace.Mode#SPEED}.
     */
    public Pacer(final ReplayPace pace, final NanoClock hostClock)
    {
        this.pace = pace;
        this.hostClock = hostClock;
        this.maxPace = ReplayPace.Mode.MAX == pace.mode();
    }

    /**
     * The first instant of the replay, from which the speed is measured.
     *
     * @param originNs epoch nanoseconds of recorded time.
     */
    public void origin(final long originNs)
    {
        this.originNs = originNs;
    }

    /**
     * May the clock move to this instant now? Counts the instants released.
     *
     * @param instantNs the next instant, recorded epoch nanoseconds.
     * @return true when released.
     */
    public boolean release(final long instantNs)
    {
        if (instantNs > stopAtNs)
        {
            heldAtStop = true;
            return false;
        }
        heldAtStop = false;
        if (!maxPace)
        {
            if (ReplayPace.Mode.STEP == pace.mode())
            {
                if (stepsAllowed <= 0)
                {
                    heldForStep = true;
                    return false;
                }
                heldForStep = false;
                stepsAllowed--;
            }
            else
            {
                final long hostNs = hostClock.nanoTime();
                if (!started)
                {
                    started = true;
                    hostStartNs = hostNs;
                }
                final double dueNs = (instantNs - originNs) / pace.speed();
                if (hostNs - hostStartNs < dueNs)
                {
                    return false;
                }
            }
        }
        released++;
        return true;
    }

    /**
     * Release the next steps (step pace).
     *
     * @param count instants to release.
     */
    public void step(final long count)
    {
        stepsAllowed += count;
        heldForStep = false;
    }

    /**
     * Release no more steps than those asked for from now on (step pace).
     */
    public void holdSteps()
    {
        stepsAllowed = 0;
    }

    /**
     * Release everything from now on, as fast as possible.
     */
    public void continueAtMaxPace()
    {
        maxPace = true;
        heldForStep = false;
    }

    /**
     * Hold every instant after a time until {@link #clearStop()}.
     *
     * @param stopAtNs recorded epoch nanoseconds, or {@link #NO_STOP}.
     */
    public void stopAt(final long stopAtNs)
    {
        this.stopAtNs = stopAtNs;
        heldAtStop = false;
    }

    /**
     * Clear the stop time.
     */
    public void clearStop()
    {
        stopAt(NO_STOP);
    }

    /**
     * Whether the last instant asked for lies after the stop time.
     *
     * @return true while held there.
     */
    public boolean isHeldAtStop()
    {
        return heldAtStop;
    }

    /**
     * Whether the last instant asked for waits for a step command.
     *
     * @return true while held for a step.
     */
    public boolean isHeldForStep()
    {
        return heldForStep;
    }

    /**
     * Whether instants are released at once.
     *
     * @return true at max pace, or after a continue.
     */
    public boolean isMaxPace()
    {
        return maxPace;
    }

    /**
     * Instants released so far.
     *
     * @return the count.
     */
    public long released()
    {
        return released;
    }
}
