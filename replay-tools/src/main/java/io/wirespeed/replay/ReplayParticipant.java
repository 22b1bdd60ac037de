package io.wirespeed.replay;

import io.wirespeed.nic.ReplayClock;
import org.agrona.concurrent.Agent;

/**
 * Something a replay runs beside the feed handler on the replay's one thread and clock, e.g. the strategies, the
 * gateway and the recorded venue of an order replay: its agent runs after the feed handler in every duty cycle, and
 * the recorded times of its own events (a venue message due) are instants the replay clock stops at, so they happen
 * at their recorded time whatever the pace.
 */
public interface ReplayParticipant extends AutoCloseable
{
    /**
     * The work of one duty cycle, run after the feed handler's in the same cycle.
     *
     * @return the agent.
     */
    Agent agent();

    /**
     * The recorded time of this participant's next event, which the replay clock must not pass without stopping at.
     *
     * @return epoch nanoseconds of recorded time, or {@link ReplayClock#NO_DEADLINE} when none is pending.
     */
    long nextEventNs();

    /**
     * Lines for the replay's session summary, each without a line separator.
     *
     * @return the lines, in the order to print them.
     */
    java.util.List<String> summaryLines();

    /**
     * Close what the participant opened.
     */
    void close();
}
