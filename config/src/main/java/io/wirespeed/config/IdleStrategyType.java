package io.wirespeed.config;

/**
 * How an agent waits when its duty cycle found no work, named after Agrona's idle strategies.
 */
public enum IdleStrategyType implements ConfigEnum
{
    /**
     * Spin without yielding the core: lowest latency, burns the core.
     */
    BUSY_SPIN("busy-spin"),

    /**
     * Yield the thread between duty cycles.
     */
    YIELD("yield"),

    /**
     * Spin, then yield, then park with an exponentially growing period.
     */
    BACKOFF("backoff"),

    /**
     * Sleep a fixed period between duty cycles.
     */
    SLEEP("sleep");

    private final String text;

    IdleStrategyType(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
