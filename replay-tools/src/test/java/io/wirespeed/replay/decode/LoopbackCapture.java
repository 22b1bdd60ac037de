package io.wirespeed.replay.decode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * tcpdump (or dumpcap) capturing one port on loopback into a file: started once it says it is listening, stopped once a
 * sentinel datagram sent after the traffic has reached the file (so every packet before it has too). Shared with
 * the modules above through this module's test jar.
 */
public final class LoopbackCapture implements AutoCloseable
{
    private final Process process;
    private final Path file;
    private final Path stderr;

    private LoopbackCapture(final Process process, final Path file, final Path stderr)
    {
        this.process = process;
        this.file = file;
        this.stderr = stderr;
    }

    /**
     * Skip the test, saying why, unless tcpdump and tshark are on the PATH and the test runs as root.
     */
    public static void assumeCanCapture()
    {
        Tools.assumeOnPath("tcpdump", "tshark", "dumpcap");
        if (!"root".equals(System.getProperty("user.name")))
        {
            final String reason = "skipped: capturing on loopback with tcpdump needs root (or CAP_NET_RAW)";
            System.out.println(reason);
            assumeTrue(false, reason);
        }
    }

    /**
     * Start tcpdump (or dumpcap, when the options start with "dumpcap") on TCP and UDP to or from {@code port} and
     * wait until it captures.
     *
     * @param interfaceOptions e.g. "-i lo", "-i any -y LINUX_SLL2" or "dumpcap -i lo" (dumpcap writes pcapng).
     */
    public static LoopbackCapture start(
        final Path directory, final Path file, final String interfaceOptions, final int port)
        throws IOException, InterruptedException
    {
        return start(directory, file, interfaceOptions, "port " + port);
    }

    /**
     * Start tcpdump (or dumpcap, when the options start with "dumpcap") with a capture filter and wait until it
     * captures; the filter must take the datagram {@link #stop(int)} sends to its port on 127.0.0.1.
     *
     * @param interfaceOptions e.g. "-i lo", "-i any --time-stamp-precision=nano -B 32768".
     * @param filter           a pcap filter expression, e.g. "udp port 14310 or udp port 15310".
     */
    public static LoopbackCapture start(
        final Path directory, final Path file, final String interfaceOptions, final String filter)
        throws IOException, InterruptedException
    {
        return start(directory, file, List.of(), interfaceOptions, filter);
    }

    /**
     * Start tcpdump (or dumpcap) as {@link #start(Path, Path, String, String)} does, behind command words such as
     * {@code ip netns exec NS} that run it in another network namespace; stop it with {@link #stop(Consumer)}.
     *
     * @param prefix           command words before the capture tool, or none.
     * @param interfaceOptions e.g. "-i veth0 --time-stamp-precision=nano".
     * @param filter           a pcap filter expression that takes the sentinel datagram.
     */
    public static LoopbackCapture start(
        final Path directory, final Path file, final List<String> prefix, final String interfaceOptions,
        final String filter)
        throws IOException, InterruptedException
    {
        final Path stderr = Files.createTempFile(directory, "capture", ".txt");
        final boolean dumpcap = interfaceOptions.startsWith("dumpcap ");
        final List<String> command = new ArrayList<>(prefix);
        final String started;
        if (dumpcap)
        {
            command.add("dumpcap");
            command.addAll(Arrays.asList(interfaceOptions.substring("dumpcap ".length()).split(" ")));
            command.addAll(List.of("-f", filter, "-w", file.toString()));
            started = "Capturing on";
        }
        else
        {
            command.addAll(List.of("tcpdump", "-n", "-U", "-Z", "root", "-w", file.toString()));
            command.addAll(Arrays.asList(interfaceOptions.split(" ")));
            command.add(filter);
            started = "listening on";
        }
        final Process process = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
        while (!Files.readString(stderr).contains(started) || !Files.exists(file))
        {
            assertTrue(process.isAlive(), command + " stopped: " + Files.readString(stderr));
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return new LoopbackCapture(process, file, stderr);
    }

    /**
     * Send a sentinel datagram to {@code port}, wait until the file holds it, then stop tcpdump.
     */
    public void stop(final int port) throws IOException, InterruptedException
    {
        stop((marker) ->
        {
            try (DatagramSocket socket = new DatagramSocket())
            {
                socket.send(new DatagramPacket(marker, marker.length, InetAddress.getLoopbackAddress(), port));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /**
     * Send a sentinel datagram the filter takes, through a sender of the caller's (e.g. from inside another network
     * namespace), wait until the file holds it, then stop the capture.
     *
     * @param sender sends the sentinel's payload, printable ASCII, as one UDP datagram.
     */
    public void stop(final Consumer<byte[]> sender) throws IOException, InterruptedException
    {
        final byte[] marker = ("wirespeed-sentinel-" + System.nanoTime()).getBytes(StandardCharsets.US_ASCII);
        try
        {
            sender.accept(marker);
            while (!contains(Files.readAllBytes(file), marker))
            {
                assertTrue(process.isAlive(), "the capture stopped: " + Files.readString(stderr));
                TimeUnit.MILLISECONDS.sleep(10);
            }
        }
        finally
        {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the capture did not stop on SIGTERM");
        }
        assertEquals(0, process.exitValue(), "capture: " + Files.readString(stderr));
    }

    /**
     * Stop the capture tool if it still runs, e.g. when a test failed before {@link #stop(int)}.
     */
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(30, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What the capture tool printed, e.g. tcpdump's "N packets dropped by kernel" once stopped.
     */
    public String messages() throws IOException
    {
        return Files.readString(stderr);
    }

    private static boolean contains(final byte[] bytes, final byte[] marker)
    {
        outer:
        for (int i = 0; i + marker.length <= bytes.length; i++)
        {
            for (int j = 0; j < marker.length; j++)
            {
                if (bytes[i + j] != marker[j])
                {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
