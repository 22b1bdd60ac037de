package io.wirespeed.nic.xdp;

import io.wirespeed.config.XdpBindMode;
import io.wirespeed.config.XdpMode;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An AF_XDP socket with its UMEM and four rings mapped into this process, bound to one device queue; opened at
 * configuration time, every failure an {@link XdpSetupException} that says how to fix it.
 * <pre>
 *   UMEM: frameCount frames of frameSize bytes in one anonymous mapping (MAP_HUGETLB on request)
 *   +----------------------------------------+----------------------------------------+
 *   | RX frames 0 .. frameCount/2 - 1        | TX frames frameCount/2 .. frameCount-1 |
 *   | given to the kernel on the fill ring,  | claimed by TX, back on the completion  |
 *   | back on the RX ring, data at +256 in   | ring                                   |
 *   | copy mode (XDP_PACKET_HEADROOM)        |                                        |
 *   +----------------------------------------+----------------------------------------+
 * </pre>
 */
final class XskSocket implements AutoCloseable
{
    private static final long BIND_RETRY_PAUSE_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long HUGE_PAGE_SIZE = 2L * 1024 * 1024;

    final int fd;
    final UnsafeBuffer umem;
    final long umemAddress;
    final long umemLength;
    private final long umemMappingLength;
    final XskRing fill;
    final XskRing completion;
    final XskRing rx;
    final XskRing tx;
    private boolean zeroCopy;
    private boolean closed;

    private XskSocket(
        final int fd,
        final long umemAddress,
        final long umemLength,
        final long umemMappingLength,
        final XskRing fill,
        final XskRing completion,
        final XskRing rx,
        final XskRing tx)
    {
        this.fd = fd;
        this.umemAddress = umemAddress;
        this.umemLength = umemLength;
        this.umemMappingLength = umemMappingLength;
        this.umem = new UnsafeBuffer(umemAddress, (int)umemLength);
        this.fill = fill;
        this.completion = completion;
        this.rx = rx;
        this.tx = tx;
    }

    /**
     * Open a socket, register its UMEM and map its rings; not yet bound.
     *
     * @param portName for messages.
     * @param options  frame, ring and huge page settings.
     * @return the socket.
     */
    static XskSocket open(final String portName, final AfXdpNicOptions options)
    {
        final String what = "AF_XDP NIC " + portName + ": ";
        final int fd = XdpNative.openSocket();
        if (fd < 0)
        {
            if (-fd == XdpErrors.EAFNOSUPPORT)
            {
                throw new XdpSetupException(what + "this kernel has no AF_XDP support (socket(AF_XDP) failed: " +
                    XdpErrors.describe(fd) + "); it needs Linux 5.4 or later built with CONFIG_XDP_SOCKETS=y", -fd);
            }
            if (-fd == XdpErrors.EPERM || -fd == XdpErrors.EACCES)
            {
                throw new XdpSetupException(what + "missing capability CAP_NET_RAW to open an AF_XDP socket (" +
                    XdpErrors.describe(fd) + "): " + XdpErrors.grantHint(), -fd);
            }
            throw new XdpSetupException(what + "socket(AF_XDP) failed: " + XdpErrors.describe(fd), -fd);
        }

        long umemAddress = 0;
        final long umemLength = options.umemSizeBytes();
        final long umemMappingLength = options.hugePages() ?
            (umemLength + HUGE_PAGE_SIZE - 1) / HUGE_PAGE_SIZE * HUGE_PAGE_SIZE : umemLength;
        final XskRing[] rings = new XskRing[4];
        try
        {
            umemAddress = mapUmem(what, options, umemMappingLength);
            registerUmem(what, fd, umemAddress, options);
            final int ringSize = options.ringSize();
            for (int ring = XdpNative.RING_FILL; ring <= XdpNative.RING_TX; ring++)
            {
                final int result = XdpNative.ringSize(fd, ring, ringSize);
                if (result < 0)
                {
                    throw new XdpSetupException(what + "cannot size the " + ringName(ring) + " ring to " + ringSize +
                        " entries: " + XdpErrors.describe(result), -result);
                }
            }
            final long[] offsets = new long[XdpNative.OFFSETS_LENGTH];
            final int result = XdpNative.ringOffsets(fd, offsets);
            if (result < 0)
            {
                throw new XdpSetupException(what + "getsockopt(XDP_MMAP_OFFSETS) failed: " +
                    XdpErrors.describe(result) + (-result == XdpErrors.EOPNOTSUPP ?
                    "; the kernel is too old for need-wakeup flags (needs Linux 5.4 or later)" : ""), -result);
            }
            for (int ring = XdpNative.RING_FILL; ring <= XdpNative.RING_TX; ring++)
            {
                rings[ring] = mapRing(what, fd, offsets, ring, ringSize);
            }
            return new XskSocket(fd, umemAddress, umemLength, umemMappingLength, rings[XdpNative.RING_FILL],
                rings[XdpNative.RING_COMPLETION], rings[XdpNative.RING_RX], rings[XdpNative.RING_TX]);
        }
        catch (final RuntimeException ex)
        {
            for (final XskRing ring : rings)
            {
                if (null != ring)
                {
                    XdpNative.unmapMemory(ring.address, ring.length);
                }
            }
            XdpNative.close(fd);
            if (0 != umemAddress)
            {
                XdpNative.unmapMemory(umemAddress, umemMappingLength);
            }
            throw ex;
        }
    }

    /**
     * Bind the socket to a device queue: zero-copy first where the options allow it, copy mode otherwise or after.
     * While the queue is busy (EBUSY) the bind is retried until the options' timeout.
     *
     * @param portName      for messages.
     * @param options       bind mode, XDP mode, timeout.
     * @param interfaceName for messages.
     * @param ifIndex       of the device.
     */
    void bind(final String portName, final AfXdpNicOptions options, final String interfaceName, final int ifIndex)
    {
        final String what = "AF_XDP NIC " + portName + ": ";
        final XdpBindMode mode = options.bind();
        final boolean tryZeroCopy = XdpBindMode.ZERO_COPY == mode ||
            (XdpBindMode.AUTO == mode && XdpMode.NATIVE == options.xdpMode());
        if (tryZeroCopy)
        {
            final int result = bindRetryingWhileBusy(ifIndex, options, true);
            if (0 == result)
            {
                zeroCopy = true;
                return;
            }
            if (XdpBindMode.ZERO_COPY == mode || -result == XdpErrors.EBUSY)
            {
                throw bindFailure(what, interfaceName, options, result, true);
            }
        }
        final int result = bindRetryingWhileBusy(ifIndex, options, false);
        if (0 != result)
        {
            throw bindFailure(what, interfaceName, options, result, false);
        }
        final int zeroCopyInUse = XdpNative.zeroCopyInUse(fd);
        zeroCopy = 1 == zeroCopyInUse;
    }

    boolean zeroCopy()
    {
        return zeroCopy;
    }

    /**
     * Close the socket and unmap its rings and UMEM; the kernel detaches the socket from its queue.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            XdpNative.close(fd);
            for (final XskRing ring : new XskRing[]{ fill, completion, rx, tx })
            {
                XdpNative.unmapMemory(ring.address, ring.length);
            }
            XdpNative.unmapMemory(umemAddress, umemMappingLength);
        }
    }

    private int bindRetryingWhileBusy(final int ifIndex, final AfXdpNicOptions options, final boolean zeroCopy)
    {
        final long deadlineNs = System.nanoTime() + options.bindBusyTimeoutNs();
        while (true)
        {
            final int result = XdpNative.bind(fd, ifIndex, options.queue(), zeroCopy);
            if (-result != XdpErrors.EBUSY || deadlineNs - System.nanoTime() <= 0)
            {
                return result;
            }
            LockSupport.parkNanos(BIND_RETRY_PAUSE_NS);
        }
    }

    private static XdpSetupException bindFailure(
        final String what,
        final String interfaceName,
        final AfXdpNicOptions options,
        final int result,
        final boolean zeroCopy)
    {
        final String queue = "queue " + options.queue() + " of " + interfaceName;
        final int errno = -result;
        if (XdpErrors.EBUSY == errno)
        {
            return new XdpSetupException(what + queue + " is busy: another AF_XDP socket is bound to it (still " +
                "EBUSY after " + TimeUnit.NANOSECONDS.toMillis(options.bindBusyTimeoutNs()) + " ms); stop the " +
                "other process or choose another queue", errno);
        }
        if (zeroCopy)
        {
            return new XdpSetupException(what + "the driver of " + interfaceName + " cannot bind " + queue +
                " in zero-copy mode (" + XdpErrors.describe(result) + "); set bind = \"copy\" or \"auto\"", errno);
        }
        if (XdpErrors.EINVAL == errno || XdpErrors.ENODEV == errno || XdpErrors.ENXIO == errno)
        {
            return new XdpSetupException(what + "cannot bind " + queue + " (" + XdpErrors.describe(result) +
                "): the queue does not exist or the interface is down (ip link set dev " + interfaceName + " up)",
                errno);
        }
        return new XdpSetupException(what + "cannot bind " + queue + ": " + XdpErrors.describe(result), errno);
    }

    private static long mapUmem(final String what, final AfXdpNicOptions options, final long mappingLength)
    {
        final long length = options.umemSizeBytes();
        final long address = XdpNative.mapMemory(mappingLength, options.hugePages());
        if (address < 0)
        {
            if (options.hugePages())
            {
                throw new XdpSetupException(what + "no huge pages for a UMEM of " + length + " bytes (" +
                    XdpErrors.describe(address) + "; " + XdpErrors.hugePagesFree() + "): reserve them with " +
                    "sysctl -w vm.nr_hugepages=" + hugePagesNeeded(length) + " or set huge_pages = false",
                    (int)-address);
            }
            throw new XdpSetupException(what + "cannot map a UMEM of " + length + " bytes: " +
                XdpErrors.describe(address), (int)-address);
        }
        return address;
    }

    private static long hugePagesNeeded(final long length)
    {
        return (length + HUGE_PAGE_SIZE - 1) / HUGE_PAGE_SIZE;
    }

    private static void registerUmem(final String what, final int fd, final long address,
        final AfXdpNicOptions options)
    {
        final int result = XdpNative.registerUmem(fd, address, options.umemSizeBytes(), options.umemFrameSizeBytes());
        if (result < 0)
        {
            final int errno = -result;
            if (XdpErrors.ENOBUFS == errno || XdpErrors.ENOMEM == errno || XdpErrors.EPERM == errno)
            {
                throw new XdpSetupException(what + "cannot lock the UMEM of " + options.umemSizeBytes() +
                    " bytes in memory (" + XdpErrors.describe(result) + "): it exceeds the memlock limit (" +
                    XdpErrors.memlockLimit() + "); raise it with ulimit -l (LimitMEMLOCK= in a systemd unit, " +
                    "memlock in /etc/security/limits.conf), grant CAP_IPC_LOCK (" + XdpErrors.grantHint() +
                    "), or configure fewer or smaller UMEM frames", errno);
            }
            throw new XdpSetupException(what + "the kernel refused the UMEM (" + options.umemFrameCount() + " x " +
                options.umemFrameSizeBytes() + " bytes): " + XdpErrors.describe(result), errno);
        }
    }

    private static XskRing mapRing(
        final String what, final int fd, final long[] offsets, final int ring, final int size)
    {
        final int entryLength = XdpNative.RING_FILL == ring || XdpNative.RING_COMPLETION == ring ?
            XskRing.ADDRESS_ENTRY_LENGTH : XskRing.DESCRIPTOR_ENTRY_LENGTH;
        final long length = XskRing.mappingLength(offsets, ring, size, entryLength);
        final long address = XdpNative.mapRing(fd, ring, length);
        if (address < 0)
        {
            throw new XdpSetupException(what + "cannot map the " + ringName(ring) + " ring: " +
                XdpErrors.describe(address), (int)-address);
        }
        return new XskRing(address, length, offsets, ring, size, entryLength);
    }

    private static String ringName(final int ring)
    {
        switch (ring)
        {
            case XdpNative.RING_FILL:
                return "fill";
            case XdpNative.RING_COMPLETION:
                return "completion";
            case XdpNative.RING_RX:
                return "RX";
            default:
                return "TX";
        }
    }
}
