package io.wirespeed.feed;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.Consumer;

import static io.wirespeed.codecs.mdp3.MDUpdateAction.New;
import static io.wirespeed.feed.PacketBuilder.bid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MalformedInputTest
{
    private static final int ES = 10;
    private static final int NQ = 20;
    private static final int MSG1 = 12;
    private static final int BLOCK_LENGTH = MSG1 + 2;
    private static final int TEMPLATE_ID = MSG1 + 4;
    private static final int SCHEMA_ID = MSG1 + 6;
    private static final int VERSION = MSG1 + 8;
    private static final int GROUP_BLOCK_LENGTH = MSG1 + 2 + 8 + 11;
    private static final int GROUP_COUNT = GROUP_BLOCK_LENGTH + 2;

    @TempDir
    Path dir;

    private byte[] twoMessages()
    {
        return new PacketBuilder().begin(1)
            .book(true, bid(ES, 1, New, 1, 100, 5, 1))
            .book(true, bid(NQ, 1, New, 1, 200, 6, 1))
            .toBytes();
    }

    private void check(
        final String name,
        final Consumer<UnsafeBuffer> mutation,
        final int length,
        final FeedCounter counter,
        final boolean firstApplied,
        final boolean secondApplied)
    {
        final byte[] original = twoMessages();
        final byte[] bytes = java.util.Arrays.copyOf(original, length < 0 ? original.length : length);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        mutation.accept(buffer);
        try (ChannelFixture fixture = new ChannelFixture(dir, 8))
        {
            fixture.channel.addInstrument(ES, "ES");
            fixture.channel.addInstrument(NQ, "NQ");
            fixture.incremental(FeedChannel.FEED_A, buffer, bytes.length);
            if (null != counter)
            {
                assertEquals(1, fixture.count(counter), name);
            }
            assertEquals(firstApplied ? 5 : 0, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1), name);
            assertEquals(secondApplied ? 6 : 0, fixture.channel.instrument(NQ).book().quantity(OrderBook.BID, 1), name);
        }
    }

    private static void putU16(final UnsafeBuffer buffer, final int offset, final int value)
    {
        buffer.putShort(offset, (short)value, ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void eachKindOfBadInputIsCountedAndSkipsWhatItMust()
    {
        check("valid", (b) -> {}, -1, null, true, true);
        check("truncated packet", (b) -> {}, 11, FeedCounter.MALFORMED_TRUNCATED_PACKET, false, false);
        check("trailing byte", (b) -> {}, 12 + 64 + 64 + 1, FeedCounter.MALFORMED_MESSAGE_SIZE, true, true);
        check("message size too small", (b) -> putU16(b, MSG1, 9), -1, FeedCounter.MALFORMED_MESSAGE_SIZE, false,
            false);
        check("message size past the end", (b) -> putU16(b, MSG1, 1000), -1, FeedCounter.MALFORMED_MESSAGE_PAST_END,
            false, false);
        check("second message cut", (b) -> {}, 12 + 64 + 40, FeedCounter.MALFORMED_MESSAGE_PAST_END, true, false);
        check("block length short", (b) -> putU16(b, BLOCK_LENGTH, 10), -1, FeedCounter.MALFORMED_BLOCK_LENGTH_SHORT,
            false, true);
        check("block length past the message", (b) -> putU16(b, BLOCK_LENGTH, 60), -1,
            FeedCounter.MALFORMED_BLOCK_PAST_END, false, true);
        check("group past the message", (b) -> b.putByte(GROUP_COUNT, (byte)2), -1,
            FeedCounter.MALFORMED_GROUP_PAST_END, false, true);
        check("group zero block length", (b) -> putU16(b, GROUP_BLOCK_LENGTH, 0), -1,
            FeedCounter.MALFORMED_GROUP_ZERO_BLOCK_LENGTH, false, true);
        check("group block length short", (b) -> putU16(b, GROUP_BLOCK_LENGTH, 16), -1,
            FeedCounter.MALFORMED_GROUP_BLOCK_LENGTH, false, true);
        check("unknown template", (b) -> putU16(b, TEMPLATE_ID, 99), -1, FeedCounter.MALFORMED_UNKNOWN_TEMPLATE,
            false, true);
        check("wrong schema", (b) -> putU16(b, SCHEMA_ID, 2), -1, FeedCounter.MALFORMED_WRONG_SCHEMA, false, true);
        check("version older than the template", (b) -> putU16(b, VERSION, 8), -1,
            FeedCounter.MALFORMED_VERSION_TOO_OLD, false, true);
    }

    @Test
    void largerBlockLengthsAreAnExtensionAndDecodeWithTheActingLength()
    {
        final byte[] original = new PacketBuilder().begin(1).book(true, bid(ES, 1, New, 1, 100, 5, 1)).toBytes();
        final int bodyEnd = MSG1 + 2 + 8 + 11;
        final byte[] bytes = new byte[original.length + 4];
        System.arraycopy(original, 0, bytes, 0, bodyEnd);
        System.arraycopy(original, bodyEnd, bytes, bodyEnd + 4, original.length - bodyEnd);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        putU16(buffer, MSG1, (buffer.getShort(MSG1, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) + 4);
        putU16(buffer, BLOCK_LENGTH, 15);
        try (ChannelFixture fixture = new ChannelFixture(dir, 8))
        {
            fixture.channel.addInstrument(ES, "ES");
            fixture.incremental(FeedChannel.FEED_A, buffer, bytes.length);
            assertEquals(5, fixture.channel.instrument(ES).book().quantity(OrderBook.BID, 1));
        }
    }

    @Test
    void aMillionFuzzedPacketsNeverThrowNorReadPastTheEndAndEveryOutcomeIsCounted()
    {
        final DecodeFuzz fuzz = new DecodeFuzz(dir, 42, DecodeFuzz.heapPlacement());
        fuzz.run(DecodeFuzz.PACKETS);
        fuzz.assertEveryOutcomeCounted();
    }
}
