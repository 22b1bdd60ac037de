package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.NicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapBadInputTest
{
    private static final byte[] FRAME = UdpFrames.frame(1000, 2000, UdpFrames.payload(7));

    @TempDir
    Path directory;

    private TestPorts ports;
    private PcapNicPort port;
    private final List<String> handled = new ArrayList<>();

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
    void badMagicFailsAtOpenNamingFileAndOffset()
    {
        final byte[] bytes = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 65_535, 1).toByteArray();
        bytes[0] = 0x12;
        final Path file = new CaptureBuilder.Raw(bytes).write(directory.resolve("magic.pcap"));

        final CaptureFileException ex = assertThrows(CaptureFileException.class, () -> ports.open(file, null));

        assertTrue(ex.getMessage().startsWith(file + ": file offset 0: bad magic a1b23c12"), ex.getMessage());
    }

    @Test
    void shortFilesFailAtOpen()
    {
        final Path empty = new CaptureBuilder.Raw(new byte[0]).write(directory.resolve("empty.pcap"));
        final Path halfHeader = new CaptureBuilder.Raw(
            CaptureBuilder.pcap(ByteOrder.BIG_ENDIAN, false, 65_535, 1).toByteArray(), 20)
            .write(directory.resolve("half.pcap"));

        assertTrue(assertThrows(CaptureFileException.class, () -> ports.open(empty, null)).getMessage()
            .contains("file is 0 bytes long, too short for a capture"));
        assertTrue(assertThrows(CaptureFileException.class, () -> ports.open(halfHeader, null)).getMessage()
            .contains("file is 20 bytes long, shorter than the 24-byte pcap file header"));
    }

    @Test
    void classicCaptureOfAnUnsupportedLinkTypeFailsAtOpenNamingIt()
    {
        final Path file = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false, 65_535, 105)
            .record(1, 1, FRAME).write(directory.resolve("wifi.pcap"));

        final CaptureFileException ex = assertThrows(CaptureFileException.class, () -> ports.open(file, null));

        assertEquals(file + ": file offset 20: link type 105 (LINKTYPE_IEEE802_11): only LINKTYPE_ETHERNET (1), " +
            "LINKTYPE_LINUX_SLL (113) and LINKTYPE_LINUX_SLL2 (276) are supported", ex.getMessage());
    }

    @Test
    void badPcapngByteOrderMagicFailsAtOpen()
    {
        final byte[] bytes = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN).toByteArray();
        bytes[8] = 0;
        final Path file = new CaptureBuilder.Raw(bytes).write(directory.resolve("bom.pcapng"));

        final CaptureFileException ex = assertThrows(CaptureFileException.class, () -> ports.open(file, null));

        assertTrue(ex.getMessage().contains("file offset 8: pcapng byte-order magic"), ex.getMessage());
    }

    @Test
    void truncatedRecordHeaderEndsTheCaptureWithItsOffset()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 65_535, 1)
            .record(1, 0, FRAME).record(2, 0, FRAME);
        final long offset = capture.size();
        capture.raw(new byte[10]);

        final ReceivedFrames received = read(capture);

        assertEquals(2, received.size());
        assertProblem(NicCounter.CAPTURE_TRUNCATED_HEADER, CaptureProblem.TRUNCATED_HEADER, offset,
            "record header truncated: 10 bytes left in the file, 16 needed; reading stops");
        assertEquals(0, port.pcapRxQueue().poll(received, 10));
        assertEquals(1, port.counters().value(NicCounter.CAPTURE_ERRORS));
    }

    @Test
    void truncatedRecordBodyEndsTheCaptureWithItsOffset()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.BIG_ENDIAN, false, 65_535, 1).record(1, 0, FRAME);
        final long offset = capture.size();
        capture.record(2, 0, FRAME.length, FRAME.length, new byte[FRAME.length - 5]);

        final ReceivedFrames received = read(capture);

        assertEquals(1, received.size());
        assertProblem(NicCounter.CAPTURE_TRUNCATED_BODY, CaptureProblem.TRUNCATED_BODY, offset,
            "record of " + (16 + FRAME.length) + " bytes runs past the end of the file (" + (11 + FRAME.length) +
            " bytes left); reading stops");
    }

    @Test
    void recordLongerThanSnaplenIsSkippedAndReadingGoesOn()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 60, 1)
            .record(1, 0, new byte[60]);
        final long offset = capture.size();
        capture.record(2, 0, new byte[61]).record(3, 0, new byte[59]);

        final ReceivedFrames received = read(capture);

        assertEquals(2, received.size());
        assertEquals(59, received.frames.get(1).length);
        assertProblem(NicCounter.CAPTURE_RECORD_TOO_LONG, CaptureProblem.LONGER_THAN_SNAPLEN, offset,
            "captured length 61 exceeds the snaplen 60; record skipped");
    }

    @Test
    void recordLengthBeyondTheFileEndsTheCapture()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 0, 1).record(1, 0, FRAME);
        final long offset = capture.size();
        capture.record(2, 0, 0x7FFF_FFF0, 0x7FFF_FFF0, FRAME);

        final ReceivedFrames received = read(capture);

        assertEquals(1, received.size());
        assertProblem(NicCounter.CAPTURE_TRUNCATED_BODY, CaptureProblem.TRUNCATED_BODY, offset,
            "record of " + (16L + 0x7FFF_FFF0) + " bytes runs past the end of the file");
    }

    @Test
    void recordLargerThanTheReadBufferIsSkippedAndReadingGoesOn()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 65_535, 1)
            .record(1, 0, FRAME);
        final long offset = capture.size();
        capture.record(2, 0, new byte[5000]).record(3, 0, FRAME);

        final ReceivedFrames received = read(capture, 1024);

        assertEquals(2, received.size());
        assertArrayEquals(FRAME, received.frames.get(1));
        assertProblem(NicCounter.CAPTURE_RECORD_TOO_LONG, CaptureProblem.LARGER_THAN_BUFFER, offset,
            "record of 5016 bytes exceeds the 1024-byte read buffer; record skipped");
    }

    @Test
    void pcapngBlockLengthNotAMultipleOfFourEndsTheCapture()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1)
            .enhancedPacket(0, 1, FRAME);
        final long offset = capture.size();
        capture.rawBlock(0x0BAD, 30, new byte[18], 30).enhancedPacket(0, 2, FRAME);

        final ReceivedFrames received = read(capture);

        assertEquals(1, received.size());
        assertProblem(NicCounter.CAPTURE_BAD_BLOCK, CaptureProblem.BAD_BLOCK_LENGTH, offset,
            "pcapng block length 30 is invalid (must be a multiple of 4 and at least 12); reading stops");
    }

    @Test
    void pcapngPacketBlockShorterThanItsTypeEndsTheCapture()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.BIG_ENDIAN).interfaceDescription(1);
        final long offset = capture.size();
        capture.rawBlock(PcapFormat.BLOCK_ENHANCED_PACKET, 16, new byte[4], 16);

        read(capture);

        assertProblem(NicCounter.CAPTURE_BAD_BLOCK, CaptureProblem.BAD_BLOCK_LENGTH, offset,
            "pcapng block length 16 is invalid (must be a multiple of 4 and at least 32)");
    }

    @Test
    void pcapngTrailingLengthMismatchEndsTheCapture()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1);
        final long offset = capture.size();
        capture.rawBlock(0x0BAD, 20, new byte[8], 24).enhancedPacket(0, 2, FRAME);

        final ReceivedFrames received = read(capture);

        assertEquals(0, received.size());
        assertProblem(NicCounter.CAPTURE_BAD_BLOCK, CaptureProblem.BLOCK_LENGTH_MISMATCH, offset,
            "pcapng block length 20 at its start but 24 at its end; reading stops");
    }

    @Test
    void pcapngBlockPastTheEndOfTheFileEndsTheCapture()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1)
            .enhancedPacket(0, 1, FRAME);
        final long offset = capture.size();
        capture.rawInt(PcapFormat.BLOCK_ENHANCED_PACKET).rawInt(400).raw(new byte[100]);

        final ReceivedFrames received = read(capture);

        assertEquals(1, received.size());
        assertProblem(NicCounter.CAPTURE_TRUNCATED_BODY, CaptureProblem.TRUNCATED_BODY, offset,
            "record of 400 bytes runs past the end of the file (108 bytes left); reading stops");
    }

    @Test
    void packetsOnAnInterfaceOfAnUnsupportedLinkTypeAreSkippedNamingIt()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(1).interfaceDescription(105).enhancedPacket(0, 1, FRAME);
        final long offset = capture.size();
        capture.enhancedPacket(1, 2, FRAME).enhancedPacket(0, 3, FRAME);

        final ReceivedFrames received = read(capture);

        assertEquals(2, received.size());
        assertProblem(NicCounter.CAPTURE_UNSUPPORTED_LINK_TYPE, CaptureProblem.UNSUPPORTED_LINK_TYPE, offset,
            "packet on link type 105 (LINKTYPE_IEEE802_11); only LINKTYPE_ETHERNET (1), LINKTYPE_LINUX_SLL (113) " +
            "and LINKTYPE_LINUX_SLL2 (276) are supported; packet skipped");
        assertTrue(port.pcapRxQueue().isEndOfCapture());
    }

    @Test
    void packetsOnAnUndescribedInterfaceAreSkipped()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.BIG_ENDIAN).interfaceDescription(1);
        final long offset = capture.size();
        capture.enhancedPacket(3, 2, FRAME).enhancedPacket(0, 3, FRAME);

        final ReceivedFrames received = read(capture);

        assertEquals(1, received.size());
        assertProblem(NicCounter.CAPTURE_UNKNOWN_INTERFACE, CaptureProblem.UNKNOWN_INTERFACE, offset,
            "packet names interface 3 but the section describes 1 interfaces; packet skipped");
    }

    @Test
    void capturedLengthBeyondItsBlockIsSkipped()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1);
        final long offset = capture.size();
        capture.enhancedPacket(0, 2, 200, 200, FRAME).enhancedPacket(0, 3, FRAME);

        final ReceivedFrames received = read(capture);

        assertEquals(1, received.size());
        assertProblem(NicCounter.CAPTURE_BAD_BLOCK, CaptureProblem.PACKET_EXCEEDS_BLOCK, offset,
            "pcapng packet block's captured length 200 does not fit the " + ((FRAME.length + 3) & ~3) +
            " bytes of its block; block skipped");
    }

    @Test
    void framesCutBySnaplenAreCountedNamedAndNeverHandedOverAsIfWhole()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 40, 1)
            .record(1, 0, 40, FRAME.length, Arrays.copyOf(FRAME, 40))
            .record(1, 1, 40, 40, Arrays.copyOf(FRAME, 40))
            .record(1, 2, 40, FRAME.length, Arrays.copyOf(FRAME, 40));

        final ReceivedFrames received = read(capture);

        assertEquals(1, received.size(), "only the whole frame");
        assertArrayEquals(Arrays.copyOf(FRAME, 40), received.frames.get(0));
        assertEquals(2, port.counters().value(NicCounter.CAPTURE_FRAME_CUT));
        assertEquals(1, port.counters().value(NicCounter.RX_FRAMES));
        assertEquals(0, port.counters().value(NicCounter.CAPTURE_ERRORS));
        final String line = port.pcapRxQueue().file() +
            ": 2 frames cut short by the capture's snap length of 40 bytes; their packets were not decoded";
        assertEquals(List.of(line), port.problemLines());
        assertTrue(port.summary().contains(line), port.summary());
    }

    @Test
    void framesRecordedOutOfOrderAreHandedOverInFileOrderCountedAndNamed()
    {
        final CaptureBuilder capture = CaptureBuilder.pcap(ByteOrder.LITTLE_ENDIAN, true, 65_535, 1)
            .record(1, 500, FRAME).record(1, 100, FRAME).record(1, 900, FRAME).record(1, 200, FRAME);

        final ReceivedFrames received = read(capture);

        assertEquals(4, received.size());
        assertEquals(2, port.counters().value(NicCounter.CAPTURE_TIME_BACKWARDS));
        final String line = port.pcapRxQueue().file() + ": 2 frames recorded earlier than a frame before them in " +
            "the file (out-of-order timestamps); replayed in file order, each at once";
        assertEquals(List.of(line), port.problemLines());
        assertTrue(port.summary().contains(line), port.summary());
    }

    private ReceivedFrames read(final CaptureBuilder capture)
    {
        return read(capture, PcapPortOptions.READ_BUFFER_BYTES_DEFAULT);
    }

    private ReceivedFrames read(final CaptureBuilder capture, final int readBufferBytes)
    {
        final Path file = capture.write(directory.resolve("bad.pcap"));
        port = ports.open(file, null, PcapPacing.MAX, new ManualEpochNanoClock(0), new PcapPortOptions()
            .readBufferBytes(readBufferBytes)
            .errorHandler((path, problem, fileOffset, value, limit) ->
                handled.add(problem.describe(path, fileOffset, value, limit))));
        return new ReceivedFrames().drain(port.pcapRxQueue());
    }

    private void assertProblem(
        final NicCounter counter, final CaptureProblem problem, final long fileOffset, final String detail)
    {
        final PcapRxQueue rx = port.pcapRxQueue();
        assertEquals(1, port.counters().value(NicCounter.CAPTURE_ERRORS), rx.lastError());
        assertEquals(1, port.counters().value(counter));
        assertEquals(problem, rx.lastProblem());
        assertEquals(fileOffset, rx.lastProblemFileOffset());
        final String prefix = rx.file() + ": file offset " + fileOffset + ": ";
        assertTrue(rx.lastError().startsWith(prefix + detail), rx.lastError());
        assertEquals(List.of(rx.lastError()), handled);
    }
}
