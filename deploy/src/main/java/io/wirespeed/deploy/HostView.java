package io.wirespeed.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the host's /proc and /sys under a root directory: {@code /} on a host, a directory of files written by hand
 * in a test.
 */
final class HostView
{
    private static final long COMMAND_TIMEOUT_MS = 5_000;

    private final Path root;
    private final Function<List<String>, String> commands;

    /**
     * A view of files under a root, running no command.
     *
     * @param root where /proc and /sys are read from.
     */
    HostView(final Path root)
    {
        this(root, (command) -> null);
    }

    /**
     * A view of files under a root and of what tools such as {@code ethtool} report.
     *
     * @param root     where /proc and /sys are read from.
     * @param commands runs a command and returns its output, or null when it cannot run or fails.
     */
    HostView(final Path root, final Function<List<String>, String> commands)
    {
        this.root = root;
        this.commands = commands;
    }

    /**
     * The host itself.
     *
     * @return a view rooted at {@code /} that runs the host's tools.
     */
    static HostView host()
    {
        return new HostView(Path.of("/"), HostView::runCommand);
    }

    /**
     * What a tool reports, e.g. {@code ethtool -g DEV} (ring sizes are in no file).
     *
     * @param command the command and its arguments.
     * @return its standard output, or null when it is missing, fails or hangs.
     */
    String command(final String... command)
    {
        return commands.apply(List.of(command));
    }

    private static String runCommand(final List<String> command)
    {
        try
        {
            final Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                return null;
            }
            return 0 == process.exitValue() ? output : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * A file's text, trimmed.
     *
     * @param path absolute path on the host, e.g. {@code /proc/cmdline}.
     * @return the text, or null when the file is missing or unreadable.
     */
    String read(final String path)
    {
        try
        {
            return Files.readString(resolve(path), StandardCharsets.US_ASCII).trim();
        }
        catch (final IOException | RuntimeException ex)
        {
            return null;
        }
    }

    /**
     * The names in a directory, sorted.
     *
     * @param path absolute path on the host.
     * @return the names, empty when the directory is missing.
     */
    List<String> list(final String path)
    {
        final List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(resolve(path)))
        {
            entries.forEach((entry) -> names.add(entry.getFileName().toString()));
        }
        catch (final IOException | RuntimeException ex)
        {
            return names;
        }
        names.sort(null);
        return names;
    }

    /**
     * A value from a file of {@code key: value} lines such as /proc/meminfo or /proc/self/status.
     *
     * @param path absolute path on the host.
     * @param key  the key before the colon.
     * @return the value's first word, or null.
     */
    String field(final String path, final String key)
    {
        final String text = read(path);
        if (null != text)
        {
            for (final String line : text.split("\n"))
            {
                final int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key))
                {
                    final String[] words = line.substring(colon + 1).trim().split("\\s+");
                    return words[0];
                }
            }
        }
        return null;
    }

    /**
     * Parse a kernel CPU list such as {@code 2-6,8}, ignoring flags such as {@code domain} or {@code managed_irq}.
     *
     * @param list the list, or null.
     * @return the CPUs, empty for null, {@code (null)} or an empty list.
     */
    static BitSet cpuList(final String list)
    {
        final BitSet cpus = new BitSet();
        if (null == list)
        {
            return cpus;
        }
        for (final String part : list.trim().split(","))
        {
            final String range = part.trim();
            if (range.isEmpty() || !Character.isDigit(range.charAt(0)))
            {
                continue;
            }
            final int dash = range.indexOf('-');
            try
            {
                final int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                final int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1).split(":")[0]);
                if (first >= 0 && last >= first && last < 65_536)
                {
                    cpus.set(first, last + 1);
                }
            }
            catch (final NumberFormatException ex)
            {
                // not a CPU list: leave the part out
            }
        }
        return cpus;
    }

    /**
     * The value of a kernel command-line parameter.
     *
     * @param name e.g. {@code rcu_nocbs}.
     * @return its value, "" for a flag without one, or null when absent.
     */
    String kernelParameter(final String name)
    {
        final String cmdline = read("/proc/cmdline");
        String value = null;
        if (null != cmdline)
        {
            for (final String word : cmdline.split("\\s+"))
            {
                if (word.equals(name))
                {
                    value = "";
                }
                else if (word.startsWith(name + "="))
                {
                    value = word.substring(name.length() + 1);
                }
            }
        }
        return value;
    }

    private Path resolve(final String path)
    {
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
