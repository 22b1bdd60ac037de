package io.wirespeed.nic.tap;

import io.wirespeed.codecs.internal.JournalLossDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.shm.ShmNicPort;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TappedNicPortTest
{
    private static final int PORT_INDEX = 2;
    private static final int SOURCE_ID = (PORT_INDEX << 8) | 0;

    @TempDir
    Path dir;

    private final ManualEpochNanoClock venueClock = new ManualEpochNanoClock(1_000L);
    private final ManualEpochNanoClock applianceClock = new ManualEpochNanoClock(50_000L);
    private CountersFile counters;
    private ShmNicPort venue;
    private ShmNicPort appliance;
    private TapRing rxRing;
    private TapRing txRing;
    private AtomicCounter rxLost;
    private AtomicCounter txLost;
    private NicPort tapped;

    @BeforeEach
    void setUp()
    {
        counters = CountersFile.create(dir.resolve("counters"), 128);
        final ShmNicContext wire = new ShmNicContext().path(dir.resolve("nic"));
        venue = ShmNicPort.create("venue", wire, counters, venueClock);
        appliance = ShmNicPort.attach("appliance", new ShmNicContext().path(dir.resolve("nic")), counters,
            applianceClock);
        rxRing = TapRing.create(dir.resolve("rx-tap"), TapRing.CAPACITY_MIN);
        txRing = TapRing.create(dir.resolve("tx-tap"), TapRing.CAPACITY_MIN);
        rxLost = counters.newCounter(1, "rx tap: records lost");
        txLost = counters.newCounter(1, "tx tap: records lost");
        tapped = new TappedNicPort(appliance, PORT_INDEX, new JournalTap(rxRing, rxLost),
            new JournalTap(txRing, txLost), applianceClock);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(tapped, venue, rxRing, txRing, counters);
    }

    @Test
    void everyReceivedFrameIsJournaledWithItsRxTimestampAndSourceBeforeTheHandlerGetsIt()
    {
        final byte[][] frames = {frame(60, 1), frame(61, 2), frame(1514, 3)};
        send(venue.txQueue(0), frames);

        final List<byte[]> received = new ArrayList<>();
        final List<Long> rxTimestamps = new ArrayList<>();
        final long[] producerPositions = new long[frames.length];
        final FrameHandler handler = (buffer, offset, length, rxTimestampNs) ->
        {
            producerPositions[received.size()] = rxRing.ring().producerPosition();
            received.add(bytes(buffer, offset, length));
            rxTimestamps.add(rxTimestampNs);
        };
        assertEquals(3, tapped.rxQueue(0).poll(handler, 10));

        assertEquals(3, received.size(), "the feed gets every frame");
        final List<TapRecords.Record> records = TapRecords.drain(rxRing);
        assertEquals(3, records.size());
        for (int i = 0; i < frames.length; i++)
        {
            assertArrayEquals(frames[i], received.get(i));
            assertEquals(JournalStream.RAW_FRAME_IN, records.get(i).stream());
            assertEquals(SOURCE_ID, records.get(i).sourceId());
            assertEquals(1_000L, records.get(i).timestampNs(), "the sender's commit time, the frame's rx time");
            assertEquals((long)rxTimestamps.get(i), records.get(i).timestampNs());
            assertArrayEquals(frames[i], records.get(i).payload());
        }
        assertTrue(0 < producerPositions[0] && producerPositions[0] < producerPositions[1] &&
            producerPositions[1] < producerPositions[2], "each frame's record was in the ring before its handler ran");
        assertEquals(0, TapRecords.drain(txRing).size(), "nothing sent, nothing journaled as sent");
    }

    @Test
    void everyCommittedFrameIsJournaledWithTheClockAtCommitAsTheVenueReceivesIt()
    {
        final TxQueue tx = tapped.txQueue(0);
        final FrameClaim claim = new FrameClaim();
        final byte[] first = frame(100, 7);
        final byte[] second = frame(64, 8);
        assertTrue(tx.tryClaim(200, claim));
        claim.buffer().putBytes(claim.offset(), first);
        claim.length(first.length); // shrunk after writing, read at the next claim
        assertTrue(tx.tryClaim(64, claim));
        claim.buffer().putBytes(claim.offset(), second);
        applianceClock.set(77_000L);
        assertEquals(0, TapRecords.drain(txRing).size(), "nothing journaled before the commit");
        assertEquals(2, tx.commit());

        final List<byte[]> venueReceived = new ArrayList<>();
        venue.rxQueue(0).poll((buffer, offset, length, rxTimestampNs) -> venueReceived.add(bytes(buffer, offset,
            length)), 10);
        assertEquals(2, venueReceived.size());

        final List<TapRecords.Record> records = TapRecords.drain(txRing);
        assertEquals(2, records.size());
        for (int i = 0; i < 2; i++)
        {
            assertEquals(JournalStream.RAW_FRAME_OUT, records.get(i).stream());
            assertEquals(SOURCE_ID, records.get(i).sourceId());
            assertEquals(77_000L, records.get(i).timestampNs());
            assertArrayEquals(venueReceived.get(i), records.get(i).payload(), "journaled as the venue received it");
        }
        assertArrayEquals(first, records.get(0).payload());
        assertArrayEquals(second, records.get(1).payload());
    }

    @Test
    void abortedClaimsAreNotJournaledAndTheNextBurstIs()
    {
        final TxQueue tx = tapped.txQueue(0);
        final FrameClaim claim = new FrameClaim();
        assertTrue(tx.tryClaim(60, claim));
        claim.buffer().putBytes(claim.offset(), frame(60, 1));
        tx.abort();
        assertEquals(0, tx.commit());
        assertEquals(0, TapRecords.drain(txRing).size());

        assertTrue(tx.tryClaim(60, claim));
        claim.buffer().putBytes(claim.offset(), frame(60, 2));
        assertEquals(1, tx.commit());
        final List<TapRecords.Record> records = TapRecords.drain(txRing);
        assertEquals(1, records.size());
        assertArrayEquals(frame(60, 2), records.get(0).payload());
    }

    @Test
    void aFullTapLosesJournalRecordsOnlyCountsThemAndSaysSoOnceThereIsRoom()
    {
        final int frames = 200; // 200 x ~1 KiB records: more than a 64 KiB tap holds, fewer than the wire's ring
        final byte[][] sent = new byte[frames][];
        for (int i = 0; i < frames; i++)
        {
            sent[i] = frame(1000, i);
        }
        send(venue.txQueue(0), sent);

        final List<byte[]> received = new ArrayList<>();
        final RxQueue rx = tapped.rxQueue(0);
        final FrameHandler keep = (buffer, offset, length, rxNs) -> received.add(bytes(buffer, offset, length));
        int polled;
        do
        {
            polled = rx.poll(keep, 32);
        }
        while (polled > 0);
        assertEquals(frames, received.size(), "the feed loses nothing to a full journal");
        for (int i = 0; i < frames; i++)
        {
            assertArrayEquals(sent[i], received.get(i));
        }

        final int kept = TapRecords.drain(rxRing).size();
        assertTrue(kept < frames, "the tap filled: " + kept);
        assertEquals(frames - kept, rxLost.get());

        send(venue.txQueue(0), new byte[][]{frame(60, 99)});
        assertEquals(1, rx.poll((buffer, offset, length, rxTimestampNs) -> {}, 10));
        final List<TapRecords.Record> after = TapRecords.drain(rxRing);
        assertEquals(2, after.size());
        assertEquals(JournalStream.JOURNAL, after.get(0).stream());
        final JournalLossDecoder loss = new JournalLossDecoder().wrapAndApplyHeader(
            new UnsafeBuffer(after.get(0).payload()), 0, new MessageHeaderDecoder());
        assertEquals(JournalStream.RAW_FRAME_IN, loss.stream());
        assertEquals(SOURCE_ID, loss.sourceId());
        assertEquals(frames - kept, loss.lostRecords());
        assertArrayEquals(frame(60, 99), after.get(1).payload());
    }

    @Test
    void aLongBurstIsJournaledWhole()
    {
        final TxQueue tx = tapped.txQueue(0);
        final FrameClaim claim = new FrameClaim();
        final int burst = TappedTxQueue.BURST_HINT_DEFAULT * 3;
        for (int i = 0; i < burst; i++)
        {
            assertTrue(tx.tryClaim(64, claim));
            claim.buffer().putBytes(claim.offset(), frame(64, i));
        }
        assertEquals(burst, tx.commit());
        final List<TapRecords.Record> records = TapRecords.drain(txRing);
        assertEquals(burst, records.size());
        for (int i = 0; i < burst; i++)
        {
            assertArrayEquals(frame(64, i), records.get(i).payload());
        }
    }

    @Test
    void aDirectionWithoutATapIsTheWrappedPortsOwnQueue()
    {
        final TappedNicPort rxOnly = new TappedNicPort(appliance, 0, new JournalTap(rxRing, rxLost), null,
            applianceClock);
        assertSame(appliance.txQueue(0), rxOnly.txQueue(0));
        assertTrue(rxOnly.rxQueue(0) instanceof TappedRxQueue);

        final NicPort[] all = TappedNicPort.tapAll(new NicPort[]{venue, appliance}, null, null, applianceClock);
        assertEquals(1, ((TappedNicPort)all[1]).portIndex());
        assertSame(appliance.rxQueue(0), all[1].rxQueue(0));
    }

    @Test
    void aPortIndexOrQueueThatDoesNotFitASourceIdIsRefused()
    {
        assertEquals(0x1_0203, TappedNicPort.sourceId(0x102, 3));
        assertThrows(IllegalArgumentException.class, () -> TappedNicPort.sourceId(TappedNicPort.MAX_PORT_INDEX + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> TappedNicPort.sourceId(0, 256));
        assertThrows(IllegalArgumentException.class, () -> TappedNicPort.sourceId(-1, 0));
    }

    @Test
    void sendingAndReceivingAMillionTappedFramesAllocatesNothing()
    {
        final TxQueue tx = tapped.txQueue(0);
        final RxQueue venueRx = venue.rxQueue(0);
        final TxQueue venueTx = venue.txQueue(0);
        final RxQueue rx = tapped.rxQueue(0);
        final FrameClaim txClaim = new FrameClaim();
        final FrameClaim venueClaim = new FrameClaim();
        final long[] counts = new long[2];
        final FrameHandler counting = (buffer, offset, length, rxTimestampNs) -> counts[0]++;
        final MessageHandler drained = (type, buffer, index, length) -> counts[1]++;
        final Runnable loop = () ->
        {
            for (int i = 0; i < 1_000_000; i += 16)
            {
                for (int j = 0; j < 16; j++)
                {
                    if (tx.tryClaim(64, txClaim))
                    {
                        txClaim.buffer().putLong(txClaim.offset(), i + j);
                    }
                    if (venueTx.tryClaim(64, venueClaim))
                    {
                        venueClaim.buffer().putLong(venueClaim.offset(), i + j);
                    }
                }
                tx.commit();
                venueTx.commit();
                venueRx.poll(counting, 16);
                rx.poll(counting, 16);
                drainAll(rxRing, drained);
                drainAll(txRing, drained);
            }
        };
        assertEquals(0, AllocationMeter.leastOverWindows(loop, loop, 3));
        assertEquals(0, rxLost.get() + txLost.get(), "a drained tap loses nothing");
        assertTrue(counts[1] > 0 && counts[0] > 0);
    }

    private static void drainAll(final TapRing ring, final MessageHandler handler)
    {
        int read;
        do
        {
            read = ring.ring().read(handler);
        }
        while (read > 0);
    }

    private static void send(final TxQueue tx, final byte[][] frames)
    {
        final FrameClaim claim = new FrameClaim();
        for (final byte[] frame : frames)
        {
            assertTrue(tx.tryClaim(frame.length, claim));
            claim.buffer().putBytes(claim.offset(), frame);
        }
        assertEquals(frames.length, tx.commit());
    }

    private static byte[] frame(final int length, final int seed)
    {
        final byte[] frame = new byte[length];
        for (int i = 0; i < length; i++)
        {
            frame[i] = (byte)(seed * 31 + i);
        }
        return frame;
    }

    private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }
}
