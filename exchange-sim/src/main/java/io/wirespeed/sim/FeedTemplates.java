package io.wirespeed.sim;

import io.wirespeed.config.SimContext;

/**
 * Which of the templates beyond book, trades and status the channel sends, from {@code [sim]} ({@code send_*}).
 */
final class FeedTemplates
{
    final boolean volume;
    final boolean sessionStatistics;
    final boolean dailyStatistics;
    final boolean limitsBanding;

    FeedTemplates(final SimContext sim)
    {
        volume = sim.sendVolume();
        sessionStatistics = sim.sendSessionStatistics();
        dailyStatistics = sim.sendDailyStatistics();
        limitsBanding = sim.sendLimitsBanding();
    }
}
