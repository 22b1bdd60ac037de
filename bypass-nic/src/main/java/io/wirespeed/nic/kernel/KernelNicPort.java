package io.wirespeed.nic.kernel;

import io.wirespeed.config.KernelNicContext;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;

/**
 * The kernel-socket NIC: ordinary non-blocking UDP sockets, busy-polled, seen through {@link NicPort} as raw
 * Ethernet frames so upper layers cannot tell it from a bypass backend.
 * <p>
 * RX: each {@link KernelSubscription} (a multicast group joined on the configured interface, or a unicast address)
 * is a {@link DatagramChannel}; every datagram is received straight into a frame buffer behind synthesized
 * Ethernet/IPv4/UDP headers carrying the real sender address and port and the subscription's address and port, with
 * a valid IPv4 header checksum and UDP checksum 0. TX: each committed frame's UDP payload is sent to the frame's
 * destination address and port. One system call per datagram each way is inherent to this backend (plus one
 * {@code recvfrom} per idle subscription per poll); that cost is what the bypass backends are measured against.
 * <p>
 * The steady state allocates nothing: the JDK caches the sender's address while it is unchanged and destinations
 * are cached here. A subscription whose datagrams alternate between senders allocates one address per change.
 * Time stamps are taken when {@code receive} returns, not when the datagram reached the host. Use a port from one
 * thread: subscribe and close before polling starts or from the polling thread.
 */
public final class KernelNicPort implements NicPort
{
    private final String name;
    private final KernelNicOptions options;
    private final NetworkInterface networkInterface;
    private final long interfaceMac;
    private final NicCounters counters;
    private final DatagramChannel txChannel;
    private final KernelRxQueue rxQueue;
    private final KernelTxQueue txQueue;

    private KernelNicPort(
        final String name,
        final KernelNicOptions options,
        final NetworkInterface networkInterface,
        final NicCounters counters,
        final DatagramChannel txChannel,
        final EpochNanoClock clock) throws SocketException
    {
        this.name = name;
        this.options = options;
        this.networkInterface = networkInterface;
        this.interfaceMac = MacAddress.of(networkInterface.getHardwareAddress());
        this.counters = counters;
        this.txChannel = txChannel;
        this.rxQueue = new KernelRxQueue(counters, clock, options.maxFrameLength());
        this.txQueue = new KernelTxQueue(txChannel, counters, options.maxFrameLength(), options.txSlotCount());
    }

    /**
     * Open a port from its configuration context.
     *
     * @param name      of the port, in counter labels.
     * @param context   the {@code [nic.kernel]} section.
     * @param allocator where the port's counters live.
     * @param clock     for rx time stamps.
     * @return the port, with no subscriptions yet.
     */
    public static KernelNicPort open(
        final String name, final KernelNicContext context, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        return open(name, KernelNicOptions.of(context), allocator, clock);
    }

    /**
     * Open a port.
     *
     * @param name      of the port, in counter labels.
     * @param options   interface, socket buffers, multicast, frame and ring settings.
     * @param allocator where the port's counters live.
     * @param clock     for rx time stamps.
     * @return the port, with no subscriptions yet.
     */
    public static KernelNicPort open(
        final String name, final KernelNicOptions options, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        options.validate();
        final NetworkInterface networkInterface = resolveInterface(options.interfaceName());
        NicCounters counters = null;
        DatagramChannel txChannel = null;
        try
        {
            counters = new NicCounters(allocator, name);
            txChannel = DatagramChannel.open(StandardProtocolFamily.INET);
            txChannel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBufferBytes());
            txChannel.setOption(StandardSocketOptions.IP_MULTICAST_IF, networkInterface);
            txChannel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, options.multicastTtl());
            txChannel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, options.multicastLoopback());
            txChannel.bind(new InetSocketAddress(0));
            txChannel.configureBlocking(false);
            return new KernelNicPort(name, options, networkInterface, counters, txChannel, clock);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietCloseAll(txChannel, counters);
            throw new UncheckedIOException("kernel NIC " + name + ": cannot open the sending socket on " +
                options.interfaceName(), ex);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(txChannel, counters);
            throw ex;
        }
    }

    /**
     * Receive a multicast group: bind a socket to the group and port and join the group on the port's interface.
     *
     * @param group IPv4 multicast address, e.g. {@code "239.1.1.1"}.
     * @param port  UDP port, or 0 for one the kernel chooses.
     * @return the subscription; close it to leave.
     */
    public KernelSubscription subscribeMulticast(final String group, final int port)
    {
        return subscribeMulticast(Ipv4Address.parse(group), port);
    }

    /**
     * Receive a multicast group: bind a socket to the group and port and join the group on the port's interface.
     * Binding to the group, not the wildcard, keeps other groups on the same port out.
     *
     * @param group IPv4 multicast address.
     * @param port  UDP port, or 0 for one the kernel chooses.
     * @return the subscription; close it to leave.
     */
    public KernelSubscription subscribeMulticast(final int group, final int port)
    {
        if (!Ipv4Address.isMulticast(group))
        {
            throw new IllegalArgumentException("not a multicast group: " + Ipv4Address.toString(group));
        }
        final InetAddress groupAddress = Ipv4Address.toInetAddress(group);
        DatagramChannel channel = null;
        try
        {
            channel = openReceiver(true);
            channel.bind(new InetSocketAddress(groupAddress, port));
            final MembershipKey membership = channel.join(groupAddress, networkInterface);
            return subscribe(channel, membership, group, MacAddress.ofIpv4Multicast(group));
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException("kernel NIC " + name + ": cannot join " + Ipv4Address.toString(group) +
                ":" + port + " on " + options.interfaceName(), ex);
        }
    }

    /**
     * Receive unicast datagrams sent to an address and port of this host.
     *
     * @param address a local IPv4 address, e.g. {@code "127.0.0.1"}.
     * @param port    UDP port, or 0 for one the kernel chooses.
     * @return the subscription; close it to stop receiving.
     */
    public KernelSubscription subscribeUnicast(final String address, final int port)
    {
        return subscribeUnicast(Ipv4Address.parse(address), port);
    }

    /**
     * Receive unicast datagrams sent to an address and port of this host.
     *
     * @param address a local IPv4 address; the synthesized frames carry it as their destination.
     * @param port    UDP port, or 0 for one the kernel chooses.
     * @return the subscription; close it to stop receiving.
     */
    public KernelSubscription subscribeUnicast(final int address, final int port)
    {
        DatagramChannel channel = null;
        try
        {
            channel = openReceiver(false);
            channel.bind(new InetSocketAddress(Ipv4Address.toInetAddress(address), port));
            return subscribe(channel, null, address, interfaceMac);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException("kernel NIC " + name + ": cannot bind " + Ipv4Address.toString(address) +
                ":" + port, ex);
        }
    }

    /**
     * The interface the port joins groups on and sends multicast through, as the kernel names it.
     *
     * @return the device name, e.g. {@code lo}, also when the port was configured by an IPv4 address.
     */
    public String interfaceName()
    {
        return networkInterface.getName();
    }

    /**
     * The local port of the sending socket: the source port of every datagram sent.
     *
     * @return the port.
     */
    public int txLocalPort()
    {
        try
        {
            return ((InetSocketAddress)txChannel.getLocalAddress()).getPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * {@inheritDoc}
     */
    public int rxQueueCount()
    {
        return 1;
    }

    /**
     * {@inheritDoc}
     */
    public int txQueueCount()
    {
        return 1;
    }

    /**
     * {@inheritDoc}
     */
    public RxQueue rxQueue(final int queueId)
    {
        if (0 != queueId)
        {
            throw new IndexOutOfBoundsException("kernel NIC " + name + " has one RX queue, not " + queueId);
        }
        return rxQueue;
    }

    /**
     * {@inheritDoc}
     */
    public TxQueue txQueue(final int queueId)
    {
        if (0 != queueId)
        {
            throw new IndexOutOfBoundsException("kernel NIC " + name + " has one TX queue, not " + queueId);
        }
        return txQueue;
    }

    /**
     * {@inheritDoc}
     */
    public NicCounters counters()
    {
        return counters;
    }

    /**
     * Close every subscription, the sending socket and the counters.
     */
    public void close()
    {
        final KernelSubscription[] subscriptions = rxQueue.subscriptions();
        CloseHelper.closeAll(subscriptions);
        CloseHelper.closeAll(txChannel, counters);
    }

    private DatagramChannel openReceiver(final boolean reuseAddress) throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBufferBytes());
        channel.configureBlocking(false);
        return channel;
    }

    private KernelSubscription subscribe(
        final DatagramChannel channel, final MembershipKey membership, final int address, final long mac)
        throws IOException
    {
        final int boundPort = ((InetSocketAddress)channel.getLocalAddress()).getPort();
        final KernelSubscription subscription =
            new KernelSubscription(rxQueue, channel, membership, address, boundPort, mac);
        rxQueue.add(subscription);
        return subscription;
    }

    private static NetworkInterface resolveInterface(final String interfaceName)
    {
        try
        {
            final long address = Ipv4Address.tryParse(interfaceName);
            final NetworkInterface networkInterface = address >= 0 ?
                NetworkInterface.getByInetAddress(Ipv4Address.toInetAddress((int)address)) :
                NetworkInterface.getByName(interfaceName);
            if (null == networkInterface)
            {
                throw new IllegalArgumentException("kernel NIC: no interface " + interfaceName);
            }
            return networkInterface;
        }
        catch (final SocketException ex)
        {
            throw new UncheckedIOException("kernel NIC: cannot look up interface " + interfaceName, ex);
        }
    }
}
