package io.wirespeed.replay.decode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs capture tools nobody here wrote (text2pcap, editcap, mergecap, reordercap, tshark, tcpdump) with a time
 * limit, or skips the test with a printed reason when one is not on the PATH.
 */
final class Tools
{
    private static final long TIMEOUT_SECONDS = 120;
    private static final HexFormat HEX = HexFormat.of();

    private Tools()
    {
    }

    static boolean onPath(final String tool)
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return false;
        }
        for (final String directory : path.split(File.pathSeparator))
        {
            if (Files.isExecutable(Path.of(directory, tool)))
            {
                return true;
            }
        }
        return false;
    }

    static void assumeOnPath(final String... tools)
    {
        for (final String tool : tools)
        {
            if (!onPath(tool))
            {
                final String reason = "skipped: " + tool + " is not on the PATH (.ci/run installs it: apt-get " +
                    "install -y tshark tcpdump)";
                System.out.println(reason);
                assumeTrue(false, reason);
            }
        }
    }

    /**
     * Run a tool to completion and return its standard output; fails the test on a non-zero exit.
     */
    static String run(final Path workDirectory, final String... command)
    {
        try
        {
            final Path stdout = Files.createTempFile(workDirectory, "stdout", ".txt");
            final Path stderr = Files.createTempFile(workDirectory, "stderr", ".txt");
            final Process process = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError(Arrays.toString(command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            assertEquals(0, process.exitValue(), Arrays.toString(command) + " failed: " + Files.readString(stderr));
            return Files.readString(stdout);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /**
     * tshark's fields, one list of columns per packet.
     */
    static List<String[]> tsharkFields(final Path workDirectory, final Path capture, final String... fields)
    {
        return tsharkFields(workDirectory, capture, List.of(), fields);
    }

    /**
     * tshark's fields with preferences or a display filter ({@code -o name:value}, {@code -Y filter}).
     */
    static List<String[]> tsharkFields(
        final Path workDirectory, final Path capture, final List<String> options, final String... fields)
    {
        final List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(), "-T",
            "fields", "-E", "occurrence=f"));
        command.addAll(options);
        for (final String field : fields)
        {
            command.add("-e");
            command.add(field);
        }
        final List<String[]> rows = new ArrayList<>();
        for (final String line : run(workDirectory, command.toArray(new String[0])).split("\n"))
        {
            if (!line.isEmpty())
            {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /**
     * One packet of a text2pcap hex dump: an offset-prefixed hex line, optionally after a time stamp.
     */
    static String hexDumpPacket(final String prefix, final byte[] bytes)
    {
        final StringBuilder out = new StringBuilder();
        for (int offset = 0; offset < bytes.length; offset += 16)
        {
            if (!prefix.isEmpty() && 0 == offset)
            {
                out.append(prefix).append(' ');
            }
            out.append(String.format("%06x ", offset));
            for (int i = offset; i < Math.min(bytes.length, offset + 16); i++)
            {
                out.append(' ').append(HEX.toHexDigits(bytes[i]));
            }
            out.append('\n');
        }
        return out.append('\n').toString();
    }

    /**
     * tshark's frame.time_epoch ("1700000000.123456789") as nanoseconds.
     */
    static long epochNanos(final String timeEpoch)
    {
        final String[] parts = timeEpoch.split("\\.");
        final String fraction = (parts.length > 1 ? parts[1] : "") + "000000000";
        return Long.parseLong(parts[0]) * 1_000_000_000L + Long.parseLong(fraction.substring(0, 9));
    }
}
