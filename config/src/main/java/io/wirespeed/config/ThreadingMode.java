package io.wirespeed.config;

/**
 * How the appliance's agents map onto threads and processes, like Aeron's ThreadingMode.
 */
public enum ThreadingMode implements ConfigEnum
{
    /**
     * Each agent on its own thread, pinned to its own core where a core is given, busy-spinning: production.
     */
    DEDICATED("dedicated"),

    /**
     * The hot path (NIC poll, feed handler, in-process strategy, gateway) as one composite agent run with
     * {@code [agents.feed]}'s settings; journal, media driver and housekeeping as another run with
     * {@code [agents.housekeeping]}'s settings.
     */
    COMPACT("compact"),

    /**
     * Strategies run in their own JVMs over Aeron IPC; the media driver is embedded or standalone.
     */
    MULTI_PROCESS("multi-process");

    private final String text;

    ThreadingMode(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
