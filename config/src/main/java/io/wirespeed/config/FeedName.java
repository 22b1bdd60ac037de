package io.wirespeed.config;

/**
 * The feeds of a market-data channel, as addressed in {@code [fault.<channel-id>.<feed>]}.
 */
public enum FeedName implements ConfigEnum
{
    /**
     * Incremental feed A.
     */
    A("a"),

    /**
     * Incremental feed B.
     */
    B("b"),

    /**
     * The snapshot (market recovery) loop.
     */
    SNAPSHOT("snapshot"),

    /**
     * The instrument definition loop.
     */
    DEFINITION("definition");

    private final String text;

    FeedName(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
