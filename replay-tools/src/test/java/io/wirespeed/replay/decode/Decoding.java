package io.wirespeed.replay.decode;

import io.wirespeed.codecs.print.PrintFormat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link CaptureDecoder} over files and keeps its output lines and summary for assertions.
 */
final class Decoding
{
    private static final Pattern FRAME =
        Pattern.compile("^\\{\"kind\":\"([a-z0-9]+)\",\"frame\":(\\d+),\"ts\":(\\d+),\"flow\":\"([^\"]*)\"");

    final List<String> lines = new ArrayList<>();
    final String output;
    final DecodeSummary summary;

    private Decoding(final String output, final DecodeSummary summary)
    {
        this.output = output;
        this.summary = summary;
        for (final String line : output.split("\n"))
        {
            if (!line.isEmpty())
            {
                lines.add(line);
            }
        }
    }

    static Decoding text(final Path... files)
    {
        return run(new DecodeOptions(), files);
    }

    static Decoding json(final Path... files)
    {
        return run(new DecodeOptions().format(PrintFormat.JSON), files);
    }

    static Decoding run(final DecodeOptions options, final Path... files)
    {
        final StringWriter out = new StringWriter();
        final DecodeSummary summary;
        try (CaptureDecoder decoder = new CaptureDecoder(options, new PrintWriter(out)))
        {
            for (final Path file : files)
            {
                decoder.decode(file);
            }
            summary = decoder.finish();
        }
        return new Decoding(out.toString().replace(System.lineSeparator(), "\n"), summary);
    }

    /**
     * JSON lines of one kind ("mdp3", "ilink3", "tcp", "problem").
     */
    List<String> kind(final String kind)
    {
        final List<String> selected = new ArrayList<>();
        for (final String line : lines)
        {
            if (line.startsWith("{\"kind\":\"" + kind + "\""))
            {
                selected.add(line);
            }
        }
        return selected;
    }

    /**
     * Text lines that contain a string.
     */
    List<String> containing(final String text)
    {
        final List<String> selected = new ArrayList<>();
        for (final String line : lines)
        {
            if (line.contains(text))
            {
                selected.add(line);
            }
        }
        return selected;
    }

    /**
     * The frame number, timestamp and flow at the start of a JSON line.
     */
    static String[] head(final String jsonLine)
    {
        final Matcher matcher = FRAME.matcher(jsonLine);
        if (!matcher.find())
        {
            throw new AssertionError("not a decode JSON line with a frame: " + jsonLine);
        }
        return new String[] {matcher.group(2), matcher.group(3), matcher.group(4)};
    }

    /**
     * A numeric field anywhere in a JSON line, the first occurrence.
     */
    static long number(final String jsonLine, final String field)
    {
        final Matcher matcher = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(jsonLine);
        if (!matcher.find())
        {
            throw new AssertionError("no " + field + " in " + jsonLine);
        }
        return Long.parseLong(matcher.group(1));
    }
}
