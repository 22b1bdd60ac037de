package io.wirespeed.nic.xdp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The kernel side of the AF_XDP tests, run in namespace A under {@code ip netns exec}: ordinary UDP sockets that
 * send to or receive from the test JVM's AF_XDP port, printing what they did.
 * <ul>
 *   <li>{@code send COUNT BURST PAUSE_US HOST:PORT:PREFIX...}: COUNT datagrams "PREFIX&lt;i&gt;" to each target,
 *   interleaved, pausing PAUSE_US after every BURST datagrams; prints {@code sent N}.</li>
 *   <li>{@code receive PORT COUNT TIMEOUT_MS}: prints {@code ready}, a {@code payload P} line per datagram and
 *   {@code progress N} every 16, until COUNT arrived or TIMEOUT_MS passed without one; prints {@code received N}.</li>
 *   <li>{@code flood HOST PORT COUNT MAX_MS PAYLOAD_LENGTH}: datagrams carrying a sequence number as fast as the
 *   socket takes them, until COUNT or MAX_MS; prints {@code sent N}.</li>
 * </ul>
 */
public final class KernelPeer
{
    private KernelPeer()
    {
    }

    /**
     * Run one mode.
     *
     * @param args the mode and its arguments.
     * @throws IOException when a socket fails.
     */
    public static void main(final String[] args) throws IOException
    {
        switch (args[0])
        {
            case "send":
                send(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), args, 4);
                break;
            case "receive":
                receive(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                break;
            case "flood":
                flood(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]),
                    Integer.parseInt(args[5]));
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.out.flush();
    }

    private static void send(final int count, final int burst, final long pauseUs, final String[] args,
        final int firstTarget) throws IOException
    {
        final int targets = args.length - firstTarget;
        final InetSocketAddress[] addresses = new InetSocketAddress[targets];
        final String[] prefixes = new String[targets];
        for (int t = 0; t < targets; t++)
        {
            final String[] parts = args[firstTarget + t].split(":");
            addresses[t] = new InetSocketAddress(InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
            prefixes[t] = parts[2];
        }
        long sent = 0;
        try (MulticastSocket socket = new MulticastSocket(0))
        {
            socket.setTimeToLive(1);
            for (int i = 0; i < count; i++)
            {
                for (int t = 0; t < targets; t++)
                {
                    final byte[] payload = (prefixes[t] + i).getBytes(StandardCharsets.US_ASCII);
                    socket.send(new DatagramPacket(payload, payload.length, addresses[t]));
                    if (++sent % burst == 0 && pauseUs > 0)
                    {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauseUs));
                    }
                }
            }
        }
        System.out.println("sent " + sent);
    }

    private static void receive(final int port, final int count, final int timeoutMs) throws IOException
    {
        int received = 0;
        try (MulticastSocket socket = new MulticastSocket(port))
        {
            socket.setReceiveBufferSize(4 * 1024 * 1024);
            socket.setSoTimeout(timeoutMs);
            System.out.println("ready");
            System.out.flush();
            final byte[] buffer = new byte[65536];
            final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            while (received < count)
            {
                packet.setLength(buffer.length);
                try
                {
                    socket.receive(packet);
                }
                catch (final SocketTimeoutException ex)
                {
                    break;
                }
                received++;
                System.out.println("payload " +
                    new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII));
                if (received % 16 == 0)
                {
                    System.out.println("progress " + received);
                    System.out.flush();
                }
            }
        }
        System.out.println("progress " + received);
        System.out.println("received " + received);
    }

    private static void flood(final String host, final int port, final long count, final long maxMs,
        final int payloadLength) throws IOException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
        final ByteBuffer payload = ByteBuffer.allocateDirect(Math.max(8, payloadLength));
        long sent = 0;
        try (DatagramChannel channel = DatagramChannel.open())
        {
            channel.connect(new InetSocketAddress(InetAddress.getByName(host), port));
            System.out.println("ready");
            System.out.flush();
            while (sent < count && ((sent & 1023) != 0 || System.nanoTime() - deadlineNs < 0))
            {
                payload.clear();
                payload.putLong(0, sent);
                channel.write(payload);
                sent++;
            }
        }
        System.out.println("sent " + sent);
    }
}
