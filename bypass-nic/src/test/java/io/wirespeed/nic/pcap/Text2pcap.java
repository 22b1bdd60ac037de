package io.wirespeed.nic.pcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a capture with text2pcap from packets and their recorded times: a hex dump with a {@code seconds.nanos}
 * line before each packet, turned into a nanosecond pcapng file by the tool (which adds any dummy headers asked for).
 */
public final class Text2pcap
{
    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder dump = new StringBuilder();

    /**
     * Add a packet.
     *
     * @param epochNs its recorded time.
     * @param bytes   its bytes, from the link layer on unless text2pcap is asked to add dummy headers.
     * @return this for a fluent API.
     */
    public Text2pcap packet(final long epochNs, final byte[] bytes)
    {
        dump.append(String.format("%d.%09d%n", epochNs / 1_000_000_000L, epochNs % 1_000_000_000L));
        for (int offset = 0; offset < bytes.length; offset += 16)
        {
            dump.append(String.format("%06x", offset));
            for (int b = offset; b < Math.min(bytes.length, offset + 16); b++)
            {
                dump.append(' ').append(HEX.toHexDigits(bytes[b]));
            }
            dump.append('\n');
        }
        dump.append('\n');
        return this;
    }

    /**
     * Run text2pcap on the packets added.
     *
     * @param directory working directory, where the dump is written too.
     * @param capture   the capture to write.
     * @param options   text2pcap options, e.g. {@code -4 src,dst -u sport,dport} or {@code -l 113}.
     * @return the capture.
     */
    public Path write(final Path directory, final Path capture, final String... options)
    {
        try
        {
            final Path text = Files.createTempFile(directory, "dump", ".txt");
            Files.writeString(text, dump);
            final List<String> command = new ArrayList<>(List.of("text2pcap", "-q", "-t", "%s.%f"));
            command.addAll(List.of(options));
            command.add(text.toString());
            command.add(capture.toString());
            ExternalTool.run(directory, command.toArray(new String[0]));
            return capture;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
