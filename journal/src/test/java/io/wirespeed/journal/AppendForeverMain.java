package io.wirespeed.journal;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.config.JournalRetentionAction;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The kill drill's child: opens the journal, says on stdout which number it starts from, then appends numbered
 * records as fast as it can until it is killed.
 */
public final class AppendForeverMain
{
    private AppendForeverMain()
    {
    }

    /**
     * Append forever.
     *
     * @param args the journal directory.
     */
    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        final Journal journal = Journal.open(dir, RollCycles.FAST_HOURLY,
            new Retention(dir, 0, JournalRetentionAction.DELETE, null), new SystemEpochNanoClock());
        long next = journal.nextSequence(JournalStream.GATEWAY_STATE);
        System.out.println("from " + next);
        System.out.flush();
        final UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(200));
        while (true)
        {
            final int length = (int)(16 + next % 185);
            payload.putLong(0, next);
            payload.putLong(length - 8, ~next);
            journal.append(JournalStream.GATEWAY_STATE.value(), 0, 1, next, payload, 0, length);
            next++;
        }
    }
}
