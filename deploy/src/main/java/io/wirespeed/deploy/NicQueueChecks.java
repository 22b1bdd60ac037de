package io.wirespeed.deploy;

import io.wirespeed.config.AfXdpNicContext;

import java.util.List;

/**
 * Preflight of the AF_XDP interface: the device, its RX queue count against the configured queue, and its RX ring
 * size ({@code ethtool -g}) against the configured ring.
 */
final class NicQueueChecks
{
    private final HostView host;
    private final List<HostFinding> findings;

    NicQueueChecks(final HostView host, final List<HostFinding> findings)
    {
        this.host = host;
        this.findings = findings;
    }

    void check(final AfXdpNicContext xdp)
    {
        final String device = xdp.interfaceName();
        final String dir = "/sys/class/net/" + device;
        if (null == device || null == host.read(dir + "/ifindex"))
        {
            // run refuses it naming nic.af_xdp.interface; here it is a warning so the refusal stays the one message
            findings.add(HostFinding.warn("nic queues", "nic.af_xdp.interface = \"" + device + "\": no such " +
                "device in this network namespace", "name a device listed by `ip link`"));
            return;
        }
        final long rxQueues = host.list(dir + "/queues").stream().filter((q) -> q.startsWith("rx-")).count();
        if (xdp.queue() >= rxQueues)
        {
            findings.add(HostFinding.warn("nic queues", device + " has " + rxQueues + " RX queue(s); " +
                "nic.af_xdp.queue = " + xdp.queue() + " is not one of them", "ethtool -L " + device +
                " combined " + (xdp.queue() + 1) + ", or choose a queue below " + rxQueues));
        }
        else
        {
            findings.add(HostFinding.ok("nic queues", device + " has " + rxQueues + " RX queue(s); queue " +
                xdp.queue() + " takes the feeds (steer them there with ethtool -N " + device + ")"));
        }
        checkRings(device, xdp.ringSize());
    }

    private void checkRings(final String device, final int ringSize)
    {
        final String report = host.command("ethtool", "-g", device);
        final long maxRx = ringValue(report, "Pre-set maximums:");
        final long currentRx = ringValue(report, "Current hardware settings:");
        if (currentRx < 0)
        {
            findings.add(HostFinding.ok("nic rings", device + ": the driver reports no ring sizes (ethtool -g)"));
        }
        else if (currentRx < ringSize && (maxRx < 0 || currentRx < maxRx))
        {
            final long target = maxRx < 0 ? ringSize : Math.min(ringSize, maxRx);
            findings.add(HostFinding.warn("nic rings", device + ": RX ring " + currentRx + " descriptors (maximum " +
                (maxRx < 0 ? "unknown" : maxRx) + "), smaller than nic.af_xdp.ring_size = " + ringSize +
                ": a burst overflows the NIC before the XSK ring", "ethtool -G " + device + " rx " + target));
        }
        else
        {
            findings.add(HostFinding.ok("nic rings", device + ": RX ring " + currentRx + " descriptors (maximum " +
                (maxRx < 0 ? "unknown" : maxRx) + "), nic.af_xdp.ring_size = " + ringSize));
        }
    }

    /**
     * The {@code RX:} value of a section of {@code ethtool -g} output.
     */
    static long ringValue(final String report, final String section)
    {
        if (null == report)
        {
            return -1;
        }
        boolean inSection = false;
        for (final String line : report.split("\n"))
        {
            final String trimmed = line.trim();
            if (trimmed.endsWith(":") && !trimmed.startsWith("RX"))
            {
                inSection = trimmed.equals(section);
            }
            else if (inSection && trimmed.startsWith("RX:"))
            {
                return HostPreflight.parseLong(trimmed.substring(3).trim(), -1);
            }
        }
        return -1;
    }
}
