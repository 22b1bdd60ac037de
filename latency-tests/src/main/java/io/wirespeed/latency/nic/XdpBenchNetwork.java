package io.wirespeed.latency.nic;

import io.wirespeed.nic.frame.Ipv4Address;
import io.wirespeed.nic.frame.MacAddress;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The AF_XDP benchmark's network: a fresh namespace A holding one end of a veth pair, the other end in the root
 * namespace where the benchmark's ports open; a random /30 of 198.18.0.0/15 on the pair, 224.0.0.0/4 routed onto
 * A's end, TX checksum offload off there, IPv6 off on both ends. Closing deletes the namespace and the pair.
 */
final class XdpBenchNetwork implements AutoCloseable
{
    final String namespace;
    final String rootInterface;
    final String peerInterface;
    final int rootAddress;
    final int peerAddress;
    private final List<Process> children = new ArrayList<>();
    private final List<Path> outputs = new ArrayList<>();

    private XdpBenchNetwork()
    {
        final String id = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x1000_0000);
        namespace = "ws-xdp-bench-" + id;
        rootInterface = "wsxb" + id;
        peerInterface = "wsxa" + id;
        final int subnet = Ipv4Address.parse("198.18.0.0") + 4 * ThreadLocalRandom.current().nextInt(32768);
        peerAddress = subnet + 1;
        rootAddress = subnet + 2;
    }

    static XdpBenchNetwork create() throws IOException, InterruptedException
    {
        final XdpBenchNetwork network = new XdpBenchNetwork();
        try
        {
            network.setUp();
            return network;
        }
        catch (final IOException | InterruptedException | RuntimeException ex)
        {
            network.close();
            throw ex;
        }
    }

    List<String> inPeer(final String... command)
    {
        final List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        line.addAll(Arrays.asList(command));
        return line;
    }

    long rootMac() throws IOException
    {
        return MacAddress.parse(Files.readString(Path.of("/sys/class/net", rootInterface, "address")).trim());
    }

    long peerMac() throws IOException, InterruptedException
    {
        return MacAddress.parse(run(inPeer("cat", "/sys/class/net/" + peerInterface + "/address")).trim());
    }

    /**
     * Start a JVM in namespace A running a main class of this module, its output going to a file.
     */
    Process startInPeer(final Class<?> mainClass, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("wirespeed.bench.classpath", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return startCommandInPeer(command);
    }

    /**
     * Start a command in namespace A, its output going to a file.
     */
    Process startCommandInPeer(final List<String> peerCommand) throws IOException
    {
        final List<String> command = inPeer(peerCommand.toArray(new String[0]));
        final Path output = Files.createTempFile("ws-xdp-bench", ".txt");
        outputs.add(output);
        final Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
        children.add(process);
        return process;
    }

    /**
     * Wait until a child started here printed a line beginning with a prefix.
     */
    String awaitLine(final Process process, final String prefix, final long timeoutMs)
        throws IOException, InterruptedException
    {
        final Path output = outputs.get(children.indexOf(process));
        final long deadlineMs = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadlineMs)
        {
            for (final String line : Files.readAllLines(output))
            {
                if (line.startsWith(prefix))
                {
                    return line;
                }
            }
            if (!process.isAlive())
            {
                break;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("peer printed no '" + prefix + "': " + Files.readString(output));
    }

    static String run(final List<String> command) throws IOException, InterruptedException
    {
        final Path output = Files.createTempFile("ws-xdp-bench-command", ".txt");
        try
        {
            final Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 30 s");
            }
            final String text = Files.readString(output);
            if (0 != process.exitValue())
            {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + text);
            }
            return text;
        }
        finally
        {
            Files.deleteIfExists(output);
        }
    }

    public void close()
    {
        for (final Process child : children)
        {
            child.destroyForcibly();
        }
        try
        {
            for (final Process child : children)
            {
                child.waitFor(10, TimeUnit.SECONDS);
            }
            for (final Path output : outputs)
            {
                Files.deleteIfExists(output);
            }
            new ProcessBuilder("ip", "netns", "delete", namespace).start().waitFor(30, TimeUnit.SECONDS);
            if (Files.exists(Path.of("/sys/class/net", rootInterface)))
            {
                new ProcessBuilder("ip", "link", "delete", rootInterface).start().waitFor(30, TimeUnit.SECONDS);
            }
        }
        catch (final IOException ex)
        {
            System.err.println("cleanup of " + namespace + " failed: " + ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void setUp() throws IOException, InterruptedException
    {
        run(List.of("ip", "netns", "add", namespace));
        run(List.of("ip", "link", "add", rootInterface, "type", "veth", "peer", "name", peerInterface,
            "netns", namespace));
        final Path rootIpv6 = Path.of("/proc/sys/net/ipv6/conf", rootInterface, "disable_ipv6");
        if (Files.exists(rootIpv6))
        {
            Files.writeString(rootIpv6, "1");
        }
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
}
