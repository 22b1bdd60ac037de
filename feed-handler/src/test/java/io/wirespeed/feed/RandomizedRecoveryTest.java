package io.wirespeed.feed;

import io.wirespeed.codecs.internal.FeedStateValue;
import io.wirespeed.codecs.mdp3.MDUpdateAction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A seeded venue drives random book events through lossy A and B feeds and a snapshot loop: at the end every book
 * equals the venue's, and only instruments that lost entries on both feeds were ever STALE (but for a recovery buffer
 * overflow, which stales every instrument by design).
 */
class RandomizedRecoveryTest
{
    private static final int INSTRUMENTS = 20;
    private static final int HOT_INSTRUMENTS = 10;
    private static final int DEPTH = 5;
    private static final int FIRST_ID = 100;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
    void booksEndEqualToTheVenueAndOnlyAffectedInstrumentsGoStale(final long seed)
    {
        final Random random = new Random(seed);
        final OrderBook[] venue = new OrderBook[INSTRUMENTS];
        final long[] rptSeq = new long[INSTRUMENTS];
        final Set<Integer> affected = new HashSet<>();
        final PacketBuilder packet = new PacketBuilder();
        try (ChannelFixture fixture = new ChannelFixture(dir, seed % 2 == 0 ? 16 : 256))
        {
            for (int i = 0; i < INSTRUMENTS; i++)
            {
                venue[i] = new OrderBook(DEPTH);
                fixture.channel.addInstrument(FIRST_ID + i, "I" + i);
            }
            long seqNum = 0;
            int burstLeft = 0;
            byte[] heldA = null;
            for (int n = 0; n < 4_000; n++)
            {
                seqNum++;
                packet.begin(seqNum);
                final Set<Integer> inPacket = new HashSet<>();
                for (int m = 1 + random.nextInt(3); m > 0; m--)
                {
                    final List<PacketBuilder.Entry> entries = new ArrayList<>();
                    for (int e = 1 + random.nextInt(3); e > 0; e--)
                    {
                        final int i = random.nextInt(100) == 0 ?
                            HOT_INSTRUMENTS + random.nextInt(INSTRUMENTS - HOT_INSTRUMENTS) :
                            random.nextInt(HOT_INSTRUMENTS);
                        entries.add(randomEntry(random, i, venue[i], ++rptSeq[i]));
                        inPacket.add(i);
                    }
                    packet.book(m == 1, entries.toArray(new PacketBuilder.Entry[0]));
                }
                if (0 == burstLeft && random.nextInt(500) == 0)
                {
                    burstLeft = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
                }
                final boolean lostBoth = burstLeft > 0;
                if (lostBoth)
                {
                    burstLeft--;
                    affected.addAll(inPacket);
                }
                final boolean lostA = lostBoth || random.nextInt(20) == 0;
                final boolean lostB = lostBoth || random.nextInt(20) == 0;
                if (lostA && lostB)
                {
                    affected.addAll(inPacket);
                }
                final byte[] bytes = packet.toBytes();
                final boolean bFirst = random.nextBoolean();
                if (!lostB && bFirst)
                {
                    send(fixture, FeedChannel.FEED_B, bytes);
                }
                if (null != heldA)
                {
                    send(fixture, FeedChannel.FEED_A, heldA);
                    heldA = null;
                }
                if (!lostA && random.nextInt(10) == 0)
                {
                    heldA = bytes;
                }
                else if (!lostA)
                {
                    send(fixture, FeedChannel.FEED_A, bytes);
                }
                if (!lostB && !bFirst)
                {
                    send(fixture, FeedChannel.FEED_B, bytes);
                }
                if (random.nextInt(4) == 0)
                {
                    fixture.advanceMs(random.nextInt(6));
                }
                assertCurrentBooksMatch(fixture, venue, rptSeq);
                if (random.nextInt(50) == 0)
                {
                    snapshotLoop(fixture, packet, venue, rptSeq, seqNum);
                }
            }
            if (null != heldA)
            {
                send(fixture, FeedChannel.FEED_A, heldA);
            }
            fixture.advanceMs(100);
            snapshotLoop(fixture, packet, venue, rptSeq, seqNum);
            fixture.advanceMs(100);
            snapshotLoop(fixture, packet, venue, rptSeq, seqNum);
            for (int i = 0; i < INSTRUMENTS; i++)
            {
                final Instrument instrument = fixture.channel.instrument(FIRST_ID + i);
                assertEquals(FeedStateValue.OK, instrument.state(), "instrument " + i);
                assertEquals(venue[i].hash(), instrument.book().hash(),
                    () -> "instrument " + instrument.securityId() + "\nvenue\n" + venue[instrumentIndex(instrument)] +
                    "handler\n" + instrument.book());
            }
            for (final String message : fixture.sink.describe())
            {
                if (message.contains("STALE") && !message.endsWith("BUFFER_OVERFLOW"))
                {
                    final int securityId = Integer.parseInt(message.split(" ")[1]);
                    assertTrue(affected.contains(securityId - FIRST_ID), message + " but it lost nothing");
                }
            }
            assertTrue(fixture.count(FeedCounter.GAPS) > 0);
            assertTrue(fixture.count(FeedCounter.RECOVERIES) > 0);
            assertTrue(affected.size() < INSTRUMENTS, "some instruments lose nothing");
        }
    }

    private static void assertCurrentBooksMatch(
        final ChannelFixture fixture, final OrderBook[] venue, final long[] rptSeq)
    {
        for (int i = 0; i < INSTRUMENTS; i++)
        {
            final Instrument instrument = fixture.channel.instrument(FIRST_ID + i);
            if (FeedStateValue.OK == instrument.state() && rptSeq[i] == instrument.lastRptSeq())
            {
                assertEquals(venue[i].hash(), instrument.book().hash(), "instrument " + i);
            }
        }
    }

    private static int instrumentIndex(final Instrument instrument)
    {
        return instrument.securityId() - FIRST_ID;
    }

    private static void snapshotLoop(
        final ChannelFixture fixture,
        final PacketBuilder packet,
        final OrderBook[] venue,
        final long[] rptSeq,
        final long lastSeqNum)
    {
        for (int i = 0; i < venue.length; i++)
        {
            final List<PacketBuilder.Entry> levels = new ArrayList<>();
            for (int side = OrderBook.BID; side <= OrderBook.ASK; side++)
            {
                for (int level = 1; level <= DEPTH; level++)
                {
                    if (OrderBook.NULL_PRICE != venue[i].price(side, level))
                    {
                        levels.add(new PacketBuilder.Entry(FIRST_ID + i, 0, MDUpdateAction.New,
                            OrderBook.BID == side ? '0' : '1', level, venue[i].price(side, level),
                            (int)venue[i].quantity(side, level), venue[i].orderCount(side, level)));
                    }
                }
            }
            fixture.snapshot(packet.begin(i + 1).snapshot(lastSeqNum, FIRST_ID + i, rptSeq[i],
                levels.toArray(new PacketBuilder.Entry[0])));
        }
    }

    private static PacketBuilder.Entry randomEntry(
        final Random random, final int i, final OrderBook book, final long rptSeq)
    {
        final int side = random.nextInt(2);
        int count = 0;
        while (count < DEPTH && OrderBook.NULL_PRICE != book.price(side, count + 1))
        {
            count++;
        }
        final char type = OrderBook.BID == side ? '0' : '1';
        final int choice = 0 == count ? 0 : random.nextInt(3);
        final long price = 1_000 + random.nextInt(1_000);
        final int qty = 1 + random.nextInt(100);
        final int orders = 1 + random.nextInt(10);
        final int id = FIRST_ID + i;
        switch (choice)
        {
            case 0:
            {
                final int level = 1 + random.nextInt(Math.min(count + 1, DEPTH));
                book.add(side, level, price, qty, orders);
                return new PacketBuilder.Entry(id, rptSeq, MDUpdateAction.New, type, level, price, qty, orders);
            }
            case 1:
            {
                final int level = 1 + random.nextInt(count);
                book.set(side, level, price, qty, orders);
                return new PacketBuilder.Entry(id, rptSeq, MDUpdateAction.Change, type, level, price, qty, orders);
            }
            default:
            {
                final int level = 1 + random.nextInt(count);
                book.delete(side, level);
                return new PacketBuilder.Entry(id, rptSeq, MDUpdateAction.Delete, type, level, 0, 0, 0);
            }
        }
    }

    private static void send(final ChannelFixture fixture, final int feed, final byte[] bytes)
    {
        fixture.incremental(feed, new org.agrona.concurrent.UnsafeBuffer(bytes), bytes.length);
    }
}
