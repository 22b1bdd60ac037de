package io.wirespeed.replay.decode;

import io.wirespeed.nic.frame.Ipv4Address;

/**
 * One direction of a UDP or TCP flow: source and destination IPv4 address and port.
 */
final class FlowKey
{
    private final int sourceAddress;
    private final int destinationAddress;
    private final int sourcePort;
    private final int destinationPort;

    FlowKey(final int sourceAddress, final int sourcePort, final int destinationAddress, final int destinationPort)
    {
        this.sourceAddress = sourceAddress;
        this.destinationAddress = destinationAddress;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
    }

    /**
     * The same flow whichever way it is read, to count connections.
     *
     * @return the key with the smaller endpoint first.
     */
    FlowKey unordered()
    {
        final long source = ((sourceAddress & 0xFFFF_FFFFL) << 16) | sourcePort;
        final long destination = ((destinationAddress & 0xFFFF_FFFFL) << 16) | destinationPort;
        return source <= destination ? this : reversed();
    }

    /**
     * The other direction.
     *
     * @return the key with source and destination swapped.
     */
    FlowKey reversed()
    {
        return new FlowKey(destinationAddress, destinationPort, sourceAddress, sourcePort);
    }

    int sourcePort()
    {
        return sourcePort;
    }

    int destinationPort()
    {
        return destinationPort;
    }

    public boolean equals(final Object other)
    {
        if (!(other instanceof FlowKey))
        {
            return false;
        }
        final FlowKey that = (FlowKey)other;
        return sourceAddress == that.sourceAddress && destinationAddress == that.destinationAddress &&
            sourcePort == that.sourcePort && destinationPort == that.destinationPort;
    }

    public int hashCode()
    {
        return 31 * (31 * (31 * sourceAddress + destinationAddress) + sourcePort) + destinationPort;
    }

    /**
     * As the decode output shows it.
     *
     * @return "src:port > dst:port".
     */
    public String toString()
    {
        return Ipv4Address.toString(sourceAddress) + ':' + sourcePort + " > " +
            Ipv4Address.toString(destinationAddress) + ':' + destinationPort;
    }
}
