package io.wirespeed.gateway.transport;

import io.wirespeed.codecs.internal.JournalRecordHeaderDecoder;
import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.nic.status.CountersFile;
import io.wirespeed.nic.tap.JournalTap;
import io.wirespeed.nic.tap.TapRing;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel TCP transport journaling the venue's bytes through a tap, against a plain local socket peer written here
 * (not the simulator): frames are hand-built as CME frames them (SOFH: length little-endian, then FE CA).
 */
@Timeout(30)
class TcpVenueTransportJournalTest
{
    @TempDir
    Path dir;

    private final long[] now = {1_700_000_000_123_456_789L};
    private final EpochNanoClock clock = () -> now[0];
    private CountersFile counters;
    private AtomicCounter lost;
    private TapRing ring;
    private JournalTap tap;
    private ServerSocketChannel server;
    private TcpVenueTransport transport;
    private SocketChannel peer;

    @BeforeEach
    void setUp() throws Exception
    {
        counters = CountersFile.create(dir.resolve("counters"), 16);
        lost = counters.newCounter(1, "gateway tap: records lost");
        ring = TapRing.create(dir.resolve("gateway-tap"), TapRing.CAPACITY_MIN);
        tap = new JournalTap(ring, lost);
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        transport = new TcpVenueTransport(tap, clock);
        assertTrue(transport.connect("127.0.0.1", server.socket().getLocalPort(), 0));
        peer = server.accept();
        while (!transport.isConnected())
        {
            transport.poll((buffer, offset, length, rx) -> {}, 0);
        }
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(transport, peer, server, ring, counters);
    }

    @Test
    void eachFrameSentIsJournaledAsVenueOutExactlyAsThePeerReceivesItNeverAfter() throws Exception
    {
        final int frames = 200;
        final int total = frames * (4 + 8 + 40);
        final List<Record> journaled = new ArrayList<>();
        final CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAtLeast(total, journaled));

        for (int i = 0; i < frames; i++)
        {
            now[0] += 1_000;
            final byte[] message = message(514, 40, i);
            while (VenueTransport.OK != transport.write(new UnsafeBuffer(message), 0, message.length))
            {
                transport.poll((buffer, offset, length, rx) -> {}, 0);
            }
        }
        while (transport.pendingBytes() > 0)
        {
            transport.poll((buffer, offset, length, rx) -> {}, 0);
        }
        final byte[] onTheWire = received.get(20, TimeUnit.SECONDS);
        journaled.addAll(drain(ring));

        assertEquals(frames, journaled.size());
        final ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++)
        {
            final Record record = journaled.get(i);
            assertEquals(JournalStream.VENUE_OUT, record.stream);
            assertEquals(0, record.sourceId);
            assertEquals(1_700_000_000_123_456_789L + (i + 1) * 1_000L, record.timestampNs, "the clock at write");
            assertArrayEquals(cmeFrame(message(514, 40, i)), record.payload, "SOFH and message as CME frames them");
            concatenated.write(record.payload);
        }
        assertArrayEquals(concatenated.toByteArray(), onTheWire, "the journal holds exactly the bytes sent");
        assertEquals(0, lost.get());
    }

    @Test
    void aFrameTheJournalHasNoRoomForIsRefusedAndNothingOfItIsWritten() throws Exception
    {
        final byte[] refused = message(514, 80, 1);
        final UnsafeBuffer filler = new UnsafeBuffer(new byte[1000]);
        while (tap.hasRoomFor(refused.length + 4))
        {
            final int length = tap.hasRoomFor(1000) ? 1000 : refused.length + 4;
            assertTrue(tap.record(JournalStream.MARKET_DATA, 0, 1L, filler, 0, length));
        }
        assertEquals(VenueTransport.JOURNAL_FULL, transport.write(new UnsafeBuffer(refused), 0, refused.length));
        assertEquals(0, transport.pendingBytes(), "nothing kept to send later either");
        assertEquals(1, transport.journalRefusals());
        assertEquals(0, lost.get(), "a refused send is not a journal loss: nothing happened");
        assertTrue(transport.isConnected());

        drain(ring);
        final byte[] sent = message(514, 40, 2);
        assertEquals(VenueTransport.OK, transport.write(new UnsafeBuffer(sent), 0, sent.length));
        final List<Record> records = drain(ring);
        assertEquals(1, records.size());
        assertArrayEquals(cmeFrame(sent), records.get(0).payload);
        final byte[] onTheWire = readAtLeast(sent.length + 4, null);
        assertArrayEquals(cmeFrame(sent), onTheWire, "the first bytes on the wire are the frame sent after");
    }

    @Test
    void eachFrameReceivedIsJournaledAsVenueInAtTheClockOfTheReadBeforeTheSessionGetsIt() throws Exception
    {
        final byte[] first = cmeFrame(message(522, 30, 1));
        final byte[] second = cmeFrame(message(532, 50, 2));
        final byte[] third = cmeFrame(message(506, 10, 3));
        final ByteBuffer bytes = ByteBuffer.allocate(first.length + second.length + 7);
        bytes.put(first).put(second).put(third, 0, 7).flip();
        writeFully(bytes);

        final List<byte[]> delivered = new ArrayList<>();
        final List<Long> positionsAtDelivery = new ArrayList<>();
        final FrameHandler session = (buffer, offset, length, rx) ->
        {
            positionsAtDelivery.add(ring.ring().producerPosition());
            final byte[] message = new byte[length];
            buffer.getBytes(offset, message);
            delivered.add(message);
        };
        now[0] = 5_000L;
        while (delivered.size() < 2)
        {
            transport.poll(session, 0);
        }
        now[0] = 9_000L;
        writeFully(ByteBuffer.wrap(third, 7, third.length - 7));
        while (delivered.size() < 3)
        {
            transport.poll(session, 0);
        }

        final List<Record> records = drain(ring);
        assertEquals(3, records.size());
        final byte[][] frames = {first, second, third};
        for (int i = 0; i < 3; i++)
        {
            assertEquals(JournalStream.VENUE_IN, records.get(i).stream);
            assertEquals(0, records.get(i).sourceId);
            assertArrayEquals(frames[i], records.get(i).payload, "as on the wire, SOFH included");
            assertArrayEquals(Arrays.copyOfRange(frames[i], 4, frames[i].length), delivered.get(i));
        }
        assertEquals(5_000L, records.get(0).timestampNs);
        assertEquals(5_000L, records.get(1).timestampNs);
        assertEquals(9_000L, records.get(2).timestampNs, "the read that completed it");
        assertTrue(0 < positionsAtDelivery.get(0) && positionsAtDelivery.get(0) < positionsAtDelivery.get(1) &&
            positionsAtDelivery.get(1) < positionsAtDelivery.get(2), "each record in the ring before its delivery");
    }

    @Test
    void aFrameReceivedWhenTheJournalIsFullStillReachesTheSessionAndTheLossIsCounted() throws Exception
    {
        final UnsafeBuffer filler = new UnsafeBuffer(new byte[1000]);
        boolean kept;
        do
        {
            kept = tap.record(JournalStream.MARKET_DATA, 0, 1L, filler, 0, 1000);
        }
        while (kept);
        lost.set(0);
        writeFully(ByteBuffer.wrap(cmeFrame(message(522, 1000, 1))));
        final List<Integer> lengths = new ArrayList<>();
        while (lengths.isEmpty())
        {
            transport.poll((buffer, offset, length, rx) -> lengths.add(length), 0);
        }
        assertEquals(List.of(8 + 1000), lengths);
        assertEquals(1, lost.get());
    }

    @Test
    void aTapNeedsAClock()
    {
        assertThrows(IllegalArgumentException.class, () -> new TcpVenueTransport(tap, null));
        try (TcpVenueTransport notJournaling = new TcpVenueTransport(null, null))
        {
            assertFalse(notJournaling.isConnected());
        }
    }

    private void writeFully(final ByteBuffer bytes) throws Exception
    {
        while (bytes.hasRemaining())
        {
            peer.write(bytes);
        }
    }

    /**
     * Read bytes as the venue; with a list, drain the tap after each read (as the journal agent would) and fail if the
     * peer ever holds more bytes than were journaled: a frame must be in the journal before it is on the wire.
     */
    private byte[] readAtLeast(final int length, final List<Record> journaledMeanwhile)
    {
        final ByteBuffer bytes = ByteBuffer.allocate(length);
        try
        {
            long journaledBytes = 0;
            while (bytes.hasRemaining())
            {
                peer.read(bytes);
                if (null == journaledMeanwhile)
                {
                    continue;
                }
                for (final Record record : drain(ring))
                {
                    journaledMeanwhile.add(record);
                    journaledBytes += record.payload.length;
                }
                if (journaledBytes < bytes.position())
                {
                    throw new AssertionError("the peer received " + bytes.position() + " bytes, only " +
                        journaledBytes + " journaled");
                }
            }
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        return bytes.array();
    }

    /** An SBE message: header (blockLength, templateId, schemaId 8, version 5) and a patterned block. */
    private static byte[] message(final int templateId, final int blockLength, final int seed)
    {
        final ByteBuffer bytes = ByteBuffer.allocate(8 + blockLength).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.putShort((short)blockLength).putShort((short)templateId).putShort((short)8).putShort((short)5);
        for (int i = 0; i < blockLength; i++)
        {
            bytes.put((byte)(seed + i));
        }
        return bytes.array();
    }

    /** CME's framing: message length (frame length, header included) as uint16 little-endian, then 0xCAFE as FE CA. */
    private static byte[] cmeFrame(final byte[] message)
    {
        final int length = message.length + 4;
        final byte[] frame = new byte[length];
        frame[0] = (byte)(length & 0xFF);
        frame[1] = (byte)(length >>> 8);
        frame[2] = (byte)0xFE;
        frame[3] = (byte)0xCA;
        System.arraycopy(message, 0, frame, 4, message.length);
        return frame;
    }

    private static List<Record> drain(final TapRing ring)
    {
        final List<Record> records = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final JournalRecordHeaderDecoder decoder = new JournalRecordHeaderDecoder();
        final MessageHandler handler = (type, buffer, index, length) ->
        {
            decoder.wrapAndApplyHeader(buffer, index, header);
            final byte[] payload = new byte[(int)decoder.payloadLength()];
            buffer.getBytes(index + JournalTap.RECORD_HEADER_LENGTH, payload);
            records.add(new Record(decoder.stream(), decoder.sourceId(), decoder.captureTimestampNs(), payload));
        };
        long position;
        do
        {
            position = ring.ring().consumerPosition();
            ring.ring().read(handler);
        }
        while (ring.ring().consumerPosition() != position);
        return records;
    }

    private record Record(JournalStream stream, int sourceId, long timestampNs, byte[] payload)
    {
    }
}
