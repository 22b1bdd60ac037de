package io.wirespeed.replay.decode;

import io.wirespeed.codecs.print.FramePrinter;
import io.wirespeed.codecs.print.PrintFormat;
import io.wirespeed.codecs.print.SchemaCatalog;
import org.agrona.DirectBuffer;
import uk.co.real_logic.sbe.ir.Ir;
import uk.co.real_logic.sbe.ir.Token;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints MDP3 packets and SOFH frames through the codecs' {@link FramePrinter} and counts their messages by template
 * and their unknown templates and malformed messages by kind.
 * <pre>
 *   MDP3 packet: | MsgSeqNum 4 | SendingTime 8 | MsgSize 2 | SBE header 8 | body | MsgSize 2 | ...
 *   SOFH frame:  | Message_Length 2 | 0xCAFE 2 | SBE header 8 | body
 *   SBE header:  | blockLength 2 | templateId 2 | schemaId 2 | version 2 |   (all little-endian)
 * </pre>
 */
final class Printing
{
    static final int MDP3_PACKET_HEADER_LENGTH = 12;
    static final int MDP3_MESSAGE_SIZE_LENGTH = 2;
    static final int SBE_HEADER_LENGTH = 8;
    static final int SOFH_LENGTH = 4;

    private final FramePrinter printer;
    private final SchemaCatalog catalog;
    private final PrintFormat format;
    private final DecodeSummary summary;
    private final Map<Integer, String> names = new HashMap<>();

    Printing(final FramePrinter printer, final SchemaCatalog catalog, final PrintFormat format,
        final DecodeSummary summary)
    {
        this.printer = printer;
        this.catalog = catalog;
        this.format = format;
        this.summary = summary;
    }

    /**
     * Print an MDP3 packet and count its messages.
     *
     * @param buffer holding the UDP payload.
     * @param offset of the payload.
     * @param length of the payload captured.
     * @return the printer's text or JSON.
     */
    String mdp3Packet(final DirectBuffer buffer, final int offset, final int length)
    {
        countMdp3(buffer, offset, length);
        return printer.mdp3Packet(format, buffer, offset, length);
    }

    /**
     * Print one SOFH frame and count its message.
     *
     * @param buffer holding the frame.
     * @param offset of its framing header.
     * @param length its Message_Length.
     * @return the printer's text or JSON.
     */
    String sofhFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < SOFH_LENGTH + SBE_HEADER_LENGTH)
        {
            summary.onProblem(DecodeProblem.MALFORMED_MESSAGE);
        }
        else
        {
            countMessage(buffer, offset + SOFH_LENGTH);
        }
        return printer.sofhFrame(format, buffer, offset, length);
    }

    /**
     * Name a framing header that makes no sense, as text, whatever the output format.
     *
     * @param buffer    holding it.
     * @param offset    of the header.
     * @param available bytes from there on.
     * @return the printer's reason.
     */
    String badFramingHeader(final DirectBuffer buffer, final int offset, final int available)
    {
        return printer.sofhFrame(PrintFormat.TEXT, buffer, offset, available);
    }

    private void countMdp3(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MDP3_PACKET_HEADER_LENGTH)
        {
            summary.onProblem(DecodeProblem.MALFORMED_MESSAGE);
            return;
        }
        final int end = offset + length;
        int position = offset + MDP3_PACKET_HEADER_LENGTH;
        while (position < end)
        {
            if (end - position < MDP3_MESSAGE_SIZE_LENGTH)
            {
                summary.onProblem(DecodeProblem.MALFORMED_MESSAGE);
                return;
            }
            final int size = buffer.getShort(position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            if (size < MDP3_MESSAGE_SIZE_LENGTH + SBE_HEADER_LENGTH || size > end - position)
            {
                summary.onProblem(DecodeProblem.MALFORMED_MESSAGE);
                return;
            }
            countMessage(buffer, position + MDP3_MESSAGE_SIZE_LENGTH);
            position += size;
        }
    }

    private void countMessage(final DirectBuffer buffer, final int headerOffset)
    {
        final int templateId = buffer.getShort(headerOffset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int schemaId = buffer.getShort(headerOffset + 4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final String name = templateName(schemaId, templateId);
        if (null == name)
        {
            summary.onProblem(DecodeProblem.UNKNOWN_TEMPLATE);
            summary.onMessage("unknown template " + templateId + " of schema " + schemaId);
        }
        else
        {
            summary.onMessage(name);
        }
    }

    private String templateName(final int schemaId, final int templateId)
    {
        final Integer key = (schemaId << 16) | templateId;
        final String known = names.get(key);
        if (null != known || names.containsKey(key))
        {
            return known;
        }
        final Ir ir = catalog.schema(schemaId);
        final List<Token> tokens = null == ir ? null : ir.getMessage(templateId);
        final String name = null == tokens || tokens.isEmpty() ? null : tokens.get(0).name();
        names.put(key, name);
        return name;
    }
}
