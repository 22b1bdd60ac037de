package io.wirespeed.codecs.print;

import java.nio.ByteOrder;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Token;
import uk.co.real_logic.sbe.otf.OtfHeaderDecoder;
import uk.co.real_logic.sbe.otf.OtfMessageDecoder;

/**
 * Prints one SBE message (message header first) of any schema in a {@link SchemaCatalog}, picked by the header's
 * schema id, as text or JSON; bad input gives a {@code <reason>} line, never an exception.
 */
public final class MessagePrinter
{
    private final SchemaCatalog catalog;

    /**
     * A printer over the given schemas.
     *
     * @param catalog of the schemas to decode.
     */
    public MessagePrinter(final SchemaCatalog catalog)
    {
        this.catalog = catalog;
    }

    /**
     * A printer over every schema in {@code /schemas/*.xml} on the class path.
     *
     * @return the printer.
     */
    public static MessagePrinter fromClasspath()
    {
        return new MessagePrinter(SchemaCatalog.fromClasspath());
    }

    /**
     * The schemas this printer decodes.
     *
     * @return the catalog.
     */
    public SchemaCatalog catalog()
    {
        return catalog;
    }

    /**
     * Print a message.
     *
     * @param format of the output.
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of the message, header included.
     * @return the message as one line of text or one JSON object.
     */
    public String print(final PrintFormat format, final DirectBuffer buffer, final int offset, final int length)
    {
        return decode(buffer, offset, length).render(format);
    }

    /**
     * Print a message as one line of text.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of the message, header included.
     * @return the text.
     */
    public String text(final DirectBuffer buffer, final int offset, final int length)
    {
        return print(PrintFormat.TEXT, buffer, offset, length);
    }

    /**
     * Print a message as a JSON object.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of the message, header included.
     * @return the JSON.
     */
    public String json(final DirectBuffer buffer, final int offset, final int length)
    {
        return print(PrintFormat.JSON, buffer, offset, length);
    }

    Decoded decode(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            return Decoded.problem("invalid range: offset " + offset + " length " + length + " in a buffer of " +
                buffer.capacity() + " bytes");
        }

        if (length < catalog.minHeaderLength())
        {
            return Decoded.problem("truncated: " + length + " bytes, a message header needs " +
                catalog.minHeaderLength());
        }

        final UnsafeBuffer message = new UnsafeBuffer(buffer, offset, length);
        final int schemaId = catalog.matchSchemaId(message, 0, length);
        if (schemaId < 0)
        {
            return Decoded.problem(unknownSchema(message, length));
        }

        final Ir ir = catalog.schema(schemaId);
        final OtfHeaderDecoder header = catalog.header(schemaId);
        final int templateId = header.getTemplateId(message, 0);
        final int blockLength = header.getBlockLength(message, 0);
        final int version = header.getSchemaVersion(message, 0);
        final List<Token> tokens = ir.getMessage(templateId);
        if (null == tokens)
        {
            return Decoded.problem(
                "unknown template " + templateId + " of schema " + schemaId + " (length " + length + ")");
        }

        final String name = tokens.get(0).name();
        final MessageExtent extent = new MessageExtent(message, length, version);
        if (!extent.measure(tokens, header.encodedLength(), blockLength))
        {
            return Decoded.problem(extent.problem() + " (" + name + ", length " + length + ")");
        }

        try
        {
            final TreeBuilder tree = new TreeBuilder(version);
            OtfMessageDecoder.decode(message, header.encodedLength(), version, blockLength, tokens, tree);

            return Decoded.message(name, schemaId, templateId, version, tree.fields());
        }
        catch (final RuntimeException ex)
        {
            return Decoded.problem("undecodable " + name + " (length " + length + "): " + ex);
        }
    }

    private static String unknownSchema(final DirectBuffer message, final int length)
    {
        final int schemaIdOffset = 4;
        if (length < schemaIdOffset + 2)
        {
            return "unknown schema (length " + length + ")";
        }

        return "unknown schema " + (message.getShort(schemaIdOffset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) +
            " (length " + length + ")";
    }
}
