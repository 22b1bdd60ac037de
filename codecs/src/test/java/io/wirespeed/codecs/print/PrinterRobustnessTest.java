package io.wirespeed.codecs.print;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.wirespeed.codecs.mdp3.MessageHeaderEncoder;

import static io.wirespeed.codecs.print.MessagePrinterTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class PrinterRobustnessTest
{
    private static final MessagePrinter PRINTER = MessagePrinter.fromClasspath();
    private static final List<BiFunction<MutableDirectBuffer, Integer, Integer>> SAMPLES = List.of(
        SampleMessages::mdp3Book, SampleMessages::mdp3SecurityStatus, SampleMessages::mdp3ChannelReset,
        SampleMessages::mdp3FutureDefinition, SampleMessages::ilink3NewOrder, SampleMessages::ilink3Negotiate,
        SampleMessages::ilink3Fill);

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);

    @Test
    void tooShortForAHeader()
    {
        assertEquals("<truncated: 5 bytes, a message header needs 8>", PRINTER.text(buffer, 0, 5));
        assertEquals("{\"error\":\"truncated: 5 bytes, a message header needs 8\"}", PRINTER.json(buffer, 0, 5));
    }

    @Test
    void unknownTemplateAndUnknownSchema()
    {
        new MessageHeaderEncoder().wrap(buffer, 0).blockLength(11).templateId(99).schemaId(1).version(9);
        assertEquals("<unknown template 99 of schema 1 (length 40)>", PRINTER.text(buffer, 0, 40));
        assertEquals("{\"error\":\"unknown template 99 of schema 1 (length 40)\"}", PRINTER.json(buffer, 0, 40));

        new MessageHeaderEncoder().wrap(buffer, 0).blockLength(11).templateId(46).schemaId(77).version(9);
        assertEquals("<unknown schema 77 (length 40)>", PRINTER.text(buffer, 0, 40));
    }

    @Test
    void rangeOutsideTheBuffer()
    {
        assertEquals("<invalid range: offset 4090 length 20 in a buffer of 4096 bytes>",
            PRINTER.text(buffer, 4090, 20));
    }

    @Test
    void truncatedInsideAGroupNamesWhere()
    {
        final int length = SampleMessages.mdp3Book(buffer, 0);

        assertEquals(118, length);
        assertEquals("<truncated: MDIncrementalRefreshBook46.NoMDEntries[1] needs 32 bytes at offset 54 " +
            "but 4 remain (MDIncrementalRefreshBook46, length 58)>", PRINTER.text(buffer, 0, 58));
    }

    @Test
    void blockLengthShorterThanTheFieldsIsMalformed()
    {
        final int length = SampleMessages.mdp3Book(buffer, 0);
        new MessageHeaderEncoder().wrap(buffer, 0).blockLength(3);

        assertContains(PRINTER.text(buffer, 0, length),
            "<malformed: block length 3 of MDIncrementalRefreshBook46 is less than the 9 bytes its fields need");
    }

    @Test
    void hugeGroupCountIsTruncatedNotRead()
    {
        final int length = SampleMessages.mdp3Book(buffer, 0);
        buffer.putByte(SampleMessages.MDP3_HEADER_LENGTH + 11 + 2, (byte) 250);

        assertContains(PRINTER.text(buffer, 0, length), "<truncated: MDIncrementalRefreshBook46.NoMDEntries[");
    }

    @Test
    void everyPrefixOfEverySampleIsReportedNotThrown()
    {
        for (final BiFunction<MutableDirectBuffer, Integer, Integer> sample : SAMPLES)
        {
            final int length = sample.apply(buffer, 0);
            assertFalse(PRINTER.text(buffer, 0, length).startsWith("<"), PRINTER.text(buffer, 0, length));
            for (int prefix = 0; prefix < length; prefix++)
            {
                final String text = PRINTER.text(buffer, 0, prefix);
                assertTrue(text.startsWith("<truncated: ") || text.startsWith("<malformed: "), text);
                assertTrue(PRINTER.json(buffer, 0, prefix).startsWith("{\"error\":"));
            }
        }
    }

    @Test
    void corruptedBytesNeverEscapeAsExceptions()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final UnsafeBuffer corrupted = new UnsafeBuffer(new byte[4096]);
        for (int i = 0; i < 5_000; i++)
        {
            final int length = SAMPLES.get(random.nextInt(SAMPLES.size())).apply(buffer, 0);
            corrupted.putBytes(0, buffer, 0, length);
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--)
            {
                corrupted.putByte(random.nextInt(length), (byte) random.nextInt(256));
            }

            final String text = PRINTER.text(corrupted, 0, length);
            final String json = PRINTER.json(corrupted, 0, length);
            assertFalse(text.isEmpty() || json.isEmpty());
            assertFalse(text.contains("undecodable"), text);
        }
    }
}
