package io.wirespeed.replay;

import io.wirespeed.codecs.internal.BookUpdateDecoder;
import io.wirespeed.codecs.internal.FeedStateDecoder;
import io.wirespeed.codecs.internal.InstrumentDefinitionDecoder;
import io.wirespeed.codecs.internal.InstrumentStatusDecoder;
import io.wirespeed.codecs.internal.MessageHeaderDecoder;
import io.wirespeed.codecs.internal.StatisticDecoder;
import io.wirespeed.codecs.internal.TopOfBookDecoder;
import io.wirespeed.codecs.internal.TradeDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same capture of the simulator (with frames removed, so gaps, recovery and timers run) replayed at max pace,
 * 1x, 10x and step (fed by a script) gives byte-identical normalized output and identical books, and the books are
 * the venue's.
 */
class ReplayDeterminismTest
{
    @TempDir
    static Path dir;

    private static Path capture;
    private static SimCapture sim;

    @BeforeAll
    static void writeCapture() throws Exception
    {
        final Path full = dir.resolve("full.pcap");
        sim = SimCapture.write(dir, full, 2_000, TimeUnit.MILLISECONDS.toNanos(1_500));
        capture = dir.resolve("gaps.pcap");
        SimCapture.drop(full, capture, List.of("200-215", "900-930"));
    }

    @Test
    void everyPaceGivesTheSameOutputAndBooks() throws Exception
    {
        final Replayed max = replay("max", null);
        final Replayed once = replay("1x", null);
        final Replayed tenTimes = replay("10x", null);
        final Replayed step = replay("step", "n\nn 5\n\nbooks 1001\nto +0.4\nn 100\nbooks\nc\n");

        assertTrue(max.output.length > 10_000, "output of " + max.output.length + " bytes");
        assertArrayEquals(max.output, once.output, "1x output differs from max");
        assertArrayEquals(max.output, tenTimes.output, "10x output differs from max");
        assertArrayEquals(max.output, step.output, "step output differs from max");
        assertEquals(max.books, once.books);
        assertEquals(max.books, tenTimes.books);
        assertEquals(max.books, step.books);
        assertTrue(max.summary.contains("gaps "), max.summary);
        assertTrue(!max.summary.contains("gaps 0 "), "no gap replayed: " + max.summary);
        assertTrue(step.summary.contains("step: at "), step.summary);
        assertTrue(step.summary.contains("books at "), step.summary);
    }

    @Test
    void booksAreTheVenuesAndJsonParses() throws Exception
    {
        final Replayed max = replay("max", null);
        final String script = "import json,sys\nd=json.load(open(sys.argv[1]))\n" +
            "for i in d['instruments']:\n" +
            "  print(i['securityId'], i['state'], 'bids'+json.dumps(i['bids'],separators=(',',':'))+" +
            "' asks'+json.dumps(i['asks'],separators=(',',':')))\n";
        final Path json = dir.resolve("books-max.json");
        final Process python = new ProcessBuilder("python3", "-c", script, json.toString())
            .redirectErrorStream(true).start();
        final String parsed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, python.waitFor(), parsed);
        for (int i = 0; i < sim.securityIds.length; i++)
        {
            final String expected = sim.securityIds[i] + " OK " + sim.venueBooks[i];
            assertTrue(parsed.contains(expected), "expected " + expected + " in\n" + parsed);
        }
    }

    @Test
    void everyTimestampIsRecordedTime() throws Exception
    {
        final Replayed max = replay("max", null);
        final UnsafeBuffer buffer = new UnsafeBuffer(max.output);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final BookUpdateDecoder update = new BookUpdateDecoder();
        final TopOfBookDecoder top = new TopOfBookDecoder();
        final TradeDecoder trade = new TradeDecoder();
        final StatisticDecoder statistic = new StatisticDecoder();
        final FeedStateDecoder feedState = new FeedStateDecoder();
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        final InstrumentStatusDecoder status = new InstrumentStatusDecoder();
        final int[] checked = new int[8];
        for (int offset = 0; offset < max.output.length; )
        {
            final int length = buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN);
            header.wrap(buffer, offset + 4);
            final int templateId = header.templateId();
            switch (templateId)
            {
                case BookUpdateDecoder.TEMPLATE_ID -> assertRecorded(templateId, update.wrapAndApplyHeader(buffer,
                    offset + 4, header).rxTimestampNs(), update.publishTimestampNs(), update.sendingTimeNs());
                case TopOfBookDecoder.TEMPLATE_ID -> assertRecorded(templateId, top.wrapAndApplyHeader(buffer,
                    offset + 4, header).rxTimestampNs(), top.publishTimestampNs(), top.sendingTimeNs());
                case TradeDecoder.TEMPLATE_ID -> assertRecorded(templateId, trade.wrapAndApplyHeader(buffer,
                    offset + 4, header).rxTimestampNs(), trade.publishTimestampNs(), trade.sendingTimeNs(),
                    trade.transactTimeNs());
                case StatisticDecoder.TEMPLATE_ID -> assertRecorded(templateId, statistic.wrapAndApplyHeader(buffer,
                    offset + 4, header).rxTimestampNs(), statistic.publishTimestampNs(), statistic.sendingTimeNs());
                case FeedStateDecoder.TEMPLATE_ID -> assertRecorded(templateId, feedState.wrapAndApplyHeader(buffer,
                    offset + 4, header).rxTimestampNs(), feedState.publishTimestampNs());
                case InstrumentDefinitionDecoder.TEMPLATE_ID -> assertRecorded(templateId,
                    definition.wrapAndApplyHeader(buffer, offset + 4, header).rxTimestampNs(),
                    definition.publishTimestampNs());
                case InstrumentStatusDecoder.TEMPLATE_ID -> assertRecorded(templateId, status.wrapAndApplyHeader(
                    buffer, offset + 4, header).rxTimestampNs(), status.publishTimestampNs(), status.sendingTimeNs());
                default -> throw new AssertionError("unexpected template " + templateId);
            }
            checked[templateId]++;
            offset += 4 + length;
        }
        assertTrue(checked[BookUpdateDecoder.TEMPLATE_ID] > 100 && checked[TradeDecoder.TEMPLATE_ID] > 10 &&
            checked[FeedStateDecoder.TEMPLATE_ID] > 0 && checked[StatisticDecoder.TEMPLATE_ID] > 0,
            java.util.Arrays.toString(checked));
    }

    /**
     * Within the capture's recorded time (0 only for an rx time of a message no frame caused).
     */
    private static void assertRecorded(final int templateId, final long rxNs, final long... othersNs)
    {
        final long lastNs = SimCapture.START_NS + TimeUnit.SECONDS.toNanos(2);
        assertTrue(0 == rxNs || rxNs >= SimCapture.START_NS && rxNs <= lastNs,
            "template " + templateId + " rx timestamp " + rxNs + " is not recorded time");
        for (final long ns : othersNs)
        {
            assertTrue(ns >= SimCapture.START_NS && ns <= lastNs,
                "template " + templateId + " timestamp " + ns + " is not recorded time");
        }
    }

    private static Replayed replay(final String pace, final String commands) throws Exception
    {
        final Path output = dir.resolve("out-" + pace + ".bin");
        final Path books = dir.resolve("books-" + pace + ".json");
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final ReplayOptions options = new ReplayOptions().inputs(List.of(capture)).pace(ReplayPace.parse(pace))
            .output(output).booksJson(books).out(new PrintStream(text, true, StandardCharsets.UTF_8))
            .commands(new ByteArrayInputStream(null == commands ? new byte[0] :
                commands.getBytes(StandardCharsets.UTF_8)));
        for (final String feed : SimCapture.FEEDS.replace("--feed ", "").split(" "))
        {
            options.feed(feed);
        }
        Replay.run(options, () -> false);
        final String summary = text.toString(StandardCharsets.UTF_8);
        System.out.println(summary);
        return new Replayed(Files.readAllBytes(output), Files.readString(books), summary);
    }

    private record Replayed(byte[] output, String books, String summary)
    {
    }
}
