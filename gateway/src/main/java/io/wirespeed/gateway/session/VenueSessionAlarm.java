package io.wirespeed.gateway.session;

import io.wirespeed.codecs.internal.SessionAlarm;

/**
 * What the venue session hands its error handler when it raises a {@link SessionAlarm}: the alarm and its
 * explanation, without a stack trace (it is a report, not a failure of the code).
 */
public final class VenueSessionAlarm extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient SessionAlarm alarm;

    /**
     * An alarm report.
     *
     * @param alarm   which alarm.
     * @param message what happened, naming the values concerned.
     */
    public VenueSessionAlarm(final SessionAlarm alarm, final String message)
    {
        super(alarm + ": " + message, null, false, false);
        this.alarm = alarm;
    }

    /**
     * Which alarm.
     *
     * @return the alarm.
     */
    public SessionAlarm alarm()
    {
        return alarm;
    }
}
