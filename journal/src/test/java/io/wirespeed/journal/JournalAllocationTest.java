package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.JournalRetentionAction;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal thread allocates nothing per record: the agent journaling a million ring records (about 100 MB of queue),
 * housekeeping included. Chronicle itself allocates a few hundred bytes each time it maps the next chunk of a cycle
 * file (every 64 MB here; measured 768 bytes per million records without housekeeping, about 1.9 KB with the
 * pretouch mapping chunks ahead), so the bound is under one byte per hundred records, not zero.
 */
class JournalAllocationTest
{
    private static final int RECORDS = 1_000_000;

    @TempDir
    Path dir;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(JournalAgentTest.START_NS);
    private CountersFile counters;
    private TapRing ring;
    private JournalTap tap;
    private Journal journal;
    private JournalAgent agent;
    private final UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
    private long journaled;

    @BeforeEach
    void setUp()
    {
        counters = CountersFile.create(dir.resolve("counters"), 64);
        ring = TapRing.create(dir.resolve("tap"), 1024 * 1024);
        tap = new JournalTap(ring, counters.newCounter(1, "lost"));
        journal = Journal.open(dir.resolve("journal"), RollCycles.FAST_HOURLY,
            new Retention(dir.resolve("journal"), 0, JournalRetentionAction.DELETE, null), clock);
        agent = new JournalAgent(journal, List.of(ring), List.of(), null, counters, clock);
        agent.onStart();
    }

    @AfterEach
    void tearDown()
    {
        agent.onClose();
        CloseHelper.closeAll(journal, ring, counters);
    }

    @Test
    void journalingAMillionRingRecordsAllocatesNothing()
    {
        final long allocated = AllocationMeter.leastOverWindows(() -> run(RECORDS / 4), () -> run(RECORDS), 3);
        System.out.println("journal thread: " + allocated + " bytes allocated journaling " + RECORDS +
            " ring records (about 100 MB of queue)");
        assertTrue(allocated < RECORDS / 100, "bytes allocated journaling " + RECORDS + " ring records: " +
            allocated + ", i.e. something per record");
        assertEquals(journaled, agent.statistics().records(JournalStream.MARKET_DATA));
    }

    private void run(final int records)
    {
        int written = 0;
        while (written < records)
        {
            for (int i = 0; i < 1000 && written < records; i++)
            {
                payload.putLong(0, written);
                if (tap.record(JournalStream.MARKET_DATA, 1, clock.nanoTime(), payload, 0, payload.capacity()))
                {
                    written++;
                    journaled++;
                }
            }
            clock.advance(1_000_000);
            agent.doWork();
        }
        agent.doWork();
    }
}
