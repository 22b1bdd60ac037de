package io.wirespeed.feed;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives seeded mutated packets ({@link PacketFuzzer}) through the decode path: a bare {@link Mdp3PacketDecoder}
 * with its own counters, whose outcomes are checked against what each packet's framing owes, and a whole
 * {@link FeedChannel} fed the same packets on its A, B, snapshot and definition feeds.
 */
final class DecodeFuzz
{
    /** Packets per run. */
    static final int PACKETS = 1_000_000;

    /**
     * Where a packet is put before it is decoded.
     */
    interface Placement
    {
        /**
         * Copy or wrap the packet.
         *
         * @param bytes the packet, exactly.
         * @return its offset in {@link #buffer()}.
         */
        int place(byte[] bytes);

        /**
         * The buffer the last packet was placed in.
         *
         * @return the buffer.
         */
        DirectBuffer buffer();
    }

    private final Path dir;
    private final PacketFuzzer fuzzer;
    private final Placement placement;
    private final TouchingListener listener = new TouchingListener();
    private final Map<FeedCounter, Long> malformed = new EnumMap<>(FeedCounter.class);
    private long packets;
    private long owed;
    private long delivered;

    DecodeFuzz(final Path dir, final long seed, final Placement placement)
    {
        this.dir = dir;
        this.fuzzer = new PacketFuzzer(seed);
        this.placement = placement;
    }

    /**
     * Each packet wrapped where it lies, in a buffer exactly its length: a read past it fails a bounds check.
     *
     * @return the placement.
     */
    static Placement heapPlacement()
    {
        return new Placement()
        {
            private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);

            public int place(final byte[] bytes)
            {
                buffer.wrap(bytes);
                return 0;
            }

            public DirectBuffer buffer()
            {
                return buffer;
            }
        };
    }

    void run(final int count)
    {
        final Random random = fuzzer.random();
        try (ChannelFixture fixture = new ChannelFixture(dir, 8);
            ChannelCounters decoderCounters = new ChannelCounters(fixture.countersFile, 2))
        {
            fixture.channel.addInstrument(PacketFuzzer.ES, "ES");
            fixture.channel.addInstrument(PacketFuzzer.NQ, "NQ");
            final FeedChannel channel = fixture.channel;
            final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(decoderCounters);
            for (int i = 0; i < count; i++)
            {
                final byte[] bytes = fuzzer.next();
                final int length = bytes.length;
                final int offset = placement.place(bytes);
                final DirectBuffer buffer = placement.buffer();
                packets++;
                owed += PacketFuzzer.outcomesOwed(bytes, length);
                final int result = decoder.decode(buffer, offset, length, listener);
                delivered += Math.max(0, result);
                final long nowNs = fixture.nowNs;
                switch (random.nextInt(4))
                {
                    case 0:
                        channel.onSnapshotPacket(buffer, offset, length, nowNs, nowNs);
                        break;
                    case 1:
                        channel.onDefinitionPacket(buffer, offset, length, nowNs, nowNs);
                        break;
                    default:
                        channel.onIncremental(random.nextInt(2), buffer, offset, length, nowNs, nowNs);
                        break;
                }
                if (0 == (i & 1023))
                {
                    fixture.advanceMs(random.nextInt(30));
                }
            }
            for (final FeedCounter counter : FeedCounter.values())
            {
                if (counter.name().startsWith("MALFORMED"))
                {
                    malformed.put(counter, decoderCounters.get(counter));
                }
            }
        }
    }

    /**
     * Every message slot a packet's framing reaches was delivered or dropped for exactly one counted reason, every
     * reason was seen, and plenty was delivered.
     */
    void assertEveryOutcomeCounted()
    {
        long dropped = 0;
        for (final Map.Entry<FeedCounter, Long> entry : malformed.entrySet())
        {
            assertTrue(entry.getValue() > 0, () -> entry.getKey() + " never seen: " + malformed);
            dropped += entry.getValue();
        }
        assertEquals(owed, delivered + dropped, () -> "delivered " + delivered + " + dropped " + malformed);
        assertTrue(delivered > packets / 4, () -> "delivered " + delivered + " of " + packets + " packets");
        assertTrue(listener.messages > packets / 10, () -> "messages read " + listener.messages);
    }
}
