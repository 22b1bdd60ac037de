package io.wirespeed.codecs.print;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderEncoder;
import io.wirespeed.codecs.mdp3.MessageSizeEncoder;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderEncoder;

import static io.wirespeed.codecs.print.MessagePrinterTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class FramePrinterTest
{
    private static final FramePrinter PRINTER = new FramePrinter(MessagePrinter.fromClasspath());

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);

    @Test
    void mdp3PacketWithTwoMessagesAsText()
    {
        final int length = mdp3Packet();
        final String[] lines = PRINTER.mdp3Packet(PrintFormat.TEXT, buffer, 0, length).split(System.lineSeparator());

        assertEquals(3, lines.length);
        assertEquals("MDP3 packet seq=1001 sendingTime=1700000000123456789 messages=2", lines[0]);
        assertTrue(lines[1].startsWith("  MDIncrementalRefreshBook46 [1:46 v9] {TransactTime=1700000000123456789"));
        assertTrue(lines[2].startsWith("  SecurityStatus30 [1:30 v9] {"));
    }

    @Test
    void mdp3PacketAsJson()
    {
        final int length = mdp3Packet();
        final String json = PRINTER.mdp3Packet(PrintFormat.JSON, buffer, 0, length);

        assertTrue(json.startsWith("{\"msgSeqNum\":1001,\"sendingTime\":1700000000123456789,\"messages\":[" +
            "{\"message\":\"MDIncrementalRefreshBook46\","), json);
        assertContains(json, "},{\"message\":\"SecurityStatus30\",");
    }

    @Test
    void mdp3PacketCutInItsSecondMessage()
    {
        final int length = mdp3Packet();
        final String[] lines = PRINTER.mdp3Packet(PrintFormat.TEXT, buffer, 0, length - 10)
            .split(System.lineSeparator());

        assertEquals(3, lines.length);
        assertEquals("  <truncated: message size 40 at packet offset 132 but 30 bytes remain>", lines[2]);
    }

    @Test
    void mdp3PacketShorterThanItsHeader()
    {
        assertEquals("<truncated: MDP3 packet of 5 bytes, the binary packet header needs 12>",
            PRINTER.mdp3Packet(PrintFormat.TEXT, buffer, 0, 5));
    }

    @Test
    void sofhStreamWithTwoFramesAndAPartialThird()
    {
        int length = sofhFrame(0, SampleMessages::ilink3NewOrder);
        length += sofhFrame(length, SampleMessages::ilink3Fill);
        final int third = sofhFrame(length, SampleMessages::ilink3Negotiate);

        assertEquals((byte) 128, buffer.getByte(0));
        assertEquals(0, buffer.getByte(1));
        assertEquals((byte) 0xFE, buffer.getByte(2));
        assertEquals((byte) 0xCA, buffer.getByte(3));

        final String[] lines = PRINTER.sofhStream(PrintFormat.TEXT, buffer, 0, length + 10)
            .split(System.lineSeparator());
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("SOFH length=128 encoding=0xCAFE NewOrderSingle514 [8:514 v5] {Price=4500.25"),
            lines[0]);
        assertTrue(lines[1].startsWith("SOFH length=306 encoding=0xCAFE ExecutionReportTradeOutright525 [8:525 v5] {"),
            lines[1]);
        assertEquals("<truncated: SOFH frame of " + third + " bytes at stream offset " + length +
            " but 10 bytes remain>", lines[2]);
    }

    @Test
    void sofhStreamAsJson()
    {
        final int length = sofhFrame(0, SampleMessages::ilink3Negotiate);
        final String json = PRINTER.sofhStream(PrintFormat.JSON, buffer, 0, length);

        assertTrue(json.startsWith("[{\"messageLength\":" + length + ",\"encodingType\":51966,\"message\":" +
            "{\"message\":\"Negotiate500\",\"schemaId\":8,\"templateId\":500,\"version\":5,\"fields\":{"), json);
        assertTrue(json.endsWith("\"Credentials\":\"s3cr\\\"t\"}}}]"), json);
    }

    @Test
    void sofhFrameWithAnotherEncodingIsNamed()
    {
        final int length = sofhFrame(0, SampleMessages::ilink3NewOrder);
        new SimpleOpenFramingHeaderEncoder().wrap(buffer, 0).encodingType(0x5BE0);

        assertEquals("<unsupported SOFH encoding type 0x5BE0 at stream offset 0 (CME's iLink 3 frames carry 0xCAFE, " +
            "written little-endian: FE CA)>", PRINTER.sofhStream(PrintFormat.TEXT, buffer, 0, length));
    }

    @Test
    void bigEndianFramingHeaderIsNamedNotCalledTruncated()
    {
        final int length = sofhFrame(0, SampleMessages::ilink3NewOrder);
        buffer.putBytes(0, new byte[]{ 0, (byte) 128, (byte) 0xCA, (byte) 0xFE });

        assertEquals("<unsupported SOFH encoding type 0xFECA at stream offset 0 (CME's iLink 3 frames carry 0xCAFE, " +
            "written little-endian: FE CA); the bytes CA FE look like a big-endian framing header>",
            PRINTER.sofhStream(PrintFormat.TEXT, buffer, 0, length));
    }

    @Test
    void sofhHeaderCutOff()
    {
        final int length = sofhFrame(0, SampleMessages::ilink3NewOrder);

        assertEquals(length, 128);
        assertContains(PRINTER.sofhStream(PrintFormat.TEXT, buffer, 0, length + 2),
            System.lineSeparator() + "<truncated: 2 bytes at stream offset 128, a framing header needs 4>");
    }

    private int mdp3Packet()
    {
        new BinaryPacketHeaderEncoder().wrap(buffer, 0).msgSeqNum(1001).sendingTime(SampleMessages.TRANSACT_TIME);
        int position = BinaryPacketHeaderEncoder.ENCODED_LENGTH;
        final MessageSizeEncoder size = new MessageSizeEncoder();

        final int book = SampleMessages.mdp3Book(buffer, position + MessageSizeEncoder.ENCODED_LENGTH);
        size.wrap(buffer, position).msgSize(MessageSizeEncoder.ENCODED_LENGTH + book);
        position += MessageSizeEncoder.ENCODED_LENGTH + book;

        final int status = SampleMessages.mdp3SecurityStatus(buffer, position + MessageSizeEncoder.ENCODED_LENGTH);
        size.wrap(buffer, position).msgSize(MessageSizeEncoder.ENCODED_LENGTH + status);

        return position + MessageSizeEncoder.ENCODED_LENGTH + status;
    }

    private int sofhFrame(final int offset, final java.util.function.BiFunction<UnsafeBuffer, Integer, Integer> sample)
    {
        final int length = SimpleOpenFramingHeaderEncoder.ENCODED_LENGTH +
            sample.apply(buffer, offset + SimpleOpenFramingHeaderEncoder.ENCODED_LENGTH);
        new SimpleOpenFramingHeaderEncoder().wrap(buffer, offset)
            .messageLength(length)
            .encodingType(FramePrinter.SBE_LITTLE_ENDIAN_ENCODING_TYPE);

        return length;
    }
}
