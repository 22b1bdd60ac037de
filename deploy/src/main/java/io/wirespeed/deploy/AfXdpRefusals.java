package io.wirespeed.deploy;

import io.wirespeed.config.AfXdpNicContext;
import io.wirespeed.config.WirespeedConfig;
import io.wirespeed.config.XdpBindMode;
import io.wirespeed.config.XdpMode;
import io.wirespeed.nic.status.CounterAllocator;
import io.wirespeed.nic.xdp.AfXdpNicPort;
import io.wirespeed.nic.xdp.XdpSetupException;
import org.agrona.concurrent.EpochNanoClock;

import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * Opens the configured AF_XDP port, turning a setup failure into a {@link Refusal} that names the key to change: the
 * interface, the queue, the XDP mode, the bind mode, huge pages, or the backend itself when privileges are missing.
 */
final class AfXdpRefusals
{
    private static final int EPERM = 1;
    private static final int ENXIO = 6;
    private static final int ENOMEM = 12;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int EEXIST = 17;
    private static final int ENODEV = 19;
    private static final int EINVAL = 22;
    private static final int EOPNOTSUPP = 95;

    private AfXdpRefusals()
    {
    }

    /**
     * Open the {@code [nic.af_xdp]} port.
     *
     * @param config    concluded configuration.
     * @param allocator for the port's counters.
     * @param clock     for rx time stamps.
     * @return the port, with no subscriptions.
     * @throws Refusal naming the key and the reason when it cannot be opened as configured.
     */
    static AfXdpNicPort open(final WirespeedConfig config, final CounterAllocator allocator, final EpochNanoClock clock)
    {
        final AfXdpNicContext context = config.nic().afXdp();
        if (!interfaceExists(context.interfaceName()))
        {
            throw Refusal.of("nic.af_xdp.interface", context.interfaceName(),
                "no such interface on this host (ip -br link lists them)");
        }
        try
        {
            return AfXdpNicPort.open("feeds", context, allocator, clock);
        }
        catch (final XdpSetupException ex)
        {
            throw refusal(context, ex);
        }
    }

    private static Refusal refusal(final AfXdpNicContext context, final XdpSetupException ex)
    {
        final int errno = ex.errno();
        final String reason = ex.getMessage();
        if (EPERM == errno || EACCES == errno)
        {
            return Refusal.of("nic.backend", "af_xdp", "needs CAP_NET_RAW and CAP_BPF (or root): " + reason);
        }
        if (EOPNOTSUPP == errno && XdpMode.NATIVE == context.xdpMode())
        {
            return Refusal.of("nic.af_xdp.xdp_mode", context.xdpMode(), reason);
        }
        if (XdpBindMode.ZERO_COPY == context.bind() && EBUSY != errno && EEXIST != errno)
        {
            return Refusal.of("nic.af_xdp.bind", context.bind(), reason);
        }
        if (ENOMEM == errno && context.hugePages())
        {
            return Refusal.of("nic.af_xdp.huge_pages", true, reason);
        }
        if (EBUSY == errno && reason.contains("queue") || EINVAL == errno || ENODEV == errno || ENXIO == errno)
        {
            return Refusal.of("nic.af_xdp.queue", context.queue(), reason);
        }
        return Refusal.of("nic.af_xdp.interface", context.interfaceName(), reason);
    }

    private static boolean interfaceExists(final String name)
    {
        try
        {
            return null != NetworkInterface.getByName(name);
        }
        catch (final SocketException ex)
        {
            return false;
        }
    }
}
