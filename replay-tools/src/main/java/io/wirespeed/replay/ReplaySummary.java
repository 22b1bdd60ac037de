package io.wirespeed.replay;

import io.wirespeed.feed.FeedChannel;
import io.wirespeed.feed.FeedCounter;
import io.wirespeed.feed.FeedHandlerAgent;
import io.wirespeed.feed.Instrument;

import java.io.PrintStream;
import java.util.List;

/**
 * The session summary at the end of a replay: input, channels, instruments, participants, speed.
 */
final class ReplaySummary
{
    private final PrintStream out;

    ReplaySummary(final PrintStream out)
    {
        this.out = out;
    }

    void input(final ReplayInput input)
    {
        for (final String line : input.describe())
        {
            out.println(line);
        }
    }

    void channels(final List<FeedChannel> channels, final FeedHandlerAgent feed, final MarketDataRecorder recorder)
    {
        for (final FeedChannel channel : channels)
        {
            out.printf("channel %d: packets A %,d B %,d snapshot %,d definition %,d; duplicates A %,d B %,d%n",
                channel.channelId(), get(channel, FeedCounter.PACKETS_A), get(channel, FeedCounter.PACKETS_B),
                get(channel, FeedCounter.PACKETS_SNAPSHOT), get(channel, FeedCounter.PACKETS_DEFINITION),
                get(channel, FeedCounter.DUPLICATES_A), get(channel, FeedCounter.DUPLICATES_B));
            out.printf("  gaps %,d (packets lost %,d, filled by the other feed %,d), instruments stale %,d, " +
                "recoveries %,d, resets %,d, sequence resets %,d%n", get(channel, FeedCounter.GAPS),
                get(channel, FeedCounter.PACKETS_LOST), get(channel, FeedCounter.GAPS_FILLED),
                get(channel, FeedCounter.INSTRUMENT_GAPS), get(channel, FeedCounter.RECOVERIES),
                get(channel, FeedCounter.CHANNEL_RESETS), get(channel, FeedCounter.SEQUENCE_RESETS));
            out.printf("  silent A %,d B %,d, unknown-instrument entries %,d, publications dropped %,d, books %,d%n",
                get(channel, FeedCounter.SILENT_A), get(channel, FeedCounter.SILENT_B),
                get(channel, FeedCounter.UNKNOWN_INSTRUMENTS), get(channel, FeedCounter.PUBLISH_DROPPED),
                get(channel, FeedCounter.BOOKS));
            for (int i = 0; i < channel.instrumentCount(); i++)
            {
                final Instrument instrument = channel.instrumentAt(i);
                final long[] counts = recorder.counts(instrument.securityId());
                out.printf("  instrument %d %s: book updates %,d, trades %,d, statistics %,d, last rptSeq %d, %s%n",
                    instrument.securityId(), instrument.symbol(), counts[0], counts[1], counts[2],
                    instrument.lastRptSeq(), Books.state(instrument));
            }
        }
        if (feed.unroutedFrames() > 0)
        {
            out.printf("frames to no channel's feed: %,d%n", feed.unroutedFrames());
        }
    }

    void participants(final ReplayParticipant[] participants)
    {
        for (final ReplayParticipant participant : participants)
        {
            for (final String line : participant.summaryLines())
            {
                out.println(line);
            }
        }
    }

    void speed(
        final long packets,
        final double seconds,
        final long messages,
        final long rawPackets,
        final double rawSeconds,
        final boolean raw)
    {
        final double rate = packets / Math.max(seconds, 1e-9);
        out.printf("replay speed: %,d packets in %.3f s, %,.0f packets/s (%,d messages published)%n",
            packets, seconds, rate, messages);
        if (raw)
        {
            final double rawRate = rawPackets / Math.max(rawSeconds, 1e-9);
            out.printf("raw read: %,d packets in %.3f s, %,.0f packets/s; replay/raw ratio %.2f (goal >= 0.3)%n",
                rawPackets, rawSeconds, rawRate, rate / rawRate);
        }
    }

    private static long get(final FeedChannel channel, final FeedCounter counter)
    {
        return channel.counters().get(counter);
    }
}
