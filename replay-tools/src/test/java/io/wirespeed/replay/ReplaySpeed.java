package io.wirespeed.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures replay speed against a raw read of the same input (the figure for the closing note, not a test): a
 * simulator capture of a few hundred thousand packets and a journal of the same frames, each replayed at max pace with
 * {@code --raw-baseline}. Arguments: [message rate per second] [recorded seconds] [work dir].
 */
public final class ReplaySpeed
{
    private ReplaySpeed()
    {
    }

    /**
     * Run it.
     *
     * @param args rate, seconds, directory.
     * @throws Exception on failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final long rate = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        final long seconds = args.length > 1 ? Long.parseLong(args[1]) : 3;
        final Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("replay-speed-");
        final Path capture = dir.resolve("speed.pcap");
        final SimCapture sim = SimCapture.write(dir, capture, rate, TimeUnit.SECONDS.toNanos(seconds));
        System.out.println("capture: " + sim.frames + " frames, " + Files.size(capture) + " bytes");
        final Path journal = dir.resolve("speed-journal");
        try (JournalWriter writer = new JournalWriter(journal, dir))
        {
            writer.config(JournalReplayTest.CHANNEL_ONLY);
            writer.frames(capture, 1 << 30);
        }
        for (int round = 0; round < 2; round++)
        {
            final ReplayOptions pcap = new ReplayOptions().inputs(List.of(capture)).rawBaseline(true);
            for (final String feed : SimCapture.FEEDS.replace("--feed ", "").split(" "))
            {
                pcap.feed(feed);
            }
            Replay.run(pcap, () -> false);
            Replay.run(new ReplayOptions().inputs(List.of(journal)).rawBaseline(true), () -> false);
        }
    }
}
