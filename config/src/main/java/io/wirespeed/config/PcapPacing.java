package io.wirespeed.config;

/**
 * How fast the pcap backend delivers recorded frames.
 */
public enum PcapPacing implements ConfigEnum
{
    /**
     * As fast as the pipeline takes them.
     */
    MAX("max"),

    /**
     * At the intervals between the recorded timestamps.
     */
    RECORDED("recorded");

    private final String text;

    PcapPacing(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
