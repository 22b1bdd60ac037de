package io.wirespeed.config;

/**
 * The clock the feed handler's gap and silence timers run on when the feeds come from captures.
 */
public enum PcapClock implements ConfigEnum
{
    /**
     * The captures' recorded time: the clock stands at the recorded time of the frames being delivered, so a timer
     * fires only when recorded time passes its deadline, however fast or slow the replay runs.
     */
    CAPTURE("capture"),

    /**
     * The host's clock, as in a live run: timers measure how the replay runs, not how the traffic was recorded.
     */
    WALL("wall");

    private final String text;

    PcapClock(final String text)
    {
        this.text = text;
    }

    @Override
    public String text()
    {
        return text;
    }
}
