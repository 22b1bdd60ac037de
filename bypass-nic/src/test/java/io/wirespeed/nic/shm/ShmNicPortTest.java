package io.wirespeed.nic.shm;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.ShmNicContext;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShmNicPortTest
{
    private static final long T0_NS = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0_NS);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private CountersFile countersFile;
    private Path path;

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(dir.resolve("counters"), 512);
        path = dir.resolve("nic");
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
    void framesTravelFromCreatorToAttacherInPlaceWithTheSendersCommitTime()
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort attacher = attach("app", context());

        assertRoundTrip(creator, attacher);
    }

    @Test
    void framesTravelFromAttacherToCreator()
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort attacher = attach("app", context());

        assertRoundTrip(attacher, creator);
    }

    @Test
    void bothDirectionsAreIndependent()
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort attacher = attach("app", context());

        send(creator.txQueue(0), 1, 64);
        send(attacher.txQueue(0), 2, 64);
        assertEquals(1, creator.txQueue(0).commit());
        assertEquals(1, attacher.txQueue(0).commit());

        final ReceivedFrames atCreator = new ReceivedFrames();
        final ReceivedFrames atAttacher = new ReceivedFrames();
        assertEquals(1, creator.rxQueue(0).poll(atCreator, 10));
        assertEquals(1, attacher.rxQueue(0).poll(atAttacher, 10));
        assertEquals(List.of(2L), atCreator.sequences());
        assertEquals(List.of(1L), atAttacher.sequences());
    }

    @Test
    void pollHandsOverAtMostTheLimitAndKeepsTheRest()
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort attacher = attach("app", context());
        for (int i = 0; i < 10; i++)
        {
            send(creator.txQueue(0), i, 64);
        }
        creator.txQueue(0).commit();

        final ReceivedFrames received = new ReceivedFrames();
        assertEquals(4, attacher.rxQueue(0).poll(received, 4));
        assertEquals(4, attacher.rxQueue(0).poll(received, 4));
        assertEquals(2, attacher.rxQueue(0).poll(received, 4));
        assertEquals(0, attacher.rxQueue(0).poll(received, 4));
        assertEquals(0, attacher.rxQueue(0).poll(received, 0));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), received.sequences());
    }

    @Test
    void uncommittedClaimsAreInvisibleAndAbortGivesThemBack()
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort attacher = attach("app", context());
        final TxQueue tx = creator.txQueue(0);
        final ReceivedFrames received = new ReceivedFrames();

        send(tx, 100, 64);
        send(tx, 101, 64);
        assertEquals(0, attacher.rxQueue(0).poll(received, 10));
        tx.abort();
        assertEquals(0, tx.commit());

        send(tx, 7, 64);
        assertEquals(1, tx.commit());
        assertEquals(1, attacher.rxQueue(0).poll(received, 10));
        assertEquals(List.of(7L), received.sequences());
        assertEquals(1, creator.counters().value(NicCounter.TX_FRAMES));
    }

    @Test
    void aClaimShrunkBeforeTheNextClaimSendsItsShrunkLengthEvenWithOneFlyweight()
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort attacher = attach("app", context());
        final TxQueue tx = creator.txQueue(0);
        final FrameClaim claim = new FrameClaim();

        assertTrue(tx.tryClaim(1000, claim));
        claim.buffer().putLong(claim.offset(), 1);
        claim.length(60);
        assertTrue(tx.tryClaim(1000, claim));
        claim.buffer().putLong(claim.offset(), 2);
        claim.length(70);
        assertEquals(2, tx.commit());

        final ReceivedFrames received = new ReceivedFrames();
        attacher.rxQueue(0).poll(received, 10);
        assertEquals(60, received.frames().get(0).length);
        assertEquals(70, received.frames().get(1).length);
        assertEquals(List.of(1L, 2L), received.sequences());
        assertEquals(130, creator.counters().value(NicCounter.TX_BYTES));
        assertEquals(130, attacher.counters().value(NicCounter.RX_BYTES));
    }

    @Test
    void aFrameLargerThanASlotIsRefusedAndCounted()
    {
        final ShmNicPort creator = create("sim", context());
        final TxQueue tx = creator.txQueue(0);
        final FrameClaim claim = new FrameClaim();

        assertEquals(2048, tx.maxFrameLength());
        assertFalse(tx.tryClaim(2049, claim));
        assertFalse(tx.tryClaim(-1, claim));
        assertTrue(tx.tryClaim(2048, claim));
        assertEquals(2, creator.counters().value(NicCounter.TX_FRAME_TOO_LARGE));
    }

    @Test
    void aFullRingRefusesClaimsCountsThemAndLosesNothingWhenTheConsumerDrains()
    {
        final ShmNicPort creator = create("sim", smallContext());
        final ShmNicPort attacher = attach("app", smallContext());
        final TxQueue tx = creator.txQueue(0);
        final RxQueue rx = attacher.rxQueue(0);
        final FrameClaim claim = new FrameClaim();
        final ReceivedFrames received = new ReceivedFrames();

        long next = 0;
        for (int i = 0; i < 16; i++)
        {
            send(tx, next++, 64);
        }
        assertFalse(tx.tryClaim(64, claim), "uncommitted claims fill the ring too");
        assertEquals(16, tx.commit());
        assertFalse(tx.tryClaim(64, claim));
        assertEquals(2, creator.counters().value(NicCounter.TX_RING_FULL));

        assertEquals(5, rx.poll(received, 5));
        for (int i = 0; i < 5; i++)
        {
            send(tx, next++, 64);
        }
        assertFalse(tx.tryClaim(64, claim));
        assertEquals(3, creator.counters().value(NicCounter.TX_RING_FULL));
        assertEquals(5, tx.commit());

        for (int round = 0; round < 100; round++)
        {
            rx.poll(received, 1 + round % 7);
            while (tx.tryClaim(64, claim))
            {
                claim.buffer().putLong(claim.offset(), next++);
            }
            tx.commit();
        }
        while (rx.poll(received, 16) > 0)
        {
            assertTrue(received.frames().size() <= next);
        }

        final List<Long> expected = new ArrayList<>();
        for (long i = 0; i < next; i++)
        {
            expected.add(i);
        }
        assertEquals(expected, received.sequences());
        assertTrue(next > 300, "the producer kept going after the ring drained: " + next);
        assertEquals(next, creator.counters().value(NicCounter.TX_FRAMES));
        assertEquals(next, attacher.counters().value(NicCounter.RX_FRAMES));
        assertTrue(creator.counters().value(NicCounter.TX_RING_FULL) > 100);
    }

    @Test
    void attachingWithAnotherRingCapacityNamesTheFieldExpectedAndFound()
    {
        create("sim", context());

        final IllegalStateException ex = assertThrows(
            IllegalStateException.class, () -> attach("app", context().ringCapacity(512)));

        assertEquals("shm NIC file " + path + ": ring_capacity mismatch: expected 512, found 1024", ex.getMessage());
    }

    @Test
    void attachingWithAnotherFrameSizeNamesTheFieldExpectedAndFound()
    {
        create("sim", context());

        final IllegalStateException ex = assertThrows(
            IllegalStateException.class, () -> attach("app", context().frameSizeBytes(1024)));

        assertEquals("shm NIC file " + path + ": frame_size_bytes mismatch: expected 1024, found 2048",
            ex.getMessage());
    }

    @Test
    void attachingWithAnotherFrameCountNamesTheFieldExpectedAndFound()
    {
        create("sim", context());

        final IllegalStateException ex = assertThrows(
            IllegalStateException.class, () -> attach("app", context().frameCount(8192)));

        assertEquals("shm NIC file " + path + ": frame_count mismatch: expected 8192, found 4096", ex.getMessage());
    }

    @Test
    void attachingToAFileOfAnotherLayoutVersionNamesTheVersions() throws IOException
    {
        create("sim", context());
        patchInt(ShmLayout.LAYOUT_VERSION_OFFSET, 7);

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> attach("app", context()));

        assertEquals("shm NIC file " + path + ": layout version mismatch: expected 1, found 7", ex.getMessage());
    }

    @Test
    void attachingToAFileWithAWrongMagicSaysItIsNotAShmNicFile() throws IOException
    {
        create("sim", context());
        patchLong(ShmLayout.MAGIC_OFFSET, 0x1122334455667788L);

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> attach("app", context()));

        assertEquals("shm NIC file " + path + ": magic mismatch: expected 0x43494e4d48535357 (\"WSSHMNIC\"), " +
            "found 0x1122334455667788 (not a shm NIC file)", ex.getMessage());
    }

    @Test
    void attachingToAZeroedFileSaysItIsNotInitialised() throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.setLength(new ShmLayout(1024, 2048, 4096).fileLength());
        }

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> attach("app", context()));

        assertEquals("shm NIC file " + path + ": magic mismatch: expected 0x43494e4d48535357 (\"WSSHMNIC\"), " +
            "found 0x0 (not initialised yet, or not a shm NIC file)", ex.getMessage());
    }

    @Test
    void attachingToATruncatedFileNamesTheLengths() throws IOException
    {
        create("sim", context());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            channel.truncate(100);
        }

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> attach("app", context()));

        assertEquals("shm NIC file " + path + ": file length mismatch: expected 512 or more, found 100",
            ex.getMessage());
    }

    @Test
    void attachingToAMissingFileFails()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> attach("app", context()));

        assertTrue(ex.getMessage().contains(path.toString()), ex.getMessage());
    }

    @Test
    void eachSideSeesThePeersPidAndHeartbeatAndWhenItCloses()
    {
        final ShmNicPort creator = create("sim", context());
        assertEquals(0, creator.peerPid());
        assertFalse(creator.isPeerAlive(T0_NS, 1_000));

        clock.set(T0_NS + 50);
        final ShmNicPort attacher = attach("app", context());
        final long pid = ProcessHandle.current().pid();
        assertEquals(pid, creator.peerPid());
        assertEquals(pid, attacher.peerPid());
        assertEquals(T0_NS + 50, creator.peerHeartbeatNs());
        assertEquals(T0_NS, attacher.peerHeartbeatNs());

        attacher.heartbeat(T0_NS + 5_000);
        assertEquals(T0_NS + 5_000, creator.peerHeartbeatNs());
        assertTrue(creator.isPeerAlive(T0_NS + 5_500, 1_000));
        assertFalse(creator.isPeerAlive(T0_NS + 6_001, 1_000));

        attacher.close();
        assertEquals(0, creator.peerPid());
        assertFalse(creator.isPeerAlive(T0_NS + 5_500, 1_000));
    }

    @Test
    void aSecondAttacherIsRefusedWhileTheFirstIsAlive()
    {
        create("sim", context());
        attach("app", context());

        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> attach("app2", context()));

        assertEquals("shm NIC file " + path + ": already attached by live pid " + ProcessHandle.current().pid(),
            ex.getMessage());
    }

    @Test
    void aNewAttacherResumesWhereTheLastOneLeftOffInBothDirections()
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort first = attach("app", context());
        for (int i = 0; i < 3; i++)
        {
            send(creator.txQueue(0), i, 64);
        }
        creator.txQueue(0).commit();
        final ReceivedFrames atFirst = new ReceivedFrames();
        assertEquals(1, first.rxQueue(0).poll(atFirst, 1));
        send(first.txQueue(0), 10, 64);
        send(first.txQueue(0), 11, 64);
        first.txQueue(0).commit();
        send(first.txQueue(0), 99, 64);
        first.close();

        final ShmNicPort second = attach("app", context());
        final ReceivedFrames atSecond = new ReceivedFrames();
        assertEquals(2, second.rxQueue(0).poll(atSecond, 10));
        send(second.txQueue(0), 12, 64);
        second.txQueue(0).commit();

        final ReceivedFrames atCreator = new ReceivedFrames();
        creator.rxQueue(0).poll(atCreator, 10);
        assertEquals(List.of(0L), atFirst.sequences());
        assertEquals(List.of(1L, 2L), atSecond.sequences());
        assertEquals(List.of(10L, 11L, 12L), atCreator.sequences(), "a claim uncommitted at close is not sent");
    }

    @Test
    void aDescriptorPointingOutsideThePeersFrameAreaIsSkippedAndCounted() throws IOException
    {
        final ShmNicPort creator = create("sim", context());
        final ShmNicPort attacher = attach("app", context());
        send(creator.txQueue(0), 1, 64);
        send(creator.txQueue(0), 2, 64);
        send(creator.txQueue(0), 3, 64);
        creator.txQueue(0).commit();

        final ShmLayout layout = creator.layout();
        final int ring = layout.ringOffset(ShmSide.CREATOR.txRing());
        patchLong(layout.descriptorOffset(ring, 0) + ShmLayout.DESCRIPTOR_FRAME_OFFSET, layout.slotAreaOffset(1));
        patchInt(layout.descriptorOffset(ring, 1) + ShmLayout.DESCRIPTOR_FRAME_LENGTH, 4096);

        final ReceivedFrames received = new ReceivedFrames();
        assertEquals(1, attacher.rxQueue(0).poll(received, 10));
        assertEquals(List.of(3L), received.sequences());
        assertEquals(2, attacher.counters().value(NicCounter.RX_DROPPED_BAD_DESCRIPTOR));
        assertEquals(1, attacher.counters().value(NicCounter.RX_FRAMES));
    }

    @Test
    void portHasOneQueuePerDirection()
    {
        final ShmNicPort creator = create("sim", context());

        assertEquals(1, creator.rxQueueCount());
        assertEquals(1, creator.txQueueCount());
        assertEquals(0, creator.rxQueue(0).queueId());
        assertEquals(0, creator.txQueue(0).queueId());
        assertThrows(IllegalArgumentException.class, () -> creator.rxQueue(1));
        assertEquals("sim", creator.name());
        assertEquals(ShmSide.CREATOR, creator.side());
        assertTrue(Files.exists(creator.path()));
    }

    private void assertRoundTrip(final ShmNicPort sender, final ShmNicPort receiver)
    {
        final TxQueue tx = sender.txQueue(0);
        final int[] lengths = {60, 1000, 2048};
        final FrameClaim claim = new FrameClaim();
        for (int i = 0; i < lengths.length; i++)
        {
            assertTrue(tx.tryClaim(lengths[i], claim));
            claim.buffer().putBytes(claim.offset(), pattern(i, lengths[i]));
        }
        clock.set(T0_NS + 123);
        assertEquals(3, tx.commit());
        clock.set(T0_NS + 999_999);

        final ReceivedFrames received = new ReceivedFrames();
        assertEquals(3, receiver.rxQueue(0).poll(received, 10));
        for (int i = 0; i < lengths.length; i++)
        {
            assertArrayEquals(pattern(i, lengths[i]), received.frames().get(i));
            assertEquals(T0_NS + 123, received.timestampsNs().get(i));
        }
        assertEquals(3, sender.counters().value(NicCounter.TX_FRAMES));
        assertEquals(3108, sender.counters().value(NicCounter.TX_BYTES));
        assertEquals(3, receiver.counters().value(NicCounter.RX_FRAMES));
        assertEquals(3108, receiver.counters().value(NicCounter.RX_BYTES));
        assertEquals(0, sender.rxQueue(0).poll(received, 10), "nothing echoes back");
    }

    private static byte[] pattern(final int seed, final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(seed * 31 + i);
        }
        return bytes;
    }

    private static void send(final TxQueue tx, final long sequence, final int length)
    {
        final FrameClaim claim = new FrameClaim();
        assertTrue(tx.tryClaim(length, claim));
        claim.buffer().putLong(claim.offset(), sequence);
    }

    private ShmNicContext context()
    {
        return new ShmNicContext().path(path);
    }

    private ShmNicContext smallContext()
    {
        return context().ringCapacity(16).frameSizeBytes(128).frameCount(32);
    }

    private ShmNicPort create(final String name, final ShmNicContext context)
    {
        final ShmNicPort port = ShmNicPort.create(name, context, countersFile, clock);
        closeables.add(port);
        return port;
    }

    private ShmNicPort attach(final String name, final ShmNicContext context)
    {
        final ShmNicPort port = ShmNicPort.attach(name, context, countersFile, clock);
        closeables.add(port);
        return port;
    }

    private void patchInt(final long offset, final int value) throws IOException
    {
        patch(offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value));
    }

    private void patchLong(final long offset, final long value) throws IOException
    {
        patch(offset, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value));
    }

    private void patch(final long offset, final ByteBuffer bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            channel.write(bytes, offset);
        }
    }
}
