package io.wirespeed.replay;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal's RAW_FRAME_IN records replay as the capture they were received from does: the same normalized output
 * byte for byte; runs are told apart by CONFIG records, the last replayed unless {@code --run}, and the run's
 * configuration (document and {@code # -D} overrides) is the replay's.
 */
class JournalReplayTest
{
    /** A channel without instruments: the replay learns them from the definition feed. */
    static final String CHANNEL_ONLY = "# wirespeed configuration: test\n" +
        "[gateway]\nvenue_session = false\nsession_id = \"TST\"\nfirm_id = \"TEST\"\naccess_key_id = \"test\"\n" +
        "secret_ref = \"env:NOT_USED\"\n\n[[channel]]\nid = 310\nincremental_a = \"239.10.1.1:14310\"\n" +
        "incremental_b = \"239.10.2.1:15310\"\nsnapshot = \"239.10.3.1:16310\"\n" +
        "instrument_definition = \"239.10.4.1:17310\"\n";

    @TempDir
    static Path dir;

    private static Path capture;
    private static Path journal;

    @BeforeAll
    static void writeJournal() throws Exception
    {
        final Path full = dir.resolve("full.pcap");
        SimCapture.write(dir, full, 2_000, TimeUnit.MILLISECONDS.toNanos(600));
        capture = dir.resolve("gaps.pcap");
        SimCapture.drop(full, capture, List.of("100-110"));
        journal = dir.resolve("journal");
        try (JournalWriter writer = new JournalWriter(journal, dir))
        {
            writer.config(CHANNEL_ONLY.replace("[[channel]]\nid = 310\n", "[[channel]]\nid = 310\nbook_depth = 3\n"));
            writer.frames(capture, 4 * 1024 * 1024);
            writer.config(CHANNEL_ONLY + "\n# overrides (-D)\n# -Dwirespeed.channel.0.book_depth=5\n");
            writer.frames(capture, 4 * 1024 * 1024);
        }
    }

    @Test
    void theLastRunReplaysAsItsCaptureDoes() throws Exception
    {
        final Path config = dir.resolve("channel.toml");
        Files.writeString(config, CHANNEL_ONLY.replace("[[channel]]\nid = 310\n",
            "[[channel]]\nid = 310\nbook_depth = 5\n"));
        final Path fromCapture = dir.resolve("capture.bin");
        final Path fromJournal = dir.resolve("journal.bin");
        replay(new ReplayOptions().inputs(List.of(capture)).config(config).output(fromCapture));
        final String summary = replay(new ReplayOptions().inputs(List.of(journal)).output(fromJournal)
            .booksJson(dir.resolve("journal-books.json")));

        assertTrue(Files.size(fromCapture) > 1_000);
        assertArrayEquals(Files.readAllBytes(fromCapture), Files.readAllBytes(fromJournal));
        assertTrue(summary.contains("2 runs found"), summary);
        assertTrue(summary.contains("* run 2"), summary);
        final String books = Files.readString(dir.resolve("journal-books.json"));
        assertTrue(books.contains("\"securityId\":1001") && books.contains("\"securityId\":1002"), books);
    }

    @Test
    void runOnePicksTheFirstRunAndItsConfiguration() throws Exception
    {
        final Path first = dir.resolve("run-1.bin");
        final Path last = dir.resolve("run-2.bin");
        final String summary = replay(new ReplayOptions().inputs(List.of(journal)).run(1).output(first));
        replay(new ReplayOptions().inputs(List.of(journal)).run(2).output(last));
        assertTrue(summary.contains("* run 1"), summary);
        assertTrue(Files.size(first) < Files.size(last), "run 1 publishes 3 levels, run 2 (its -D override) 5: " +
            Files.size(first) + " and " + Files.size(last) + " bytes");
    }

    @Test
    void refusesWhatItCannotHonour() throws Exception
    {
        final ReplayException outOfRange = assertThrows(ReplayException.class,
            () -> replay(new ReplayOptions().inputs(List.of(journal)).run(3)));
        assertEquals(ReplayException.REFUSED, outOfRange.exitCode());
        assertTrue(outOfRange.getMessage().startsWith("--run 3: the journal holds 2 runs"), outOfRange.getMessage());

        final Path configOnly = dir.resolve("config-only");
        try (JournalWriter writer = new JournalWriter(configOnly, dir))
        {
            writer.config(CHANNEL_ONLY);
        }
        final ReplayException noFrames = assertThrows(ReplayException.class,
            () -> replay(new ReplayOptions().inputs(List.of(configOnly))));
        assertTrue(noFrames.getMessage().contains("no RAW_FRAME_IN records"), noFrames.getMessage());

        final ReplayException unreadable = assertThrows(ReplayException.class,
            () -> replay(new ReplayOptions().inputs(List.of(dir.resolve("missing.pcap")))));
        assertTrue(unreadable.getMessage().contains("missing.pcap: cannot read"), unreadable.getMessage());

        final ReplayException pace = assertThrows(ReplayException.class, () -> ReplayPace.parse("fast"));
        assertEquals(ReplayException.USAGE, pace.exitCode());

        final ReplayException noConfig = assertThrows(ReplayException.class,
            () -> replay(new ReplayOptions().inputs(List.of(capture))));
        assertEquals(ReplayException.USAGE, noConfig.exitCode());
    }

    @Test
    void booksAtStopsThereAndPrintsTheBooks() throws Exception
    {
        final String summary = replay(new ReplayOptions().inputs(List.of(journal)).booksAt("+0.3", 1002));
        assertTrue(summary.contains("books at 2023-11-14T22:13:20.300Z"), summary);
        assertTrue(summary.contains("1002 NQZ5"), summary);
        assertTrue(!summary.contains("1001 ESZ5 channel"), summary);
        assertTrue(summary.contains("replay stopped: --books-at +0.3 reached"), summary);
    }

    private static String replay(final ReplayOptions options)
    {
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        options.out(new PrintStream(text, true, StandardCharsets.UTF_8))
            .commands(new ByteArrayInputStream(new byte[0]));
        Replay.run(options, () -> false);
        final String summary = text.toString(StandardCharsets.UTF_8);
        System.out.println(summary);
        return summary;
    }
}
