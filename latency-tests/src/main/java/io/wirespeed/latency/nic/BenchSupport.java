package io.wirespeed.latency.nic;

import io.wirespeed.config.ShmNicContext;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the NIC benchmarks share: scratch files, shm geometry, child JVMs on the same classpath, and reporting.
 */
final class BenchSupport
{
    static final int RING_CAPACITY = 1024;
    static final int FRAME_SIZE_BYTES = 2048;
    static final int FRAME_COUNT = 4096;
    static final int BURST = 32;

    private BenchSupport()
    {
    }

    static Path scratchDirectory(final String prefix) throws IOException
    {
        final Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ?
            Files.createTempDirectory(shm, prefix) : Files.createTempDirectory(prefix);
    }

    static ShmNicContext shmContext(final Path file)
    {
        return new ShmNicContext()
            .path(file)
            .ringCapacity(RING_CAPACITY)
            .frameSizeBytes(FRAME_SIZE_BYTES)
            .frameCount(FRAME_COUNT);
    }

    /**
     * Start a JVM running a main class of this module with this JVM's flags and classpath.
     */
    static Process startJvm(final Class<?> mainClass, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--") || argument.startsWith("-D"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("wirespeed.bench.classpath", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start();
    }

    static void deleteRecursively(final Path directory) throws IOException
    {
        if (Files.exists(directory))
        {
            try (var paths = Files.walk(directory))
            {
                final List<Path> all = new ArrayList<>(paths.toList());
                for (int i = all.size() - 1; i >= 0; i--)
                {
                    Files.deleteIfExists(all.get(i));
                }
            }
        }
    }

    static String percentiles(final Histogram histogram)
    {
        return String.format("p50 %7.2f  p90 %7.2f  p99 %7.2f  p99.9 %8.2f  max %9.2f us (n=%,d)",
            us(histogram.getValueAtPercentile(50)), us(histogram.getValueAtPercentile(90)),
            us(histogram.getValueAtPercentile(99)), us(histogram.getValueAtPercentile(99.9)),
            us(histogram.getMaxValue()), histogram.getTotalCount());
    }

    static double us(final long ns)
    {
        return ns / 1000.0;
    }
}
