package io.wirespeed.replay;

/**
 * A replay that cannot be done as asked: one line for the operator and the exit code the command returns.
 */
public final class ReplayException extends RuntimeException
{
    /** Exit code of a usage error: an option that cannot be parsed or is missing. */
    public static final int USAGE = 2;
    /** Exit code of a refusal: input or configuration that cannot be honoured. */
    public static final int REFUSED = 1;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * A replay refused or misused.
     *
     * @param exitCode {@link #USAGE} or {@link #REFUSED}.
     * @param message  one line naming the option or key and why.
     */
    public ReplayException(final int exitCode, final String message)
    {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * A usage error.
     *
     * @param message one line naming the option.
     * @return the exception.
     */
    public static ReplayException usage(final String message)
    {
        return new ReplayException(USAGE, message);
    }

    /**
     * A refusal.
     *
     * @param message one line naming the option or key.
     * @return the exception.
     */
    public static ReplayException refused(final String message)
    {
        return new ReplayException(REFUSED, message);
    }

    /**
     * The exit code the command returns.
     *
     * @return 1 or 2.
     */
    public int exitCode()
    {
        return exitCode;
    }
}
