package io.wirespeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Chronicle never phones home from the journal: a writer and a reader run in a JVM whose home is an empty directory,
 * without the analytics flags on the command line (the journal's own {@code system.properties} must turn it off),
 * and nothing appears in that home.
 */
class NoAnalyticsTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWriterAndReaderLeaveNoAnalyticsFileInHome() throws Exception
    {
        final Path home = Files.createDirectories(dir.resolve("home"));
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--"))
            {
                command.add(argument);
            }
        }
        command.add("-Duser.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WriteAndReadMain.class.getName());
        command.add(dir.resolve("journal").toString());
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        final Process child = builder.start();
        final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        assertEquals(true, output.contains("read 1001"), output);

        final List<String> found = new ArrayList<>();
        final List<String> analytics = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home))
        {
            files.filter((p) -> !p.equals(home)).forEach((p) -> found.add(home.relativize(p).toString()));
        }
        for (final String path : found)
        {
            if (path.contains("analytics") || path.contains(".chronicle"))
            {
                analytics.add(path);
            }
        }
        System.out.println("left in HOME by the journal (JNA's native cache, not analytics): " + found);
        assertEquals(List.of(), analytics, "Chronicle analytics files in HOME");
    }
}
