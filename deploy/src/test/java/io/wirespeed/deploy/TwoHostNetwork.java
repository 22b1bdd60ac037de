package io.wirespeed.deploy;

import io.wirespeed.nic.xdp.XdpLibrary;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two hosts in miniature: network namespaces {@code ws-v-<id>} (the venue's) and {@code ws-a-<id>} (the
 * appliance's) joined by a veth pair, a random /30 of 198.18.0.0/15 on it, 224.0.0.0/4 routed onto it on both sides,
 * IPv6 off, TX checksum offload off on the venue's end (so kernel-sent UDP carries full checksums an AF_XDP reader
 * sees). Closing deletes both namespaces, which deletes the pair.
 * <pre>
 *   ws-v-&lt;id&gt;: wsv&lt;id&gt; 198.18.x.(4k+1)/30 &lt;=veth=&gt; wsa&lt;id&gt; 198.18.x.(4k+2)/30 :ws-a-&lt;id&gt;
 * </pre>
 */
final class TwoHostNetwork implements AutoCloseable
{
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    final String venueNamespace;
    final String applianceNamespace;
    final String venueInterface;
    final String applianceInterface;
    final String venueAddress;
    final String applianceAddress;
    private boolean closed;

    private TwoHostNetwork(final String id, final int subnet)
    {
        venueNamespace = "ws-v-" + id;
        applianceNamespace = "ws-a-" + id;
        venueInterface = "wsv" + id;
        applianceInterface = "wsa" + id;
        venueAddress = address(subnet + 1);
        applianceAddress = address(subnet + 2);
    }

    /**
     * Create both namespaces and the pair, or skip the test with a printed reason where this machine cannot.
     *
     * @return the network; close it in a finally block.
     */
    static TwoHostNetwork create()
    {
        skipUnless("root".equals(System.getProperty("user.name")), "not root (network namespaces and AF_XDP need " +
            "CAP_NET_ADMIN, CAP_NET_RAW and CAP_BPF)");
        skipUnless(onPath("ip"), "no 'ip' command (apt-get install iproute2)");
        skipUnless(onPath("ethtool"), "no 'ethtool' to turn off the veth's TX checksum offload");
        skipUnless(XdpLibrary.isAvailable(), "AF_XDP library unavailable: " + XdpLibrary.unavailableReason());
        final String id = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x1000_0000);
        final int subnet = ((198 << 24) | (18 << 16)) + 4 * ThreadLocalRandom.current().nextInt(32768);
        final TwoHostNetwork network = new TwoHostNetwork(id, subnet);
        try
        {
            network.setUp();
            return network;
        }
        catch (final RuntimeException | AssertionError ex)
        {
            network.close();
            throw ex;
        }
    }

    /**
     * A command line run inside a namespace.
     *
     * @param namespace the namespace.
     * @param command   the command.
     * @return {@code ip netns exec <namespace> command...}.
     */
    static List<String> in(final String namespace, final String... command)
    {
        final List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        line.addAll(Arrays.asList(command));
        return line;
    }

    /**
     * The namespaces of this network that {@code ip netns list} still shows (none once closed; the pair goes with
     * them).
     *
     * @return their names.
     */
    List<String> namespacesLeft()
    {
        final List<String> left = new ArrayList<>();
        for (final String line : run(List.of("ip", "netns", "list")).split("\n"))
        {
            final String namespace = line.split(" ")[0];
            if (namespace.equals(venueNamespace) || namespace.equals(applianceNamespace))
            {
                left.add(namespace);
            }
        }
        return left;
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            execute(List.of("ip", "netns", "delete", venueNamespace));
            execute(List.of("ip", "netns", "delete", applianceNamespace));
        }
    }

    private void setUp()
    {
        final String created = execute(List.of("ip", "netns", "add", venueNamespace));
        skipUnless(null == created, "cannot create a network namespace: " + created);
        run(List.of("ip", "netns", "add", applianceNamespace));
        run(List.of("ip", "link", "add", venueInterface, "netns", venueNamespace, "type", "veth", "peer", "name",
            applianceInterface, "netns", applianceNamespace));
        configure(venueNamespace, venueInterface, venueAddress);
        configure(applianceNamespace, applianceInterface, applianceAddress);
        run(in(venueNamespace, "ethtool", "-K", venueInterface, "tx", "off"));
    }

    private static void configure(final String namespace, final String device, final String address)
    {
        run(in(namespace, "sh", "-c", "[ ! -e /proc/sys/net/ipv6/conf/" + device + "/disable_ipv6 ] || " +
            "echo 1 > /proc/sys/net/ipv6/conf/" + device + "/disable_ipv6"));
        run(in(namespace, "ip", "address", "add", address + "/30", "dev", device));
        run(in(namespace, "ip", "link", "set", "dev", device, "up"));
        run(in(namespace, "ip", "link", "set", "dev", "lo", "up"));
        run(in(namespace, "ip", "route", "add", "224.0.0.0/4", "dev", device));
    }

    private static String address(final int address)
    {
        return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }

    private static void skipUnless(final boolean condition, final String reason)
    {
        if (!condition)
        {
            System.out.println("skipped: " + reason);
        }
        assumeTrue(condition, reason);
    }

    private static boolean onPath(final String tool)
    {
        final String path = System.getenv("PATH");
        if (null != path)
        {
            for (final String directory : path.split(File.pathSeparator))
            {
                if (Files.isExecutable(Path.of(directory, tool)))
                {
                    return true;
                }
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    private static String run(final List<String> command)
    {
        final String[] output = new String[1];
        final String failure = execute(command, output);
        if (null != failure)
        {
            throw new AssertionError(command + ": " + failure);
        }
        return output[0];
    }

    private static String execute(final List<String> command)
    {
        return execute(command, new String[1]);
    }

    /**
     * Run a command to its end.
     *
     * @param output where its output goes.
     * @return null on success, else its exit code and output.
     */
    private static String execute(final List<String> command, final String[] output)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            output[0] = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                return "did not finish in " + COMMAND_TIMEOUT_SECONDS + " s";
            }
            return 0 == process.exitValue() ? null : "exit " + process.exitValue() + ": " + output[0];
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
