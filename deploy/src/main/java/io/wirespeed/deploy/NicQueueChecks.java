package io.wirespeed.deploy;

import io.wirespeed.config.AfXdpNicContext;

import java.util.List;

/**
 * Preflight of the AF_XDP interface: the device, its RX queue count against the configured queue, and its ring
 * sizes against the configured ring.
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
        final String driver = host.read(dir + "/device/driver/module/drivers");
        findings.add(HostFinding.ok("nic rings", device + ": the AF_XDP ring size is nic.af_xdp.ring_size = " +
            xdp.ringSize() + "; compare the device's with `ethtool -g " + device + "`" +
            (null == driver ? "" : " (" + driver + ")")));
    }
}
