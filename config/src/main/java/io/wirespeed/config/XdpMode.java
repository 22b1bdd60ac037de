package io.wirespeed.config;

/**
 * Where the XDP program that feeds an AF_XDP socket is attached.
 */
public enum XdpMode implements ConfigEnum
{
    /**
     * After the kernel builds an skb: works on every driver, copy mode only.
     */
    GENERIC("generic"),

    /**
     * In the driver's receive path: needs driver support, allows zero-copy.
     */
    NATIVE("native");

    private final String text;

    XdpMode(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
