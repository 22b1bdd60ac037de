package io.wirespeed.nic.fault;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.FaultContext;
import io.wirespeed.config.FeedName;
import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest
{
    private static final int STREAM = 100_000;
    private static final int BURST = 64;

    @TempDir
    Path dir;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private CountersFile countersFile;
    private int portCount;

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(dir.resolve("counters"), 1024);
    }

    @AfterEach
    void tearDown()
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            CloseHelper.close(closeables.get(i));
        }
        CloseHelper.close(countersFile);
    }

    @Test
    void theSameSeedDropsExactlyTheSameFramesAndAnotherSeedOthers()
    {
        final Link first = link(faults(42).lossRate(0.01));
        final TreeSet<Long> firstDropped = missing(first.stream(STREAM), STREAM);
        final Link second = link(faults(42).lossRate(0.01));
        final TreeSet<Long> secondDropped = missing(second.stream(STREAM), STREAM);
        final Link otherSeed = link(faults(43).lossRate(0.01));
        final TreeSet<Long> otherDropped = missing(otherSeed.stream(STREAM), STREAM);

        assertEquals(firstDropped, secondDropped);
        assertNotEquals(firstDropped, otherDropped);
        assertTrue(firstDropped.size() > 800 && firstDropped.size() < 1200, "about 1% of 100,000: " +
            firstDropped.size());
        assertEquals(firstDropped.size(), first.counter(NicCounter.FAULT_DROPPED));
        assertEquals(otherDropped.size(), otherSeed.counter(NicCounter.FAULT_DROPPED));
    }

    @Test
    void theFramesALossRatePicksDoNotMoveWhenDuplicationIsAdded()
    {
        final Link lossOnly = link(faults(7).lossRate(0.01));
        final Link lossAndMore = link(faults(7).lossRate(0.01).duplicateRate(0.2));

        assertEquals(missing(lossOnly.stream(STREAM), STREAM), missing(lossAndMore.stream(STREAM), STREAM));
    }

    @Test
    void fixedPositionsDropExactlyThoseFrameOrdinals()
    {
        final Link link = link(faults(1).lossPositions(99_999, 1, 17, 500));

        final TreeSet<Long> dropped = missing(link.stream(STREAM), STREAM);

        assertEquals(new TreeSet<>(List.of(1L, 17L, 500L, 99_999L)), dropped);
        assertEquals(4, link.counter(NicCounter.FAULT_DROPPED));
    }

    @Test
    void eachLossAtAFixedPositionDropsABurst()
    {
        final Link link = link(faults(1).lossPositions(10, 100).lossBurstLength(5));

        final TreeSet<Long> dropped = missing(link.stream(1_000), 1_000);

        assertEquals(new TreeSet<>(List.of(10L, 11L, 12L, 13L, 14L, 100L, 101L, 102L, 103L, 104L)), dropped);
        assertEquals(10, link.counter(NicCounter.FAULT_DROPPED));
    }

    @Test
    void randomLossesDropRunsOfTheBurstLength()
    {
        final int burst = 8;
        final Link link = link(faults(3).lossRate(0.005).lossBurstLength(burst));

        final TreeSet<Long> dropped = missing(link.stream(STREAM), STREAM);

        int runs = 0;
        long runStart = -1;
        long previous = -1;
        for (final long ordinal : dropped)
        {
            if (ordinal != previous + 1)
            {
                if (runStart > 0)
                {
                    assertEquals(0, (previous - runStart + 1) % burst, "run " + runStart + ".." + previous);
                    runs++;
                }
                runStart = ordinal;
            }
            previous = ordinal;
        }
        assertTrue(runs > 100, "runs: " + runs);
        assertEquals(dropped.size(), link.counter(NicCounter.FAULT_DROPPED));
    }

    @Test
    void duplicatedFramesArriveTwiceInARowAndAreCounted()
    {
        final Link link = link(faults(5).duplicateRate(0.1));

        final LongArrayList received = link.stream(STREAM);

        int duplicates = 0;
        long expected = 1;
        for (int i = 0; i < received.size(); i++)
        {
            final long sequence = received.getLong(i);
            if (sequence == expected - 1)
            {
                duplicates++;
            }
            else
            {
                assertEquals(expected++, sequence);
            }
        }
        assertEquals(STREAM + 1, expected);
        assertTrue(duplicates > 9_000 && duplicates < 11_000, "about 10%: " + duplicates);
        assertEquals(duplicates, link.counter(NicCounter.FAULT_DUPLICATED));
    }

    @Test
    void reorderedFramesFallBehindAtMostTheWindowAndNoneIsLost()
    {
        final int window = 4;
        final Link link = link(faults(11).reorderRate(0.05).reorderWindow(window));

        final LongArrayList received = link.stream(STREAM);
        final LongArrayList again = link(faults(11).reorderRate(0.05).reorderWindow(window)).stream(STREAM);

        assertEquals(received, again, "the same seed reorders the same way");
        final FaultDecisions decisions = new FaultDecisions(faults(11).reorderRate(0.05).reorderWindow(window), 11);
        final TreeSet<Long> heldBack = new TreeSet<>();
        for (long ordinal = 1; ordinal <= STREAM; ordinal++)
        {
            decisions.next();
            if (decisions.reorderDistance() > 0)
            {
                heldBack.add(ordinal);
            }
        }
        final TreeSet<Long> distinct = new TreeSet<>();
        final long[] highestSoFar = new long[received.size()];
        int displaced = 0;
        for (int i = 0; i < received.size(); i++)
        {
            final long sequence = received.getLong(i);
            assertTrue(distinct.add(sequence), "delivered once: " + sequence);
            final long highestBefore = 0 == i ? 0 : highestSoFar[i - 1];
            highestSoFar[i] = Math.max(highestBefore, sequence);
            if (sequence < highestBefore)
            {
                displaced++;
                assertTrue(heldBack.contains(sequence), "only frames held back fall behind: " + sequence);
                final int scanFrom = Math.max(0, i - 8 * window);
                assertTrue(0 == scanFrom || highestSoFar[scanFrom - 1] < sequence, "overtaken from far back");
                int overtakenBy = 0;
                for (int j = scanFrom; j < i; j++)
                {
                    if (received.getLong(j) > sequence)
                    {
                        overtakenBy++;
                    }
                }
                assertTrue(overtakenBy <= window, sequence + " fell behind " + overtakenBy + " frames");
            }
        }
        final long held = link.waiting();
        assertEquals(STREAM, received.size() + held, "every frame delivered or still held for later traffic");
        assertEquals(heldBack.size(), link.counter(NicCounter.FAULT_REORDERED));
        assertTrue(heldBack.size() > 4_000 && heldBack.size() < 6_000, "about 5%: " + heldBack.size());
        assertTrue(displaced > 0.9 * heldBack.size(), "most held frames end up behind a later one: " + displaced);
        assertTrue(held <= window);
    }

    @Test
    void delayedFramesWaitOnTheClockAndCarryTheirTimestampMovedLater()
    {
        final Link link = link(faults(0).delayNs(1_000));
        final Collector collector = new Collector();
        final long sentAtNs = clock.nanoTime();
        link.send(1, 2, 3);

        assertEquals(0, link.faulted.poll(collector, 10));
        assertEquals(3, link.counter(NicCounter.FAULT_DELAYED));
        clock.advance(999);
        assertEquals(0, link.faulted.poll(collector, 10));
        clock.advance(1);
        assertEquals(2, link.faulted.poll(collector, 2));
        assertEquals(1, link.faulted.poll(collector, 10));

        assertEquals(List.of(1L, 2L, 3L), List.copyOf(collector.sequences));
        for (int i = 0; i < 3; i++)
        {
            assertEquals(sentAtNs + 1_000, collector.timestampsNs.getLong(i));
        }
    }

    @Test
    void framesOverThePollLimitWaitInOrderForTheNextPoll()
    {
        final Link link = link(faults(0).duplicateRate(1.0));
        final Collector collector = new Collector();
        link.send(1, 2, 3, 4, 5);

        assertEquals(1, link.faulted.poll(collector, 1));
        assertEquals(3, link.faulted.poll(collector, 3));
        assertEquals(6, link.faulted.poll(collector, 10));
        assertEquals(0, link.faulted.poll(collector, 10));

        assertEquals(List.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L), List.copyOf(collector.sequences));
        assertEquals(5, link.counter(NicCounter.FAULT_DUPLICATED));
    }

    @Test
    void aFullWaitingLineLeavesFramesInTheBackendInsteadOfLosingThem()
    {
        final Link link = link(faults(0).delayNs(10), 16, 2048);
        final Collector collector = new Collector();
        final long[] sequences = new long[500];
        for (int i = 0; i < sequences.length; i++)
        {
            sequences[i] = i + 1;
        }
        link.send(sequences);

        int polls = 0;
        while (collector.sequences.size() < sequences.length && polls++ < 10_000)
        {
            link.faulted.poll(collector, 64);
            assertTrue(link.waiting() <= 32, "waiting: " + link.waiting());
            clock.advance(5);
        }

        final LongArrayList expected = new LongArrayList();
        for (final long sequence : sequences)
        {
            expected.addLong(sequence);
        }
        assertEquals(expected, collector.sequences);
        assertEquals(0, link.counter(NicCounter.FAULT_DROPPED));
        assertEquals(sequences.length, link.counter(NicCounter.FAULT_DELAYED));
    }

    @Test
    void aFrameTooLargeToHoldIsDroppedAndCountedAsOversize()
    {
        final Link link = link(faults(0).delayNs(10), 16, 128);
        final Collector collector = new Collector();
        final FrameClaim claim = new FrameClaim();
        assertTrue(link.tx.tryClaim(64, claim));
        claim.buffer().putLong(claim.offset(), 1);
        assertTrue(link.tx.tryClaim(200, claim));
        claim.buffer().putLong(claim.offset(), 2);
        link.tx.commit();

        link.faulted.poll(collector, 10);
        clock.advance(10);
        link.faulted.poll(collector, 10);

        assertEquals(List.of(1L), List.copyOf(collector.sequences));
        assertEquals(1, link.counter(NicCounter.RX_DROPPED_OVERSIZE));
    }

    @Test
    void feedAIsFaultedWhileFeedBIsUntouched()
    {
        final FaultContext feedA = new FaultContext(310, FeedName.A).enabled(true).seed(9).lossRate(0.1);
        final FaultContext feedB = new FaultContext(310, FeedName.B).seed(9).lossRate(0.1);
        final Link a = link(feedA);
        final Link b = link(feedB);

        final TreeSet<Long> lostOnA = missing(a.stream(10_000), 10_000);
        final TreeSet<Long> lostOnB = missing(b.stream(10_000), 10_000);

        assertSame(b.receiver, b.faultedPort, "a feed whose faults are off keeps its own port");
        assertTrue(lostOnA.size() > 800, "A lost " + lostOnA.size());
        assertEquals(lostOnA.size(), a.counter(NicCounter.FAULT_DROPPED));
        assertTrue(lostOnB.isEmpty());
        for (final NicCounter counter : new NicCounter[]{NicCounter.FAULT_DROPPED, NicCounter.FAULT_DUPLICATED,
            NicCounter.FAULT_REORDERED, NicCounter.FAULT_DELAYED})
        {
            assertEquals(0, b.counter(counter), counter.name());
        }
    }

    private static FaultContext faults(final long seed)
    {
        return new FaultContext(1, FeedName.A).enabled(true).seed(seed);
    }

    private static TreeSet<Long> missing(final LongArrayList received, final int frames)
    {
        final TreeSet<Long> missing = new TreeSet<>();
        for (long sequence = 1; sequence <= frames; sequence++)
        {
            missing.add(sequence);
        }
        for (int i = 0; i < received.size(); i++)
        {
            missing.remove(received.getLong(i));
        }
        return missing;
    }

    private Link link(final FaultContext context)
    {
        return link(context, FaultInjectingPort.HOLDING_FRAMES_DEFAULT, FaultInjectingPort.SLOT_BYTES_DEFAULT);
    }

    private Link link(final FaultContext context, final int holdingFrames, final int slotBytes)
    {
        final int id = portCount++;
        final ShmNicContext shm = new ShmNicContext().path(dir.resolve("nic-" + id));
        final ShmNicPort sender = ShmNicPort.create("sender-" + id, shm, countersFile, clock);
        closeables.add(sender);
        final ShmNicPort receiver = ShmNicPort.attach(
            "receiver-" + id, new ShmNicContext().path(shm.path()), countersFile, clock);
        final NicPort faulted;
        if (holdingFrames == FaultInjectingPort.HOLDING_FRAMES_DEFAULT)
        {
            faulted = FaultInjectingPort.wrap(receiver, context, clock);
        }
        else
        {
            faulted = new FaultInjectingPort(receiver, context, clock, holdingFrames, slotBytes);
        }
        closeables.add(faulted);
        return new Link(sender.txQueue(0), receiver, faulted);
    }

    private static final class Link
    {
        private final TxQueue tx;
        private final NicPort receiver;
        private final NicPort faultedPort;
        private final RxQueue faulted;

        Link(final TxQueue tx, final NicPort receiver, final NicPort faultedPort)
        {
            this.tx = tx;
            this.receiver = receiver;
            this.faultedPort = faultedPort;
            this.faulted = faultedPort.rxQueue(0);
        }

        long counter(final NicCounter counter)
        {
            return faultedPort.counters().value(counter);
        }

        int waiting()
        {
            return ((FaultInjectingRxQueue)faulted).waitingFrames();
        }

        void send(final long... sequences)
        {
            final FrameClaim claim = new FrameClaim();
            for (final long sequence : sequences)
            {
                assertTrue(tx.tryClaim(64, claim));
                claim.buffer().putLong(claim.offset(), sequence);
            }
            tx.commit();
        }

        LongArrayList stream(final int frames)
        {
            final Collector collector = new Collector();
            final FrameClaim claim = new FrameClaim();
            long next = 1;
            while (next <= frames)
            {
                for (int i = 0; i < BURST && next <= frames && tx.tryClaim(64, claim); i++)
                {
                    claim.buffer().putLong(claim.offset(), next++);
                }
                tx.commit();
                faulted.poll(collector, BURST);
            }
            int polled;
            do
            {
                polled = faulted.poll(collector, BURST);
            }
            while (polled > 0);
            return collector.sequences;
        }
    }

    private static final class Collector implements FrameHandler
    {
        private final LongArrayList sequences = new LongArrayList();
        private final LongArrayList timestampsNs = new LongArrayList();

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            sequences.addLong(buffer.getLong(offset));
            timestampsNs.addLong(rxTimestampNs);
        }
    }
}
