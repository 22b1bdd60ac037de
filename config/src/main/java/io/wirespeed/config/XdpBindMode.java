package io.wirespeed.config;

/**
 * How an AF_XDP socket binds to its queue.
 */
public enum XdpBindMode implements ConfigEnum
{
    /**
     * Zero-copy where the driver supports it, copy otherwise.
     */
    AUTO("auto"),

    /**
     * Zero-copy or fail.
     */
    ZERO_COPY("zero-copy"),

    /**
     * Always copy between driver buffers and the UMEM.
     */
    COPY("copy");

    private final String text;

    XdpBindMode(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
