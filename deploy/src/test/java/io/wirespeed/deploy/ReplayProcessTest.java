package io.wirespeed.deploy;

import io.wirespeed.replay.SimCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wirespeed replay} from the packaged launcher: a small capture of the simulator and a small demo journal
 * replay to their ends with the summary and {@code --books-json}; no input is a usage error (exit 2), an input that
 * cannot be read a refusal (exit 1) in one line.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
final class ReplayProcessTest
{
    private Path shm;
    private Path work;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "ws-replay-");
        work = Files.createTempDirectory("ws-replay-work-");
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
    void replaysACaptureWithFeedOptions()
    {
        final Path capture = work.resolve("feeds.pcap");
        final SimCapture sim = SimCapture.write(work, capture, 2_000, TimeUnit.MILLISECONDS.toNanos(500));
        final Path books = work.resolve("books.json");
        final List<String> args = new ArrayList<>(List.of("replay", capture.toString()));
        for (final String feed : SimCapture.FEEDS.replace("--feed ", "").split(" "))
        {
            args.add("--feed");
            args.add(feed);
        }
        args.addAll(List.of("--pace", "10x", "--books-json", books.toString()));
        final WirespeedProcess replay = WirespeedProcess.runToEnd(work, "replay", Map.of(), List.of(),
            args.toArray(new String[0]));

        final String output = replay.output();
        assertEquals(0, replay.process.exitValue(), output);
        assertTrue(output.contains("capture replayed: 1 file, " + String.format("%,d", sim.frames) + " frames"),
            output);
        assertTrue(output.contains("channel 310: packets A "), output);
        assertTrue(output.contains("instrument 1001 ESZ5: book updates "), output);
        assertTrue(output.contains("replay speed: "), output);
        assertTrue(Files.exists(books), output);
    }

    @Test
    void replaysADemoJournal() throws IOException
    {
        final Path journal = work.resolve("journal");
        final WirespeedProcess demo = WirespeedProcess.runToEnd(work, "demo", Map.of(), List.of(
            "-Dwirespeed.nic.shm.path=" + shm.resolve("nic"),
            "-Dwirespeed.aeron.dir=" + shm.resolve("aeron"),
            "-Dwirespeed.journal.enabled=true",
            "-Dwirespeed.journal.dir=" + journal), "demo", "--seconds", "2");
        assertEquals(0, demo.process.exitValue(), demo.output());

        final Path books = work.resolve("journal-books.json");
        final WirespeedProcess replay = WirespeedProcess.runToEnd(work, "replay-journal", Map.of(), List.of(),
            "replay", journal.toString(), "--books-json", books.toString());
        final String output = replay.output();
        assertEquals(0, replay.process.exitValue(), output);
        assertTrue(output.contains("1 run found"), output);
        assertTrue(output.contains("* run 1: CONFIG at "), output);
        assertTrue(output.contains("channel 310: packets A "), output);
        final String json = Files.readString(books);
        assertTrue(json.contains("{\"securityId\":1001,\"bids\":[["), json);
    }

    @Test
    void sigtermStopsItWithTheSummary()
    {
        final Path capture = work.resolve("slow.pcap");
        SimCapture.write(work, capture, 2_000, TimeUnit.MILLISECONDS.toNanos(500));
        final List<String> args = new ArrayList<>(List.of("replay", capture.toString(), "--pace", "0.01x"));
        for (final String feed : SimCapture.FEEDS.replace("--feed ", "").split(" "))
        {
            args.add("--feed");
            args.add(feed);
        }
        final WirespeedProcess replay = WirespeedProcess.start(work, "replay-slow", Map.of(), List.of(), List.of(),
            args.toArray(new String[0]));
        replay.awaitLine("replay of ");
        replay.terminate();
        assertEquals(0, replay.awaitExit(), replay.output());
        assertTrue(replay.output().contains("replay stopped: stop requested at "), replay.output());
        assertTrue(replay.output().contains("replay speed: "), replay.output());
    }

    @Test
    void refusesInOneLine()
    {
        final WirespeedProcess usage = WirespeedProcess.runToEnd(work, "replay-usage", Map.of(), List.of(), "replay");
        assertEquals(2, usage.process.exitValue(), usage.output());
        assertTrue(usage.output().contains("Usage: wirespeed replay"), usage.output());

        final WirespeedProcess missing = WirespeedProcess.runToEnd(work, "replay-missing", Map.of(), List.of(),
            "replay", work.resolve("missing.pcap").toString());
        assertEquals(1, missing.process.exitValue(), missing.output());
        assertTrue(missing.output().contains("wirespeed replay: " + work.resolve("missing.pcap") + ": cannot read"),
            missing.output());
        assertTrue(!missing.output().contains("Exception"), missing.output());
    }
}
