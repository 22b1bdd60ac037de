package io.wirespeed.nic.xdp;

import io.wirespeed.config.AfXdpNicContext;
import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.NicCounter;
import io.wirespeed.nic.NicCounters;
import io.wirespeed.nic.NicPort;
import io.wirespeed.nic.RxQueue;
import io.wirespeed.nic.TxQueue;
import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;
import io.wirespeed.nic.status.CounterAllocator;
import org.agrona.CloseHelper;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Linux kernel bypass: an AF_XDP socket on one device queue, its UMEM and four rings mapped into the JVM and driven
 * from Java with plain loads and stores, and a small XDP program that redirects only the subscribed UDP traffic to it.
 * <p>
 * A native library (src/main/c, built by the Maven build, loaded from the jar) does the setup only: socket, UMEM,
 * rings, the XSKMAP and filter map, the hand-assembled XDP program loaded with {@code bpf(BPF_PROG_LOAD)} and
 * attached with a BPF link, so it leaves the interface when the port closes or the process dies, even on kill -9.
 * The data path makes no call into it per frame: RX polls the RX ring and refills the fill ring in batches, TX writes
 * descriptors and publishes them once per commit (see {@link AfXdpRxQueue}, {@link AfXdpTxQueue}); system calls are
 * made only when a ring's need-wakeup flag asks: at most one per empty poll, and one per commit of up to 32 frames
 * (copy mode sends 32 per call).
 * <p>
 * The program redirects untagged IPv4 UDP datagrams without options and not fragmented whose (destination address,
 * destination port) was subscribed, or whose destination port was subscribed for every address, arriving on the
 * configured queue; every other frame (ARP, ICMP, TCP, other UDP, other queues) goes on to the kernel, so the host's
 * own networking keeps working. Steer the feeds' flows to the configured queue (ethtool -N) on a multi-queue NIC.
 * <p>
 * Multicast: a switch forwards a group only to ports that announced it with IGMP, and the kernel announces only the
 * groups a socket joined. So each multicast subscription also joins the group through an ordinary kernel socket
 * ({@link DatagramChannel#join}) on the interface, kept open while the XDP program takes the group's datagrams
 * away from the kernel; that socket receives nothing. The join needs an IPv4 address on the interface.
 * <p>
 * Zero-copy is asked for first in native mode when the bind mode is auto or zero-copy; auto falls back to copy mode.
 * Generic XDP always binds in copy mode (a zero-copy socket is fed from the driver's own XDP path, where a generic
 * program does not run). The mode in use is {@link #mode()} and the {@link NicCounter#XDP_MODE}
 * counter. RX time stamps are read from the clock once per poll burst, when the frames reach user space.
 * <p>
 * Setup failures are {@link XdpSetupException}s at open that say what is missing and how to fix it. Use the port's
 * queues from one thread each (RX and TX may be different threads); subscribe, unsubscribe and close from a
 * configuration thread while the queues are not being polled, or from the polling thread.
 */
public final class AfXdpNicPort implements NicPort
{
    private static final int ETHERNET_AND_VLAN_HEADER_LENGTH = 18;

    private final String name;
    private final AfXdpNicOptions options;
    private final int ifIndex;
    private final NetworkInterface networkInterface;
    private final long macAddress;
    private final int ipv4Address;
    private final NicCounters counters;
    private final XskSocket socket;
    private final XdpProgram program;
    private final AfXdpRxQueue rxQueue;
    private final AfXdpTxQueue txQueue;
    private final AfXdpMode mode;
    private final Long2LongHashMap filterReferences = new Long2LongHashMap(0);
    private final List<XdpSubscription> subscriptions = new ArrayList<>();
    private final long[] statistics = new long[XdpNative.STATISTICS_LENGTH];
    private boolean closed;

    private AfXdpNicPort(
        final String name,
        final AfXdpNicOptions options,
        final int ifIndex,
        final NetworkInterface networkInterface,
        final NicCounters counters,
        final XskSocket socket,
        final XdpProgram program,
        final AfXdpRxQueue rxQueue,
        final AfXdpTxQueue txQueue)
    {
        this.name = name;
        this.options = options;
        this.ifIndex = ifIndex;
        this.networkInterface = networkInterface;
        this.macAddress = macAddress(networkInterface);
        this.ipv4Address = ipv4Address(networkInterface);
        this.counters = counters;
        this.socket = socket;
        this.program = program;
        this.rxQueue = rxQueue;
        this.txQueue = txQueue;
        this.mode = XdpMode.GENERIC == options.xdpMode() ? AfXdpMode.GENERIC_COPY :
            socket.zeroCopy() ? AfXdpMode.NATIVE_ZERO_COPY : AfXdpMode.NATIVE_COPY;
        counters.get(NicCounter.XDP_MODE).setRelease(mode.code());
    }

    /**
     * Open a port from its configuration context.
     *
     * @param name      of the port, in counter labels and messages.
     * @param context   the {@code [nic.af_xdp]} section.
     * @param allocator where the port's counters live.
     * @param clock     for rx time stamps.
     * @return the port, with no subscriptions yet.
     * @throws XdpSetupException when the port cannot be opened, saying why and how to fix it.
     */
    public static AfXdpNicPort open(
        final String name, final AfXdpNicContext context, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        return open(name, AfXdpNicOptions.of(context), allocator, clock);
    }

    /**
     * Open a port: socket, UMEM, rings, bind, then the XDP program.
     *
     * @param name      of the port, in counter labels and messages.
     * @param options   interface, queue, modes, UMEM and ring geometry.
     * @param allocator where the port's counters live.
     * @param clock     for rx time stamps.
     * @return the port, with no subscriptions yet.
     * @throws XdpSetupException when the port cannot be opened, saying why and how to fix it.
     */
    public static AfXdpNicPort open(
        final String name, final AfXdpNicOptions options, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        options.validate();
        final String what = "AF_XDP NIC " + name + ": ";
        if (!XdpLibrary.isLinux())
        {
            throw new XdpSetupException(what + "AF_XDP needs Linux; this is " + System.getProperty("os.name") +
                "; use the kernel or shm backend", 0);
        }
        if (!XdpLibrary.isAvailable())
        {
            throw new XdpSetupException(what + "the native AF_XDP library is unavailable: " +
                XdpLibrary.unavailableReason(), 0);
        }

        final String interfaceName = options.interfaceName();
        final int ifIndex = XdpNative.interfaceIndex(interfaceName);
        if (ifIndex <= 0)
        {
            throw new XdpSetupException(what + "no network interface '" + interfaceName + "' (" +
                XdpErrors.describe(ifIndex) + "); ip link show lists the interfaces", -ifIndex);
        }
        checkQueue(what, interfaceName, options.queue());
        final NetworkInterface networkInterface = networkInterface(interfaceName);

        NicCounters counters = null;
        XskSocket socket = null;
        XdpProgram program = null;
        try
        {
            counters = new NicCounters(allocator, name);
            socket = XskSocket.open(name, options);
            socket.bind(name, options, interfaceName, ifIndex);

            final int frameSize = options.umemFrameSizeBytes();
            final int half = options.umemFrameCount() / 2;
            final int maxFrameLength = Math.min(frameSize, mtu(networkInterface) + ETHERNET_AND_VLAN_HEADER_LENGTH);
            final AfXdpRxQueue rxQueue = new AfXdpRxQueue(socket, 0, half, frameSize, counters, clock);
            final AfXdpTxQueue txQueue = new AfXdpTxQueue(socket, half, half, frameSize, maxFrameLength, counters);
            program = XdpProgram.attach(name, options, interfaceName, ifIndex, socket.fd);
            return new AfXdpNicPort(
                name, options, ifIndex, networkInterface, counters, socket, program, rxQueue, txQueue);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(program, socket, counters);
            throw ex;
        }
    }

    /**
     * Redirect UDP datagrams to an address and port to this port. A multicast group is also joined on the interface
     * through a kernel socket, so IGMP announces it.
     *
     * @param address a multicast group, a unicast address of this host, or {@link Ipv4Address#ANY} for every
     *                destination.
     * @param udpPort destination port, 1..65535.
     * @return the subscription; close it to stop.
     * @throws XdpSetupException when the filter map is full or the group cannot be joined.
     */
    public XdpSubscription subscribe(final int address, final int udpPort)
    {
        if (udpPort < 1 || udpPort > 65535)
        {
            throw new IllegalArgumentException("UDP port " + udpPort + " outside 1..65535");
        }
        if (closed)
        {
            throw new IllegalStateException("AF_XDP NIC " + name + " is closed");
        }
        final DatagramChannel membership = Ipv4Address.isMulticast(address) ? join(address) : null;
        final long key = filterKey(address, udpPort);
        final long references = filterReferences.get(key);
        if (0 == references)
        {
            final int result = program.addFilter(address, udpPort);
            if (result < 0)
            {
                CloseHelper.quietClose(membership);
                throw new XdpSetupException("AF_XDP NIC " + name + ": cannot add " + Ipv4Address.toString(address) +
                    ":" + udpPort + " to the XDP filter (" + XdpErrors.describe(result) + "); it holds " +
                    options.maxSubscriptions() + " entries", -result);
            }
        }
        filterReferences.put(key, references + 1);
        final XdpSubscription subscription = new XdpSubscription(this, address, udpPort, membership);
        subscriptions.add(subscription);
        return subscription;
    }

    /**
     * Redirect a multicast group's datagrams to a port, and join the group on the interface.
     *
     * @param group   e.g. {@code "239.1.1.1"}.
     * @param udpPort destination port, 1..65535.
     * @return the subscription; close it to leave.
     */
    public XdpSubscription subscribeMulticast(final String group, final int udpPort)
    {
        final int address = Ipv4Address.parse(group);
        if (!Ipv4Address.isMulticast(address))
        {
            throw new IllegalArgumentException("not a multicast group: " + group);
        }
        return subscribe(address, udpPort);
    }

    /**
     * Redirect every UDP datagram with a destination port, whatever its destination address.
     *
     * @param udpPort destination port, 1..65535.
     * @return the subscription; close it to stop.
     */
    public XdpSubscription subscribeUdpPort(final int udpPort)
    {
        return subscribe(Ipv4Address.ANY, udpPort);
    }

    /**
     * How the port is attached and bound.
     *
     * @return the mode in use.
     */
    public AfXdpMode mode()
    {
        return mode;
    }

    /**
     * The interface's hardware address, for the source of frames sent.
     *
     * @return the MAC address, 0 when the interface has none.
     */
    public long macAddress()
    {
        return macAddress;
    }

    /**
     * The interface's first IPv4 address, for the source of frames sent.
     *
     * @return the address, {@link Ipv4Address#ANY} when it has none.
     */
    public int ipv4Address()
    {
        return ipv4Address;
    }

    /**
     * The interface's index.
     *
     * @return the ifindex.
     */
    public int interfaceIndex()
    {
        return ifIndex;
    }

    /**
     * The options the port was opened with.
     *
     * @return the options.
     */
    public AfXdpNicOptions options()
    {
        return options;
    }

    /**
     * Read the kernel's drop counts for the socket (one {@code getsockopt(XDP_STATISTICS)} system call) into the
     * {@link NicCounter#XDP_KERNEL_RX_DROPPED} and {@link NicCounter#XDP_KERNEL_TX_INVALID} counters; call it from a
     * slow duty cycle, not per frame.
     *
     * @return the kernel's RX drops: no fill-ring frame, RX ring full, or a frame the UMEM frame cannot hold.
     */
    public long sampleKernelStatistics()
    {
        if (closed || XdpNative.statistics(socket.fd, statistics) < 0)
        {
            return counters.value(NicCounter.XDP_KERNEL_RX_DROPPED);
        }
        final long rxDropped = statistics[XdpNative.STATISTIC_RX_DROPPED] +
            statistics[XdpNative.STATISTIC_RX_RING_FULL] + statistics[XdpNative.STATISTIC_RX_INVALID_DESCRIPTORS];
        counters.get(NicCounter.XDP_KERNEL_RX_DROPPED).setRelease(rxDropped);
        counters.get(NicCounter.XDP_KERNEL_TX_INVALID).setRelease(
            statistics[XdpNative.STATISTIC_TX_INVALID_DESCRIPTORS]);
        return rxDropped;
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
            throw new IllegalArgumentException("AF_XDP NIC " + name + " has one RX queue, not " + queueId);
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
            throw new IllegalArgumentException("AF_XDP NIC " + name + " has one TX queue, not " + queueId);
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
     * Detach the XDP program, close the socket, unmap the rings and UMEM, leave the groups and free the counters.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            rxQueue.close();
            txQueue.close();
            for (final XdpSubscription subscription : subscriptions)
            {
                CloseHelper.quietClose(subscription.membership);
            }
            subscriptions.clear();
            CloseHelper.closeAll(program, socket, counters);
        }
    }

    /**
     * For messages.
     *
     * @return e.g. {@code "feed-a on ens1f0 queue 3 (native XDP, copy mode)"}.
     */
    public String toString()
    {
        return name + " on " + options.interfaceName() + " queue " + options.queue() + " (" + mode.label() + ")";
    }

    void unsubscribe(final XdpSubscription subscription)
    {
        if (!subscriptions.remove(subscription))
        {
            return;
        }
        final long key = filterKey(subscription.address(), subscription.udpPort());
        final long references = filterReferences.get(key) - 1;
        if (references <= 0)
        {
            filterReferences.remove(key);
            program.removeFilter(subscription.address(), subscription.udpPort());
        }
        else
        {
            filterReferences.put(key, references);
        }
        CloseHelper.quietClose(subscription.membership);
    }

    private DatagramChannel join(final int group)
    {
        final InetAddress groupAddress = Ipv4Address.toInetAddress(group);
        DatagramChannel channel = null;
        try
        {
            if (null == networkInterface)
            {
                throw new SocketException("the JVM cannot see the interface");
            }
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            channel.bind(new InetSocketAddress(0));
            channel.join(groupAddress, networkInterface);
            return channel;
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new XdpSetupException("AF_XDP NIC " + name + ": cannot join " + Ipv4Address.toString(group) +
                " on " + options.interfaceName() + " for IGMP (" + ex.getMessage() + "); the interface needs an " +
                "IPv4 address for the join", 0);
        }
    }

    private static long filterKey(final int address, final int udpPort)
    {
        return ((address & 0xFFFF_FFFFL) << 16) | udpPort;
    }

    private static void checkQueue(final String what, final String interfaceName, final int queue)
    {
        final Path queues = Path.of("/sys/class/net", interfaceName, "queues");
        if (!Files.isDirectory(queues))
        {
            return;
        }
        final int rxQueues = countQueues(queues, "rx-");
        final int txQueues = countQueues(queues, "tx-");
        if (queue >= rxQueues || queue >= txQueues)
        {
            throw new XdpSetupException(what + "queue " + queue + " does not exist: " + interfaceName + " has " +
                rxQueues + " RX and " + txQueues + " TX queue(s), numbered from 0 (ethtool -l " + interfaceName +
                " shows them; ethtool -L " + interfaceName + " combined N changes them)", XdpErrors.EINVAL);
        }
    }

    private static int countQueues(final Path queues, final String prefix)
    {
        try (Stream<Path> entries = Files.list(queues))
        {
            return (int)entries.filter((path) -> path.getFileName().toString().startsWith(prefix)).count();
        }
        catch (final IOException ex)
        {
            return Integer.MAX_VALUE;
        }
    }

    private static NetworkInterface networkInterface(final String interfaceName)
    {
        try
        {
            return NetworkInterface.getByName(interfaceName);
        }
        catch (final SocketException ex)
        {
            return null;
        }
    }

    private static int mtu(final NetworkInterface networkInterface)
    {
        try
        {
            return null == networkInterface ? 1500 : networkInterface.getMTU();
        }
        catch (final SocketException ex)
        {
            return 1500;
        }
    }

    private static long macAddress(final NetworkInterface networkInterface)
    {
        try
        {
            final byte[] mac = null == networkInterface ? null : networkInterface.getHardwareAddress();
            return null == mac ? 0 : MacAddress.of(mac);
        }
        catch (final SocketException ex)
        {
            return 0;
        }
    }

    private static int ipv4Address(final NetworkInterface networkInterface)
    {
        if (null != networkInterface)
        {
            final Enumeration<InetAddress> addresses = networkInterface.getInetAddresses();
            while (addresses.hasMoreElements())
            {
                final InetAddress address = addresses.nextElement();
                if (address instanceof Inet4Address)
                {
                    return Ipv4Address.of(address);
                }
            }
        }
        return Ipv4Address.ANY;
    }
}
