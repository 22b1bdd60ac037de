package io.wirespeed.nic.pcap;

import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.config.PcapPacing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapPacedRxTest
{
    private static final long RECORDED_T0_NS = 1_600_000_000_000_000_000L;
    private static final long REPLAY_START_NS = 1_700_000_000_000_000_000L;
    private static final long[] OFFSETS_NS = {0, 10, 10, 1_000, 1_000_000_000L, 1_000_000_007L};

    @TempDir
    Path directory;

    private TestPorts ports;
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(REPLAY_START_NS);

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
    void releasesEachFrameExactlyWhenItFallsDueWithItsRecordedTimestamp()
    {
        final PcapRxQueue rx = open(PcapRxTimestamps.RECORDED);
        final ReceivedFrames received = new ReceivedFrames();

        int i = 0;
        while (i < OFFSETS_NS.length)
        {
            int dueTogether = 1;
            while (i + dueTogether < OFFSETS_NS.length && OFFSETS_NS[i + dueTogether] == OFFSETS_NS[i])
            {
                dueTogether++;
            }
            final long dueNs = REPLAY_START_NS + OFFSETS_NS[i];
            if (i > 0)
            {
                clock.set(dueNs - 1);
                assertEquals(0, rx.poll(received, 100), "frame " + i + " is not released 1 ns before it is due");
            }
            clock.set(dueNs);
            assertEquals(dueTogether, rx.poll(received, 100), "frame " + i + " is released when due");
            i += dueTogether;
        }

        assertEquals(REPLAY_START_NS, rx.startNs());
        assertEquals(OFFSETS_NS.length, received.size());
        for (int frame = 0; frame < OFFSETS_NS.length; frame++)
        {
            assertEquals(RECORDED_T0_NS + OFFSETS_NS[frame], received.timestampsNs.get(frame));
        }
        assertTrue(rx.isEndOfCapture());
    }

    @Test
    void framesDueTogetherComeInOnePollUpToTheLimit()
    {
        final PcapRxQueue rx = open(PcapRxTimestamps.RECORDED);
        final ReceivedFrames received = new ReceivedFrames();

        assertEquals(1, rx.poll(received, 100));
        clock.advance(9);
        assertEquals(0, rx.poll(received, 100));
        clock.advance(1);
        assertEquals(1, rx.poll(received, 1));
        assertEquals(1, rx.poll(received, 1));
        assertEquals(0, rx.poll(received, 1));
        clock.advance(2_000_000_000L);
        assertEquals(3, rx.poll(received, 100));
        assertTrue(rx.isEndOfCapture());
    }

    @Test
    void startsAtTheFirstPollThatFindsAFrame()
    {
        final PcapRxQueue rx = open(PcapRxTimestamps.REPLAY);
        final ReceivedFrames received = new ReceivedFrames();
        final long lateStartNs = REPLAY_START_NS + 5_000_000_000L;

        clock.set(lateStartNs);
        assertEquals(1, rx.poll(received, 100));
        clock.set(lateStartNs + 999);
        assertEquals(2, rx.poll(received, 100));
        assertFalse(rx.isEndOfCapture());
        clock.set(lateStartNs + 1_000);

        assertEquals(1, rx.poll(received, 100));
        assertEquals(lateStartNs, rx.startNs());
        assertEquals(List.of(lateStartNs, lateStartNs + 10, lateStartNs + 10, lateStartNs + 1_000),
            received.timestampsNs);
    }

    @Test
    void replayTimestampsAsFastAsPossibleAreTheClockAtPoll()
    {
        final Path file = capture();
        final PcapRxQueue rx = ports.open(file, null, PcapPacing.MAX, clock,
            new PcapPortOptions().rxTimestamps(PcapRxTimestamps.REPLAY)).pcapRxQueue();
        final ReceivedFrames received = new ReceivedFrames();

        assertEquals(4, rx.poll(received, 4));
        clock.advance(3);
        assertEquals(2, rx.poll(received, 4));

        assertEquals(List.of(REPLAY_START_NS, REPLAY_START_NS, REPLAY_START_NS, REPLAY_START_NS,
            REPLAY_START_NS + 3, REPLAY_START_NS + 3), received.timestampsNs);
    }

    private PcapRxQueue open(final PcapRxTimestamps timestamps)
    {
        return ports.open(capture(), null, PcapPacing.RECORDED, clock,
            new PcapPortOptions().rxTimestamps(timestamps)).pcapRxQueue();
    }

    private Path capture()
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN);
        capture.interfaceDescription(1, 0, capture.options(PcapFormat.OPTION_IF_TSRESOL, new byte[]{9}));
        for (int i = 0; i < OFFSETS_NS.length; i++)
        {
            capture.enhancedPacket(0, RECORDED_T0_NS + OFFSETS_NS[i], UdpFrames.frame(1, 2, UdpFrames.payload(i)));
        }
        return capture.write(directory.resolve("paced.pcapng"));
    }
}
