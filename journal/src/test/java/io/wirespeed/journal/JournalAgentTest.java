package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalLossDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.config.JournalRetentionAction;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalAgentTest
{
    static final long START_NS = 1_765_000_000_000_000_000L;

    @TempDir
    Path dir;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(START_NS);
    private CountersFile counters;
    private AtomicCounter lost;
    private TapRing ring;
    private JournalTap tap;
    private Journal journal;

    @BeforeEach
    void setUp()
    {
        counters = CountersFile.create(dir.resolve("counters"), 64);
        lost = counters.newCounter(1, "tap lost");
        ring = TapRing.create(dir.resolve("tap"), TapRing.CAPACITY_MIN);
        tap = new JournalTap(ring, lost);
        journal = openJournal();
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(journal, ring, counters);
    }

    @Test
    void ringRecordsAreJournaledInOrderNumberedPerStreamFromZero()
    {
        journal.appendConfig("[journal]\nenabled = true\n");
        final JournalAgent agent = newAgent(null);
        record(JournalStream.VENUE_OUT, 7, 100, "a");
        record(JournalStream.VENUE_IN, 7, 101, "b");
        record(JournalStream.VENUE_OUT, 7, 102, "c");
        agent.doWork();

        final List<Rec> records = readAll(dir.resolve("journal"), Set.of());
        assertEquals(List.of(
            new Rec(JournalStream.CONFIG, 0, 0, START_NS, "[journal]\nenabled = true\n"),
            new Rec(JournalStream.VENUE_OUT, 7, 0, 100, "a"),
            new Rec(JournalStream.VENUE_IN, 7, 0, 101, "b"),
            new Rec(JournalStream.VENUE_OUT, 7, 1, 102, "c")), records);
        assertEquals(4, agent.counters().get(JournalCounter.RECORDS));
        assertEquals(2, agent.statistics().records(JournalStream.VENUE_OUT));
        assertEquals(4, agent.statistics().appendLatency().getTotalCount());
        agent.onClose();
    }

    @Test
    void aReopenedJournalGoesOnNumberingEachStreamWhereItStopped()
    {
        final JournalAgent agent = newAgent(null);
        record(JournalStream.VENUE_OUT, 1, 1, "a");
        record(JournalStream.VENUE_OUT, 1, 2, "b");
        record(JournalStream.GATEWAY_STATE, 1, 3, "s");
        agent.doWork();
        agent.onClose();
        journal.close();

        journal = openJournal();
        assertEquals(2, journal.nextSequence(JournalStream.VENUE_OUT));
        assertEquals(1, journal.nextSequence(JournalStream.GATEWAY_STATE));
        assertEquals(0, journal.nextSequence(JournalStream.ORDER));
        final JournalAgent again = newAgent(null);
        record(JournalStream.VENUE_OUT, 1, 4, "c");
        again.doWork();

        final List<Rec> venue = readAll(dir.resolve("journal"), Set.of(JournalStream.VENUE_OUT));
        assertEquals(List.of(0L, 1L, 2L), venue.stream().map(Rec::sequence).toList());
        again.onClose();
    }

    @Test
    void replayGivesTheAskedStreamsPayloadsInJournalOrder()
    {
        final JournalAgent agent = newAgent(null);
        record(JournalStream.VENUE_OUT, 3, 1, "out1");
        record(JournalStream.MARKET_DATA, 3, 2, "md");
        record(JournalStream.GATEWAY_STATE, 3, 3, "state");
        record(JournalStream.VENUE_IN, 3, 4, "in1");
        agent.doWork();
        agent.onClose();

        final List<String> seen = new ArrayList<>();
        Journal.replay(dir.resolve("journal"),
            EnumSet.of(JournalStream.GATEWAY_STATE, JournalStream.VENUE_OUT, JournalStream.VENUE_IN),
            (stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
                seen.add(stream + ":" + buffer.getStringWithoutLengthAscii(offset, length)));
        assertEquals(List.of("VENUE_OUT:out1", "GATEWAY_STATE:state", "VENUE_IN:in1"), seen);

        final List<String> none = new ArrayList<>();
        Journal.replay(dir.resolve("no-journal-here"), EnumSet.allOf(JournalStream.class),
            (stream, sourceId, sequence, timestampNs, buffer, offset, length) -> none.add("x"));
        assertTrue(none.isEmpty());
    }

    @Test
    void aDeadProcesssRingIsJournaledAtStartThenDeleted()
    {
        record(JournalStream.VENUE_OUT, 2, 10, "sent before the crash");
        record(JournalStream.GATEWAY_STATE, 2, 11, "state before the crash");
        ring.close();

        assertEquals(2, journal.drainLeftover(dir.resolve("tap")));
        assertFalse(Files.exists(dir.resolve("tap")));
        assertEquals(0, journal.drainLeftover(dir.resolve("tap")));
        assertEquals(List.of(
            new Rec(JournalStream.VENUE_OUT, 2, 0, 10, "sent before the crash"),
            new Rec(JournalStream.GATEWAY_STATE, 2, 0, 11, "state before the crash")),
            readAll(dir.resolve("journal"), Set.of()));
        ring = TapRing.create(dir.resolve("tap"), TapRing.CAPACITY_MIN);
    }

    @Test
    void aFullRingsLossIsJournaledAndCounted()
    {
        final JournalAgent agent = newAgent(null);
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[1000]);
        int kept = 0;
        int lostCount = 0;
        for (int i = 0; i < 200; i++)
        {
            if (tap.record(JournalStream.RAW_FRAME_IN, 4, i, payload, 0, payload.capacity()))
            {
                kept++;
            }
            else
            {
                lostCount++;
            }
        }
        assertTrue(lostCount > 0);
        agent.doWork();
        record(JournalStream.RAW_FRAME_IN, 4, 500, "after");
        agent.doWork();

        final List<Rec> loss = readAll(dir.resolve("journal"), Set.of(JournalStream.JOURNAL));
        assertEquals(List.of("loss RAW_FRAME_IN records " + lostCount + " bytes " + lostCount * 1000L),
            loss.stream().map(Rec::text).toList());
        assertEquals(lostCount, agent.counters().get(JournalCounter.RECORDS_LOST));
        assertEquals(kept + 1, readAll(dir.resolve("journal"), Set.of(JournalStream.RAW_FRAME_IN)).size());
        agent.onClose();
    }

    @Test
    void newDistinctErrorsBecomeErrorRecordsOnce()
    {
        final UnsafeBuffer errorBuffer = new UnsafeBuffer(new byte[64 * 1024]);
        final DistinctErrorLog log = new DistinctErrorLog(errorBuffer, () -> 1_700_000_000_123L);
        final JournalAgent agent = newAgent(errorBuffer);
        final IllegalStateException first = new IllegalStateException("first trouble");
        log.record(first);
        agent.doWork();
        log.record(first);
        clock.advance(JournalAgent.HOUSEKEEPING_INTERVAL_NS);
        agent.doWork();
        log.record(new IllegalArgumentException("second trouble"));
        clock.advance(JournalAgent.HOUSEKEEPING_INTERVAL_NS);
        agent.doWork();

        final List<Rec> errors = readAll(dir.resolve("journal"), Set.of(JournalStream.ERROR));
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).text().contains("first trouble"), errors.get(0).text());
        assertTrue(errors.get(1).text().contains("second trouble"), errors.get(1).text());
        assertEquals(1_700_000_000_123_000_000L, errors.get(0).timestampNs());
        assertEquals(2, agent.counters().get(JournalCounter.ERRORS));
        agent.onClose();
    }

    @Test
    void aRingRecordThatIsNotAJournalRecordIsCountedNotJournaled()
    {
        final JournalAgent agent = newAgent(null);
        final UnsafeBuffer junk = new UnsafeBuffer(new byte[40]);
        assertTrue(ring.ring().write(TapRing.RECORD_TYPE_ID, junk, 0, 40));
        assertTrue(ring.ring().write(99, junk, 0, 40));
        agent.doWork();
        assertEquals(2, agent.counters().get(JournalCounter.UNREADABLE));
        assertEquals(0, agent.counters().get(JournalCounter.RECORDS));
        agent.onClose();
    }

    private Journal openJournal()
    {
        return Journal.open(dir.resolve("journal"), RollCycles.FAST_HOURLY,
            new Retention(dir.resolve("journal"), 0, JournalRetentionAction.DELETE, null), clock);
    }

    private JournalAgent newAgent(final UnsafeBuffer errorLog)
    {
        final JournalAgent agent = new JournalAgent(journal, List.of(ring), List.of(), errorLog, counters, clock);
        agent.onStart();
        return agent;
    }

    private void record(final JournalStream stream, final int sourceId, final long timestampNs, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertTrue(tap.record(stream, sourceId, timestampNs, new UnsafeBuffer(bytes), 0, bytes.length));
    }

    static List<Rec> readAll(final Path dir, final Set<JournalStream> streams)
    {
        final List<Rec> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir, new JournalQuery().streams(streams)))
        {
            reader.readAll((stream, sourceId, sequence, timestampNs, buffer, offset, length) ->
                records.add(new Rec(stream, sourceId, sequence, timestampNs, text(stream, buffer, offset, length))));
        }
        return records;
    }

    static String text(final JournalStream stream, final DirectBuffer buffer, final int offset, final int length)
    {
        if (JournalStream.JOURNAL == stream)
        {
            final JournalLossDecoder loss = new JournalLossDecoder();
            loss.wrapAndApplyHeader(buffer, offset, new MessageHeaderDecoder());
            return "loss " + loss.stream() + " records " + loss.lostRecords() + " bytes " + loss.lostBytes();
        }
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    record Rec(JournalStream stream, int sourceId, long sequence, long timestampNs, String text)
    {
    }
}
