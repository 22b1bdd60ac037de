package io.wirespeed.nic.xdp;

import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test's own network: a fresh namespace A ({@code ws-xdp-a-<random>}) holding one end of a veth pair, the other
 * end in the root namespace where the test JVM opens its AF_XDP port. Addresses are a random /30 of 198.18.0.0/15,
 * one on each end; A routes 224.0.0.0/4 onto its end and has TX checksum offload off, so the frames its kernel sends
 * carry full UDP checksums. The root namespace gets no route but the /30's own, and IPv6 is off on both ends.
 * Closing deletes the namespace, which deletes the pair. Native XDP on the root end needs nothing on the peer on
 * Linux 6.x: frames from A reach the program and the socket, and the socket's copy-mode TX leaves as ordinary skbs;
 * a peer XDP program or GRO is only needed for XDP_REDIRECT into a veth, which this backend does not do.
 * <pre>
 *   root namespace (test JVM, AF_XDP)          namespace A (kernel sockets, tcpreplay, ping)
 *   wsxb&lt;id&gt;  198.18.x.(4k+2)/30  &lt;== veth ==&gt;  wsxa&lt;id&gt;  198.18.x.(4k+1)/30
 * </pre>
 */
final class VethNetwork implements AutoCloseable
{
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static final int TEST_RANGE = Ipv4Address.parse("198.18.0.0");

    final String namespace;
    final String rootInterface;
    final String peerInterface;
    final int rootAddress;
    final int peerAddress;
    private boolean closed;

    private VethNetwork(final String id, final int subnet)
    {
        namespace = "ws-xdp-a-" + id;
        rootInterface = "wsxb" + id;
        peerInterface = "wsxa" + id;
        peerAddress = subnet + 1;
        rootAddress = subnet + 2;
    }

    /**
     * Create the namespace and the pair, or skip the test with a printed reason where this machine cannot.
     *
     * @return the network; close it in a finally block or {@code @AfterEach}.
     */
    static VethNetwork create()
    {
        assumePrivileged();
        final String id = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x1000_0000);
        final VethNetwork network = new VethNetwork(id, TEST_RANGE + 4 * ThreadLocalRandom.current().nextInt(32768));
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
     * Skip the test, printing why, unless this is Linux, the JVM runs as root, {@code ip} is installed and the
     * AF_XDP library is loaded.
     */
    static void assumePrivileged()
    {
        skipUnless(XdpLibrary.isLinux(), "not Linux");
        skipUnless("root".equals(System.getProperty("user.name")), "not root (the AF_XDP tests need " +
            "CAP_NET_ADMIN, CAP_NET_RAW, CAP_BPF and network namespaces)");
        skipUnless(onPath("ip"), "no 'ip' command (apt-get install iproute2)");
        skipUnless(onPath("ethtool"), "no 'ethtool' to turn off the veth's TX checksum offload (apt-get install " +
            "ethtool)");
        skipUnless(XdpLibrary.isAvailable(), "AF_XDP library unavailable: " + XdpLibrary.unavailableReason());
    }

    static void skipUnless(final boolean condition, final String reason)
    {
        if (!condition)
        {
            System.out.println("skipped: " + reason);
            assumeTrue(false, reason);
        }
    }

    static boolean onPath(final String tool)
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

    /**
     * The command line that runs a command inside namespace A.
     *
     * @param command the command and its arguments.
     * @return {@code ip netns exec <A> command...}.
     */
    List<String> inPeer(final String... command)
    {
        final List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        line.addAll(Arrays.asList(command));
        return line;
    }

    long rootMac()
    {
        return MacAddress.parse(readFile("/sys/class/net/" + rootInterface + "/address"));
    }

    long peerMac()
    {
        return MacAddress.parse(run(inPeer("cat", "/sys/class/net/" + peerInterface + "/address")).trim());
    }

    /**
     * Whether {@code ip link show} lists an XDP program on the root end ({@code prog/xdp}, in either mode).
     *
     * @return true while one is attached.
     */
    boolean xdpAttached()
    {
        return rootLink().contains("prog/xdp");
    }

    /**
     * What {@code ip link show} says about the root end.
     *
     * @return its output.
     */
    String rootLink()
    {
        return run(List.of("ip", "link", "show", "dev", rootInterface));
    }

    /**
     * Run a command to completion, failing the test on a non-zero exit or after the time limit.
     *
     * @param command and its arguments.
     * @return standard output and standard error together.
     */
    static String run(final List<String> command)
    {
        final Result result = execute(command);
        if (0 != result.exitCode)
        {
            throw new AssertionError(command + " exited with " + result.exitCode + ": " + result.output);
        }
        return result.output;
    }

    static Result execute(final List<String> command)
    {
        Path output = null;
        try
        {
            output = Files.createTempFile("ws-xdp-command", ".txt");
            final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output));
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
        finally
        {
            deleteQuietly(output);
        }
    }

    /**
     * Delete the namespace, which takes the pair with it, and the root end in case the namespace never held it.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            execute(List.of("ip", "netns", "delete", namespace));
            if (Files.exists(Path.of("/sys/class/net", rootInterface)))
            {
                execute(List.of("ip", "link", "delete", rootInterface));
            }
        }
    }

    private void setUp()
    {
        final Result namespaceCreated = execute(List.of("ip", "netns", "add", namespace));
        skipUnless(0 == namespaceCreated.exitCode, "cannot create a network namespace: " + namespaceCreated.output);
        run(List.of("ip", "link", "add", rootInterface, "type", "veth", "peer", "name", peerInterface,
            "netns", namespace));
        disableIpv6("/proc/sys/net/ipv6/conf/" + rootInterface + "/disable_ipv6");
        run(List.of("ip", "address", "add", Ipv4Address.toString(rootAddress) + "/30", "dev", rootInterface));
        run(List.of("ip", "link", "set", "dev", rootInterface, "up"));

        run(inPeer("sh", "-c", "[ ! -e /proc/sys/net/ipv6/conf/" + peerInterface + "/disable_ipv6 ] || " +
            "echo 1 > /proc/sys/net/ipv6/conf/" + peerInterface + "/disable_ipv6"));
        run(inPeer("ip", "address", "add", Ipv4Address.toString(peerAddress) + "/30", "dev", peerInterface));
        run(inPeer("ip", "link", "set", "dev", peerInterface, "up"));
        run(inPeer("ip", "link", "set", "dev", "lo", "up"));
        run(inPeer("ip", "route", "add", "224.0.0.0/4", "dev", peerInterface));
        run(inPeer("ethtool", "-K", peerInterface, "tx", "off"));
    }

    private static void disableIpv6(final String path)
    {
        try
        {
            if (Files.exists(Path.of(path)))
            {
                Files.writeString(Path.of(path), "1");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String readFile(final String path)
    {
        try
        {
            return Files.readString(Path.of(path)).trim();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteQuietly(final Path path)
    {
        if (null != path)
        {
            try
            {
                Files.deleteIfExists(path);
            }
            catch (final IOException ignore)
            {
                path.toFile().deleteOnExit();
            }
        }
    }

    static final class Result
    {
        final int exitCode;
        final String output;

        Result(final int exitCode, final String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
