package io.wirespeed.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Step commands read from a stream on a daemon thread of their own, so the replay's loop never blocks on input; the
 * end of the stream arrives as {@link #END}.
 */
final class StepCommands
{
    /** What {@link #poll()} returns once the stream has ended. */
    static final String END = "\u0000end";

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    StepCommands(final InputStream in)
    {
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader lineReader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = lineReader.readLine()))
                {
                    lines.add(line.trim());
                }
            }
            catch (final IOException ignore)
            {
                // the end of the commands, as at end of stream
            }
            lines.add(END);
        }, "wirespeed-replay-step-commands");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The next command, if one has arrived.
     *
     * @return the trimmed line, {@link #END}, or null when none waits.
     */
    String poll()
    {
        return lines.poll();
    }
}
