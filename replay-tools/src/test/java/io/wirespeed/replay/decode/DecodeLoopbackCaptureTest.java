package io.wirespeed.replay.decode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real TCP session on loopback, captured by tcpdump or dumpcap: a plain Java socket pair sends iLink 3 frames
 * (generated codecs) one byte at a time, several frames per write and cut at odd places; decode prints every message
 * once, in order, whatever link type the capture wrote, and picks up a session it joined halfway through a frame.
 */
@Tag("privileged")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DecodeLoopbackCaptureTest
{
    private static final int CLIENT_FRAMES = 240;
    private static final int SERVER_FRAMES = 90;
    private static final int SERVER_FIRST = 1_001;

    @TempDir
    Path directory;

    private final byte[] client = Ilink3Frames.stream(1, CLIENT_FRAMES);
    private final byte[] server = Ilink3Frames.stream(SERVER_FIRST, SERVER_FRAMES);

    @ParameterizedTest(name = "tcpdump {0}")
    @ValueSource(strings = {"-i lo", "-i any -y LINUX_SLL", "-i any -y LINUX_SLL2", "dumpcap -i lo"})
    void everyMessageOfALoopbackSessionIsPrintedOnceInOrder(final String interfaceOptions) throws Exception
    {
        final String linkType = interfaceOptions.endsWith("SLL2") ? "link type 276 LINKTYPE_LINUX_SLL2" :
            interfaceOptions.endsWith("SLL") ? "link type 113 LINKTYPE_LINUX_SLL" :
            interfaceOptions.startsWith("dumpcap") ? "pcapng (little-endian)" : "link type 1 LINKTYPE_ETHERNET";
        LoopbackCapture.assumeCanCapture();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final int port = listener.getLocalPort();
            final Path file = directory.resolve("session.pcap");
            final LoopbackCapture capture = LoopbackCapture.start(directory, file, interfaceOptions, port);
            try
            {
                session(listener, 0);
            }
            finally
            {
                capture.stop(port);
            }

            final Decoding decoding = Decoding.run(new DecodeOptions().ilink3Port(port), file);
            assertTrue(decoding.lines.get(0).contains(linkType), decoding.lines.get(0));
            final List<String> clientFrames = frames(decoding, " > 127.0.0.1:" + port + " @");
            final List<String> serverFrames = frames(decoding, "127.0.0.1:" + port + " > ");
            assertInOrder(clientFrames, 1, CLIENT_FRAMES, decoding);
            assertInOrder(serverFrames, SERVER_FIRST, SERVER_FRAMES, decoding);
            assertEquals(0, decoding.summary.totalProblems(), decoding.output);
            assertEquals(1, decoding.summary.tcpConnections());
            assertEquals(2, decoding.containing(" TCP FIN ").size(), decoding.output);
            assertEquals(1, decoding.containing(" TCP SYN seq ").size(), decoding.output);
            assertEquals(1, decoding.containing(" TCP SYN-ACK seq ").size(), decoding.output);

            final List<String[]> tshark = Tools.tsharkFields(directory, file, List.of("-Y", "tcp.port==" + port),
                "tcp.len");
            long bytes = 0;
            for (final String[] row : tshark)
            {
                bytes += Long.parseLong(row[0]);
            }
            assertEquals(client.length + server.length, decoding.summary.tcpStreamBytes());
            assertEquals(bytes, decoding.summary.tcpStreamBytes() + decoding.summary.tcpRetransmittedBytes());
        }
    }

    @Test
    void aCaptureThatJoinsTheSessionHalfwayThroughAFrameResyncsAndPrintsTheRest() throws Exception
    {
        LoopbackCapture.assumeCanCapture();
        final int before = Ilink3Frames.stream(1, 2).length + 11;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final int port = listener.getLocalPort();
            final Path file = directory.resolve("late.pcap");
            final LoopbackCapture[] capture = new LoopbackCapture[1];
            try
            {
                session(listener, before, () -> capture[0] = LoopbackCapture.start(directory, file, "-i lo", port));
            }
            finally
            {
                if (null != capture[0])
                {
                    capture[0].stop(port);
                }
            }

            final Decoding decoding = Decoding.run(new DecodeOptions().ilink3Port(port), file);
            final int skipped = Ilink3Frames.stream(1, 3).length - before;
            assertInOrder(frames(decoding, " > 127.0.0.1:" + port + " @"), 4, CLIENT_FRAMES - 3, decoding);
            assertInOrder(frames(decoding, "127.0.0.1:" + port + " > "), SERVER_FIRST, SERVER_FRAMES, decoding);
            assertEquals(1, decoding.containing(" > 127.0.0.1:" + port + " PROBLEM TCP_RESYNC: skipped " + skipped +
                " bytes, next SOFH header at stream offset " + skipped + " (" + TcpDirection.MID_CONNECTION + ")")
                .size(), decoding.output);
            assertEquals(1, decoding.summary.totalProblems(), decoding.output);
            assertTrue(decoding.containing(" TCP SYN").isEmpty(), decoding.output);
        }
    }

    private void session(final ServerSocket listener, final int before) throws Exception
    {
        session(listener, before, () ->
        {
        });
    }

    /**
     * The client sends {@code before} bytes, the server reads them, {@code between} runs, then the client sends the
     * rest in awkward pieces, half-closes, and the server answers the same way and closes.
     */
    private void session(final ServerSocket listener, final int before, final Step between) throws Exception
    {
        final ByteArrayOutputStream serverReceived = new ByteArrayOutputStream();
        final ByteArrayOutputStream clientReceived = new ByteArrayOutputStream();
        try (Socket clientSocket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket serverSocket = listener.accept())
        {
            clientSocket.setTcpNoDelay(true);
            serverSocket.setTcpNoDelay(true);
            final OutputStream clientOut = clientSocket.getOutputStream();
            final InputStream serverIn = serverSocket.getInputStream();
            clientOut.write(client, 0, before);
            clientOut.flush();
            serverReceived.write(serverIn.readNBytes(before));
            between.run();

            final Thread reader = new Thread(() -> readAll(serverIn, serverReceived), "server-reader");
            reader.start();
            sendAwkwardly(clientOut, client, before);
            clientSocket.shutdownOutput();
            reader.join();

            final InputStream clientIn = clientSocket.getInputStream();
            final Thread clientReader = new Thread(() -> readAll(clientIn, clientReceived), "client-reader");
            clientReader.start();
            sendAwkwardly(serverSocket.getOutputStream(), server, 0);
            serverSocket.shutdownOutput();
            clientReader.join();
        }
        assertArrayEquals(client, serverReceived.toByteArray(), "what the server read");
        assertArrayEquals(server, clientReceived.toByteArray(), "what the client read");
    }

    /**
     * One byte per write for the first 300 bytes, then five frames' worth per write, then writes cut at odd
     * lengths straddling frames, then the rest in one write.
     */
    private static void sendAwkwardly(final OutputStream out, final byte[] bytes, final int from) throws IOException
    {
        int offset = from;
        while (offset < Math.min(bytes.length, from + 300))
        {
            out.write(bytes[offset++]);
            out.flush();
        }
        final int fiveFrames = Ilink3Frames.stream(1, 5).length;
        while (offset + fiveFrames < bytes.length * 2 / 3)
        {
            out.write(bytes, offset, fiveFrames);
            out.flush();
            offset += fiveFrames;
        }
        final int[] odd = {3, 250, 17, 1, 90, 44, 5};
        for (int i = 0; offset + odd[i % odd.length] < bytes.length - 100; i++)
        {
            out.write(bytes, offset, odd[i % odd.length]);
            out.flush();
            offset += odd[i % odd.length];
        }
        out.write(bytes, offset, bytes.length - offset);
        out.flush();
    }

    private static void readAll(final InputStream in, final ByteArrayOutputStream into)
    {
        try
        {
            in.transferTo(into);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> frames(final Decoding decoding, final String flowPart)
    {
        return decoding.lines.stream().filter(line -> line.contains(" SOFH length=") && line.contains(flowPart))
            .toList();
    }

    private static void assertInOrder(
        final List<String> frames, final int first, final int count, final Decoding decoding)
    {
        assertEquals(count, frames.size(), decoding.output);
        for (int i = 0; i < count; i++)
        {
            assertTrue(frames.get(i).contains(Ilink3Frames.marker(first + i)) &&
                frames.get(i).contains(Ilink3Frames.field(first + i)), "frame " + (first + i) + ": " + frames.get(i));
        }
    }

    @FunctionalInterface
    interface Step
    {
        void run() throws Exception;
    }
}
