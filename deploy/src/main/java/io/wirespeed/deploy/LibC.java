package io.wirespeed.deploy;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few C library calls the command line makes (through JNA, which the affinity library already brings).
 */
public interface LibC extends Library
{
    /**
     * Bind the C library.
     *
     * @return the binding.
     */
    static LibC load()
    {
        return Native.load("c", LibC.class);
    }

    /**
     * Set the file mode creation mask.
     *
     * @param mask the new mask.
     * @return the previous mask.
     */
    int umask(int mask);

    /**
     * Read (with {@code modes} zero) the kernel clock's synchronization state.
     *
     * @param timex a {@code struct timex}.
     * @return the clock state: 0 TIME_OK ... 5 TIME_ERROR (not synchronized), or -1.
     */
    int adjtimex(Pointer timex);
}
