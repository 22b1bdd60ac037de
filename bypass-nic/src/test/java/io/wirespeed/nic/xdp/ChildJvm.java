package io.wirespeed.nic.xdp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM running one of this package's test mains on the test classpath, optionally under a wrapper command
 * ({@code ip netns exec A}, {@code setpriv ...}); its output goes to a file the test reads while awaiting conditions.
 */
final class ChildJvm implements AutoCloseable
{
    private static final long POLL_INTERVAL_MS = 10;

    private final Process process;
    private final Path output;

    private ChildJvm(final Process process, final Path output)
    {
        this.process = process;
        this.output = output;
    }

    /**
     * Start a JVM with this JVM's module flags and classpath.
     *
     * @param wrapper   command words before {@code java}, e.g. {@code ip netns exec A}; empty for none.
     * @param mainClass with a main method.
     * @param args      its arguments.
     * @return the running JVM.
     */
    static ChildJvm start(final List<String> wrapper, final Class<?> mainClass, final String... args)
    {
        final List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--") || argument.startsWith("-Dagrona"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try
        {
            final Path output = Files.createTempFile("ws-xdp-child", ".txt");
            final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
            return new ChildJvm(process, output);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Wait until the output holds a line starting with a prefix.
     *
     * @param prefix    to look for.
     * @param timeoutMs how long to wait.
     * @return the first such line.
     */
    String awaitLine(final String prefix, final long timeoutMs)
    {
        final long deadlineMs = System.currentTimeMillis() + timeoutMs;
        while (true)
        {
            for (final String line : lines())
            {
                if (line.startsWith(prefix))
                {
                    return line;
                }
            }
            if (!process.isAlive() && !lines().stream().anyMatch((line) -> line.startsWith(prefix)))
            {
                throw new AssertionError("child exited with " + process.exitValue() + " before printing '" +
                    prefix + "': " + output());
            }
            if (System.currentTimeMillis() > deadlineMs)
            {
                throw new AssertionError("child printed no '" + prefix + "' in " + timeoutMs + " ms: " + output());
            }
            pause();
        }
    }

    /**
     * The number on the last {@code progress N} line, 0 before the first.
     *
     * @return the child's last reported progress.
     */
    long progress()
    {
        final List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0; i--)
        {
            if (lines.get(i).startsWith("progress "))
            {
                return Long.parseLong(lines.get(i).substring("progress ".length()).trim());
            }
        }
        return 0;
    }

    /**
     * Wait for the child to exit.
     *
     * @param timeoutMs how long to wait.
     * @return its exit code.
     */
    int awaitExit(final long timeoutMs)
    {
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                throw new AssertionError("child did not exit in " + timeoutMs + " ms: " + output());
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /**
     * Kill the child with SIGKILL and wait for it to die.
     */
    void kill()
    {
        process.destroyForcibly();
        try
        {
            process.waitFor(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    long pid()
    {
        return process.pid();
    }

    String output()
    {
        return String.join("\n", lines());
    }

    List<String> lines()
    {
        try
        {
            return Files.readAllLines(output);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Kill the child if it is still running and delete its output.
     */
    public void close()
    {
        if (process.isAlive())
        {
            kill();
        }
        try
        {
            Files.deleteIfExists(output);
        }
        catch (final IOException ignore)
        {
            output.toFile().deleteOnExit();
        }
    }

    static void pause()
    {
        try
        {
            Thread.sleep(POLL_INTERVAL_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
