package io.wirespeed.nic.xdp;

import io.wirespeed.nic.frame.Ipv4Address;

import java.nio.channels.DatagramChannel;

/**
 * One (destination address, UDP port) the XDP program of an {@link AfXdpNicPort} redirects to its socket; for a
 * multicast group, also the kernel socket that holds the group's IGMP membership. Closing it stops both.
 */
public final class XdpSubscription implements AutoCloseable
{
    private final AfXdpNicPort port;
    private final int address;
    private final int udpPort;
    final DatagramChannel membership;
    private boolean closed;

    XdpSubscription(final AfXdpNicPort port, final int address, final int udpPort, final DatagramChannel membership)
    {
        this.port = port;
        this.address = address;
        this.udpPort = udpPort;
        this.membership = membership;
    }

    /**
     * The destination address matched.
     *
     * @return an IPv4 address, a multicast group, or {@link Ipv4Address#ANY} for every destination.
     */
    public int address()
    {
        return address;
    }

    /**
     * The destination UDP port matched.
     *
     * @return 1..65535.
     */
    public int udpPort()
    {
        return udpPort;
    }

    /**
     * Whether this subscription holds a multicast group membership.
     *
     * @return true for a group.
     */
    public boolean isMulticast()
    {
        return null != membership;
    }

    /**
     * Stop redirecting, and leave the group if this was the last subscription holding it.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            port.unsubscribe(this);
        }
    }

    /**
     * For messages.
     *
     * @return e.g. {@code "239.1.2.3:14310"} or {@code "*:14310"}.
     */
    public String toString()
    {
        return (Ipv4Address.ANY == address ? "*" : Ipv4Address.toString(address)) + ":" + udpPort;
    }
}
