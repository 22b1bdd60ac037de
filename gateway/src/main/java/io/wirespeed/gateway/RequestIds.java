package io.wirespeed.gateway;

import org.agrona.concurrent.EpochNanoClock;

/**
 * Allocates gateway ids, monotonically increasing, one per venue request (new, cancel, replace, mass cancel, status).
 * <p>
 * Ids are reserved in the journal in blocks ({@link StateJournal#ID_BLOCK}) before the first of a block is handed
 * out, so a restart starts above every id that may have reached the wire; a restart also starts no lower than its
 * clock-derived first id, which keeps ids unique when there is no journal.
 */
final class RequestIds
{
    private final StateJournal journal;
    private final EpochNanoClock clock;
    private long next;
    private long reservedUpTo;

    RequestIds(final long first)
    {
        this(first, new StateJournal(null), null);
    }

    RequestIds(final long first, final StateJournal journal, final EpochNanoClock clock)
    {
        this.next = first;
        this.journal = journal;
        this.clock = clock;
        this.reservedUpTo = first - 1;
    }

    /**
     * Start above every id a restored journal shows may have been used.
     *
     * @param highestUsed the highest id reserved or seen in the journal.
     */
    void restore(final long highestUsed)
    {
        if (highestUsed >= next)
        {
            next = highestUsed + 1;
            reservedUpTo = next - 1;
        }
    }

    long peek()
    {
        return next;
    }

    long next()
    {
        if (next > reservedUpTo)
        {
            // a lost reservation record is counted by the tap; the clock-derived start still guards a restart
            reservedUpTo = next + StateJournal.ID_BLOCK - 1;
            journal.idsReserved(reservedUpTo, null == clock ? 0 : clock.nanoTime());
        }
        return next++;
    }
}
