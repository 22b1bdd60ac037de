package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.AllocationMeter;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.ReplayClock;
import io.wirespeed.nic.TxQueue;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Allocation over 1,000,000 frames after a warm-up. A frame that allocated even one object would cost at least
 * 16 bytes a frame, 16 MB in all; what is allowed is a residue below 0.01 bytes a frame, which is what the JDK's own
 * FileChannel read/write allocates now and then (a few hundred bytes once in several hundred calls, seen with a
 * bare FileChannel loop too), never per frame. The exact figure is printed.
 */
class PcapAllocationTest
{
    private static final int FRAMES = 1_000_000;
    private static final long RESIDUE_BYTES = FRAMES / 100;
    private static final int WARM_UP_FRAMES = 200_000;
    private static final int BURST = 32;

    @TempDir
    Path directory;

    private TestPorts warmUpPorts;
    private TestPorts measuredPorts;
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_700_000_000_000_000_000L);
    private final FrameClaim claim = new FrameClaim();
    private final CountingHandler handler = new CountingHandler();

    @BeforeEach
    void setUp()
    {
        warmUpPorts = new TestPorts(directory);
        measuredPorts = new TestPorts(directory);
    }

    @AfterEach
    void tearDown()
    {
        warmUpPorts.close();
        measuredPorts.close();
    }

    @Test
    void txAndRxAsFastAsPossibleAllocateNothingPerFrame()
    {
        final Path warmUpFile = directory.resolve("warm-up.pcap");
        final Path measuredFile = directory.resolve("measured.pcap");
        final PcapNicPort warmUpTx = warmUpPorts.open(null, warmUpFile, PcapPacing.MAX, clock, new PcapPortOptions());
        final PcapNicPort measuredTx = measuredPorts.open(
            null, measuredFile, PcapPacing.MAX, clock, new PcapPortOptions());

        final long txAllocated = AllocationMeter.measure(
            () -> send(warmUpTx.txQueue(0), WARM_UP_FRAMES),
            () -> send(measuredTx.txQueue(0), FRAMES));
        assertEquals(FRAMES, measuredTx.counters().value(NicCounter.TX_FRAMES));
        System.out.println("pcap TX: " + txAllocated + " bytes allocated over " + FRAMES + " frames");
        assertTrue(txAllocated < RESIDUE_BYTES, txAllocated + " bytes allocated by TX over " + FRAMES + " frames");
        warmUpTx.close();
        measuredTx.close();

        assertRxAllocatesNothing(warmUpFile, measuredFile, PcapPacing.MAX);
    }

    @Test
    void pcapngRxAndPacedRxAllocateNothingPerFrame()
    {
        final Path warmUpFile = writePcapng(directory.resolve("warm-up.pcapng"), WARM_UP_FRAMES);
        final Path measuredFile = writePcapng(directory.resolve("measured.pcapng"), FRAMES);

        assertRxAllocatesNothing(warmUpFile, measuredFile, PcapPacing.MAX);
        assertRxAllocatesNothing(warmUpFile, measuredFile, PcapPacing.RECORDED);
    }

    @Test
    void mergedReplayOnTheCaptureClockAllocatesNothingPerFrame()
    {
        final PcapNicPort warmUp = replay(warmUpPorts, "warm-up", WARM_UP_FRAMES);
        final PcapNicPort measured = replay(measuredPorts, "measured", FRAMES);
        handler.frames = 0;

        final long allocated = AllocationMeter.measure(() -> receive(warmUp), () -> receive(measured));

        assertEquals(WARM_UP_FRAMES + FRAMES, handler.frames);
        assertEquals(FRAMES, measured.counters().value(NicCounter.RX_FRAMES));
        System.out.println("pcap RX merged on the capture clock: " + allocated + " bytes allocated over " + FRAMES +
            " frames");
        assertTrue(allocated < RESIDUE_BYTES, allocated + " bytes allocated by RX over " + FRAMES + " frames");
    }

    private PcapNicPort replay(final TestPorts ports, final String name, final int frames)
    {
        final Path a = writePcapng(directory.resolve(name + "-a.pcapng"), frames / 2, 0);
        final Path b = writePcapng(directory.resolve(name + "-b.pcapng"), frames / 2, 50);
        return ports.open(List.of(a, b), PcapPacing.MAX, PcapClock.CAPTURE, clock);
    }

    private void receive(final PcapNicPort port)
    {
        final PcapRxQueue rx = port.pcapRxQueue();
        final CaptureClock captureClock = port.captureClock();
        while (!rx.isEndOfCapture())
        {
            rx.poll(handler, BURST);
            captureClock.advance(ReplayClock.NO_DEADLINE);
        }
    }

    private void assertRxAllocatesNothing(final Path warmUpFile, final Path measuredFile, final PcapPacing pacing)
    {
        final PcapRxQueue warmUpRx = warmUpPorts.open(warmUpFile, null, pacing, clock, new PcapPortOptions())
            .pcapRxQueue();
        final PcapNicPort measured = measuredPorts.open(measuredFile, null, pacing, clock, new PcapPortOptions());
        final PcapRxQueue measuredRx = measured.pcapRxQueue();
        handler.frames = 0;

        final long rxAllocated = AllocationMeter.measure(() -> receive(warmUpRx), () -> receive(measuredRx));

        assertEquals(WARM_UP_FRAMES + FRAMES, handler.frames);
        assertEquals(FRAMES, measured.counters().value(NicCounter.RX_FRAMES));
        assertEquals(0, measured.counters().value(NicCounter.CAPTURE_ERRORS), measuredRx.lastError());
        System.out.println("pcap RX " + pacing + " " + measuredFile.getFileName() + ": " + rxAllocated +
            " bytes allocated over " + FRAMES + " frames");
        assertTrue(rxAllocated < RESIDUE_BYTES, rxAllocated + " bytes allocated by RX over " + FRAMES + " frames");
    }

    private void send(final TxQueue tx, final int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            final int length = 60 + (i & 63);
            tx.tryClaim(length, claim);
            claim.buffer().putInt(claim.offset(), i);
            claim.buffer().setMemory(claim.offset() + 4, length - 4, (byte)i);
            if (BURST - 1 == (i % BURST))
            {
                clock.advance(1_000);
                tx.commit();
            }
        }
        tx.commit();
    }

    private void receive(final PcapRxQueue rx)
    {
        while (!rx.isEndOfCapture())
        {
            clock.advance(1_000);
            rx.poll(handler, BURST);
        }
    }

    private static Path writePcapng(final Path file, final int frames)
    {
        return writePcapng(file, frames, 0);
    }

    private static Path writePcapng(final Path file, final int frames, final long offsetNs)
    {
        final CaptureBuilder header = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN);
        header.interfaceDescription(1, 0, header.options(PcapFormat.OPTION_IF_TSRESOL, new byte[]{9}));
        header.write(file);
        final byte[] frame = UdpFrames.frame(1000, 2000, UdpFrames.payload(17));
        final int chunk = 10_000;
        for (int start = 0; start < frames; start += chunk)
        {
            final CaptureBuilder blocks = CaptureBuilder.pcapngBlocks(ByteOrder.LITTLE_ENDIAN);
            for (int i = start; i < start + chunk; i++)
            {
                blocks.enhancedPacket(0, 1_700_000_000_000_000_000L + i * 100L + offsetNs, frame);
            }
            blocks.write(file, StandardOpenOption.APPEND);
        }
        return file;
    }

    private static final class CountingHandler implements FrameHandler
    {
        long frames;
        long checksum;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long rxTimestampNs)
        {
            frames++;
            checksum += buffer.getByte(offset + length - 1) + rxTimestampNs;
        }
    }
}
