package io.wirespeed.nic.xdp;

import java.util.Arrays;
import java.util.List;

/**
 * The error counts of namespace A's IP and UDP layers, from its /proc/net/snmp.
 */
final class Snmp
{
    final long ipHeaderErrors;
    final long udpInErrors;
    final long udpChecksumErrors;

    private Snmp(final long ipHeaderErrors, final long udpInErrors, final long udpChecksumErrors)
    {
        this.ipHeaderErrors = ipHeaderErrors;
        this.udpInErrors = udpInErrors;
        this.udpChecksumErrors = udpChecksumErrors;
    }

    static Snmp read(final VethNetwork network)
    {
        final String[] lines = VethNetwork.run(network.inPeer("cat", "/proc/net/snmp")).split("\n");
        return new Snmp(value(lines, "Ip:", "InHdrErrors"), value(lines, "Udp:", "InErrors"),
            value(lines, "Udp:", "InCsumErrors"));
    }

    private static long value(final String[] lines, final String prefix, final String name)
    {
        for (int i = 0; i + 1 < lines.length; i++)
        {
            if (lines[i].startsWith(prefix) && lines[i + 1].startsWith(prefix))
            {
                final List<String> names = Arrays.asList(lines[i].trim().split("\\s+"));
                final String[] values = lines[i + 1].trim().split("\\s+");
                final int index = names.indexOf(name);
                if (index > 0)
                {
                    return Long.parseLong(values[index]);
                }
            }
        }
        throw new AssertionError("no " + prefix + " " + name + " in /proc/net/snmp");
    }
}
