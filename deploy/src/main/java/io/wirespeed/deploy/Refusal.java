package io.wirespeed.deploy;

import io.wirespeed.config.ConfigEnum;

/**
 * A configured value this host cannot honour, or a peer that is not there: one line naming the key, its value and the
 * reason, and the exit code a command returns for it (1 refused, 3 nothing to talk to).
 */
final class Refusal extends RuntimeException
{
    /**
     * Exit code of a command that refused a value it cannot honour.
     */
    static final int EXIT_REFUSED = 1;

    /**
     * Exit code of a command that found nothing to talk to (no venue, no media driver).
     */
    static final int EXIT_NOTHING_TO_TALK_TO = 3;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private Refusal(final String line, final int exitCode)
    {
        super(line, null, false, false);
        this.exitCode = exitCode;
    }

    /**
     * A value that cannot be honoured on this host.
     *
     * @param key    the dotted configuration key.
     * @param value  its value, or null to leave the value out.
     * @param reason why, and what to do about it.
     * @return the refusal, exit code 1.
     */
    static Refusal of(final String key, final Object value, final String reason)
    {
        return new Refusal(line(key, value, reason), EXIT_REFUSED);
    }

    /**
     * The value names a peer that is not there.
     *
     * @param key    the dotted configuration key.
     * @param value  its value, or null to leave the value out.
     * @param reason what is missing, and how to start it.
     * @return the refusal, exit code 3.
     */
    static Refusal nothingToTalkTo(final String key, final Object value, final String reason)
    {
        return new Refusal(line(key, value, reason), EXIT_NOTHING_TO_TALK_TO);
    }

    /**
     * The exit code a command returns for this refusal.
     *
     * @return 1 or 3.
     */
    int exitCode()
    {
        return exitCode;
    }

    private static String line(final String key, final Object value, final String reason)
    {
        final String text = null == value ? key :
            key + " = " + (value instanceof CharSequence || value instanceof ConfigEnum ? "\"" + text(value) + "\"" :
            String.valueOf(value));
        return (text + ": " + reason).replace('\n', ' ');
    }

    private static String text(final Object value)
    {
        if (value instanceof ConfigEnum configEnum)
        {
            return configEnum.text();
        }
        return String.valueOf(value);
    }
}
