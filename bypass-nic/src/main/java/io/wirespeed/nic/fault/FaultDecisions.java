package io.wirespeed.nic.fault;

import io.wirespeed.config.FaultContext;

import java.util.Arrays;

/**
 * What happens to each frame of a queue, decided by its ordinal and the seed alone, so a seed replays exactly.
 * <p>
 * Every frame draws the same four numbers from a SplitMix64 sequence whatever the outcome, so the frames one fault
 * picks do not move when another fault's rate changes. Frame ordinals count from 1, as {@code loss_positions} does.
 */
final class FaultDecisions
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private final double lossRate;
    private final long[] lossPositions;
    private final int lossBurstLength;
    private final double duplicateRate;
    private final double reorderRate;
    private final int reorderWindow;

    private long state;
    private long ordinal;
    private int positionIndex;
    private int burstRemaining;
    private boolean drop;
    private boolean duplicate;
    private int reorderDistance;

    FaultDecisions(final FaultContext context, final long seed)
    {
        this.lossRate = context.lossRate();
        this.lossPositions = context.lossPositions();
        Arrays.sort(lossPositions);
        this.lossBurstLength = context.lossBurstLength();
        this.duplicateRate = context.duplicateRate();
        this.reorderRate = context.reorderRate();
        this.reorderWindow = context.reorderWindow();
        this.state = seed;
    }

    /**
     * Decide for the next frame.
     */
    void next()
    {
        ordinal++;
        final double lossDraw = nextDouble();
        final double duplicateDraw = nextDouble();
        final double reorderDraw = nextDouble();
        final long distanceDraw = nextLong() >>> 1;

        while (positionIndex < lossPositions.length && lossPositions[positionIndex] < ordinal)
        {
            positionIndex++;
        }
        final boolean atPosition = positionIndex < lossPositions.length && lossPositions[positionIndex] == ordinal;

        if (burstRemaining > 0)
        {
            burstRemaining--;
            drop = true;
        }
        else if (atPosition || lossDraw < lossRate)
        {
            burstRemaining = lossBurstLength - 1;
            drop = true;
        }
        else
        {
            drop = false;
        }

        duplicate = !drop && duplicateDraw < duplicateRate;
        reorderDistance = !drop && reorderDraw < reorderRate ? 1 + (int)(distanceDraw % reorderWindow) : 0;
    }

    /**
     * The ordinal of the frame last decided.
     *
     * @return from 1.
     */
    long ordinal()
    {
        return ordinal;
    }

    /**
     * Drop the frame?
     *
     * @return true to drop it.
     */
    boolean drop()
    {
        return drop;
    }

    /**
     * Deliver the frame twice?
     *
     * @return true to deliver it twice.
     */
    boolean duplicate()
    {
        return duplicate;
    }

    /**
     * How many later frames go ahead of this one.
     *
     * @return 0 to keep its place, else 1 to the reorder window.
     */
    int reorderDistance()
    {
        return reorderDistance;
    }

    private long nextLong()
    {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private double nextDouble()
    {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }
}
