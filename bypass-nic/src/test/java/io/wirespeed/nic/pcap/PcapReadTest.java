package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapReadTest
{
    private static final long EPOCH_SECONDS = 1_700_000_000L;

    @TempDir
    Path directory;

    private TestPorts ports;
    private PcapNicPort lastPort;

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

    @ParameterizedTest
    @CsvSource({"LITTLE_ENDIAN, false", "LITTLE_ENDIAN, true", "BIG_ENDIAN, false", "BIG_ENDIAN, true"})
    void readsClassicPcapInEitherByteOrderAndResolution(final String byteOrder, final boolean nanos)
    {
        final ByteOrder order = "BIG_ENDIAN".equals(byteOrder) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final long fractionNs = nanos ? 1L : 1_000L;
        final CaptureBuilder capture = CaptureBuilder.pcap(order, nanos, 65_535, PcapFormat.LINKTYPE_ETHERNET);
        for (int i = 0; i < 3; i++)
        {
            capture.record(EPOCH_SECONDS + i, 999_999 - i, UdpFrames.frame(1000, 2000 + i, UdpFrames.payload(i)));
        }

        final NicPort port = ports.open(capture.write(directory.resolve("in.pcap")), null);
        final PcapRxQueue rx = (PcapRxQueue)port.rxQueue(0);
        final ReceivedFrames received = new ReceivedFrames().drain(rx);

        assertEquals(3, received.size());
        long bytes = 0;
        for (int i = 0; i < 3; i++)
        {
            final byte[] expected = UdpFrames.frame(1000, 2000 + i, UdpFrames.payload(i));
            assertArrayEquals(expected, received.frames.get(i));
            assertEquals((EPOCH_SECONDS + i) * 1_000_000_000L + (999_999 - i) * fractionNs,
                received.timestampsNs.get(i));
            bytes += expected.length;
        }
        assertEquals(3, port.counters().value(NicCounter.RX_FRAMES));
        assertEquals(bytes, port.counters().value(NicCounter.RX_BYTES));
        assertEquals(0, port.counters().value(NicCounter.CAPTURE_ERRORS));
        assertNull(rx.lastError());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void readsPcapngInEitherByteOrder(final String byteOrder)
    {
        final ByteOrder order = "BIG_ENDIAN".equals(byteOrder) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final CaptureBuilder capture = CaptureBuilder.pcapng(order).interfaceDescription(PcapFormat.LINKTYPE_ETHERNET);
        for (int i = 0; i < 5; i++)
        {
            capture.enhancedPacket(0, EPOCH_SECONDS * 1_000_000L + i, UdpFrames.frame(1, 2, UdpFrames.payload(i)));
        }

        final List<byte[]> frames = read(capture, 64 * 1024).frames;

        assertEquals(5, frames.size());
        for (int i = 0; i < 5; i++)
        {
            assertArrayEquals(UdpFrames.frame(1, 2, UdpFrames.payload(i)), frames.get(i));
        }
    }

    @Test
    void convertsEachInterfaceTimestampResolutionAndOffset()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN);
        capture
            .interfaceDescription(1)
            .interfaceDescription(1, 0, capture.options(PcapFormat.OPTION_IF_TSRESOL, new byte[]{9}))
            .interfaceDescription(1, 0, capture.options(PcapFormat.OPTION_IF_TSRESOL, new byte[]{3}))
            .interfaceDescription(1, 0, capture.options(PcapFormat.OPTION_IF_TSRESOL, new byte[]{(byte)0x94}))
            .interfaceDescription(1, 0, capture.options(PcapFormat.OPTION_IF_TSOFFSET, capture.longValue(100)))
            .interfaceDescription(1, 0, capture.options(PcapFormat.OPTION_IF_TSRESOL, new byte[]{12}));
        final byte[] frame = UdpFrames.frame(1, 2, UdpFrames.payload(1));
        capture
            .enhancedPacket(0, 1_700_000_000_123_456L, frame)
            .enhancedPacket(1, 1_700_000_000_123_456_789L, frame)
            .enhancedPacket(2, 1_700_000_000_123L, frame)
            .enhancedPacket(3, (EPOCH_SECONDS << 20) | (1 << 19), frame)
            .enhancedPacket(4, 5_000_000L, frame)
            .enhancedPacket(5, 5_123_456_789L, frame);

        final List<Long> timestamps = read(capture, 64 * 1024).timestampsNs;

        assertEquals(List.of(
            1_700_000_000_123_456_000L,
            1_700_000_000_123_456_789L,
            1_700_000_000_123_000_000L,
            EPOCH_SECONDS * 1_000_000_000L + 500_000_000L,
            105_000_000_000L,
            5_123_456L), timestamps);
    }

    @Test
    void simplePacketTakesThePreviousFramesTimestampOrZero()
    {
        final byte[] frame = UdpFrames.frame(1, 2, UdpFrames.payload(3));
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(1)
            .simplePacket(frame)
            .enhancedPacket(0, 42L, frame)
            .simplePacket(frame)
            .obsoletePacket(0, 43L, frame);

        final ReceivedFrames received = read(capture, 64 * 1024);

        assertEquals(List.of(0L, 42_000L, 42_000L, 43_000L), received.timestampsNs);
        for (final byte[] bytes : received.frames)
        {
            assertArrayEquals(frame, bytes);
        }
    }

    @Test
    void skipsOtherBlocksCleanlyAndCountsThem()
    {
        final byte[] frame = UdpFrames.frame(1, 2, UdpFrames.payload(5));
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN)
            .otherBlock(4, 20)
            .interfaceDescription(1)
            .enhancedPacket(0, 1L, frame)
            .otherBlock(5, 24)
            .otherBlock(0x40000BAD, 7)
            .enhancedPacket(0, 2L, frame);

        final ReceivedFrames received = read(capture, 64 * 1024);

        assertEquals(2, received.size());
        assertEquals(3, lastPort.counters().value(NicCounter.CAPTURE_BLOCKS_SKIPPED));
    }

    @Test
    void readsSeveralSectionsAndInterfacesInFileOrder()
    {
        final byte[] first = UdpFrames.frame(1, 1, UdpFrames.payload(1));
        final byte[] second = UdpFrames.frame(2, 2, UdpFrames.payload(2));
        final byte[] third = UdpFrames.frame(3, 3, UdpFrames.payload(3));
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(1)
            .interfaceDescription(1)
            .enhancedPacket(1, 10L, first)
            .enhancedPacket(0, 11L, second)
            .sectionHeader(ByteOrder.BIG_ENDIAN)
            .interfaceDescription(1)
            .enhancedPacket(0, 12L, third);

        final ReceivedFrames received = read(capture, 64 * 1024);

        assertEquals(3, received.size());
        assertArrayEquals(first, received.frames.get(0));
        assertArrayEquals(second, received.frames.get(1));
        assertArrayEquals(third, received.frames.get(2));
        assertEquals(List.of(10_000L, 11_000L, 12_000L), received.timestampsNs);
    }

    @Test
    void stripsTheFcsWhenTheFileDeclaresOne()
    {
        final byte[] frame = UdpFrames.frame(1, 2, UdpFrames.payload(9));
        final byte[] withFcs = new byte[frame.length + 4];
        System.arraycopy(frame, 0, withFcs, 0, frame.length);
        final int networkWithFcs = (2 << 28) | 0x0400_0000 | PcapFormat.LINKTYPE_ETHERNET;
        final CaptureBuilder classic = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 65_535, networkWithFcs)
            .record(1, 2, withFcs);
        final CaptureBuilder next = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN);
        next.interfaceDescription(1, 0, next.options(PcapFormat.OPTION_IF_FCSLEN, new byte[]{4}))
            .enhancedPacket(0, 1L, withFcs);

        assertArrayEquals(frame, read(classic, 64 * 1024).frames.get(0));
        assertArrayEquals(frame, read(next, 64 * 1024).frames.get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {72, 100, 257, 1024})
    void readsEveryFrameThroughASmallReadBuffer(final int readBufferBytes)
    {
        final CaptureBuilder classic = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 65_535, 1);
        final CaptureBuilder next = CaptureBuilder.pcapng(ByteOrder.BIG_ENDIAN).interfaceDescription(1);
        final List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++)
        {
            final byte[] frame = new byte[1 + (i * 13) % 40];
            for (int b = 0; b < frame.length; b++)
            {
                frame[b] = (byte)(i + b);
            }
            classic.record(i, i, frame);
            next.enhancedPacket(0, i, frame);
            expected.add(frame);
        }

        final ReceivedFrames fromClassic = read(classic, readBufferBytes);
        final ReceivedFrames fromNext = read(next, readBufferBytes);

        assertEquals(expected.size(), fromClassic.size());
        assertEquals(expected.size(), fromNext.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(expected.get(i), fromClassic.frames.get(i));
            assertArrayEquals(expected.get(i), fromNext.frames.get(i));
            assertEquals(i * 1_000_000_000L + i, fromClassic.timestampsNs.get(i));
            assertEquals(i * 1_000L, fromNext.timestampsNs.get(i));
        }
    }

    @Test
    void pollHandsOverAtMostTheLimitAndEndsTheCapture()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false, 65_535, 1);
        for (int i = 0; i < 5; i++)
        {
            capture.record(i, 0, UdpFrames.frame(1, 2, UdpFrames.payload(i)));
        }
        final PcapRxQueue rx = ports.open(capture.write(directory.resolve("in.pcap")), null).pcapRxQueue();
        final ReceivedFrames received = new ReceivedFrames();

        assertEquals(2, rx.poll(received, 2));
        assertEquals(2, rx.poll(received, 2));
        assertEquals(1, rx.poll(received, 2));
        assertTrue(rx.isEndOfCapture());
        assertEquals(0, rx.poll(received, 2));
        assertEquals(5, received.size());
    }

    @Test
    void convertsPowerOfTenAndPowerOfTwoResolutions()
    {
        assertEquals(1_500_000_000L, PcapFormat.unitsToNanos(1_500_000L, 6));
        assertEquals(7L, PcapFormat.unitsToNanos(7L, 9));
        assertEquals(7L, PcapFormat.unitsToNanos(7_999L, 12));
        assertEquals(3_000_000_000L, PcapFormat.unitsToNanos(3L, 0));
        assertEquals(3_000_000_000L, PcapFormat.unitsToNanos(3L, 0x80));
        assertEquals(2_250_000_000L, PcapFormat.unitsToNanos(9L, 0x82));
        assertEquals(1_000_000_000L + 999_999_999L, PcapFormat.unitsToNanos((1L << 32) | 0xFFFF_FFFFL, 0x80 | 32));
        assertEquals(EPOCH_SECONDS * 1_000_000_000L + 500_000_000L,
            PcapFormat.unitsToNanos((EPOCH_SECONDS << 30) | (1L << 29), 0x80 | 30));
    }

    private ReceivedFrames read(final CaptureBuilder capture, final int readBufferBytes)
    {
        final Path file = capture.write(directory.resolve("in-" + System.nanoTime() + ".pcap"));
        final PcapNicPort port = ports.open(file, null, PcapPacing.MAX, new ManualEpochNanoClock(0),
            new PcapPortOptions().readBufferBytes(readBufferBytes));
        final ReceivedFrames received = new ReceivedFrames().drain(port.pcapRxQueue());
        assertEquals(0, port.counters().value(NicCounter.CAPTURE_ERRORS), port.pcapRxQueue().lastError());
        lastPort = port;
        return received;
    }
}
