package io.wirespeed.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A {@code wirespeed} command running as its own process from the packaged {@code bin/wirespeed}, as an operator
 * starts it: options through {@code WIRESPEED_JAVA_OPTS}, output (stdout and stderr together) to a log file the test
 * reads while it runs, SIGTERM to stop it.
 */
final class WirespeedProcess implements AutoCloseable
{
    static final Path DIST = Path.of(System.getProperty("wirespeed.dist.dir", "target/wirespeed"));
    static final Path LAUNCHER = DIST.resolve("bin/wirespeed");
    static final long WAIT_NS = TimeUnit.SECONDS.toNanos(90);

    final String name;
    final Process process;
    final Path log;

    private WirespeedProcess(final String name, final Process process, final Path log)
    {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Skip unless the build's packaging-tests execution runs this test (it passes the packaged launcher's location),
     * so a test of the packaged command never runs against a stale or missing package.
     */
    static void assumePackaged()
    {
        assumeTrue(null != System.getProperty("wirespeed.dist.dir"),
            "runs after package, in the packaging-tests execution");
    }

    /**
     * Start {@code bin/wirespeed} with arguments.
     *
     * @param dir      working directory; the log is written here as {@code <name>.log}.
     * @param name     of the process, for the log and messages.
     * @param env      extra environment variables.
     * @param javaOpts system properties and JVM options, as {@code WIRESPEED_JAVA_OPTS}.
     * @param prefix   command words before the launcher (e.g. {@code ip netns exec NS}), or none.
     * @param args     the command's arguments.
     * @return the running process.
     */
    static WirespeedProcess start(
        final Path dir,
        final String name,
        final Map<String, String> env,
        final List<String> javaOpts,
        final List<String> prefix,
        final String... args)
    {
        return start(LAUNCHER, dir, name, env, javaOpts, prefix, args);
    }

    /**
     * Start a given {@code bin/wirespeed}, e.g. one unpacked from the tarball, with arguments.
     *
     * @param launcher the launcher.
     * @param dir      working directory; the log is written here as {@code <name>.log}.
     * @param name     of the process, for the log and messages.
     * @param env      extra environment variables.
     * @param javaOpts system properties and JVM options, as {@code WIRESPEED_JAVA_OPTS}.
     * @param prefix   command words before the launcher (e.g. {@code ip netns exec NS}), or none.
     * @param args     the command's arguments.
     * @return the running process.
     */
    static WirespeedProcess start(
        final Path launcher,
        final Path dir,
        final String name,
        final Map<String, String> env,
        final List<String> javaOpts,
        final List<String> prefix,
        final String... args)
    {
        final List<String> command = new ArrayList<>(prefix);
        command.add("sh");
        command.add(launcher.toAbsolutePath().toString());
        command.addAll(List.of(args));
        final Path log = dir.resolve(name + ".log");
        try
        {
            final ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().remove("WIRESPEED_VENUE_SECRET");
            builder.environment().put("HOME", dir.toString());
            builder.environment().put("WIRESPEED_JAVA_OPTS", String.join(" ", javaOpts));
            builder.environment().putAll(env);
            return new WirespeedProcess(name, builder.start(), log);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Run {@code bin/wirespeed} to its end.
     *
     * @param dir      working directory.
     * @param name     of the process.
     * @param env      extra environment variables.
     * @param javaOpts as {@code WIRESPEED_JAVA_OPTS}.
     * @param args     the command's arguments.
     * @return the process, exited.
     */
    static WirespeedProcess runToEnd(
        final Path dir, final String name, final Map<String, String> env, final List<String> javaOpts,
        final String... args)
    {
        final WirespeedProcess process = start(dir, name, env, javaOpts, List.of(), args);
        process.awaitExit();
        return process;
    }

    /**
     * Everything it printed so far.
     *
     * @return the output.
     */
    String output()
    {
        try
        {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Wait for a line the process prints, failing if it exits or the wait runs long.
     *
     * @param what  for the failure message.
     * @param match the line wanted.
     * @return the first such line.
     */
    String awaitLine(final String what, final Predicate<String> match)
    {
        return awaitLine(0, what, match);
    }

    /**
     * Wait for a line the process prints after the lines it had printed before, failing if it exits or the wait runs
     * long.
     *
     * @param fromLine lines to skip, e.g. {@link #lineCount()} before the event the line should follow.
     * @param what     for the failure message.
     * @param match    the line wanted.
     * @return the first such line.
     */
    String awaitLine(final int fromLine, final String what, final Predicate<String> match)
    {
        final long deadlineNs = System.nanoTime() + WAIT_NS;
        while (System.nanoTime() - deadlineNs < 0)
        {
            final String[] lines = output().split("\n");
            for (int i = fromLine; i < lines.length; i++)
            {
                if (match.test(lines[i]))
                {
                    return lines[i];
                }
            }
            assertTrue(process.isAlive(), () -> name + " exited (" + process.exitValue() + ") before " + what +
                ":\n" + output());
            sleep();
        }
        throw new AssertionError(name + ": no " + what + " within " + TimeUnit.NANOSECONDS.toSeconds(WAIT_NS) +
            " s:\n" + output());
    }

    /**
     * Lines printed so far.
     *
     * @return the count.
     */
    int lineCount()
    {
        return output().split("\n").length;
    }

    /**
     * Wait for a line that contains a text.
     *
     * @param text the text.
     * @return the line.
     */
    String awaitLine(final String text)
    {
        return awaitLine("\"" + text + "\"", (line) -> line.contains(text));
    }

    /**
     * The first group of a pattern found in the output.
     *
     * @param pattern with one group.
     * @return the group.
     */
    String find(final Pattern pattern)
    {
        final Matcher matcher = pattern.matcher(output());
        assertTrue(matcher.find(), () -> name + ": nothing matches " + pattern + " in:\n" + output());
        return matcher.group(1);
    }

    /**
     * Lines starting with a prefix, in order.
     *
     * @param prefix the prefix.
     * @return the lines.
     */
    List<String> lines(final String prefix)
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : output().split("\n"))
        {
            if (line.startsWith(prefix))
            {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * The process's id (the launcher execs the JVM, so it is the JVM's).
     *
     * @return the pid.
     */
    long pid()
    {
        return process.pid();
    }

    /**
     * Send SIGKILL, as a crash or the OOM killer would, and wait for the process to be gone: nothing is cleaned up.
     */
    void killHard()
    {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * Send SIGTERM, as an operator's {@code kill} does.
     */
    void terminate()
    {
        process.destroy();
    }

    /**
     * Wait for the process to exit.
     *
     * @return its exit code.
     */
    int awaitExit()
    {
        try
        {
            assertTrue(process.waitFor(WAIT_NS, TimeUnit.NANOSECONDS), () -> name + " did not exit:\n" + output());
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    public void close()
    {
        if (process.isAlive())
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
    }

    private static void sleep()
    {
        try
        {
            Thread.sleep(50);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
