package io.wirespeed.feed;

import io.wirespeed.codecs.mdp3.SecurityTradingStatus;

import java.util.Arrays;
import java.util.Random;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.Change;
import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.ask;
import static io.wirespeed.feed.PacketBuilder.bid;

/**
 * A seeded generator of mutated MDP 3.0 packets: valid packets of every template the decoder knows, then blind
 * mutations (truncation, bit flips, byte writes, trailing garbage) and structure-aware ones aimed at one message
 * (message size, block length, template, schema id, version, group block length and count), alone or combined.
 */
final class PacketFuzzer
{
    static final int ES = 10;
    static final int NQ = 20;

    private static final int PACKET_HEADER = 12;
    private static final int MESSAGE_HEADER = 8;
    private static final int SIZE_FIELD = 2;
    private static final int[] KNOWN_TEMPLATES = { 4, 12, 30, 37, 46, 47, 48, 49, 50, 51, 52, 53, 54 };
    private static final int MUTATIONS = 15;

    private final Random random;
    private final byte[][] seeds;
    private final int[] messageOffsets = new int[64];

    PacketFuzzer(final long seed)
    {
        random = new Random(seed);
        final PacketBuilder builder = new PacketBuilder();
        seeds = new byte[][]
        {
            builder.begin(1).book(false, bid(ES, 1, New, 1, 100, 5, 1), ask(NQ, 1, New, 1, 200, 6, 1))
                .trade(ES, 2, 100, 1, false).book(true, bid(ES, 3, Change, 1, 100, 4, 1)).toBytes(),
            builder.begin(2).status(ES, SecurityTradingStatus.TradingHalt).channelReset(1).toBytes(),
            builder.begin(3).snapshot(1, ES, 3, bid(ES, 0, New, 1, 100, 5, 1), ask(ES, 0, New, 1, 101, 5, 1))
                .toBytes(),
            builder.begin(4).definition(1, ES, "ESZ6").definition(1, 77, "XXZ6").toBytes(),
            builder.begin(5).trade(NQ, 2, 200, 3, true).book(true).toBytes(),
            builder.begin(6).volume(false, ES, 4, 9, 0).dailyStatistic(false, ES, 5, 0, '6', 100, 7, 3, 20_000)
                .limitsBanding(false, NQ, 3, 300, 100, 20).sessionStatistic(true, NQ, 4, 1, '4', 200, 5, 12)
                .toBytes(),
            builder.begin(7).book(true, new PacketBuilder.Entry(ES, 6, New, 'E', 1, 99, 4, 0),
                new PacketBuilder.Entry(NQ, 5, New, 'F', 1, 201, 3, 0)).rawStatus(8, ES, 17).toBytes(),
        };
    }

    Random random()
    {
        return random;
    }

    /**
     * The next packet: one of the seeds, mutated most of the time.
     *
     * @return a new array holding exactly the packet.
     */
    byte[] next()
    {
        final byte[] seed = seeds[random.nextInt(seeds.length)];
        final int choice = random.nextInt(MUTATIONS + 1);
        if (MUTATIONS == choice)
        {
            return random.nextInt(4) == 0 ? seed.clone() : mutate(mutate(seed, random.nextInt(MUTATIONS)),
                random.nextInt(MUTATIONS));
        }
        return mutate(seed, choice);
    }

    private byte[] mutate(final byte[] packet, final int mutation)
    {
        byte[] bytes = packet.clone();
        final int message = pickMessage(bytes);
        final int header = message + SIZE_FIELD;
        final int end = message < 0 ? 0 : message + u16(bytes, message);
        final int group = message < 0 ? -1 : header + MESSAGE_HEADER + u16(bytes, header);
        switch (message < 0 && mutation > 3 ? 1 : mutation)
        {
            case 0:
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                break;
            case 1:
                for (int flips = 1 + random.nextInt(8); flips > 0 && bytes.length > 0; flips--)
                {
                    final int bit = random.nextInt(bytes.length * 8);
                    bytes[bit >> 3] ^= (byte)(1 << (bit & 7));
                }
                break;
            case 2:
                for (int writes = 1 + random.nextInt(4); writes > 0 && bytes.length > 0; writes--)
                {
                    bytes[random.nextInt(Math.min(bytes.length, 48))] = (byte)random.nextInt(256);
                }
                break;
            case 3:
                bytes = Arrays.copyOf(bytes, bytes.length + random.nextInt(16));
                for (int i = packet.length; i < bytes.length; i++)
                {
                    bytes[i] = (byte)random.nextInt(256);
                }
                break;
            case 4:
                putU16(bytes, message, bytes.length - message + 1 + random.nextInt(300));
                break;
            case 5:
                putU16(bytes, message, random.nextInt(SIZE_FIELD + MESSAGE_HEADER));
                break;
            case 6:
                putU16(bytes, header, random.nextInt(Math.max(1, u16(bytes, header))));
                break;
            case 7:
                putU16(bytes, header, u16(bytes, header) + 1 + random.nextInt(64));
                break;
            case 8:
                bytes = extendBlock(bytes, message, 1 + random.nextInt(32));
                break;
            case 9:
                if (group + 3 <= end)
                {
                    bytes[group + 2] = (byte)(2 + random.nextInt(254));
                }
                break;
            case 10:
                if (group + 3 <= end)
                {
                    putU16(bytes, group, random.nextBoolean() ? 0 : random.nextInt(65536));
                }
                break;
            case 11:
                putU16(bytes, header + 2, unknownTemplate());
                break;
            case 12:
                putU16(bytes, header + 4, random.nextBoolean() ? 2 : random.nextInt(65536));
                break;
            case 13:
                putU16(bytes, header + 6, random.nextBoolean() ? 8 : random.nextInt(65536));
                break;
            default:
                putU16(bytes, header + 2, KNOWN_TEMPLATES[random.nextInt(KNOWN_TEMPLATES.length)]);
                break;
        }
        return bytes;
    }

    private int unknownTemplate()
    {
        while (true)
        {
            final int templateId = random.nextBoolean() ? random.nextInt(60) : random.nextInt(65536);
            if (Arrays.binarySearch(KNOWN_TEMPLATES, templateId) < 0)
            {
                return templateId;
            }
        }
    }

    /**
     * A larger block length, done properly: bytes inserted after the block and the message size grown, as a later
     * schema version would send.
     */
    private byte[] extendBlock(final byte[] bytes, final int message, final int extra)
    {
        final int header = message + SIZE_FIELD;
        final int blockEnd = header + MESSAGE_HEADER + u16(bytes, header);
        if (blockEnd > bytes.length || u16(bytes, message) + extra > 0xFFFF)
        {
            return bytes;
        }
        final byte[] out = new byte[bytes.length + extra];
        System.arraycopy(bytes, 0, out, 0, blockEnd);
        for (int i = blockEnd; i < blockEnd + extra; i++)
        {
            out[i] = (byte)random.nextInt(256);
        }
        System.arraycopy(bytes, blockEnd, out, blockEnd + extra, bytes.length - blockEnd);
        putU16(out, message, u16(out, message) + extra);
        putU16(out, header, u16(out, header) + extra);
        return out;
    }

    /**
     * Offset of a random whole message (its size field) found by walking the framing, or -1 when there is none.
     */
    private int pickMessage(final byte[] bytes)
    {
        int count = 0;
        int position = PACKET_HEADER;
        while (position + SIZE_FIELD + MESSAGE_HEADER <= bytes.length && count < messageOffsets.length)
        {
            final int size = u16(bytes, position);
            if (size < SIZE_FIELD + MESSAGE_HEADER || position + size > bytes.length)
            {
                break;
            }
            messageOffsets[count++] = position;
            position += size;
        }
        return 0 == count ? -1 : messageOffsets[random.nextInt(count)];
    }

    /**
     * The outcomes the decoder owes a packet: one per message slot its framing reaches (each either delivered or
     * dropped for one reason), the slot that ends the packet badly included; one for a packet shorter than its header.
     *
     * @param bytes  holding the packet.
     * @param length of the packet.
     * @return outcomes owed.
     */
    static int outcomesOwed(final byte[] bytes, final int length)
    {
        if (length < PACKET_HEADER)
        {
            return 1;
        }
        int outcomes = 0;
        int position = PACKET_HEADER;
        while (position < length)
        {
            outcomes++;
            if (length - position < SIZE_FIELD)
            {
                break;
            }
            final int size = u16(bytes, position);
            if (size < SIZE_FIELD + MESSAGE_HEADER || size > length - position)
            {
                break;
            }
            position += size;
        }
        return outcomes;
    }

    static int u16(final byte[] bytes, final int offset)
    {
        return (bytes[offset] & 0xFF) | ((bytes[offset + 1] & 0xFF) << 8);
    }

    static void putU16(final byte[] bytes, final int offset, final int value)
    {
        if (offset >= 0 && offset + 1 < bytes.length)
        {
            bytes[offset] = (byte)value;
            bytes[offset + 1] = (byte)(value >>> 8);
        }
    }
}
