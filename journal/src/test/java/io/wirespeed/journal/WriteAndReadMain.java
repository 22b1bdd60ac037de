package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.JournalRetentionAction;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * A child for the no-analytics drill: writes a thousand records and reads them back, then prints how many.
 */
public final class WriteAndReadMain
{
    private WriteAndReadMain()
    {
    }

    /**
     * Write and read.
     *
     * @param args the journal directory.
     */
    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        try (Journal journal = Journal.open(dir, RollCycles.FAST_HOURLY,
            new Retention(dir, 0, JournalRetentionAction.DELETE, null), new SystemEpochNanoClock()))
        {
            journal.appendConfig("[journal]\n");
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[32]);
            for (int i = 0; i < 1000; i++)
            {
                journal.append(JournalStream.MARKET_DATA.value(), 0, 1, i, payload, 0, 32);
            }
        }
        try (JournalReader reader = JournalReader.open(dir, new JournalQuery()))
        {
            System.out.println("read " + reader.readAll((s, id, seq, ts, b, o, l) -> {}));
        }
    }
}
