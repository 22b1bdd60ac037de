package io.wirespeed.nic.tap;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.FrameTestSupport;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.UdpFrameEncoder;
import io.wirespeed.nic.kernel.KernelNicOptions;
import io.wirespeed.nic.kernel.KernelNicPort;
import io.wirespeed.nic.kernel.KernelSubscription;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The taps on the kernel backend over loopback: the frames the TX queue committed are journaled as built, and the
 * frames the kernel delivered back are journaled as handed over, each with its own rx timestamp; always runs.
 */
@Timeout(30)
class TappedKernelPortTest
{
    private static final int LOCALHOST = Ipv4Address.parse("127.0.0.1");
    private static final int PORT_INDEX = 5;

    @TempDir
    Path dir;

    private final AtomicLong rxClock = new AtomicLong(1_000_000L);
    private final ManualEpochNanoClock txClock = new ManualEpochNanoClock(42_000L);
    private CountersFile counters;
    private TapRing rxRing;
    private TapRing txRing;
    private NicPort port;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(port, rxRing, txRing, counters);
    }

    @Test
    void framesSentToItselfOverLoopbackAreJournaledOutAsBuiltAndInAsDelivered()
    {
        counters = CountersFile.create(dir.resolve("counters"), 16);
        final AtomicCounter lost = counters.newCounter(1, "tap: records lost");
        rxRing = TapRing.create(dir.resolve("rx-tap"), TapRing.CAPACITY_MIN);
        txRing = TapRing.create(dir.resolve("tx-tap"), TapRing.CAPACITY_MIN);
        final KernelNicPort kernel = KernelNicPort.open(
            "lo", new KernelNicOptions(), FrameTestSupport.newAllocator(), rxClock::incrementAndGet);
        port = new TappedNicPort(kernel, PORT_INDEX, new JournalTap(rxRing, lost), new JournalTap(txRing, lost),
            txClock);
        final KernelSubscription subscription = kernel.subscribeUnicast(LOCALHOST, 0);
        final UdpFrameEncoder encoder = new UdpFrameEncoder()
            .source(0x0200_0000_0001L, LOCALHOST, 1234)
            .destination(0, LOCALHOST, subscription.port());

        final TxQueue tx = port.txQueue(0);
        final FrameClaim claim = new FrameClaim();
        final List<byte[]> built = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final byte[] payload = ("tapped frame " + i).getBytes(StandardCharsets.US_ASCII);
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[encoder.frameLength(payload.length)]);
            frame.putBytes(encoder.headerLength(), payload);
            encoder.encode(frame, 0, payload.length);
            built.add(frame.byteArray());
            assertTrue(tx.tryClaim(frame.capacity(), claim));
            claim.buffer().putBytes(claim.offset(), frame, 0, frame.capacity());
        }
        assertEquals(3, tx.commit());

        final List<byte[]> delivered = new ArrayList<>();
        final List<Long> rxTimestamps = new ArrayList<>();
        final FrameHandler handler = (buffer, offset, length, rxTimestampNs) ->
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            delivered.add(bytes);
            rxTimestamps.add(rxTimestampNs);
        };
        final RxQueue rx = port.rxQueue(0);
        while (delivered.size() < 3)
        {
            rx.poll(handler, 3);
        }

        final List<TapRecords.Record> out = TapRecords.drain(txRing);
        final List<TapRecords.Record> in = TapRecords.drain(rxRing);
        assertEquals(3, out.size());
        assertEquals(3, in.size());
        for (int i = 0; i < 3; i++)
        {
            assertEquals(JournalStream.RAW_FRAME_OUT, out.get(i).stream());
            assertEquals(PORT_INDEX << 8, out.get(i).sourceId());
            assertEquals(42_000L, out.get(i).timestampNs());
            assertArrayEquals(built.get(i), out.get(i).payload());

            assertEquals(JournalStream.RAW_FRAME_IN, in.get(i).stream());
            assertEquals(PORT_INDEX << 8, in.get(i).sourceId());
            assertEquals((long)rxTimestamps.get(i), in.get(i).timestampNs());
            assertArrayEquals(delivered.get(i), in.get(i).payload());
            final byte[] payload = ("tapped frame " + i).getBytes(StandardCharsets.US_ASCII);
            final byte[] frame = in.get(i).payload();
            assertArrayEquals(payload, Arrays.copyOfRange(frame, frame.length - payload.length, frame.length),
                "the kernel carried the payload sent");
        }
        assertEquals(0, lost.get());
    }
}
