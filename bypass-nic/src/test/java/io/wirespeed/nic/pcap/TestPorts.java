package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens pcap ports over a counters file in a test's temporary directory, and closes both together.
 */
final class TestPorts implements AutoCloseable
{
    private final CountersFile countersFile;
    private PcapNicPort port;

    TestPorts(final Path directory)
    {
        countersFile = CountersFile.create(directory.resolve("counters-" + System.nanoTime()), 256);
    }

    PcapNicPort open(final Path readPath, final Path writePath)
    {
        return open(readPath, writePath, PcapPacing.MAX, new ManualEpochNanoClock(0), new PcapPortOptions());
    }

    PcapNicPort open(
        final Path readPath,
        final Path writePath,
        final PcapPacing pacing,
        final EpochNanoClock clock,
        final PcapPortOptions options)
    {
        CloseHelper.close(port);
        port = PcapNicPort.open("pcap0", readPath, writePath, pacing, countersFile, clock, options);
        return port;
    }

    PcapNicPort open(
        final List<Path> readPaths, final PcapPacing pacing, final PcapClock timerClock, final EpochNanoClock clock)
    {
        CloseHelper.close(port);
        port = PcapNicPort.open("pcap0", readPaths, null, pacing, timerClock, countersFile, clock,
            new PcapPortOptions());
        return port;
    }

    public void close()
    {
        CloseHelper.closeAll(port, countersFile);
    }
}
