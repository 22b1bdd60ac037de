package io.wirespeed.replay;

import io.wirespeed.nic.ReplayClock;

/**
 * The replay clock the feed handler is given: the input's recorded time, stopping also at every participant's next
 * event, and moving to a new instant only when the {@link Pacer} releases it. After the last frame it still moves to
 * the participants' events, so what they recorded after the market data happens too.
 */
public final class PacedClock implements ReplayClock
{
    private final ReplayClock input;
    private final Pacer pacer;
    private final ReplayParticipant[] participants;
    private long afterEndNs;

    /**
     * A clock over the input's.
     *
     * @param input        the replay NIC backend's clock.
     * @param pacer        which releases each new instant.
     * @param participants whose events are instants too.
     */
    public PacedClock(final ReplayClock input, final Pacer pacer, final ReplayParticipant[] participants)
    {
        this.input = input;
        this.pacer = pacer;
        this.participants = participants.clone();
    }

    /**
     * {@inheritDoc}
     */
    public long nanoTime()
    {
        return Math.max(input.nanoTime(), afterEndNs);
    }

    /**
     * {@inheritDoc}
     */
    public boolean advance(final long deadlineNs)
    {
        final long eventNs = nextParticipantEventNs();
        final long nextFrameNs = input.nextFrameNs();
        final long nowNs = nanoTime();
        if (NO_DEADLINE == nextFrameNs)
        {
            if (NO_DEADLINE == eventNs)
            {
                return false;
            }
            if (eventNs > nowNs)
            {
                if (!pacer.release(eventNs))
                {
                    return false;
                }
                afterEndNs = eventNs;
            }
            return true;
        }
        final long targetNs = Math.min(deadlineNs, eventNs);
        final long instantNs = Math.min(nextFrameNs, targetNs);
        if (instantNs > nowNs && !pacer.release(instantNs))
        {
            return false;
        }
        return input.advance(targetNs);
    }

    /**
     * {@inheritDoc}
     */
    public boolean isEndOfRecording()
    {
        return input.isEndOfRecording() && NO_DEADLINE == nextParticipantEventNs();
    }

    /**
     * {@inheritDoc}
     */
    public long nextFrameNs()
    {
        return input.nextFrameNs();
    }

    /**
     * The next instant the clock would move to, were it released now.
     *
     * @param deadlineNs the feed handler's next timer deadline.
     * @return epoch nanoseconds, or {@link #NO_DEADLINE} when none.
     */
    long nextInstantNs(final long deadlineNs)
    {
        final long eventNs = nextParticipantEventNs();
        final long nextFrameNs = input.nextFrameNs();
        return NO_DEADLINE == nextFrameNs ? eventNs : Math.min(nextFrameNs, Math.min(deadlineNs, eventNs));
    }

    private long nextParticipantEventNs()
    {
        long eventNs = NO_DEADLINE;
        for (final ReplayParticipant participant : participants)
        {
            eventNs = Math.min(eventNs, participant.nextEventNs());
        }
        return eventNs;
    }
}
