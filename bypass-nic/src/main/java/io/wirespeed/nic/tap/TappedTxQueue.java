package io.wirespeed.nic.tap;

import io.wirespeed.codecs.internal.JournalStream;
import io.wirespeed.nic.FrameClaim;
import io.wirespeed.nic.TxQueue;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.util.Arrays;

/**
 * A TX queue that journals every frame it commits as {@code RAW_FRAME_OUT}: at commit, before the burst is handed to
 * the wire, each frame claimed since the last commit is copied once from its slot into the committing thread's
 * {@link JournalTap}, all stamped with one clock reading taken at the commit (no backend reports a tx timestamp through
 * {@link TxQueue}). Aborted claims are not journaled. A frame the tap has no room for is lost from the journal only
 * (the tap counts it), never from the wire.
 * <p>
 * As with every backend, a claim's final length is read from its {@link FrameClaim} at the next claim or at commit, so
 * one claim flyweight may be reused for each frame of a burst. The slots of a burst are remembered in arrays sized for
 * {@code burstHint} frames; a longer burst grows them once (the backend's ring bounds a burst), so the steady state
 * allocates nothing.
 */
public final class TappedTxQueue implements TxQueue
{
    /** Frames of one burst remembered without growing, when the caller does not say. */
    public static final int BURST_HINT_DEFAULT = 64;

    private final TxQueue inner;
    private final JournalTap tap;
    private final EpochNanoClock clock;
    private final int sourceId;
    private MutableDirectBuffer[] buffers;
    private int[] offsets;
    private int[] lengths;
    private int pending;
    private FrameClaim lastClaim;

    /**
     * Tap a queue.
     *
     * @param inner     the queue whose committed frames are journaled.
     * @param tap       the tap of the one thread that claims and commits on this queue.
     * @param clock     read once per commit for the records' tx timestamp, epoch nanoseconds.
     * @param sourceId  of the records: {@code (port index << 8) | queue}, see {@link TappedNicPort#sourceId(int, int)}.
     * @param burstHint frames of one burst remembered before the arrays grow, at least 1.
     */
    public TappedTxQueue(
        final TxQueue inner, final JournalTap tap, final EpochNanoClock clock, final int sourceId, final int burstHint)
    {
        if (burstHint < 1)
        {
            throw new IllegalArgumentException("burstHint must be at least 1: " + burstHint);
        }
        this.inner = inner;
        this.tap = tap;
        this.clock = clock;
        this.sourceId = sourceId;
        this.buffers = new MutableDirectBuffer[burstHint];
        this.offsets = new int[burstHint];
        this.lengths = new int[burstHint];
    }

    /**
     * {@inheritDoc}
     */
    public boolean tryClaim(final int length, final FrameClaim claim)
    {
        final FrameClaim last = lastClaim;
        if (null != last)
        {
            lengths[pending - 1] = last.length(); // read before the backend may re-point the same flyweight
        }
        if (!inner.tryClaim(length, claim))
        {
            return false; // the last claim stays open: its length is read again at the next claim or commit
        }

        if (pending == buffers.length)
        {
            grow();
        }
        buffers[pending] = claim.buffer();
        offsets[pending] = claim.offset();
        lengths[pending] = claim.length();
        pending++;
        lastClaim = claim;

        return true;
    }

    /**
     * {@inheritDoc}
     */
    public int commit()
    {
        final int frames = pending;
        if (frames > 0)
        {
            lengths[frames - 1] = lastClaim.length();
            final long timestampNs = clock.nanoTime();
            for (int i = 0; i < frames; i++)
            {
                tap.record(JournalStream.RAW_FRAME_OUT, sourceId, timestampNs, buffers[i], offsets[i], lengths[i]);
            }
            pending = 0;
            lastClaim = null;
        }

        return inner.commit();
    }

    /**
     * {@inheritDoc}
     */
    public void abort()
    {
        pending = 0;
        lastClaim = null;
        inner.abort();
    }

    /**
     * {@inheritDoc}
     */
    public int maxFrameLength()
    {
        return inner.maxFrameLength();
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return inner.queueId();
    }

    /**
     * The journal records' source id.
     *
     * @return {@code (port index << 8) | queue}.
     */
    public int sourceId()
    {
        return sourceId;
    }

    private void grow()
    {
        final int capacity = buffers.length * 2;
        buffers = Arrays.copyOf(buffers, capacity);
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
    }
}
