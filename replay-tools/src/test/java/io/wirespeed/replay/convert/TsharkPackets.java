package io.wirespeed.replay.convert;

import io.wirespeed.nic.pcap.ExternalTool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tshark reads from a capture, packet by packet: the capture time (epoch nanoseconds, from
 * {@code frame.time_epoch}) and every byte of the frame ({@code frame_raw} of {@code -T ek -x}).
 */
final class TsharkPackets
{
    private static final Pattern RAW = Pattern.compile("\"frame_raw\":\"([0-9a-f]*)\"");
    private static final Pattern EPOCH = Pattern.compile("\"frame_frame_time_epoch\":\"([0-9.]+)\"");

    private TsharkPackets()
    {
    }

    /**
     * One packet as tshark sees it.
     *
     * @param epochNs capture time.
     * @param hex     the frame's bytes.
     */
    record Packet(long epochNs, String hex)
    {
    }

    static List<Packet> read(final Path directory, final Path capture)
    {
        final List<Packet> packets = new ArrayList<>();
        final String output = ExternalTool.run(directory, "tshark", "-n", "-r", capture.toString(), "-T", "ek", "-x");
        for (final String line : output.split("\n"))
        {
            final Matcher raw = RAW.matcher(line);
            if (!raw.find())
            {
                continue;
            }
            final Matcher epoch = EPOCH.matcher(line);
            if (!epoch.find())
            {
                throw new AssertionError("no frame.time_epoch in " + line);
            }
            packets.add(new Packet(epochNanos(epoch.group(1)), raw.group(1)));
        }
        return packets;
    }

    static long epochNanos(final String timeEpoch)
    {
        final String[] parts = timeEpoch.split("\\.");
        final String fraction = (parts.length > 1 ? parts[1] : "") + "000000000";
        return Long.parseLong(parts[0]) * 1_000_000_000L + Long.parseLong(fraction.substring(0, 9));
    }
}
