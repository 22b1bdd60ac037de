package io.wirespeed.deploy;

import java.io.PrintStream;

/**
 * The one place that sets the mode of every file wirespeed creates: a process umask of {@code 0007}, so shm wires,
 * counters files, the Aeron directory and everything the media driver puts in it, the journal and the error log are
 * {@code 0660} files and {@code 0770} directories, readable and writable by the service's group only.
 * <p>
 * A umask (not a chmod after each create) also covers the files the media driver and Chronicle create themselves,
 * and it holds from the first file on, so no other user can open a file in the moment between create and chmod.
 */
final class FileModes
{
    /** What this process masks off: every permission of other users. */
    static final int UMASK = 0007;

    private FileModes()
    {
    }

    /**
     * Set the process umask to {@link #UMASK}; where that is impossible, say so in one line and carry on.
     *
     * @param err where to say it.
     * @return true when the umask is set.
     */
    static boolean restrictToGroup(final PrintStream err)
    {
        try
        {
            LibC.load().umask(UMASK);
            return true;
        }
        catch (final LinkageError | RuntimeException ex)
        {
            err.println("wirespeed: cannot set umask 0007 (" + ex.getMessage() + "): files this process creates " +
                "follow the umask it was started with; start it with `umask 0007` (systemd: UMask=0007)");
            return false;
        }
    }
}
