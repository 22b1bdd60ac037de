package io.wirespeed.sim;

import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.frame.Ipv4Address;

/**
 * The ports a channel's feeds leave through, and the source addresses their frames carry. Feeds A and B may leave
 * through ports of their own (per-feed shm wires or sockets, so a receiver can inject faults per feed) or share one
 * NIC queue, as on a venue's wire where the two feeds differ only by group; when either TX ring is full neither feed
 * gets the packet.
 *
 * @param incrementalA port for incremental feed A; required.
 * @param incrementalB port for incremental feed B, its own or A's; null when the channel has no feed B.
 * @param snapshot     port for the snapshot loop; required, may be one of the others.
 * @param definition   port for the instrument definition loop; null when the channel has no definition feed.
 * @param sourceMac    the Ethernet source address of every frame, as {@link io.wirespeed.nic.frame.MacAddress} packs
 *                     it; what a NIC sends on the wire, so its own address where frames reach a real link.
 * @param sourceIp     the IPv4 source address of every frame, as {@link Ipv4Address#parse} packs it.
 */
public record MarketDataPorts(
    NicPort incrementalA, NicPort incrementalB, NicPort snapshot, NicPort definition, long sourceMac, int sourceIp)
{
    /**
     * Default source address of the simulator's frames where no link sees them (shm wires, kernel sockets that write
     * their own headers), in the benchmarking range.
     */
    public static final int SOURCE_IP_DEFAULT = Ipv4Address.parse("198.18.0.1");

    /**
     * Default source hardware address of the simulator's frames, locally administered.
     */
    public static final long SOURCE_MAC_DEFAULT = 0x02_00_5E_00_00_01L;

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
    }

    /**
     * Ports whose frames carry the default source addresses.
     *
     * @param incrementalA port for incremental feed A; required.
     * @param incrementalB port for incremental feed B, its own or A's; null when the channel has no feed B.
     * @param snapshot     port for the snapshot loop; required, may be one of the others.
     * @param definition   port for the instrument definition loop; null when the channel has no definition feed.
     */
    public MarketDataPorts(
        final NicPort incrementalA, final NicPort incrementalB, final NicPort snapshot, final NicPort definition)
    {
        this(incrementalA, incrementalB, snapshot, definition, SOURCE_MAC_DEFAULT, SOURCE_IP_DEFAULT);
    }
}
