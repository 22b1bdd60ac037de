package io.wirespeed.nic.xdp;

/**
 * An AF_XDP port could not be opened: the message says what is missing and how to fix it.
 */
public final class XdpSetupException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int errno;

    /**
     * An error with the errno of the system call that failed.
     *
     * @param message what is missing and how to fix it.
     * @param errno   the positive errno, 0 when no system call failed.
     */
    public XdpSetupException(final String message, final int errno)
    {
        super(message);
        this.errno = errno;
    }

    /**
     * The errno of the system call that failed.
     *
     * @return the positive errno, 0 when no system call failed.
     */
    public int errno()
    {
        return errno;
    }
}
