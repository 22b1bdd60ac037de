package io.wirespeed.deploy;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;

import java.nio.file.Path;

/**
 * A stand-alone entry point, run in its own JVM by {@link DeployPackagingTest}, that writes and reads a real queue.
 */
public final class ChronicleProbe
{
    private ChronicleProbe()
    {
    }

    /**
     * Append one record to a queue in {@code args[0]} and read it back; exit 0 when it round-trips.
     *
     * @param args the queue directory.
     */
    public static void main(final String[] args)
    {
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(Path.of(args[0])).build())
        {
            final ExcerptAppender appender = queue.createAppender();
            appender.writeText("wirespeed chronicle probe");
            final ExcerptTailer tailer = queue.createTailer();
            final String text = tailer.readText();
            if (!"wirespeed chronicle probe".equals(text))
            {
                System.err.println("read back " + text);
                System.exit(1);
            }
        }
        System.out.println("probe ok" +
            ", chronicle.analytics.disable=" + System.getProperty("chronicle.analytics.disable") +
            ", chronicle.announcer.disable=" + System.getProperty("chronicle.announcer.disable"));
    }
}
