package io.wirespeed.sim;

import io.wirespeed.nic.NicPort;

/**
 * The ports a channel's feeds leave through: one per incremental feed, so faults can be injected per feed on the
 * receiving side, and ports (possibly the same ones) for the snapshot and definition loops.
 *
 * @param incrementalA port for incremental feed A; required.
 * @param incrementalB port for incremental feed B, a different port from A; null when the channel has no feed B.
 * @param snapshot     port for the snapshot loop; required, may be one of the others.
 * @param definition   port for the instrument definition loop; null when the channel has no definition feed.
 */
public record MarketDataPorts(NicPort incrementalA, NicPort incrementalB, NicPort snapshot, NicPort definition)
{
    /**
     * Validates the combination.
     *
     * @throws IllegalArgumentException naming what is missing.
     */
    public MarketDataPorts
    {
        if (null == incrementalA || null == snapshot)
        {
            throw new IllegalArgumentException("incremental A and snapshot ports are required");
        }
        if (incrementalA == incrementalB)
        {
            throw new IllegalArgumentException("feeds A and B need ports of their own");
        }
    }
}
