package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drill: a child JVM appends numbered records as fast as it can and is killed (SIGKILL) at a random moment, 100
 * times; after each kill the journal reopens, every record before the kill is there, numbered from 0 with no gap and
 * intact, an entry the kill left unfinished is not given, and the next child goes on from the next number. Slow: a
 * hundred JVM starts take minutes on two busy cores ({@code -Dwirespeed.test.journal.kills=10} for a quick run).
 */
@Tag("slow")
class KillDuringAppendTest
{
    private static final int KILLS = Integer.getInteger("wirespeed.test.journal.kills", 100);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aKilledWriterLosesNothingBeforeTheKillAndTheNextGoesOn() throws Exception
    {
        final Path journalDir = dir.resolve("journal");
        final Random random = new Random(13);
        long expected = 0;
        for (int kill = 0; kill < KILLS; kill++)
        {
            final Process child = start(journalDir);
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
            {
                final String line = out.readLine();
                assertEquals("from " + expected, line, "kill " + kill + ": the reopened journal goes on");
                Thread.sleep(20 + random.nextInt(60));
                child.destroyForcibly();
                child.waitFor();
            }
            expected = verify(journalDir, kill);
        }
        assertTrue(expected > KILLS, "the children appended: " + expected);
        System.out.println("kill drill: " + KILLS + " kills, " + expected + " records, contiguous and intact");
    }

    private static long verify(final Path journalDir, final int kill)
    {
        final long[] next = {0};
        final List<String> problems = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journalDir,
            new JournalQuery().streams(Set.of(JournalStream.GATEWAY_STATE))))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
            {
                final long n = next[0]++;
                if (sequence != n || buffer.getLong(offset) != n || timestampNs != n || length != 16 + n % 185)
                {
                    problems.add("record " + n + ": sequence " + sequence + " number " + buffer.getLong(offset) +
                        " length " + length);
                }
                else if (buffer.getLong(offset + length - 8) != ~n)
                {
                    problems.add("record " + n + ": corrupt tail");
                }
            });
            assertEquals(0, reader.skipped(), "kill " + kill + ": documents that are not records");
        }
        assertEquals(List.of(), problems, "kill " + kill);
        return next[0];
    }

    private static Process start(final Path journalDir) throws Exception
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
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AppendForeverMain.class.getName());
        command.add(journalDir.toString());
        return new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .directory(new File(System.getProperty("java.io.tmpdir")))
            .start();
    }
}
