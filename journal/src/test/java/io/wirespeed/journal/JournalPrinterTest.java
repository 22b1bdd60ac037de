package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.internal.MessageHeaderEncoder;
import io.wirespeed.codecs.internal.NewOrderEncoder;
import io.wirespeed.codecs.print.PrintFormat;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalPrinterTest
{
    private static final long TIME_NS = 1_765_116_000_123_456_789L;

    @Test
    void captureTimesAreIsoUtcWithNanoseconds()
    {
        assertEquals("2025-12-07T14:00:00.123456789Z", JournalPrinter.isoTime(TIME_NS));
        assertEquals("1970-01-01T00:00:00.000000001Z", JournalPrinter.isoTime(1));
    }

    @Test
    void aTextLineCarriesStreamSequenceTimeSourceAndTheDecodedMessage()
    {
        final String line = print(PrintFormat.TEXT).lines().filter((l) -> l.startsWith("ORDER")).findFirst()
            .orElseThrow();
        assertTrue(line.startsWith("ORDER 4 2025-12-07T14:00:00.123456789Z source 1002 "), line);
        assertTrue(line.contains("NewOrder"), line);
        assertTrue(line.contains("424242"), line);
    }

    @Test
    void everyJsonLineParsesWithPython() throws Exception
    {
        final File python = new File("/usr/bin/python3");
        Assumptions.assumeTrue(python.canExecute(), "python3 is not installed: the JSON check needs it");
        final String json = print(PrintFormat.JSON);
        final Path file = Files.createTempFile("journal", ".jsonl");
        try
        {
            Files.writeString(file, json);
            final Process process = new ProcessBuilder(python.getPath(), "-c",
                "import json,sys\nn=0\nfor l in open(sys.argv[1]):\n json.loads(l); n+=1\nprint(n)", file.toString())
                .redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), output + "\n" + json);
            assertEquals(String.valueOf(json.lines().count()), output.trim());
            assertEquals(5, json.lines().count());
        }
        finally
        {
            Files.deleteIfExists(file);
        }
    }

    private static String print(final PrintFormat format)
    {
        final StringWriter text = new StringWriter();
        final JournalPrinter printer = new JournalPrinter(new PrintWriter(text), format);
        final byte[] config = "[journal]\nenabled = \"yes\"\t\\ é\n".getBytes(StandardCharsets.UTF_8);
        printer.onRecord(JournalStream.CONFIG, 0, 0, TIME_NS, new UnsafeBuffer(config), 0, config.length);
        final UnsafeBuffer order = new UnsafeBuffer(new byte[128]);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + new NewOrderEncoder()
            .wrapAndApplyHeader(order, 0, new MessageHeaderEncoder()).strategyId(7).clOrdId(424242).securityId(5)
            .encodedLength();
        printer.onRecord(JournalStream.ORDER, 1002, 4, TIME_NS, order, 0, length);
        printer.onRecord(JournalStream.RISK, 1002, 0, TIME_NS, order, 0, 5);
        final UnsafeBuffer junk = new UnsafeBuffer(new byte[]{1, 2, 3});
        printer.onRecord(JournalStream.RAW_FRAME_IN, 1, 0, TIME_NS, junk, 0, 3);
        printer.onRecord(JournalStream.VENUE_OUT, 1, 0, TIME_NS, junk, 0, 3);
        text.flush();
        return text.toString();
    }
}
