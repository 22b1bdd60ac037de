package io.wirespeed.nic.xdp;

import io.wirespeed.config.XdpMode;

import java.nio.charset.StandardCharsets;

/**
 * The filtering XDP program on one interface, with its two maps: an XSKMAP holding the socket at its queue's index,
 * and a hash of (destination address, destination port) keys to redirect, address 0 matching every destination.
 * Attached through a BPF link, so it leaves the interface when the link is closed or the process dies.
 */
final class XdpProgram implements AutoCloseable
{
    private static final int VERIFIER_LOG_LENGTH = 64 * 1024;

    private final int socketMapFd;
    private final int filterMapFd;
    private final int programFd;
    private final int linkFd;
    private boolean closed;

    private XdpProgram(final int socketMapFd, final int filterMapFd, final int programFd, final int linkFd)
    {
        this.socketMapFd = socketMapFd;
        this.filterMapFd = filterMapFd;
        this.programFd = programFd;
        this.linkFd = linkFd;
    }

    /**
     * Create the maps, put the socket in, load the program and attach it to the interface.
     *
     * @param portName      for messages.
     * @param options       queue, XDP mode, filter capacity.
     * @param interfaceName for messages.
     * @param ifIndex       of the device.
     * @param socketFd      the bound AF_XDP socket.
     * @return the attached program.
     */
    static XdpProgram attach(
        final String portName,
        final AfXdpNicOptions options,
        final String interfaceName,
        final int ifIndex,
        final int socketFd)
    {
        final String what = "AF_XDP NIC " + portName + ": ";
        int socketMapFd = -1;
        int filterMapFd = -1;
        int programFd = -1;
        try
        {
            socketMapFd = check(what, "create the XSKMAP", XdpNative.createSocketMap(options.queue() + 1));
            filterMapFd = check(what, "create the filter map", XdpNative.createFilterMap(options.maxSubscriptions()));
            check(what, "put the socket in the XSKMAP", XdpNative.putSocket(socketMapFd, options.queue(), socketFd));

            final byte[] log = new byte[VERIFIER_LOG_LENGTH];
            programFd = XdpNative.loadProgram(socketMapFd, filterMapFd, log);
            if (programFd < 0)
            {
                final int errno = -programFd;
                if (XdpErrors.EPERM == errno)
                {
                    throw capabilityMissing(what, "load the XDP program", programFd);
                }
                throw new XdpSetupException(what + "the kernel rejected the XDP program (" +
                    XdpErrors.describe(programFd) + "); verifier log:\n" + text(log), errno);
            }

            final boolean nativeMode = XdpMode.NATIVE == options.xdpMode();
            final int linkFd = XdpNative.attachProgram(programFd, ifIndex, nativeMode);
            if (linkFd < 0)
            {
                throw attachFailure(what, interfaceName, nativeMode, linkFd);
            }
            return new XdpProgram(socketMapFd, filterMapFd, programFd, linkFd);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(programFd);
            closeQuietly(filterMapFd);
            closeQuietly(socketMapFd);
            throw ex;
        }
    }

    /**
     * Redirect datagrams to an address and port to the socket.
     *
     * @param address IPv4 destination, 0 for every destination.
     * @param port    UDP destination port.
     * @return 0, or a negated errno.
     */
    int addFilter(final int address, final int port)
    {
        return XdpNative.addFilter(filterMapFd, address, port);
    }

    /**
     * Stop redirecting datagrams to an address and port.
     *
     * @param address IPv4 destination, 0 for every destination.
     * @param port    UDP destination port.
     * @return 0, or a negated errno.
     */
    int removeFilter(final int address, final int port)
    {
        return XdpNative.removeFilter(filterMapFd, address, port);
    }

    /**
     * Detach the program from the interface and free it and its maps.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            closeQuietly(linkFd);
            closeQuietly(programFd);
            closeQuietly(filterMapFd);
            closeQuietly(socketMapFd);
        }
    }

    private static int check(final String what, final String action, final int result)
    {
        if (result < 0)
        {
            if (-result == XdpErrors.EPERM)
            {
                throw capabilityMissing(what, action, result);
            }
            throw new XdpSetupException(what + "cannot " + action + ": " + XdpErrors.describe(result), -result);
        }
        return result;
    }

    private static XdpSetupException capabilityMissing(final String what, final String action, final int result)
    {
        return new XdpSetupException(what + "missing capability " + XdpErrors.missingBpfCapabilities() + " to " +
            action + " (" + XdpErrors.describe(result) + "): " + XdpErrors.grantHint(), -result);
    }

    private static XdpSetupException attachFailure(
        final String what, final String interfaceName, final boolean nativeMode, final int result)
    {
        final int errno = -result;
        final String mode = nativeMode ? "native" : "generic";
        if (XdpErrors.EBUSY == errno || XdpErrors.EEXIST == errno)
        {
            return new XdpSetupException(what + interfaceName + " already has an XDP program attached (" +
                XdpErrors.describe(result) + "): ip link show dev " + interfaceName + " shows it; remove it (ip " +
                "link set dev " + interfaceName + " xdp off) or stop the process that holds it; one AF_XDP port " +
                "per interface", errno);
        }
        if (XdpErrors.EOPNOTSUPP == errno && nativeMode)
        {
            return new XdpSetupException(what + "the driver of " + interfaceName + " has no native XDP support (" +
                XdpErrors.describe(result) + "); set xdp_mode = \"generic\"", errno);
        }
        if (XdpErrors.EPERM == errno)
        {
            return capabilityMissing(what, "attach the XDP program to " + interfaceName, result);
        }
        return new XdpSetupException(what + "cannot attach the XDP program to " + interfaceName + " in " + mode +
            " mode: " + XdpErrors.describe(result), errno);
    }

    private static String text(final byte[] log)
    {
        int length = 0;
        while (length < log.length && 0 != log[length])
        {
            length++;
        }
        return new String(log, 0, length, StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(final int fd)
    {
        if (fd >= 0)
        {
            XdpNative.close(fd);
        }
    }
}
