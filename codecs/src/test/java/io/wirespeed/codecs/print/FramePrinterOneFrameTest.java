package io.wirespeed.codecs.print;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderEncoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One SOFH frame printed on its own, as a TCP reassembler hands frames over: one line or one JSON object.
 */
final class FramePrinterOneFrameTest
{
    private static final FramePrinter PRINTER = new FramePrinter(MessagePrinter.fromClasspath());

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);

    @Test
    void oneFrameAsOneJsonObjectIgnoringTheBytesAfterIt()
    {
        final int length = frame(0);
        frame(length);

        final String json = PRINTER.sofhFrame(PrintFormat.JSON, buffer, 0, 2 * length);

        assertTrue(json.startsWith("{\"messageLength\":" + length + ",\"encodingType\":51966,\"message\":" +
            "{\"message\":\"Negotiate500\",\"schemaId\":8,\"templateId\":500,\"version\":5,\"fields\":{"), json);
        assertTrue(json.endsWith("\"Credentials\":\"s3cr\\\"t\"}}}"), json);
    }

    @Test
    void oneFrameAsOneLineOfText()
    {
        final int length = frame(0);

        final String text = PRINTER.sofhFrame(PrintFormat.TEXT, buffer, 0, length);

        assertTrue(text.startsWith("SOFH length=" + length + " encoding=0xCAFE Negotiate500 [8:500 v5] {"), text);
        assertEquals(-1, text.indexOf('\n'), text);
    }

    @Test
    void problemsAreNamedAsAnErrorObject()
    {
        final int length = frame(0);
        new SimpleOpenFramingHeaderEncoder().wrap(buffer, 0).encodingType(0x5BE0);

        assertTrue(PRINTER.sofhFrame(PrintFormat.JSON, buffer, 0, length)
            .startsWith("{\"error\":\"unsupported SOFH encoding type 0x5BE0 at stream offset 0"));
        frame(0);
        assertEquals("<truncated: 3 bytes at stream offset 0, a framing header needs 4>",
            PRINTER.sofhFrame(PrintFormat.TEXT, buffer, 0, 3));
        assertEquals("<truncated: 0 bytes, a framing header needs 4>",
            PRINTER.sofhFrame(PrintFormat.TEXT, buffer, 0, 0));
        assertEquals("<truncated: SOFH frame of " + length + " bytes at stream offset 0 but 20 bytes remain>",
            PRINTER.sofhFrame(PrintFormat.TEXT, buffer, 0, 20));
    }

    private int frame(final int offset)
    {
        final int length = SimpleOpenFramingHeaderEncoder.ENCODED_LENGTH +
            SampleMessages.ilink3Negotiate(buffer, offset + SimpleOpenFramingHeaderEncoder.ENCODED_LENGTH);
        new SimpleOpenFramingHeaderEncoder().wrap(buffer, offset)
            .messageLength(length)
            .encodingType(FramePrinter.SBE_LITTLE_ENDIAN_ENCODING_TYPE);

        return length;
    }
}
