package io.wirespeed.nic.xdp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The errno values the setup handles by name, and the texts that tell an operator how to fix what failed.
 */
final class XdpErrors
{
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ENXIO = 6;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ENETDOWN = 100;
    static final int EOPNOTSUPP = 95;
    static final int EAFNOSUPPORT = 97;
    static final int ENOBUFS = 105;

    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_BPF = 39;

    private XdpErrors()
    {
    }

    /**
     * An errno with its name and the C library's text.
     *
     * @param result a negated errno as the native calls return it.
     * @return e.g. {@code "errno 1, Operation not permitted"}.
     */
    static String describe(final long result)
    {
        final int errno = (int)-result;
        return "errno " + errno + ", " + XdpNative.errorText(errno);
    }

    /**
     * How to grant the capabilities the backend needs.
     *
     * @return a sentence naming the setcap command for this JVM's binary.
     */
    static String grantHint()
    {
        return "run as root, or grant the java binary the capabilities: setcap " +
            "cap_net_raw,cap_net_admin,cap_bpf,cap_ipc_lock+ep " + javaBinary();
    }

    private static String javaBinary()
    {
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try
        {
            return java.toRealPath().toString();
        }
        catch (final IOException ex)
        {
            return java.toString();
        }
    }

    /**
     * The capabilities the XSKMAP, the program load and the attach need that this process lacks, from the
     * effective set in /proc/self/status.
     *
     * @return e.g. {@code "CAP_NET_ADMIN"}, or both alternatives when the set cannot be read or holds them all.
     */
    static String missingBpfCapabilities()
    {
        final long effective = effectiveCapabilities();
        final String both = "CAP_BPF (or CAP_SYS_ADMIN) and CAP_NET_ADMIN";
        if (effective < 0 || has(effective, CAP_SYS_ADMIN))
        {
            return both;
        }
        final boolean bpf = has(effective, CAP_BPF);
        final boolean netAdmin = has(effective, CAP_NET_ADMIN);
        if (bpf == netAdmin)
        {
            return both;
        }
        return bpf ? "CAP_NET_ADMIN" : "CAP_BPF (or CAP_SYS_ADMIN)";
    }

    private static boolean has(final long capabilities, final int capability)
    {
        return (capabilities & (1L << capability)) != 0;
    }

    private static long effectiveCapabilities()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith("CapEff:"))
                {
                    return Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                }
            }
        }
        catch (final IOException | RuntimeException ignore)
        {
            return -1;
        }
        return -1;
    }

    /**
     * The soft memlock limit of this process, from /proc/self/limits.
     *
     * @return e.g. {@code "8388608 bytes"}, or "unknown".
     */
    static String memlockLimit()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/limits")))
            {
                if (line.startsWith("Max locked memory"))
                {
                    final String[] fields = line.substring("Max locked memory".length()).trim().split("\\s+");
                    return fields[0] + ("unlimited".equals(fields[0]) ? "" : " bytes");
                }
            }
        }
        catch (final IOException | RuntimeException ignore)
        {
            return "unknown";
        }
        return "unknown";
    }

    /**
     * Free huge pages, from /proc/meminfo.
     *
     * @return e.g. {@code "HugePages_Free = 0, Hugepagesize = 2048 kB"}.
     */
    static String hugePagesFree()
    {
        final StringBuilder text = new StringBuilder();
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/meminfo")))
            {
                if (line.startsWith("HugePages_Free:") || line.startsWith("Hugepagesize:"))
                {
                    final int colon = line.indexOf(':');
                    text.append(text.length() > 0 ? ", " : "")
                        .append(line, 0, colon).append(" = ").append(line.substring(colon + 1).trim());
                }
            }
        }
        catch (final IOException ignore)
        {
            return "no /proc/meminfo";
        }
        return text.toString();
    }
}
