package io.wirespeed.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo honours {@code journal.enabled} both ways, from the packaged launcher: on, it journals into
 * {@code journal.dir} (Chronicle queue files appear there), says where and how much by stream, with append latency and
 * lag, leaves no tap ring or other file in its shm directory and no Chronicle analytics file in HOME; off, it creates
 * no journal directory and says the journal is off.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class DemoJournalProcessTest
{
    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-demo-journal-");
        work = Files.createTempDirectory("ws-demo-journal-work-");
    }

    @AfterEach
    void tearDown() throws IOException
    {
        if (null != shm)
        {
            VenueAndRunProcessTest.deleteTree(shm);
            VenueAndRunProcessTest.deleteTree(work);
        }
    }

    @Test
    void demoWithTheJournalOnJournalsEveryStreamIntoItsDirAndLeavesNoAnalyticsFileInHome() throws IOException
    {
        final Path journal = work.resolve("journal");
        final WirespeedProcess demo = WirespeedProcess.runToEnd(work, "demo", Map.of(), List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=true",
            "-Dwirespeed.journal.dir=" + journal), "demo", "--seconds", "2");

        final String output = demo.output();
        assertEquals(0, demo.process.exitValue(), output);
        assertTrue(output.contains("journal: " + journal + " (read it with: wirespeed journal dump " + journal + ")"),
            output);
        final String streams = demo.find(Pattern.compile("records by stream: (.*)"));
        for (final String stream : List.of("RAW_FRAME_IN", "MARKET_DATA", "ORDER", "EXECUTION", "CONFIG",
            "VENUE_OUT", "VENUE_IN"))
        {
            assertTrue(streams.contains(stream + " "), stream + " journaled:\n" + output);
        }
        assertTrue(output.contains("append latency (journal thread), "), output);
        assertTrue(output.contains("  max lag: "), output);
        try (Stream<Path> files = Files.list(journal))
        {
            assertTrue(files.anyMatch((p) -> p.getFileName().toString().endsWith(".cq4")), "queue files in " +
                journal);
        }
        try (Stream<Path> left = Files.list(shm))
        {
            assertEquals(List.of(), left.toList(), "the demo removes its files, the tap rings included");
        }
        try (Stream<Path> home = Files.walk(work))
        {
            assertEquals(List.of(), home.filter((p) -> p.getFileName().toString().contains("analytics") ||
                p.getFileName().toString().startsWith(".chronicle")).toList(), "no Chronicle analytics file in HOME");
        }
    }

    @Test
    void demoWithTheJournalOffCreatesNoJournal() throws IOException
    {
        final Path journal = work.resolve("journal");
        final WirespeedProcess demo = WirespeedProcess.runToEnd(work, "demo", Map.of(), List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=false",
            "-Dwirespeed.journal.dir=" + journal), "demo", "--seconds", "1");

        final String output = demo.output();
        assertEquals(0, demo.process.exitValue(), output);
        assertTrue(output.contains("journal: off (journal.enabled = false): nothing was journaled"), output);
        assertFalse(Files.exists(journal), output);
    }
}
