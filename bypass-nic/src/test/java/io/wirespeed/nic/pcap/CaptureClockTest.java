package io.wirespeed.nic.pcap;

import io.wirespeed.config.PcapClock;
import io.wirespeed.config.PcapPacing;
import io.wirespeed.nic.ManualEpochNanoClock;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.ReplayClock;
import io.wirespeed.nic.status.CountersFile;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The captures' clock: it stands at the recorded time of the frames being delivered, moves to the next frame or an
 * earlier deadline only when advanced, never past a frame not yet delivered, and stands still after the last frame.
 */
class CaptureClockTest
{
    private static final long T0_NS = 1_600_000_000_000_000_000L;
    private static final long HOST_NS = 1_700_000_000_000_000_000L;

    @TempDir
    Path directory;

    private final ManualEpochNanoClock host = new ManualEpochNanoClock(HOST_NS);
    private CountersFile countersFile;
    private PcapNicPort port;

    @BeforeEach
    void setUp()
    {
        countersFile = CountersFile.create(directory.resolve("counters"), 128);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(port, countersFile);
    }

    @Test
    void standsAtTheFirstFrameThenAtEachFramesRecordedTimeAsItIsDelivered()
    {
        final CaptureClock clock = open(PcapPacing.MAX, capture("a.pcapng", 0, 10, 10, 25));
        final PcapRxQueue rx = port.pcapRxQueue();
        final ReceivedFrames received = new ReceivedFrames();

        assertSame(clock, port.timerClock());
        assertEquals(T0_NS, clock.nanoTime(), "before any poll the clock is at the first frame");
        assertEquals(1, rx.poll(received, 64), "only the frame recorded at the clock's instant");
        assertEquals(0, rx.poll(received, 64), "the next frame waits for the clock");
        assertEquals(T0_NS, clock.nanoTime());

        assertTrue(clock.advance(ReplayClock.NO_DEADLINE));
        assertEquals(T0_NS + 10, clock.nanoTime());
        assertEquals(1, rx.poll(received, 1), "frames recorded at one instant, up to the limit");
        assertEquals(1, rx.poll(received, 1), "the rest of the instant before the clock moves");
        assertEquals(0, rx.poll(received, 1));

        assertTrue(clock.advance(ReplayClock.NO_DEADLINE));
        assertEquals(T0_NS + 25, clock.nanoTime());
        assertEquals(1, rx.poll(received, 64));
        assertEquals(List.of(T0_NS, T0_NS + 10, T0_NS + 10, T0_NS + 25), received.timestampsNs,
            "rx timestamps are the recorded ones");

        assertTrue(port.isEndOfCapture(), "the poll that delivered the last frame found no more");
        assertTrue(clock.isEndOfRecording());
        assertFalse(clock.advance(ReplayClock.NO_DEADLINE), "after the last frame the clock stands still");
        assertFalse(clock.advance(T0_NS + 1_000_000_000L), "even with a deadline pending");
        assertEquals(T0_NS + 25, clock.nanoTime());
        assertEquals(4, port.counters().value(NicCounter.RX_FRAMES));
        assertEquals(T0_NS, port.counters().value(NicCounter.CAPTURE_FIRST_TIMESTAMP_NS));
        assertEquals(T0_NS + 25, port.counters().value(NicCounter.CAPTURE_LAST_TIMESTAMP_NS));
    }

    @Test
    void stopsAtADeadlineBeforeTheNextFrameAndNeverPassesAFrameNotYetDelivered()
    {
        final CaptureClock clock = open(PcapPacing.MAX, capture("a.pcapng", 0, 1_000, 2_000));
        final PcapRxQueue rx = port.pcapRxQueue();
        final ReceivedFrames received = new ReceivedFrames();
        assertEquals(1, rx.poll(received, 64));

        assertTrue(clock.advance(T0_NS + 400), "a timer due before the next frame");
        assertEquals(T0_NS + 400, clock.nanoTime());
        assertEquals(0, rx.poll(received, 64), "the frame recorded later is not delivered at the deadline");

        assertTrue(clock.advance(T0_NS + 5_000), "a deadline after the next frame");
        assertEquals(T0_NS + 1_000, clock.nanoTime(), "stops at the frame, not at the deadline");
        assertTrue(clock.advance(T0_NS + 5_000), "the frame is due at the current instant: work to do");
        assertEquals(T0_NS + 1_000, clock.nanoTime(), "and the clock waits for it to be delivered");
        assertEquals(1, rx.poll(received, 64));

        assertTrue(clock.advance(T0_NS + 200), "a deadline already passed is due now");
        assertEquals(T0_NS + 1_000, clock.nanoTime(), "the clock never goes back");
    }

    @Test
    void mergesSeveralCapturesByRecordedTimeEqualTimesInTheOrderGiven()
    {
        final Path a = capture("a.pcapng", 0, 20, 30, 50);
        final Path b = capture("b.pcapng", 10, 20, 40);
        final CaptureClock clock = open(PcapPacing.MAX, a, b);
        final PcapRxQueue rx = port.pcapRxQueue();
        final ReceivedFrames received = new ReceivedFrames();

        final long[] instants = {0, 10, 20, 30, 40, 50};
        final int[] framesAt = {1, 1, 2, 1, 1, 1};
        for (int i = 0; i < instants.length; i++)
        {
            assertEquals(T0_NS + instants[i], clock.nanoTime());
            assertEquals(framesAt[i], rx.poll(received, 64), "frames at +" + instants[i]);
            assertEquals(i < instants.length - 1, clock.advance(ReplayClock.NO_DEADLINE));
        }

        assertEquals(List.of(T0_NS, T0_NS + 10, T0_NS + 20, T0_NS + 20, T0_NS + 30, T0_NS + 40, T0_NS + 50),
            received.timestampsNs);
        assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2", "a3"), ReceivedFrames.tags(received));
        assertTrue(port.isEndOfCapture());
        assertEquals(List.of(a, b), rx.files());
        final String summary = port.summary();
        assertTrue(summary.startsWith("capture replayed: 2 files, 7 frames, "), summary);
        assertTrue(summary.contains(a + ": 4 frames"), summary);
        assertTrue(summary.contains(b + ": 3 frames"), summary);
    }

    @Test
    void aFrameRecordedBeforeOneAlreadyDeliveredIsDeliveredAtOnceAndCounted()
    {
        final CaptureClock clock = open(PcapPacing.MAX, capture("a.pcapng", 0, 20, 15, 30));
        final PcapRxQueue rx = port.pcapRxQueue();
        final ReceivedFrames received = new ReceivedFrames();

        assertEquals(1, rx.poll(received, 64));
        assertTrue(clock.advance(ReplayClock.NO_DEADLINE));
        assertEquals(T0_NS + 20, clock.nanoTime());
        assertEquals(2, rx.poll(received, 64), "the frame recorded at +15 after +20, in file order");
        assertEquals(T0_NS + 20, clock.nanoTime(), "the clock does not go back for it");
        assertEquals(1, port.counters().value(NicCounter.CAPTURE_TIME_BACKWARDS));
        assertEquals(T0_NS + 20, port.counters().value(NicCounter.CAPTURE_LAST_TIMESTAMP_NS));
    }

    @Test
    void underRecordedPacingFollowsTheHostClockBetweenFramesButNeverPassesTheNextFrame()
    {
        final CaptureClock clock = open(PcapPacing.RECORDED, capture("a.pcapng", 0, 1_000));
        final PcapRxQueue rx = port.pcapRxQueue();
        final ReceivedFrames received = new ReceivedFrames();
        assertEquals(1, rx.poll(received, 64), "the first frame starts the replay at host " + HOST_NS);

        host.advance(300);
        assertFalse(clock.advance(ReplayClock.NO_DEADLINE), "following the host is no event");
        assertEquals(T0_NS + 300, clock.nanoTime());
        assertEquals(0, rx.poll(received, 64));

        assertFalse(clock.advance(T0_NS + 500), "a deadline the host has not reached yet");
        assertEquals(T0_NS + 300, clock.nanoTime(), "is not jumped to ahead of the host");
        host.advance(400);
        assertTrue(clock.advance(T0_NS + 500));
        assertEquals(T0_NS + 500, clock.nanoTime(), "is stopped at when the host passes it");

        host.advance(5_000);
        assertTrue(clock.advance(ReplayClock.NO_DEADLINE));
        assertEquals(T0_NS + 1_000, clock.nanoTime(), "a host far ahead still waits for the next frame");
        assertEquals(1, rx.poll(received, 64));
        assertEquals(0, rx.poll(received, 64));
        assertFalse(clock.advance(ReplayClock.NO_DEADLINE));
        assertEquals(T0_NS + 1_000, clock.nanoTime());
    }

    @Test
    void aPortOnTheHostClockHasNoCaptureClockAndDeliversAsPolled()
    {
        port = PcapNicPort.open("pcap-wall", List.of(capture("a.pcapng", 0, 10, 20)), null, PcapPacing.MAX,
            PcapClock.WALL, countersFile, host, new PcapPortOptions());

        assertSame(host, port.timerClock());
        assertEquals(null, port.captureClock());
        assertEquals(3, port.pcapRxQueue().poll(new ReceivedFrames(), 64));
    }

    @Test
    void aCaptureWithoutFramesLeavesTheClockAtZeroAndEndsAtOnce()
    {
        final Path empty = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN).interfaceDescription(1)
            .write(directory.resolve("empty.pcapng"));
        final CaptureClock clock = open(PcapPacing.MAX, empty);

        assertEquals(0, clock.nanoTime());
        assertEquals(0, port.pcapRxQueue().poll(new ReceivedFrames(), 64));
        assertTrue(port.isEndOfCapture());
        assertFalse(clock.advance(ReplayClock.NO_DEADLINE));
        assertTrue(port.summary().startsWith("capture replayed: 1 file, 0 frames, 0 bytes, 0 problems"),
            port.summary());
    }

    private CaptureClock open(final PcapPacing pacing, final Path... files)
    {
        port = PcapNicPort.open("pcap-replay", List.of(files), null, pacing, PcapClock.CAPTURE, countersFile, host,
            new PcapPortOptions());
        return port.captureClock();
    }

    /**
     * A nanosecond pcapng file of frames recorded at T0 plus the given offsets, each payload tagged with the file's
     * first letter and the frame's index.
     */
    private Path capture(final String name, final long... offsetsNs)
    {
        final CaptureBuilder capture = CaptureBuilder.pcapng(ByteOrder.LITTLE_ENDIAN);
        capture.interfaceDescription(1, 0, capture.options(PcapFormat.OPTION_IF_TSRESOL, new byte[]{9}));
        for (int i = 0; i < offsetsNs.length; i++)
        {
            capture.enhancedPacket(0, T0_NS + offsetsNs[i], UdpFrames.frame(1, 2, ReceivedFrames.tag(name, i)));
        }
        return capture.write(directory.resolve(name));
    }
}
