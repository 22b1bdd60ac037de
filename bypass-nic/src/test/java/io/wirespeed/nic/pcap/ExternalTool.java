package io.wirespeed.nic.pcap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a capture tool nobody here wrote (tshark, text2pcap, editcap, capinfos, tcpdump) with a time limit, or skips
 * the test with a printed reason when the tool is not on the PATH.
 */
public final class ExternalTool
{
    private static final long TIMEOUT_SECONDS = 60;

    private ExternalTool()
    {
    }

    public static boolean onPath(final String tool)
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

    public static void assumeOnPath(final String... tools)
    {
        for (final String tool : tools)
        {
            if (!onPath(tool))
            {
                final String reason = "skipped: " + tool + " is not on the PATH (install with: apt-get install -y " +
                    "tshark tcpdump)";
                System.out.println(reason);
                assumeTrue(false, reason);
            }
        }
    }

    /**
     * Run a tool to completion and return its standard output; fails the test on a non-zero exit.
     */
    public static String run(final Path workDirectory, final String... command)
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
            final String errors = Files.readString(stderr);
            assertEquals(0, process.exitValue(), Arrays.toString(command) + " failed: " + errors);
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
     * The first line a tool prints about its version, stdout and stderr together.
     */
    public static String version(final Path workDirectory, final String... command)
    {
        try
        {
            final Path output = Files.createTempFile(workDirectory, "version", ".txt");
            final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), Arrays.toString(command));
            final List<String> lines = new ArrayList<>();
            for (final String line : Files.readAllLines(output))
            {
                if (!line.isBlank() && !line.startsWith("Running as user"))
                {
                    lines.add(line.trim());
                }
            }
            return lines.isEmpty() ? "(no version printed)" : String.join(" / ", lines.subList(0,
                Math.min(2, lines.size())));
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

    public static boolean runningAsRoot()
    {
        return "root".equals(System.getProperty("user.name"));
    }
}
