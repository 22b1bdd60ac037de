package io.wirespeed.nic.pcap;

import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.status.CountersFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tools' view of a capture: frames of every link type with their link type, interface, original length.
 */
class CaptureFramesTest
{
    private static final int LINKTYPE_IEEE802_11 = 105;
    private static final int LINKTYPE_RAW = 101;

    @TempDir
    Path directory;

    private CountersFile countersFile;
    private NicCounters counters;

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(directory.resolve("counters"), 64);
        counters = new NicCounters(countersFile, "capture");
    }

    @AfterEach
    void tearDown()
    {
        counters.close();
        countersFile.close();
    }

    @Test
    void deliversAClassicPcapOfAnotherLinkTypeThatTheRxQueueRefuses()
    {
        final byte[] frame = {1, 2, 3, 4, 5, 6, 7, 8};
        final Path file = CaptureBuilder.pcap(ByteOrder.BIG_ENDIAN, true, 65_535, LINKTYPE_IEEE802_11)
            .record(1, 5, frame.length, 100, frame)
            .write(directory.resolve("wifi.pcap"));

        try (CaptureFrames frames = CaptureFrames.open(file, counters, null, 64 * 1024))
        {
            assertTrue(frames.formatName().startsWith("pcap (nanoseconds, big-endian, link type 105"),
                frames.formatName());
            assertTrue(frames.next());
            assertEquals(LINKTYPE_IEEE802_11, frames.linkType());
            assertEquals(frame.length, frames.frameLength());
            assertEquals(100, frames.originalFrameLength());
            assertEquals(1_000_000_005L, frames.timestampNs());
            assertEquals(1, frames.frameNumber());
            assertEquals(frame[7], frames.buffer().getByte(frames.frameOffset() + 7));
            assertFalse(frames.next());
        }
        assertEquals(1, counters.value(NicCounter.CAPTURE_FRAME_CUT));

        final PcapPortOptions options = new PcapPortOptions();
        assertThrows(CaptureFileException.class, () -> CaptureReader.open(
            new CaptureProblems(file, counters, null), options.readBufferBytes()));
    }

    @Test
    void deliversEveryInterfaceOfAPcapngWithItsOwnLinkType()
    {
        final byte[] ethernet = new byte[60];
        final byte[] raw = {0x45, 0, 0, 20};
        final Path file = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN)
            .interfaceDescription(PcapFormat.LINKTYPE_ETHERNET)
            .interfaceDescription(LINKTYPE_RAW)
            .enhancedPacket(1, 7L, raw)
            .enhancedPacket(0, 8L, ethernet)
            .write(directory.resolve("two.pcapng"));

        try (CaptureFrames frames = CaptureFrames.open(file, counters, null, 64 * 1024))
        {
            assertEquals("pcapng (little-endian)", frames.formatName());
            assertTrue(frames.next());
            assertEquals(LINKTYPE_RAW, frames.linkType());
            assertEquals(1, frames.interfaceId());
            assertEquals(raw.length, frames.frameLength());
            assertEquals(7_000L, frames.timestampNs());
            assertTrue(frames.next());
            assertEquals(PcapFormat.LINKTYPE_ETHERNET, frames.linkType());
            assertEquals(0, frames.interfaceId());
            assertEquals(60, frames.originalFrameLength());
            assertFalse(frames.next());
            assertEquals(null, frames.lastError());
        }
        assertEquals(0, counters.value(NicCounter.CAPTURE_UNSUPPORTED_LINK_TYPE));
    }
}
