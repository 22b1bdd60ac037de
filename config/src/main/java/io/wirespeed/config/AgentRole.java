package io.wirespeed.config;

/**
 * The long-running agents of the appliance, each configured in its own {@code [agents.<role>]} table.
 */
public enum AgentRole implements ConfigEnum
{
    /**
     * Polls the NIC and runs the feed handler: arbitration, recovery, books, publication.
     */
    FEED("feed"),

    /**
     * Runs the order gateway: order intake, pre-trade risk, the venue session.
     */
    GATEWAY("gateway"),

    /**
     * Taps every stream into the journal.
     */
    JOURNAL("journal"),

    /**
     * Runs in-process strategies.
     */
    STRATEGY("strategy"),

    /**
     * Timers, counters, latency histogram logging and other background duties.
     */
    HOUSEKEEPING("housekeeping"),

    /**
     * Runs the in-process exchange simulator.
     */
    SIM("sim");

    private final String text;

    AgentRole(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
