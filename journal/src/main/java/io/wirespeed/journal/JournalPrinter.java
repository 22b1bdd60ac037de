package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.codecs.print.FramePrinter;
import io.wirespeed.codecs.print.MessagePrinter;
import io.wirespeed.codecs.print.PrintFormat;
import org.agrona.DirectBuffer;

import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints journal records one per line: stream, sequence, capture time (ISO-8601 UTC, nanoseconds), source, then the
 * payload through the codecs' printers (internal messages, SOFH + iLink 3, MDP 3.0 in Ethernet/IPv4/UDP frames) or
 * as text (configuration, errors); or one JSON object per record per line.
 */
public final class JournalPrinter implements JournalRecordHandler
{
    private static final DateTimeFormatter ISO_NANOS =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int ETHERNET_HEADER = 14;
    private static final int ETHER_TYPE_IPV4 = 0x0800;
    private static final int ETHER_TYPE_VLAN = 0x8100;
    private static final int UDP = 17;
    private static final int UDP_HEADER = 8;

    private final PrintWriter out;
    private final PrintFormat format;
    private final MessagePrinter messages = MessagePrinter.fromClasspath();
    private final FramePrinter frames = new FramePrinter(messages);
    private long printed;

    /**
     * A printer writing to a stream.
     *
     * @param out    where the lines go.
     * @param format text or JSON.
     */
    public JournalPrinter(final PrintWriter out, final PrintFormat format)
    {
        this.out = out;
        this.format = format;
    }

    /**
     * The capture time as ISO-8601 UTC with nanoseconds.
     *
     * @param epochNs epoch nanoseconds.
     * @return the text.
     */
    public static String isoTime(final long epochNs)
    {
        return ISO_NANOS.format(Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L),
            Math.floorMod(epochNs, 1_000_000_000L)));
    }

    /**
     * Records printed so far.
     *
     * @return the count.
     */
    public long printed()
    {
        return printed;
    }

    @Override
    public void onRecord(
        final JournalStream stream,
        final int sourceId,
        final long sequence,
        final long captureTimestampNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final String payload = payload(stream, buffer, offset, length);
        if (PrintFormat.JSON == format)
        {
            out.println("{\"stream\":\"" + stream + "\",\"sequence\":" + sequence + ",\"captureTime\":\"" +
                isoTime(captureTimestampNs) + "\",\"captureTimestampNs\":" + captureTimestampNs + ",\"sourceId\":" +
                sourceId + ",\"length\":" + length + ",\"payload\":" + payload + "}");
        }
        else
        {
            out.println(stream + " " + sequence + " " + isoTime(captureTimestampNs) + " source " + sourceId + " " +
                payload);
        }
        printed++;
    }

    private String payload(final JournalStream stream, final DirectBuffer buffer, final int offset, final int length)
    {
        switch (stream)
        {
            case CONFIG:
            case ERROR:
                return text(utf8(buffer, offset, length));
            case VENUE_OUT:
            case VENUE_IN:
                return frames.sofhStream(format, buffer, offset, length);
            case RAW_FRAME_IN:
            case RAW_FRAME_OUT:
                return frame(buffer, offset, length);
            default:
                return messages.print(format, buffer, offset, length);
        }
    }

    private String frame(final DirectBuffer buffer, final int offset, final int length)
    {
        int ip = offset + ETHERNET_HEADER;
        if (length < ETHERNET_HEADER + 20 + UDP_HEADER)
        {
            return text("frame of " + length + " bytes: " + hex(buffer, offset, length));
        }
        int etherType = buffer.getShort(offset + 12, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (ETHER_TYPE_VLAN == etherType)
        {
            etherType = buffer.getShort(offset + 16, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            ip += 4;
        }
        final int ipHeaderLength = (buffer.getByte(ip) & 0x0F) * 4;
        final int udp = ip + ipHeaderLength;
        if (ETHER_TYPE_IPV4 != etherType || UDP != (buffer.getByte(ip + 9) & 0xFF) ||
            udp + UDP_HEADER > offset + length)
        {
            return text("frame of " + length + " bytes (not IPv4 UDP): " + hex(buffer, offset, length));
        }
        final String route = address(buffer.getInt(ip + 12, ByteOrder.BIG_ENDIAN)) + ":" +
            (buffer.getShort(udp, ByteOrder.BIG_ENDIAN) & 0xFFFF) + " > " +
            address(buffer.getInt(ip + 16, ByteOrder.BIG_ENDIAN)) + ":" +
            (buffer.getShort(udp + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF);
        final int payload = udp + UDP_HEADER;
        final String packet = frames.mdp3Packet(format, buffer, payload, offset + length - payload);
        return PrintFormat.JSON == format ?
            "{\"udp\":\"" + route + "\",\"mdp3\":" + packet + "}" : "udp " + route + " " + packet;
    }

    private String text(final String text)
    {
        if (PrintFormat.JSON == format)
        {
            return jsonString(text);
        }
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    static String jsonString(final String text)
    {
        final StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if ('"' == c || '\\' == c)
            {
                json.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                json.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String utf8(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String hex(final DirectBuffer buffer, final int offset, final int length)
    {
        final StringBuilder hex = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++)
        {
            hex.append(String.format("%02x", buffer.getByte(offset + i) & 0xFF));
        }
        return hex.toString();
    }

    private static String address(final int address)
    {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }
}
