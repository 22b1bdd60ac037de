package io.wirespeed.nic.kernel;

import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;

/**
 * One receive endpoint of a {@link KernelNicPort}: a socket bound to a multicast group and port (joined on the
 * port's interface) or to a unicast address and port; closing it leaves the group and stops polling it.
 */
public final class KernelSubscription implements AutoCloseable
{
    final DatagramChannel channel;
    final int destinationAddress;
    final int destinationPort;
    final long destinationMac;
    private final MembershipKey membership;
    private final KernelRxQueue rxQueue;
    private SocketAddress lastSender;
    private int lastSenderAddress;
    private int lastSenderPort;
    private boolean closed;

    KernelSubscription(
        final KernelRxQueue rxQueue,
        final DatagramChannel channel,
        final MembershipKey membership,
        final int destinationAddress,
        final int destinationPort,
        final long destinationMac)
    {
        this.rxQueue = rxQueue;
        this.channel = channel;
        this.membership = membership;
        this.destinationAddress = destinationAddress;
        this.destinationPort = destinationPort;
        this.destinationMac = destinationMac;
    }

    /**
     * The address received on: the group, or the unicast address bound.
     *
     * @return the IPv4 address.
     */
    public int address()
    {
        return destinationAddress;
    }

    /**
     * The socket's receive buffer as the kernel granted it (Linux reports twice the size it accepted, which
     * {@code net.core.rmem_max} caps), for an operator to compare with what was asked.
     *
     * @return the size in bytes, or -1 when the socket cannot say.
     */
    public int receiveBufferBytes()
    {
        try
        {
            return channel.getOption(StandardSocketOptions.SO_RCVBUF);
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    /**
     * The UDP port bound, the one the kernel chose when 0 was asked for.
     *
     * @return the port.
     */
    public int port()
    {
        return destinationPort;
    }

    /**
     * Whether this endpoint is a joined multicast group.
     *
     * @return true for a group.
     */
    public boolean isMulticast()
    {
        return null != membership;
    }

    /**
     * Stop polling this endpoint, leave the group and close the socket; call from the polling thread or after polling
     * has stopped.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            rxQueue.remove(this);
            if (null != membership)
            {
                membership.drop();
            }
            CloseHelper.quietClose(channel);
        }
    }

    /**
     * Remember the sender when it differs from the last one; the JDK hands back the same object while the sender is
     * unchanged, so the steady state does nothing here.
     *
     * @param sender from {@link DatagramChannel#receive}.
     */
    void onSender(final SocketAddress sender)
    {
        if (sender != lastSender)
        {
            final InetSocketAddress address = (InetSocketAddress)sender;
            lastSenderAddress = Ipv4Address.of(address.getAddress());
            lastSenderPort = address.getPort();
            lastSender = sender;
        }
    }

    int lastSenderAddress()
    {
        return lastSenderAddress;
    }

    int lastSenderPort()
    {
        return lastSenderPort;
    }

    /**
     * For messages.
     *
     * @return e.g. {@code "239.1.2.3:14310 (multicast)"}.
     */
    public String toString()
    {
        return Ipv4Address.toString(destinationAddress) + ":" + destinationPort +
            (isMulticast() ? " (multicast, " + MacAddress.toString(destinationMac) + ")" : " (unicast)");
    }
}
