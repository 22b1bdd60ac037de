package io.wirespeed.replay;

import io.wirespeed.config.PcapPacing;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.nic.pcap.PcapNicPort;
import io.wirespeed.nic.pcap.PcapPortOptions;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.sim.MarketDataPorts;
import io.wirespeed.sim.MarketDataSimulator;
import io.wirespeed.sim.MbpBook;
import io.wirespeed.sim.Side;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Traffic from the real exchange simulator (independent of the feed handler) written to a nanosecond pcap through a
 * {@link PcapNicPort}, on a simulated clock, with frames dropped afterwards by editcap to force gaps.
 */
public final class SimCapture
{
    public static final long START_NS = 1_700_000_000_000_000_000L;
    public static final int CHANNEL = 310;
    public static final String FEEDS = "--feed 310:a=239.10.1.1:14310 --feed 310:b=239.10.2.1:15310 " +
        "--feed 310:s=239.10.3.1:16310 --feed 310:d=239.10.4.1:17310";

    public final String[] venueBooks;
    public final int[] securityIds;
    public final long frames;

    private SimCapture(final String[] venueBooks, final int[] securityIds, final long frames)
    {
        this.venueBooks = venueBooks;
        this.securityIds = securityIds;
        this.frames = frames;
    }

    /**
     * The configuration the simulator runs: the default's channel 310 and its two instruments, a quick sim.
     */
    static WirespeedConfig config(final long messageRate)
    {
        final Properties properties = new Properties();
        properties.setProperty("wirespeed.sim.message_rate_per_second", Long.toString(messageRate));
        properties.setProperty("wirespeed.sim.snapshot_interval_ms", "100");
        properties.setProperty("wirespeed.sim.definition_interval_ms", "200");
        properties.setProperty("wirespeed.sim.pre_open_ms", "0");
        properties.setProperty("wirespeed.sim.statistics_interval_ms", "250");
        return WirespeedConfig.loadDefault(properties);
    }

    /**
     * Run the simulator for a recorded duration and write what it sends.
     *
     * @param dir         for the counters.
     * @param file        the pcap to write.
     * @param messageRate venue messages per second.
     * @param durationNs  recorded duration.
     * @return the venue's books at the end, as text, to compare with a replay's.
     */
    public static SimCapture write(final Path dir, final Path file, final long messageRate, final long durationNs)
    {
        final WirespeedConfig config = config(messageRate);
        final long[] now = { START_NS };
        try (CountersFile counters = CountersFile.create(dir.resolve("sim-counters-" + file.getFileName()), 256);
            PcapNicPort port = PcapNicPort.open("sim", null, file, PcapPacing.MAX, counters, () -> now[0],
                new PcapPortOptions()))
        {
            final MarketDataSimulator sim = MarketDataSimulator.forChannel(
                config, CHANNEL, new MarketDataPorts(port, port, port, port), () -> now[0]);
            final long stepNs = TimeUnit.MICROSECONDS.toNanos(20);
            while (now[0] - START_NS < durationNs)
            {
                sim.doWork();
                now[0] += stepNs;
            }
            port.pcapTxQueue().flush();
            final int[] ids = new int[sim.instrumentCount()];
            final String[] books = new String[ids.length];
            for (int i = 0; i < ids.length; i++)
            {
                ids[i] = sim.securityId(i);
                books[i] = levels(sim.book(ids[i]));
            }
            return new SimCapture(books, ids, port.counters().value(io.wirespeed.nic.NicCounter.TX_FRAMES));
        }
    }

    /**
     * Delete frames (1-based, inclusive ranges) with editcap.
     */
    public static void drop(final Path in, final Path out, final List<String> ranges)
        throws IOException, InterruptedException
    {
        final List<String> command = new java.util.ArrayList<>(List.of("editcap", "-F", "nsecpcap", in.toString(),
            out.toString()));
        command.addAll(ranges);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        if (0 != process.waitFor())
        {
            throw new IllegalStateException("editcap failed: " + output);
        }
    }

    /**
     * A venue book as the JSON levels would list it: [[price,qty,orders],...] per side.
     */
    static String levels(final MbpBook book)
    {
        final StringBuilder out = new StringBuilder();
        for (final Side side : Side.values())
        {
            out.append(Side.BID == side ? "bids" : " asks").append('[');
            for (int level = 1; level <= book.levelCount(side); level++)
            {
                out.append(1 == level ? "" : ",").append('[').append(book.price(side, level)).append(',')
                    .append(book.qty(side, level)).append(',').append(book.orderCount(side, level)).append(']');
            }
            out.append(']');
        }
        return out.toString();
    }
}
