package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapNicContext;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.status.CountersFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapTxTest
{
    private static final long T0_NS = 1_700_000_000_123_456_789L;

    @TempDir
    Path directory;

    private TestPorts ports;
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0_NS);
    private final FrameClaim claim = new FrameClaim();

    @BeforeEach
    void setUp()
    {
        ports = new TestPorts(directory);
    }

    @AfterEach
    void tearDown()
    {
        ports.close();
    }

    @Test
    void writesANanosecondEthernetPcapStampedAtCommit() throws IOException
    {
        final Path out = directory.resolve("out.pcap");
        final NicPort port = ports.open(null, out, PcapPacing.MAX, clock, new PcapPortOptions().snaplen(9000));
        final TxQueue tx = port.txQueue(0);
        final byte[] first = UdpFrames.frame(1, 2, UdpFrames.payload(1));
        final byte[] second = UdpFrames.frame(3, 4, UdpFrames.payload(2));
        final byte[] third = UdpFrames.frame(5, 6, UdpFrames.payload(3));

        send(tx, first);
        send(tx, second);
        assertEquals(2, tx.commit());
        clock.advance(1_000_000_001L);
        send(tx, third);
        assertEquals(1, tx.commit());
        assertEquals(0, tx.commit());
        assertEquals(3, port.counters().value(NicCounter.TX_FRAMES));
        assertEquals(first.length + second.length + third.length, port.counters().value(NicCounter.TX_BYTES));
        port.close();

        final ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xA1B23C4D, header.getInt(0));
        assertEquals(2, header.getShort(4));
        assertEquals(4, header.getShort(6));
        assertEquals(9000, header.getInt(16));
        assertEquals(1, header.getInt(20));

        final ReceivedFrames received = readBack(out);
        assertEquals(3, received.size());
        assertArrayEquals(first, received.frames.get(0));
        assertArrayEquals(second, received.frames.get(1));
        assertArrayEquals(third, received.frames.get(2));
        assertEquals(List.of(T0_NS, T0_NS, T0_NS + 1_000_000_001L), received.timestampsNs);
    }

    @Test
    void claimsCanShrinkOrGrowAndAbortedClaimsAreNotWritten() throws IOException
    {
        final Path out = directory.resolve("out.pcap");
        final PcapNicPort port = ports.open(null, out, PcapPacing.MAX, clock, new PcapPortOptions().snaplen(200));
        final TxQueue tx = port.txQueue(0);

        assertTrue(tx.tryClaim(100, claim));
        fill(claim, (byte)1, 60);
        claim.length(60);
        assertTrue(tx.tryClaim(50, claim));
        fill(claim, (byte)2, 150);
        claim.length(150);
        assertEquals(2, tx.commit());
        assertTrue(tx.tryClaim(70, claim));
        fill(claim, (byte)3, 70);
        tx.abort();
        assertTrue(tx.tryClaim(80, claim));
        fill(claim, (byte)4, 80);
        assertEquals(1, tx.commit());
        assertEquals(60 + 150 + 80, port.counters().value(NicCounter.TX_BYTES));
        port.close();

        final ReceivedFrames received = readBack(out);
        assertEquals(3, received.size());
        assertArrayEquals(filled((byte)1, 60), received.frames.get(0));
        assertArrayEquals(filled((byte)2, 150), received.frames.get(1));
        assertArrayEquals(filled((byte)4, 80), received.frames.get(2));
    }

    @Test
    void writesTheBufferWhenItFillsAndOnClose() throws IOException
    {
        final Path out = directory.resolve("out.pcap");
        final PcapNicPort port = ports.open(null, out, PcapPacing.MAX, clock,
            new PcapPortOptions().snaplen(100).writeBufferBytes(1000));
        final PcapTxQueue tx = port.pcapTxQueue();
        final List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++)
        {
            final byte[] frame = filled((byte)i, 1 + i % 100);
            send(tx, frame);
            assertEquals(1, tx.commit());
            sent.add(frame);
        }
        final long writtenBeforeClose = Files.size(out);
        assertTrue(writtenBeforeClose > 24 && writtenBeforeClose == tx.fileOffset(), "flushed as the buffer filled");
        port.close();

        final ReceivedFrames received = readBack(out);
        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++)
        {
            assertArrayEquals(sent.get(i), received.frames.get(i));
        }
    }

    @Test
    void refusesAClaimWhileUncommittedFramesFillTheBuffer()
    {
        final PcapNicPort port = ports.open(null, directory.resolve("out.pcap"), PcapPacing.MAX, clock,
            new PcapPortOptions().snaplen(100).writeBufferBytes(300));
        final TxQueue tx = port.txQueue(0);

        assertTrue(tx.tryClaim(100, claim));
        assertTrue(tx.tryClaim(100, claim));
        assertFalse(tx.tryClaim(100, claim));
        assertEquals(1, port.counters().value(NicCounter.TX_RING_FULL));
        assertEquals(2, tx.commit());
        assertTrue(tx.tryClaim(100, claim));
        assertEquals(1, tx.commit());
        assertEquals(3, port.counters().value(NicCounter.TX_FRAMES));
    }

    @Test
    void refusesFramesLongerThanTheSnaplen()
    {
        final TxQueue tx = ports.open(null, directory.resolve("out.pcap"), PcapPacing.MAX, clock,
            new PcapPortOptions().snaplen(1514)).txQueue(0);

        assertEquals(1514, tx.maxFrameLength());
        assertFalse(tx.tryClaim(1515, claim));
        assertTrue(tx.tryClaim(1514, claim));
        assertThrows(IllegalArgumentException.class, () -> claim.length(1515));
    }

    @Test
    void discardsSentFramesWithoutAWritePath()
    {
        final PcapNicPort port = ports.open(null, null);
        final TxQueue tx = port.txQueue(0);
        for (int i = 0; i < 100_000; i++)
        {
            send(tx, filled((byte)i, 64));
            tx.commit();
        }

        assertEquals(0, port.rxQueueCount());
        assertEquals(100_000, port.counters().value(NicCounter.TX_FRAMES));
        assertEquals(null, port.pcapTxQueue().file());
    }

    @Test
    void onePortReceivesFromOneFileAndSendsToAnother() throws IOException
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.BIG_ENDIAN, false, 65_535, 1);
        for (int i = 0; i < 50; i++)
        {
            capture.record(i, 0, UdpFrames.frame(7, 8, UdpFrames.payload(i)));
        }
        final Path in = capture.write(directory.resolve("in.pcap"));
        final Path out = directory.resolve("out.pcap");
        final PcapNicContext context = new PcapNicContext().readPath(in).writePath(out).pacing(PcapPacing.MAX)
            .clock(PcapClock.WALL);

        try (CountersFile counters = CountersFile.create(directory.resolve("echo-counters"), 64);
            PcapNicPort port = PcapNicPort.open("echo", context, counters, clock))
        {
            final TxQueue tx = port.txQueue(0);
            final PcapRxQueue rx = port.pcapRxQueue();
            while (!rx.isEndOfCapture())
            {
                rx.poll((buffer, offset, length, rxTimestampNs) ->
                {
                    assertTrue(tx.tryClaim(length, claim));
                    claim.buffer().putBytes(claim.offset(), buffer, offset, length);
                }, 8);
                tx.commit();
            }
            assertEquals(50, port.counters().value(NicCounter.RX_FRAMES));
            assertEquals(50, port.counters().value(NicCounter.TX_FRAMES));
        }

        final ReceivedFrames echoed = readBack(out);
        assertEquals(50, echoed.size());
        for (int i = 0; i < 50; i++)
        {
            assertArrayEquals(UdpFrames.frame(7, 8, UdpFrames.payload(i)), echoed.frames.get(i));
        }
    }

    @Test
    void rejectsWritingOverTheReadFileAndBadOptions()
    {
        final Path in = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 100, 1).write(directory.resolve("in"));

        assertThrows(IllegalArgumentException.class, () -> ports.open(in, in));
        assertThrows(IllegalArgumentException.class, () -> ports.open(null, null, PcapPacing.MAX, clock,
            new PcapPortOptions().snaplen(0)));
        assertThrows(IllegalArgumentException.class, () -> ports.open(null, null, PcapPacing.MAX, clock,
            new PcapPortOptions().snaplen(2000).writeBufferBytes(2000)));
        assertThrows(CaptureFileException.class, () -> ports.open(null, directory.resolve("no/such/dir/out.pcap")));
    }

    private void send(final TxQueue tx, final byte[] frame)
    {
        assertTrue(tx.tryClaim(frame.length, claim));
        claim.buffer().putBytes(claim.offset(), frame);
    }

    private static void fill(final FrameClaim claim, final byte value, final int length)
    {
        claim.buffer().setMemory(claim.offset(), length, value);
    }

    private static byte[] filled(final byte value, final int length)
    {
        final byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private ReceivedFrames readBack(final Path file)
    {
        final PcapNicPort reader = ports.open(file, null);
        final ReceivedFrames received = new ReceivedFrames().drain(reader.pcapRxQueue());
        assertEquals(0, reader.counters().value(NicCounter.CAPTURE_ERRORS), reader.pcapRxQueue().lastError());
        return received;
    }
}
