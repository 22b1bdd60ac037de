package io.wirespeed.codecs.print;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;

import io.wirespeed.codecs.mdp3.BinaryPacketHeaderDecoder;
import io.wirespeed.codecs.mdp3.MessageSizeDecoder;
import io.wirespeed.codecs.sofh.SimpleOpenFramingHeaderDecoder;

/**
 * Prints framed traffic message by message: an MDP 3.0 UDP packet (binary packet header, then size-prefixed
 * messages) or a chunk of an iLink 3 TCP stream (SOFH-framed messages); bad input gives a {@code <reason>}, never an
 * exception.
 *
 * <pre>
 *   MDP 3.0 packet:  | BinaryPacketHeader 12 | MessageSize 2 | message | MessageSize 2 | message | ...
 *   iLink 3 stream:  | SOFH 4 (little-endian) | message | SOFH 4 | message | ...
 * </pre>
 */
public final class FramePrinter
{
    /** SOFH encoding type of SBE 1.0 little-endian, as CME uses. */
    public static final int SBE_LITTLE_ENDIAN_ENCODING_TYPE = 0xCAFE;

    private final MessagePrinter messages;

    /**
     * A printer that decodes the framed messages with the given message printer.
     *
     * @param messages printer for the messages inside the frames.
     */
    public FramePrinter(final MessagePrinter messages)
    {
        this.messages = messages;
    }

    /**
     * Print an MDP 3.0 packet: text is a header line then one indented line per message; JSON is one object.
     *
     * @param format of the output.
     * @param buffer holding the packet.
     * @param offset of the binary packet header.
     * @param length of the UDP payload.
     * @return the packet.
     */
    public String mdp3Packet(final PrintFormat format, final DirectBuffer buffer, final int offset, final int length)
    {
        final String rangeProblem = rangeProblem(buffer, offset, length);
        if (null != rangeProblem || length < BinaryPacketHeaderDecoder.ENCODED_LENGTH)
        {
            final String problem = null != rangeProblem ? rangeProblem : "truncated: MDP3 packet of " + length +
                " bytes, the binary packet header needs " + BinaryPacketHeaderDecoder.ENCODED_LENGTH;
            return Decoded.problem(problem).render(format);
        }

        final BinaryPacketHeaderDecoder header = new BinaryPacketHeaderDecoder().wrap(buffer, offset);
        final MessageSizeDecoder messageSize = new MessageSizeDecoder();
        final List<Decoded> decoded = new ArrayList<>();
        final int end = offset + length;
        int position = offset + BinaryPacketHeaderDecoder.ENCODED_LENGTH;
        while (position < end)
        {
            final int packetOffset = position - offset;
            if (end - position < MessageSizeDecoder.ENCODED_LENGTH)
            {
                decoded.add(Decoded.problem("truncated: " + (end - position) + " bytes at packet offset " +
                    packetOffset + ", a message size needs " + MessageSizeDecoder.ENCODED_LENGTH));
                break;
            }

            final int size = messageSize.wrap(buffer, position).msgSize();
            if (size < MessageSizeDecoder.ENCODED_LENGTH)
            {
                decoded.add(Decoded.problem("malformed: message size " + size + " at packet offset " + packetOffset));
                break;
            }

            if (size > end - position)
            {
                decoded.add(Decoded.problem("truncated: message size " + size + " at packet offset " + packetOffset +
                    " but " + (end - position) + " bytes remain"));
                break;
            }

            decoded.add(messages.decode(
                buffer, position + MessageSizeDecoder.ENCODED_LENGTH, size - MessageSizeDecoder.ENCODED_LENGTH));
            position += size;
        }

        final String sendingTime = Long.toUnsignedString(header.sendingTime());
        if (PrintFormat.JSON == format)
        {
            final Map<String, Object> packet = new LinkedHashMap<>();
            packet.put("msgSeqNum", header.msgSeqNum());
            packet.put("sendingTime", new BigInteger(sendingTime));
            packet.put("messages", trees(decoded));
            return Render.json(new StringBuilder(), packet).toString();
        }

        final StringBuilder out = new StringBuilder()
            .append("MDP3 packet seq=").append(header.msgSeqNum())
            .append(" sendingTime=").append(sendingTime)
            .append(" messages=").append(decoded.size());
        for (final Decoded message : decoded)
        {
            message.appendText(out.append(System.lineSeparator()).append("  "));
        }

        return out.toString();
    }

    /**
     * Print a chunk of an iLink 3 TCP stream that starts at a frame boundary: one line per frame in text, a JSON
     * array of frames otherwise. A frame cut off at the end of the chunk is reported as truncated.
     *
     * @param format of the output.
     * @param buffer holding the chunk.
     * @param offset of the first framing header.
     * @param length of the chunk.
     * @return the frames.
     */
    public String sofhStream(final PrintFormat format, final DirectBuffer buffer, final int offset, final int length)
    {
        final List<Frame> frames = new ArrayList<>();
        final String rangeProblem = rangeProblem(buffer, offset, length);
        if (null != rangeProblem)
        {
            frames.add(new Frame(-1, -1, Decoded.problem(rangeProblem)));
        }
        else
        {
            collectFrames(buffer, offset, length, frames);
        }

        if (PrintFormat.JSON == format)
        {
            final List<Object> trees = new ArrayList<>(frames.size());
            for (final Frame frame : frames)
            {
                trees.add(frame.tree());
            }
            return Render.json(new StringBuilder(), trees).toString();
        }

        final StringBuilder out = new StringBuilder();
        for (final Frame frame : frames)
        {
            if (out.length() > 0)
            {
                out.append(System.lineSeparator());
            }
            frame.appendText(out);
        }

        return out.toString();
    }

    /**
     * Print the one SOFH frame at {@code offset}, as a stream reassembler hands it over: one line of text or one JSON
     * object (the frame's fields, or {@code {"error":...}} naming what is wrong); bytes past that frame are not read.
     *
     * @param format of the output.
     * @param buffer holding the frame.
     * @param offset of its framing header.
     * @param length bytes available from {@code offset}, at least the frame's length for it to decode.
     * @return the frame.
     */
    public String sofhFrame(final PrintFormat format, final DirectBuffer buffer, final int offset, final int length)
    {
        final List<Frame> frames = new ArrayList<>(1);
        final String rangeProblem = rangeProblem(buffer, offset, length);
        if (null != rangeProblem)
        {
            frames.add(new Frame(-1, -1, Decoded.problem(rangeProblem)));
        }
        else
        {
            final int frameLength = length < SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH ? length :
                Math.max(SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH,
                Math.min(length, new SimpleOpenFramingHeaderDecoder().wrap(buffer, offset).messageLength()));
            collectFrames(buffer, offset, frameLength, frames);
            if (frames.isEmpty())
            {
                frames.add(new Frame(-1, -1, Decoded.problem("truncated: 0 bytes, a framing header needs " +
                    SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH)));
            }
        }

        final Frame frame = frames.get(0);
        final StringBuilder out = new StringBuilder();
        return (PrintFormat.JSON == format ? Render.json(out, frame.tree()) : frame.appendText(out)).toString();
    }

    private void collectFrames(final DirectBuffer buffer, final int offset, final int length, final List<Frame> frames)
    {
        final SimpleOpenFramingHeaderDecoder sofh = new SimpleOpenFramingHeaderDecoder();
        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            final int streamOffset = position - offset;
            if (end - position < SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH)
            {
                frames.add(new Frame(-1, -1, Decoded.problem("truncated: " + (end - position) +
                    " bytes at stream offset " + streamOffset + ", a framing header needs " +
                    SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH)));
                return;
            }

            sofh.wrap(buffer, position);
            final int messageLength = sofh.messageLength();
            final int encodingType = sofh.encodingType();
            if (SBE_LITTLE_ENDIAN_ENCODING_TYPE != encodingType)
            {
                frames.add(new Frame(-1, encodingType, Decoded.problem(encodingProblem(encodingType, streamOffset))));
                return;
            }

            if (messageLength < SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH)
            {
                frames.add(new Frame(-1, -1, Decoded.problem("malformed: SOFH message length " + messageLength +
                    " at stream offset " + streamOffset)));
                return;
            }

            if (messageLength > end - position)
            {
                frames.add(new Frame(-1, -1, Decoded.problem("truncated: SOFH frame of " + messageLength +
                    " bytes at stream offset " + streamOffset + " but " + (end - position) + " bytes remain")));
                return;
            }

            final int payloadLength = messageLength - SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH;
            final Decoded message =
                messages.decode(buffer, position + SimpleOpenFramingHeaderDecoder.ENCODED_LENGTH, payloadLength);

            frames.add(new Frame(messageLength, encodingType, message));
            position += messageLength;
        }
    }

    private static String encodingProblem(final int encodingType, final int streamOffset)
    {
        final String problem = "unsupported SOFH encoding type 0x" + hex(encodingType) + " at stream offset " +
            streamOffset + " (CME's iLink 3 frames carry 0xCAFE, written little-endian: FE CA)";
        return Short.reverseBytes((short)encodingType) == (short)SBE_LITTLE_ENDIAN_ENCODING_TYPE ?
            problem + "; the bytes CA FE look like a big-endian framing header" : problem;
    }

    private static List<Object> trees(final List<Decoded> decoded)
    {
        final List<Object> trees = new ArrayList<>(decoded.size());
        for (final Decoded message : decoded)
        {
            trees.add(message.tree());
        }

        return trees;
    }

    private static String rangeProblem(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset < 0 || length < 0 || offset > buffer.capacity() - length)
        {
            return "invalid range: offset " + offset + " length " + length + " in a buffer of " + buffer.capacity() +
                " bytes";
        }

        return null;
    }

    private static String hex(final int value)
    {
        return Integer.toHexString(value).toUpperCase();
    }

    private static final class Frame
    {
        private final int messageLength;
        private final int encodingType;
        private final Decoded message;

        Frame(final int messageLength, final int encodingType, final Decoded message)
        {
            this.messageLength = messageLength;
            this.encodingType = encodingType;
            this.message = message;
        }

        Object tree()
        {
            if (messageLength < 0)
            {
                return message.tree();
            }

            final Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("messageLength", (long) messageLength);
            frame.put("encodingType", (long) encodingType);
            frame.put("message", message.tree());

            return frame;
        }

        StringBuilder appendText(final StringBuilder out)
        {
            if (messageLength >= 0)
            {
                out.append("SOFH length=").append(messageLength).append(" encoding=0x").append(hex(encodingType))
                    .append(' ');
            }
            return message.appendText(out);
        }
    }
}
