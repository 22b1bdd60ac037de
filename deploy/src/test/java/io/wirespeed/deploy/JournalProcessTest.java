package io.wirespeed.deploy;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.config.JournalContext;
import io.wirespeed.journal.Journal;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wirespeed journal dump|stats} through the packaged launcher, on a journal written with the journal's API.
 */
class JournalProcessTest
{
    private Path work;
    private Path journalDir;

    @BeforeEach
    void setUp() throws IOException
    {
        WirespeedProcess.assumePackaged();
        work = Files.createTempDirectory("ws-journal-work-");
        journalDir = work.resolve("journal");
        try (CountersFile counters = CountersFile.create(work.resolve("counters"), 8);
            Journal journal = Journal.open(new JournalContext().dir(journalDir), new SystemEpochNanoClock()))
        {
            journal.appendConfig("[journal]\ndir = \"" + journalDir + "\"\n");
            final TapRing ring = TapRing.create(work.resolve("tap"), TapRing.CAPACITY_MIN);
            final JournalTap tap = new JournalTap(ring, counters.newCounter(1, "lost"));
            final UnsafeBuffer order = new UnsafeBuffer(new byte[128]);
            final int length = MessageHeaderEncoder.ENCODED_LENGTH + new NewOrderEncoder()
                .wrapAndApplyHeader(order, 0, new MessageHeaderEncoder()).strategyId(7).clOrdId(424242).securityId(5)
                .encodedLength();
            tap.record(JournalStream.ORDER, 1002, 1_765_116_000_123_456_789L, order, 0, length);
            tap.record(JournalStream.ORDER, 1002, 1_765_116_000_223_456_789L, order, 0, length);
            ring.close();
            assertEquals(2, journal.drainLeftover(work.resolve("tap")));
        }
    }

    @Test
    void dumpPrintsEveryRecordAsTextOrJsonAndFilters() throws Exception
    {
        final WirespeedProcess text = WirespeedProcess.runToEnd(work, "dump", Map.of(), List.of(),
            "journal", "dump", journalDir.toString());
        assertEquals(0, text.awaitExit(), text.output());
        assertTrue(text.output().contains("CONFIG 0 "), text.output());
        assertTrue(text.output().contains("ORDER 1 2025-12-07T14:00:00.223456789Z source 1002 "), text.output());

        final WirespeedProcess json = WirespeedProcess.runToEnd(work, "json", Map.of(), List.of(),
            "journal", "dump", journalDir.toString(), "--json", "--stream", "ORDER", "--clordid", "424242",
            "--from", "2025-12-07T14:00:00.200Z");
        assertEquals(0, json.awaitExit(), json.output());
        final Path lines = work.resolve("dump.jsonl");
        Files.writeString(lines, json.output());
        final Process python = new ProcessBuilder("python3", "-c",
            "import json,sys\nprint(sum(1 for l in open(sys.argv[1]) if json.loads(l)))", lines.toString())
            .redirectErrorStream(true).start();
        final String parsed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, python.waitFor(), parsed + "\n" + json.output());
        assertEquals("1", parsed, json.output());

        final WirespeedProcess stats = WirespeedProcess.runToEnd(work, "stats", Map.of(), List.of(),
            "journal", "stats", journalDir.toString());
        assertEquals(0, stats.awaitExit(), stats.output());
        assertTrue(stats.output().contains("ORDER"), stats.output());
        assertTrue(stats.output().contains("files          1 cycle files"), stats.output());
    }

    @Test
    void noJournalIsOneLineAndExitOneAndABadOptionIsUsage()
    {
        final WirespeedProcess none = WirespeedProcess.runToEnd(work, "none", Map.of(), List.of(),
            "journal", "dump", work.resolve("nothing").toString());
        assertEquals(1, none.awaitExit(), none.output());
        final List<String> lines = Arrays.stream(none.output().split("\n")).filter((l) -> !l.isBlank()).toList();
        assertEquals(List.of("wirespeed journal: no journal at " + work.resolve("nothing")), lines);

        final WirespeedProcess usage = WirespeedProcess.runToEnd(work, "usage", Map.of(), List.of(),
            "journal", "dump", "--from", "yesterday", journalDir.toString());
        assertEquals(2, usage.awaitExit(), usage.output());
        assertFalse(usage.output().contains("\tat "), usage.output());
    }
}
