package io.wirespeed.nic.fault;

import io.wirespeed.config.FaultContext;
import io.wirespeed.nic.FrameHandler;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.RxQueue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * An RX queue that drops, duplicates, reorders and delays the frames of another, as seeded {@link FaultDecisions}
 * say, without allocating: frames that must wait are copied into preallocated slots.
 * <p>
 * Per frame, in order: loss (rate, fixed ordinals, each loss dropping {@code loss_burst_length} frames); duplicate;
 * reorder (held until 1 to {@code reorder_window} later frames have arrived, so a held frame waits for traffic); then
 * delay, where every frame waits {@code delay_ns} on the injected clock from when this queue pulled it, and is handed
 * over with its rx timestamp moved later by the same amount, as if the wire were longer. Frames that cannot be handed
 * over in place (over the poll limit, or delayed) queue in order in a bounded line; when it is full this queue stops
 * pulling, so the inner queue's own back-pressure holds the frames and none is lost to the line. A frame that must be
 * copied but is larger than a slot is dropped and counted as {@link NicCounter#RX_DROPPED_OVERSIZE}.
 */
public final class FaultInjectingRxQueue implements RxQueue
{
    private final RxQueue inner;
    private final EpochNanoClock clock;
    private final FaultDecisions decisions;
    private final ReorderHold reorderHold;
    private final FrameFifo line;
    private final long delayNs;
    private final int slotBytes;
    private final int reserve;
    private final FrameHandler onInnerFrame = this::onInnerFrame;
    private final AtomicCounter dropped;
    private final AtomicCounter duplicated;
    private final AtomicCounter reordered;
    private final AtomicCounter delayed;
    private final AtomicCounter oversize;

    private FrameHandler handler;
    private int limit;
    private int delivered;
    private long nowNs;
    private long arrivals;

    /**
     * Wrap a queue.
     *
     * @param inner         the queue whose frames are faulted.
     * @param context       what to inject, concluded.
     * @param seed          of the decisions for this queue.
     * @param clock         for delays.
     * @param counters      where each action is counted.
     * @param holdingFrames frames the waiting line holds; raised to fit the reorder window.
     * @param slotBytes     largest frame that can wait.
     */
    public FaultInjectingRxQueue(
        final RxQueue inner,
        final FaultContext context,
        final long seed,
        final EpochNanoClock clock,
        final NicCounters counters,
        final int holdingFrames,
        final int slotBytes)
    {
        this.inner = inner;
        this.clock = clock;
        this.decisions = new FaultDecisions(context, seed);
        this.reorderHold = new ReorderHold(context.reorderWindow(), slotBytes);
        this.reserve = 2 * context.reorderWindow() + 2;
        this.line = new FrameFifo(Math.max(holdingFrames, 2 * reserve), slotBytes);
        this.delayNs = context.delayNs();
        this.slotBytes = slotBytes;
        this.dropped = counters.get(NicCounter.FAULT_DROPPED);
        this.duplicated = counters.get(NicCounter.FAULT_DUPLICATED);
        this.reordered = counters.get(NicCounter.FAULT_REORDERED);
        this.delayed = counters.get(NicCounter.FAULT_DELAYED);
        this.oversize = counters.get(NicCounter.RX_DROPPED_OVERSIZE);
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final FrameHandler handler, final int limit)
    {
        if (limit <= 0)
        {
            return 0;
        }

        final long nowNs = 0 == delayNs ? 0 : clock.nanoTime();
        final int drained = line.drain(handler, limit, nowNs);
        final int innerLimit = Math.min(0 == delayNs ? limit - drained : limit, (line.free() - reserve) / 2);
        if (innerLimit <= 0)
        {
            return drained;
        }

        this.handler = handler;
        this.limit = limit;
        this.delivered = drained;
        this.nowNs = nowNs;
        try
        {
            inner.poll(onInnerFrame, innerLimit);
            return delivered;
        }
        finally
        {
            this.handler = null;
        }
    }

    /**
     * {@inheritDoc}
     */
    public int queueId()
    {
        return inner.queueId();
    }

    /**
     * Frames waiting in this queue, held back for reordering or in the waiting line.
     *
     * @return frames waiting in this queue.
     */
    public int waitingFrames()
    {
        return reorderHold.heldCount() + line.capacity() - line.free();
    }

    void emit(
        final DirectBuffer buffer, final int offset, final int length, final long timestampNs, final boolean duplicate)
    {
        emitOne(buffer, offset, length, timestampNs);
        if (duplicate)
        {
            emitOne(buffer, offset, length, timestampNs);
        }
    }

    private void onInnerFrame(final DirectBuffer buffer, final int offset, final int length, final long timestampNs)
    {
        decisions.next();
        if (decisions.drop())
        {
            dropped.incrementRelease();
            return;
        }

        final long arrival = ++arrivals;
        final boolean duplicate = decisions.duplicate();
        if (duplicate)
        {
            duplicated.incrementRelease();
        }

        final int distance = decisions.reorderDistance();
        if (0 == distance)
        {
            emit(buffer, offset, length, timestampNs, duplicate);
        }
        else if (length > slotBytes)
        {
            oversize.incrementRelease();
        }
        else
        {
            reordered.incrementRelease();
            reorderHold.hold(arrival, distance, buffer, offset, length, timestampNs, duplicate);
        }

        reorderHold.release(arrival, this);
    }

    private void emitOne(final DirectBuffer buffer, final int offset, final int length, final long timestampNs)
    {
        if (0 == delayNs && delivered < limit && line.isEmpty())
        {
            delivered++;
            handler.onFrame(buffer, offset, length, timestampNs);
        }
        else if (length > slotBytes)
        {
            oversize.incrementRelease();
        }
        else
        {
            if (0 != delayNs)
            {
                delayed.incrementRelease();
            }
            line.add(buffer, offset, length, timestampNs + delayNs, nowNs + delayNs);
        }
    }
}
