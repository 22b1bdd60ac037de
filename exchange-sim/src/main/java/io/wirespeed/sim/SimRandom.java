package io.wirespeed.sim;

/**
 * A seeded SplitMix64 generator: the same seed gives the same sequence on every JVM, and nothing is allocated.
 */
public final class SimRandom
{
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /**
     * A generator at a seed.
     *
     * @param seed any value.
     */
    public SimRandom(final long seed)
    {
        this.state = seed;
    }

    /**
     * The next 64 random bits.
     *
     * @return the next value.
     */
    public long nextLong()
    {
        long z = (state += 0x9E37_79B9_7F4A_7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A value uniform in {@code [0, bound)}.
     *
     * @param bound exclusive upper bound, positive.
     * @return the value.
     */
    public int nextInt(final int bound)
    {
        return (int)(((nextLong() >>> 33) * bound) >>> 31);
    }

    /**
     * A value uniform in {@code [0, 1)}.
     *
     * @return the value.
     */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }
}
