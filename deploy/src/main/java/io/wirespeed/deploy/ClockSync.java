package io.wirespeed.deploy;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * The kernel clock's synchronization to UTC as {@code adjtimex(2)} reports it (what chrony, ntpd or phc2sys set).
 */
final class ClockSync
{
    /** adjtimex's state when the clock is not synchronized. */
    static final int TIME_ERROR = 5;
    /** {@code status} bit: the clock is not synchronized. */
    static final int STA_UNSYNC = 0x0040;

    private static final int TIMEX_LENGTH = 256;
    private static final int MAXERROR_OFFSET = 24;
    private static final int ESTERROR_OFFSET = 32;
    private static final int STATUS_OFFSET = 40;

    final int state;
    final int status;
    final long maxErrorUs;
    final long estErrorUs;

    ClockSync(final int state, final int status, final long maxErrorUs, final long estErrorUs)
    {
        this.state = state;
        this.status = status;
        this.maxErrorUs = maxErrorUs;
        this.estErrorUs = estErrorUs;
    }

    /**
     * Whether the kernel holds the clock synchronized.
     *
     * @return false for TIME_ERROR or STA_UNSYNC.
     */
    boolean isSynchronized()
    {
        return state >= 0 && TIME_ERROR != state && 0 == (status & STA_UNSYNC);
    }

    /**
     * Read this host's kernel clock state.
     *
     * @return the state, or null where it cannot be read (not 64-bit Linux, no JNA).
     */
    static ClockSync readHost()
    {
        try
        {
            if (8 != Native.LONG_SIZE)
            {
                return null;
            }
            final Memory timex = new Memory(TIMEX_LENGTH);
            timex.clear();
            final int state = LibC.load().adjtimex(timex);
            if (state < 0)
            {
                return null;
            }
            return new ClockSync(
                state, timex.getInt(STATUS_OFFSET), timex.getLong(MAXERROR_OFFSET), timex.getLong(ESTERROR_OFFSET));
        }
        catch (final LinkageError | RuntimeException ex)
        {
            return null;
        }
    }
}
