package io.wirespeed.config;

/**
 * The Aeron media driver's threading mode; {@link Enum#name()} matches Aeron's ThreadingMode.
 */
public enum DriverThreadingMode implements ConfigEnum
{
    /**
     * Conductor, sender and receiver on their own threads.
     */
    DEDICATED("dedicated"),

    /**
     * Conductor on one thread, sender and receiver share another.
     */
    SHARED_NETWORK("shared-network"),

    /**
     * Conductor, sender and receiver share one thread.
     */
    SHARED("shared"),

    /**
     * No driver threads: an appliance agent invokes the driver's duty cycle (embedded driver only).
     */
    INVOKER("invoker");

    private final String text;

    DriverThreadingMode(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
